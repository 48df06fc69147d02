// MD5 of a byte stream, computed as the bytes pass, never holding them: what the broker's `checksum`
// is (docs/contracts/dialogporten-broker.md §B.2: MD5, 32 lower-case hex characters). The suite uses it on
// both sides of a file transfer: the system computes the checksum it sends at initialize, and the
// recipient computes the MD5 of the bytes it downloaded and compares it with the file's checksum.

import { createHash, type Hash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';

/** What a stream of bytes was: its length and its MD5 (lower-case hex). */
export interface Digest {
  size: number;
  md5: string;
}

/** Reads a stream to its end and returns its length and MD5; the bytes are dropped as they are hashed. */
export async function digestOf(source: AsyncIterable<Uint8Array | string>): Promise<Digest> {
  const hash = createHash('md5');
  let size = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    hash.update(bytes);
    size += bytes.length;
  }
  return { size, md5: hash.digest('hex') };
}

/** MD5 of bytes in memory (small files: a tinglysning document). */
export function md5Of(bytes: Uint8Array | string): string {
  return createHash('md5').update(bytes).digest('hex');
}

/** A pass-through that hashes what flows through it; `digest()` is ready when the stream has ended. */
export class DigestingStream extends Transform {
  private readonly hash: Hash = createHash('md5');
  private size = 0;
  private result: Digest | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.result = { size: this.size, md5: this.hash.digest('hex') };
    callback();
  }

  /** The length and MD5 of everything that passed (only after the end). */
  digest(): Digest {
    if (!this.result) throw new Error('Strømmen er ikke lest til ende ennå; sjekksummen er ikke klar.');
    return this.result;
  }
}

/**
 * A deterministic stream of `size` bytes made on the fly in chunks (a counter pattern seeded by
 * `seed`): the same arguments give the same bytes, so the MD5 can be computed in one pass and the
 * upload made in another without ever holding the content.
 */
export function generatedContent(size: number, seed = 0, chunkSize = 1 << 20): Readable {
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= size) {
        this.push(null);
        return;
      }
      const length = Math.min(chunkSize, size - offset);
      const chunk = Buffer.allocUnsafe(length);
      for (let i = 0; i < length; i += 4) {
        const word = ((offset + i) / 4 + seed * 2654435761) >>> 0;
        const value = Math.imul(word ^ (word >>> 16), 0x45d9f3b) >>> 0;
        if (i + 4 <= length) chunk.writeUInt32LE(value, i);
        else for (let j = 0; i + j < length; j++) chunk[i + j] = (value >>> (8 * j)) & 0xff;
      }
      offset += length;
      this.push(chunk);
    },
  });
}
