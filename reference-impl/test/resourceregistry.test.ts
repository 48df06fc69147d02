import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { ResourceStore } from '../src/components/resourceregistry/store.ts';
import type { Resource } from '../src/platform/model.ts';

async function app(): Promise<FastifyInstance> {
  return buildApp({ publicUrl: 'http://127.0.0.1:1', logger: false });
}

const MVA = {
  title: { nb: 'MVA-rapportering', en: 'VAT reporting' },
  resourceType: 'GenericAccessResource',
  hasCompetentAuthority: { organization: '310000019', orgcode: 'skd' },
  policy: {
    rules: [
      { subjects: ['urn:altinn:accesspackage:merverdiavgift', 'urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet'], actions: ['read', 'write'] },
      { effect: 'Deny', subjects: ['urn:altinn:accesspackage:merverdiavgift'], actions: ['delete'] },
    ],
  },
};

async function putMva(a: FastifyInstance) {
  const res = await a.inject({ method: 'PUT', url: '/testdata/api/v1/resources/samsvar-mva-rapportering', payload: MVA });
  assert.equal(res.statusCode, 201);
}

test('the store copies on the way in and out, and reports created vs replaced', () => {
  const store = new ResourceStore();
  const resource: Resource = {
    identifier: 'r1', title: { nb: 'R' }, resourceType: 'Default', delegable: true, visible: true,
    hasCompetentAuthority: { organization: '310000019', orgcode: 'ttd' }, policy: { rules: [{ subjects: ['urn:altinn:accesspackage:lonn'], actions: ['read'] }] },
  };
  assert.deepEqual(store.upsert(resource), { created: true });
  resource.policy.rules.length = 0;
  assert.equal(store.resource('r1')?.policy.rules.length, 1);
  assert.deepEqual(store.upsert(resource), { created: false });
  assert.equal(store.resource('r1')?.policy.rules.length, 0);
  assert.equal(store.resource('r2'), undefined);
  assert.equal(store.all().length, 1);
});

test('GET resource/{id} returns the resource JSON; unknown is a 404 problem', async () => {
  const a = await app();
  await putMva(a);
  const res = await a.inject({ method: 'GET', url: '/resourceregistry/api/v1/resource/samsvar-mva-rapportering' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), {
    identifier: 'samsvar-mva-rapportering',
    title: { nb: 'MVA-rapportering', en: 'VAT reporting' },
    resourceType: 'GenericAccessResource',
    delegable: true,
    visible: true,
    hasCompetentAuthority: { organization: '310000019', orgcode: 'skd' },
    accessListMode: 'Disabled',
  });
  const missing = await a.inject({ method: 'GET', url: '/resourceregistry/api/v1/resource/nope' });
  assert.equal(missing.statusCode, 404);
  assert.equal((missing.json() as { title: string }).title, 'Not Found');
  for (const path of ['policy/rules', 'policy/subjects']) {
    assert.equal((await a.inject({ method: 'GET', url: `/resourceregistry/api/v1/resource/nope/${path}` })).statusCode, 404);
  }
});

test('GET resource/resourcelist lists every resource', async () => {
  const a = await app();
  assert.deepEqual((await a.inject({ method: 'GET', url: '/resourceregistry/api/v1/resource/resourcelist' })).json(), []);
  await putMva(a);
  const list = (await a.inject({ method: 'GET', url: '/resourceregistry/api/v1/resource/resourcelist?includeApps=false' })).json() as Array<{ identifier: string }>;
  assert.deepEqual(list.map((r) => r.identifier), ['samsvar-mva-rapportering']);
  assert.equal((await a.inject({ method: 'GET', url: '/resourceregistry/api/v1/resource/resourcelist?bogus=1' })).statusCode, 400);
});

test('GET policy/rules flattens rules per subject and action', async () => {
  const a = await app();
  await putMva(a);
  const rules = (await a.inject({ method: 'GET', url: '/resourceregistry/api/v1/resource/samsvar-mva-rapportering/policy/rules' })).json() as unknown[];
  assert.equal(rules.length, 5);
  assert.deepEqual(rules[0], {
    subject: [{ type: 'urn:altinn:accesspackage', value: 'merverdiavgift' }],
    action: { type: 'urn:oasis:names:tc:xacml:1.0:action:action-id', value: 'read' },
    resource: [{ type: 'urn:altinn:resource', value: 'samsvar-mva-rapportering' }],
  });
});

test('GET policy/subjects lists each access package subject once', async () => {
  const a = await app();
  await putMva(a);
  const res = await a.inject({ method: 'GET', url: '/resourceregistry/api/v1/resource/samsvar-mva-rapportering/policy/subjects' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), {
    links: {},
    data: [
      { type: 'urn:altinn:accesspackage', value: 'merverdiavgift', urn: 'urn:altinn:accesspackage:merverdiavgift' },
      { type: 'urn:altinn:accesspackage', value: 'regnskapsforer-med-signeringsrettighet', urn: 'urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet' },
    ],
  });
});
