// The standalone server's host check (host-exposure.ts, main.ts): the test hooks need no
// authentication, so a non-loopback --host is refused unless --allow-remote-test-hooks is given, which
// prints a warning naming the hooks; the TT02 look-alike has no hooks and may listen anywhere.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { checkHostExposure, isLoopbackHost } from '../src/host-exposure.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

describe('isLoopbackHost', () => {
  test('loopback: 127.0.0.0/8, ::1, localhost', () => {
    for (const h of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', 'localhost', 'LocalHost']) {
      assert.equal(isLoopbackHost(h), true, h);
    }
  });
  test('not loopback: any address, other hosts, names', () => {
    for (const h of ['0.0.0.0', '::', '10.0.0.1', '192.168.1.20', '128.0.0.1', '::2', 'example.com', 'localhost.example.com', '']) {
      assert.equal(isLoopbackHost(h), false, h);
    }
  });
});

describe('checkHostExposure', () => {
  test('a loopback host needs no flag and gives no warning', () => {
    assert.deepEqual(checkHostExposure({ host: '127.0.0.1', tt02: false, allowRemoteTestHooks: false }), { ok: true });
  });
  test('a non-loopback host is refused without the flag, naming the hooks and the flag', () => {
    const v = checkHostExposure({ host: '0.0.0.0', tt02: false, allowRemoteTestHooks: false });
    assert.equal(v.ok, false);
    assert.ok(!v.ok && /test data API/.test(v.error) && /ID-porten test login/.test(v.error) && /--allow-remote-test-hooks/.test(v.error));
  });
  test('with the flag: allowed, with a warning naming the open hooks', () => {
    const v = checkHostExposure({ host: '0.0.0.0', tt02: false, allowRemoteTestHooks: true });
    assert.ok(v.ok && v.warning !== undefined);
    assert.match(v.warning!, /^WARNING: /);
    assert.match(v.warning!, /test data API/);
    assert.match(v.warning!, /ID-porten test login/);
  });
  test('the TT02 look-alike (no test hooks) may listen on any host without the flag', () => {
    assert.deepEqual(checkHostExposure({ host: '0.0.0.0', tt02: true, allowRemoteTestHooks: false }), { ok: true });
  });
});

describe('main.ts', () => {
  test('--host 0.0.0.0 without the flag: exit 2 with the reason, never listening', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--host', '0.0.0.0'], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /Refusing --host 0\.0\.0\.0/);
    assert.match(r.stderr, /--allow-remote-test-hooks/);
    assert.doesNotMatch(r.stdout, /SAMSVAR_REFERENCE_URL=/);
  });

  test('--host 0.0.0.0 --allow-remote-test-hooks: listens, and warns on stderr naming the hooks', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--port', '0', '--host', '0.0.0.0', '--allow-remote-test-hooks'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const listening = new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('SAMSVAR_REFERENCE_URL=')) resolve();
      });
    });
    const timeout = setTimeout(() => child.kill('SIGKILL'), 60_000);
    try {
      await Promise.race([listening, once(child, 'exit').then(() => { throw new Error(`exited early: ${stderr}`); })]);
      assert.match(stderr, /WARNING: --allow-remote-test-hooks/);
      assert.match(stderr, /test data API/);
      assert.match(stderr, /ID-porten test login/);
    } finally {
      clearTimeout(timeout);
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    }
  });
});
