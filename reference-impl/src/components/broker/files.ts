// File content of the broker on disk: an upload streams into a staging file while its MD5
// and size are computed, so no file is ever held whole in memory; it becomes the transfer's content
// only by a rename after it is complete and its checksum matches (`publish`). An upload that fails or
// is aborted leaves only a staging file, which is deleted.

import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Thrown by `receive` when the stream grows past the allowed size. */
export class TooLarge extends Error {}

export interface Staged {
  path: string;
  md5: string;
  size: number;
}

export class FileVault {
  private constructor(readonly dir: string) {}

  /** A directory of its own for this app instance, under `dataDir` or the system's temporary directory. */
  static async open(dataDir: string | undefined): Promise<FileVault> {
    const base = dataDir ?? tmpdir();
    await mkdir(base, { recursive: true });
    return new FileVault(await mkdtemp(join(base, 'samsvar-broker-')));
  }

  private contentPath(fileTransferId: string): string {
    return join(this.dir, `${fileTransferId}.bin`);
  }

  /**
   * Streams `source` into a new staging file, hashing as it goes. Rejects (and deletes the staging
   * file) when the source errors or is aborted, or grows past `maxSize` (TooLarge).
   */
  async receive(source: Readable, maxSize: number): Promise<Staged> {
    const path = join(this.dir, `staging-${randomUUID()}.part`);
    const hash = createHash('md5');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > maxSize) {
          callback(new TooLarge(`more than ${maxSize} bytes`));
          return;
        }
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(path, { flags: 'wx' }));
    } catch (error) {
      await this.discard(path);
      throw error;
    }
    return { path, md5: hash.digest('hex'), size };
  }

  /** Makes a checked staging file the transfer's content (an atomic rename in the same directory). */
  async publish(staged: Staged, fileTransferId: string): Promise<void> {
    await rename(staged.path, this.contentPath(fileTransferId));
  }

  async discard(path: string): Promise<void> {
    await rm(path, { force: true });
  }

  /** The size of a transfer's published content, or undefined when it has none. */
  async size(fileTransferId: string): Promise<number | undefined> {
    try {
      return (await stat(this.contentPath(fileTransferId))).size;
    } catch {
      return undefined;
    }
  }

  /** A stream of the published content, whole or the inclusive byte range [start, end]. */
  read(fileTransferId: string, range?: { start: number; end: number }): ReadStream {
    return createReadStream(this.contentPath(fileTransferId), range ? { start: range.start, end: range.end } : {});
  }

  async close(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
