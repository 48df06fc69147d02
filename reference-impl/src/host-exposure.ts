// Which network address the standalone server (main.ts) may listen on. The test hooks (the test data
// API, which creates parties and mints tokens, and the ID-porten stand-in's test login) need no
// authentication by design, so the reference listens on loopback only unless told otherwise: a
// non-loopback --host is refused unless --allow-remote-test-hooks is given, and then a warning names
// the open hooks. The TT02 look-alike (--as tt02) has no test hooks, so any host is fine there.

import { BlockList, isIP } from 'node:net';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** The hooks that answer without authentication when the reference is not the TT02 look-alike. */
export const OPEN_TEST_HOOKS = [
  'the test data API (/testdata: creates parties and persons, mints tokens)',
  'the ID-porten test login (/idporten/api/v1/testlogin and the portal\'s /portal/login)',
] as const;

/** Whether `host` only reaches this machine: localhost, 127.0.0.0/8, ::1 (also as an IPv4-mapped address). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  const family = isIP(h);
  if (family === 4) return LOOPBACK.check(h, 'ipv4');
  if (family === 6) return LOOPBACK.check(h, 'ipv6') || (h.startsWith('::ffff:') && isIP(h.slice(7)) === 4 && LOOPBACK.check(h.slice(7), 'ipv4'));
  return false;
}

export interface ExposureInput {
  host: string;
  tt02: boolean;
  allowRemoteTestHooks: boolean;
}

/** What main.ts does with the host: refuse (exit 2 with `error`), or listen, printing `warning` on stderr if set. */
export type ExposureVerdict = { ok: false; error: string } | { ok: true; warning?: string };

export function checkHostExposure({ host, tt02, allowRemoteTestHooks }: ExposureInput): ExposureVerdict {
  if (tt02 || isLoopbackHost(host)) return { ok: true };
  const hooks = OPEN_TEST_HOOKS.map((h) => `  - ${h}`).join('\n');
  if (!allowRemoteTestHooks) {
    return {
      ok: false,
      error: `Refusing --host ${host}: it is not a loopback address, and the reference's test hooks need no authentication:\n${hooks}\n`
        + 'Anyone who reaches the address could create parties and mint tokens. Listen on 127.0.0.1 (the default), '
        + 'start the TT02 look-alike (--as tt02, no test hooks), or give --allow-remote-test-hooks if you mean it.',
    };
  }
  return {
    ok: true,
    warning: `WARNING: --allow-remote-test-hooks: listening on ${host}, a non-loopback address, with test hooks that need no authentication:\n${hooks}\n`
      + 'Anyone who reaches the address can create parties and mint tokens. Use this only on a network you trust.',
  };
}
