// The parties of a target without the test data API (support/target/fixtures.ts), the look-alike the
// runner starts for targets/tt02-simulert.json (scripts/lib/look-alike.ts), and what the TT02
// profiles select: the five seed walk-throughs must run against TT02's capabilities.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJWK, importPKCS8, jwtVerify, SignJWT, type JWK } from 'jose';
import { fixtureProblems, validOrgNo, validPid, workerIndex, type Fixtures } from '../support/target/fixtures.ts';
import { ProfileError, readProfile } from '../support/target/profile.ts';
import { notApplicable, readScenarios } from '../scripts/lib/features.ts';
import { prepareLookAlike } from '../scripts/lib/look-alike.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const simulated = readProfile('targets/tt02-simulert.json');
const example = readProfile('targets/tt02.example.json');

test('the simulated TT02 fixtures are consistent: two pools, valid numbers, a client with REGN and a customer without', () => {
  const fixtures = simulated.fixtures!;
  assert.equal(fixtures.pools.length, 2);
  assert.deepEqual(fixtureProblems(fixtures, simulated.capabilities, 2), []);
  for (const pool of fixtures.pools) {
    assert.equal(pool.client?.regnskapsforer, pool.accountant?.orgNo);
    assert.equal(pool.customer?.regnskapsforer, undefined);
    for (const company of [pool.company, pool.otherCompany, pool.accountant, pool.client, pool.customer]) {
      assert.ok(company && validOrgNo(company.orgNo) && validPid(company.dagligLeder.pid), JSON.stringify(company));
    }
  }
  assert.deepEqual(fixtureProblems(example.fixtures!, example.capabilities), []);
});

test('fixtureProblems names the fixture behind each problem', () => {
  const good = structuredClone(simulated.fixtures!) as Fixtures;
  const broken = structuredClone(good);
  broken.pools[0]!.client!.regnskapsforer = broken.pools[0]!.otherCompany!.orgNo;
  broken.pools[0]!.customer!.regnskapsforer = broken.pools[0]!.accountant!.orgNo;
  broken.pools[1]!.company = broken.pools[0]!.company!;
  broken.pools[1]!.otherCompany!.orgNo = '310000018';
  broken.pools[1]!.accountant!.dagligLeder.pid = '01010112345';
  delete broken.pools[1]!.customer;
  delete broken.kartverket;
  const problems = fixtureProblems(broken, simulated.capabilities, 3).join('\n');
  assert.match(problems, /fixtures\.pools\[0\]\.client\.regnskapsforer må være regnskapsførerens/);
  assert.match(problems, /fixtures\.pools\[0\]\.customer har regnskapsføreren/);
  assert.match(problems, /fixtures\.pools\[1\]\.company er samme part som fixtures\.pools\[0\]\.company/);
  assert.match(problems, /fixtures\.pools\[1\]\.otherCompany\.orgNo 310000018 er ikke et gyldig organisasjonsnummer/);
  assert.match(problems, /fixtures\.pools\[1\]\.accountant\.dagligLeder\.pid er ikke et gyldig fødselsnummer/);
  assert.match(problems, /kapabiliteten klientdelegering trenger fixtures\.pools\[1\]\.customer/);
  assert.match(problems, /kapabiliteten formidling trenger fixtures\.kartverket/);
  assert.match(problems, /--parallel 3 trenger 3 pooler/);
  // Without the capabilities that need them, missing parties are no problem.
  const bare = { pools: [{ vendor: good.pools[0]!.vendor }] };
  assert.deepEqual(fixtureProblems(bare, ['systemregister', 'maskinporten']), []);
});

test('the profile schema refuses unknown keys in the fixtures', () => {
  const raw = JSON.parse(readFileSync(new URL('../targets/tt02.example.json', import.meta.url), 'utf8'));
  raw.fixtures.pools[0].company.regnskapsfører = '310000019';
  const dir = mkdtempSync(join(tmpdir(), 'samsvar-profile-'));
  try {
    writeFileSync(join(dir, 'p.json'), JSON.stringify(raw));
    assert.throws(() => readProfile(join(dir, 'p.json')), (e: Error) => e instanceof ProfileError && /\/fixtures\/pools\/0\/company must NOT have additional properties/.test(e.message));
    delete raw.fixtures.pools[0].company.regnskapsfører;
    writeFileSync(join(dir, 'p.json'), JSON.stringify(raw));
    assert.equal(readProfile(join(dir, 'p.json')).name, 'tt02');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('each parallel worker takes its own pool', () => {
  assert.equal(workerIndex({}), 0);
  assert.equal(workerIndex({ CUCUMBER_WORKER_ID: '1' }), 1);
  assert.equal(workerIndex({ CUCUMBER_WORKER_ID: 'x' }), 0);
});

test('the five seed walk-throughs are selected by the TT02 profiles', () => {
  const scenarios = readScenarios(root);
  for (const profile of [simulated, example]) {
    const skipped = new Set(notApplicable(scenarios, profile.capabilities).map((s) => `${s.uri}:${s.line}`));
    for (const n of [1, 2, 3, 4, 5]) {
      const walkThroughs = scenarios.filter((s) => s.tags.includes(`@scenario:${n}`) && s.krav.includes(`SB-${n}.1`));
      assert.ok(walkThroughs.length > 0, `scenario ${n} has a walk-through tagged SB-${n}.1`);
      for (const s of walkThroughs) assert.ok(!skipped.has(`${s.uri}:${s.line}`), `${profile.name} selects ${s.name}`);
    }
  }
});

test('the look-alike gives every named client a fresh key: the private key the suite gets signs what the seeded public key verifies', async () => {
  const look = await prepareLookAlike(simulated, {});
  try {
    const seedFile = look.args[look.args.indexOf('--seed') + 1]!;
    const seed = JSON.parse(readFileSync(seedFile, 'utf8')) as { maskinportenClients: Array<{ clientId: string; jwks: { keys: JWK[] } }> };
    const vendor = simulated.fixtures!.pools[0]!.vendor;
    const pem = look.env[vendor.privateKey.slice(4)]!;
    const jws = await new SignJWT({ iss: vendor.clientId }).setProtectedHeader({ alg: 'RS256', kid: vendor.keyId }).sign(await importPKCS8(pem, 'RS256'));
    const publicJwk = seed.maskinportenClients.find((c) => c.clientId === vendor.clientId)!.jwks.keys[0]!;
    assert.equal(publicJwk.kid, vendor.keyId);
    assert.equal(publicJwk.d, undefined, 'only the public key goes into the seed');
    await jwtVerify(jws, await importJWK(publicJwk, 'RS256'));
    // Another client's key does not verify it.
    const other = seed.maskinportenClients.find((c) => c.clientId === simulated.fixtures!.serviceOwner!.clientId)!.jwks.keys[0]!;
    await assert.rejects(jwtVerify(jws, await importJWK(other, 'RS256')));
    assert.match(look.env.SAMSVAR_TT02_SUBSCRIPTION_KEY!, /^[0-9a-f]{32}$/);
    assert.match(look.env.SAMSVAR_TT02_TESTTOOLS_CREDENTIALS!, /^samsvar:[0-9a-f]{24}$/);
    assert.deepEqual(look.args.filter((a) => a.startsWith('--')), ['--as', '--seed', '--subscription-key-env', '--testtools-credentials-env']);
  } finally {
    look.dispose();
  }
});

test('samsvar plan shows what a run against TT02 selects, starting nothing; without a capability a walk-through is not run', () => {
  const tsx = join(root, 'node_modules/.bin/tsx');
  const planOf = (target: string) => spawnSync(tsx, ['scripts/samsvar.ts', 'plan', '--target', target], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH } });
  const out = planOf('targets/tt02.example.json');
  assert.equal(out.status, 0, out.stderr);
  assert.equal((out.stdout.match(/gjennomgangen kjøres \(/g) ?? []).length, 5, out.stdout);
  assert.match(out.stdout, /\d+ av \d+ scenarier er aktuelle/);
  assert.match(out.stdout, /Test Tools-påloggingen .* SAMSVAR_TT02_TESTTOOLS_CREDENTIALS, som ikke er satt/);
  const raw = JSON.parse(readFileSync(join(root, 'targets/tt02.example.json'), 'utf8'));
  raw.capabilities = raw.capabilities.filter((c: string) => c !== 'formidling');
  delete raw.expectedFailures;
  const dir = mkdtempSync(join(tmpdir(), 'samsvar-plan-'));
  try {
    writeFileSync(join(dir, 'p.json'), JSON.stringify(raw));
    const without = planOf(join(dir, 'p.json'));
    assert.match(without.stdout, /Brukerscenario 5: gjennomgangen kjøres IKKE/);
    assert.match(without.stdout, /— mangler kapabilitet formidling/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
