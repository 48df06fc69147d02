// Starts the reference implementation as its own process (never in the suite's process, never once
// per parallel worker) and reads its base URL from the line it prints.

import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningReference {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface StartOptions {
  port?: number;
  extraArgs?: string[];
  timeoutMs?: number;
  /** Another server script that prints its URL the same way (a benchmark baseline, an example service). */
  script?: string;
  /** The variable name of the URL line it prints (default SAMSVAR_REFERENCE_URL). */
  urlVariable?: string;
  env?: NodeJS.ProcessEnv;
}

export async function startReference(options: StartOptions = {}): Promise<RunningReference> {
  const script = options.script ?? 'reference-impl/src/main.ts';
  const args = ['--import', 'tsx', script, ...(options.script ? [] : ['--port', String(options.port ?? 0)]), ...(options.extraArgs ?? [])];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env });
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr.push(chunk);
    if (stderr.length > 200) stderr.shift();
  });

  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The reference implementation did not report its URL within ${options.timeoutMs ?? 30_000} ms.\n${stderr.join('')}`));
    }, options.timeoutMs ?? 30_000);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = new RegExp(`^${options.urlVariable ?? 'SAMSVAR_REFERENCE_URL'}=(\\S+)$`).exec(line.trim());
      if (m?.[1]) {
        clearTimeout(timer);
        resolvePromise(m[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The reference implementation exited (${signal ?? code}) before it was ready.\n${stderr.join('')}`));
    });
  });

  let stopped: Promise<void> | undefined;
  return {
    url,
    process: child,
    stop() {
      stopped ??= new Promise<void>((resolveStop) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolveStop();
        });
        child.kill('SIGTERM');
      });
      return stopped;
    },
  };
}
