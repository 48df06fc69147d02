import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FreshPool } from '../support/actors/key-pool.ts';

const tick = () => new Promise((r) => setTimeout(r, 5));

test('a pool hands every value out exactly once, made ahead of need', async () => {
  let n = 0;
  const pool = new FreshPool(async () => ++n, { depth: 3, concurrency: 2 });
  assert.equal(n, 0, 'nothing is made before the pool starts');
  pool.start();
  await tick();
  assert.equal(pool.size, 3, 'the depth is kept ready');
  const taken = await Promise.all(Array.from({ length: 20 }, () => pool.take()));
  assert.equal(new Set(taken).size, 20, 'no value is handed out twice');
  await tick();
  assert.equal(pool.size, 3, 'refilled after the takes');
  assert.equal(pool.stats.taken, 20);
});

test('at most `concurrency` values are made at a time', async () => {
  let running = 0;
  let peak = 0;
  const pool = new FreshPool(async () => {
    running++;
    peak = Math.max(peak, running);
    await tick();
    running--;
    return Symbol('pair');
  }, { depth: 8, concurrency: 2 });
  await Promise.all(Array.from({ length: 10 }, () => pool.take()));
  assert.equal(peak, 2);
});

test('a failed make rejects the one waiting for it, and the pool goes on', async () => {
  let calls = 0;
  const pool = new FreshPool(async () => {
    calls++;
    if (calls === 1) throw new Error('no entropy');
    return calls;
  }, { depth: 0, concurrency: 1 });
  await assert.rejects(pool.take(), /no entropy/);
  assert.equal(await pool.take(), 2);
});

test('the suite takes its signing keys from the pool: distinct pairs and kids', async () => {
  const { newSigningKey } = await import('../support/actors/maskinporten-identity.ts');
  const keys = await Promise.all([newSigningKey(), newSigningKey(), newSigningKey()]);
  assert.equal(new Set(keys.map((k) => k.kid)).size, 3);
  assert.equal(new Set(keys.map((k) => k.publicJwk.n)).size, 3, 'three different moduli');
});
