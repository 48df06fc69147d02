import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { AREAS, KEY_PACKAGES } from '../src/components/accessmanagement/catalogue-data.ts';
import { Catalogue, derivedPackageId } from '../src/components/accessmanagement/catalogue.ts';
import { keyRolePackages, packagesForRole } from '../src/components/accessmanagement/role-packages.ts';
import { AccessManager } from '../src/components/accessmanagement/service.ts';
import { RegisterStore } from '../src/components/register/store.ts';
import type { SystemUser } from '../src/platform/model.ts';
import type { Services } from '../src/platform/services.ts';

const BASE = '/accessmanagement/api/v1/meta/info/accesspackages';

async function app(): Promise<FastifyInstance> {
  return buildApp({ publicUrl: 'http://127.0.0.1:1', logger: false });
}

function codes(role: string, orgForm: string): string[] {
  return packagesForRole(role, orgForm).map((p) => p.code).sort();
}

/** docs/contracts/altinn-authorization.md §2.4, verbatim: code, id, D, A, service owner. */
const SECTION_2_4: Array<[string, string, boolean, boolean, boolean]> = [
  ['regnskapsforer-med-signeringsrettighet', '955d5779-3e2b-4098-b11d-0431dc41ddbe', true, false, true],
  ['regnskapsforer-uten-signeringsrettighet', 'a5f7f72a-9b89-445d-85bb-06f678a3d4d1', true, false, true],
  ['regnskapsforer-lonn', '43becc6a-8c6c-4e9e-bb2f-08fe588ada21', true, false, true],
  ['ansvarlig-revisor', '2f176732-b1e9-449b-9918-090d1fa986f6', true, false, true],
  ['revisormedarbeider', '96120c32-389d-46eb-8212-0a6540540c25', true, false, true],
  ['forretningsforer-eiendom', '0195efb8-7c80-7cf2-bcc8-720a3fb39d44', true, false, true],
  ['merverdiavgift', '9a61b136-7810-4939-ab6d-84938e9a12c6', true, true, true],
  ['skatt-naering', '1dba50d6-f604-48e9-bd41-82321b13e85c', true, true, true],
  ['skattegrunnlag', '4c859601-9b2b-4662-af39-846f4117ad7a', true, true, true],
  ['regnskap-okonomi-rapport', 'b4e69b54-895e-42c5-bf0d-861a571cd282', true, true, true],
  ['krav-og-utlegg', 'a02fc602-872a-4671-b338-8b86a64b534a', true, true, true],
  ['mva-kompensasjon-revisorattesterer', '8402518e-fc2d-4f16-8b67-299b98910ab3', true, true, true],
  ['revisorattesterer', '1886712b-e077-445a-ab3f-8c8bdebccc67', true, true, true],
  ['a-ordning', '4af2d44d-f9f8-4585-b679-7875bb1828ea', true, true, true],
  ['lonn', 'fb0aa257-e7dc-4b7b-9528-77dfb749461c', true, true, true],
  ['klientadministrator', '0195efb8-7c80-7e82-9b4f-7d63e773bbca', false, true, false],
  ['tilgangsstyrer', '0195efb8-7c80-7a95-ad36-900c3d8ad300', false, true, false],
  ['hovedadministrator', '0195efb8-7c80-7e16-ab0c-36dc8ab1a29d', false, true, false],
  ['virksomhetens-representant-skjemaoppgaver', '8cb5c1f8-fad7-4ae0-b02b-8ad4cb2652eb', false, true, false],
];

test('the catalogue holds the 147 organisation packages of §2.3, each once', () => {
  const all = new Catalogue().all();
  assert.equal(all.length, 147);
  assert.equal(new Set(all.map((p) => p.code)).size, 147);
  assert.equal(new Set(all.map((p) => p.id)).size, 147);
  assert.equal(AREAS.length, 21);
  for (const p of all) assert.equal(p.urn, `urn:altinn:accesspackage:${p.code}`);
});

test('§2.4 packages carry their exact ids and flags', () => {
  const catalogue = new Catalogue();
  assert.equal(Object.keys(KEY_PACKAGES).length, SECTION_2_4.length);
  for (const [code, id, d, a, svc] of SECTION_2_4) {
    const p = catalogue.find(code);
    assert.ok(p, code);
    assert.deepEqual([p.id, p.isDelegable, p.isAssignable, p.isResourcePolicyAvailable], [id, d, a, svc], code);
    assert.equal(catalogue.find(id)?.code, code);
    assert.equal(catalogue.find(`urn:altinn:accesspackage:${code}`)?.id, id);
  }
});

test('other packages get the flags §2.3 implies and a derived id', () => {
  const catalogue = new Catalogue();
  const flags = (code: string) => {
    const p = catalogue.find(code);
    assert.ok(p, code);
    return [p.isDelegable, p.isAssignable, p.isResourcePolicyAvailable];
  };
  assert.deepEqual(flags('eksplisitt'), [false, false, true]);
  assert.deepEqual(flags('maskinporten-scopes'), [false, true, true]);
  assert.deepEqual(flags('maskinporten-administrator'), [false, true, false]);
  assert.deepEqual(flags('konkursbo-tilgangsstyrer'), [false, true, false]);
  assert.deepEqual(flags('ffor-tilgangsstyrer-nuf'), [false, true, true]);
  assert.deepEqual(flags('jordbruk'), [true, true, true]);
  assert.deepEqual(flags('konkursbo-lesetilgang'), [true, true, true]);
  assert.equal(catalogue.find('jordbruk')?.id, derivedPackageId('jordbruk'));
  assert.match(derivedPackageId('jordbruk'), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(catalogue.find('no-such-package'), undefined);
});

test('role mapping: DAGL gives 133 packages incl. merverdiavgift and tilgangsstyrer, none of the exclusions', () => {
  const dagl = codes('DAGL', 'AS');
  assert.equal(dagl.length, 133);
  assert.equal(keyRolePackages().length, 133);
  for (const code of ['merverdiavgift', 'tilgangsstyrer', 'klientadministrator', 'hovedadministrator', 'skatt-naering', 'skattegrunnlag', 'maskinporten-administrator']) {
    assert.ok(dagl.includes(code), code);
  }
  for (const code of ['eksplisitt', 'post-til-virksomheten-med-taushetsbelagt-innhold', 'konkursbo-tilgangsstyrer', 'tjenester-nuf', 'maskinporten-scopes-nuf', 'regnskapsforer-lonn']) {
    assert.ok(!dagl.includes(code), code);
  }
  for (const role of ['LEDE', 'INNH', 'DTSO', 'DTPR', 'KOMP', 'BEST']) assert.deepEqual(codes(role, 'ENK'), dagl, role);
  assert.deepEqual(codes('BOBE', 'AS'), [...dagl, 'konkursbo-lesetilgang', 'konkursbo-skrivetilgang'].sort());
});

test('role mapping: REGN gives the three accountant packages, REVI the two auditor packages, not delegable onward', () => {
  assert.deepEqual(packagesForRole('REGN', 'AS'), [
    { code: 'regnskapsforer-med-signeringsrettighet', canDelegate: false, hasAccess: true },
    { code: 'regnskapsforer-uten-signeringsrettighet', canDelegate: false, hasAccess: true },
    { code: 'regnskapsforer-lonn', canDelegate: false, hasAccess: true },
  ]);
  assert.deepEqual(codes('REVI', 'ENK'), ['ansvarlig-revisor', 'revisormedarbeider']);
});

test('role mapping: FFØR gives forretningsforer-eiendom only for BRL and ESEK, and the NUF set only for NUF', () => {
  assert.deepEqual(codes('FFØR', 'BRL'), ['forretningsforer-eiendom']);
  assert.deepEqual(codes('FFØR', 'ESEK'), ['forretningsforer-eiendom']);
  assert.deepEqual(codes('FFØR', 'AS'), []);
  const nuf = codes('FFØR', 'NUF');
  assert.ok(!nuf.includes('forretningsforer-eiendom'));
  assert.ok(nuf.includes('merverdiavgift') && nuf.includes('ffor-tilgangsstyrer-nuf') && nuf.includes('tjenester-nuf'));
  assert.equal(nuf.length, 10);
});

test('role mapping: HADM can delegate but not use; KNUF adds maskinporten-scopes-nuf for NUF only; MEDL gives nothing', () => {
  const hadm = packagesForRole('HADM', 'AS');
  assert.equal(hadm.length, 134);
  assert.ok(hadm.every((p) => p.canDelegate && !p.hasAccess));
  assert.equal(codes('KNUF', 'AS').length, 11);
  assert.deepEqual(codes('KNUF', 'NUF'), [...codes('KNUF', 'AS'), 'maskinporten-scopes-nuf'].sort());
  assert.deepEqual(codes('REPR', 'NUF'), codes('KNUF', 'AS'));
  assert.deepEqual(codes('MEDL', 'AS'), []);
});

function accessWorld() {
  const services = {} as Services;
  services.register = new RegisterStore();
  services.catalogue = new Catalogue();
  const access = new AccessManager(services);
  services.access = access;
  services.register.createOrganisation({ orgNo: '310000019', name: 'Kunde AS', orgForm: 'AS' });
  services.register.createOrganisation({ orgNo: '310000027', name: 'Borettslaget BRL', orgForm: 'BRL' });
  services.register.createOrganisation({ orgNo: '310000035', name: 'Regnskap AS', orgForm: 'AS' });
  services.register.createPerson({ pid: '01819010001', name: 'Dagny Leder' });
  return { services, access };
}

test('packagesForPerson: ER roles in the org (filtered by its org form) plus nothing elsewhere', () => {
  const { services, access } = accessWorld();
  services.register.addRole({ orgNo: '310000019', role: 'DAGL', holder: { pid: '01819010001' } });
  services.register.addRole({ orgNo: '310000027', role: 'FFØR', holder: { pid: '01819010001' } });
  const inKunde = access.packagesForPerson('01819010001', '310000019');
  assert.equal(inKunde.length, 133);
  assert.ok(inKunde.includes('merverdiavgift') && inKunde.includes('tilgangsstyrer'));
  assert.deepEqual(access.packagesForPerson('01819010001', '310000027'), ['forretningsforer-eiendom']);
  assert.deepEqual(access.packagesForPerson('01819010001', '310000035'), []);
  assert.deepEqual(access.packagesForPerson('01819010192', '310000019'), []);
});

test('packagesForOrganisation: REGN held by an accounting org gives it the accountant packages for the client', () => {
  const { services, access } = accessWorld();
  services.register.addRole({ orgNo: '310000019', role: 'REGN', holder: { orgNo: '310000035' } });
  assert.deepEqual(access.packagesForOrganisation('310000035', '310000019'),
    ['regnskapsforer-med-signeringsrettighet', 'regnskapsforer-uten-signeringsrettighet', 'regnskapsforer-lonn']);
  assert.deepEqual(access.accessFromTo('310000019', { type: 'organisation', orgNo: '310000035' })[0]?.role, 'regnskapsforer');
  assert.deepEqual(access.packagesForOrganisation('310000019', '310000035'), []);
});

test('system user assignments: per party, idempotent, with rights, revoked together', () => {
  const { access } = accessWorld();
  const su = 'C1A2B3C4-0000-4000-8000-000000000001';
  access.assignToSystemUser('310000019', su, ['urn:altinn:accesspackage:merverdiavgift', 'urn:altinn:accesspackage:skattegrunnlag']);
  access.assignToSystemUser('310000019', su, ['urn:altinn:accesspackage:merverdiavgift']);
  access.assignRightsToSystemUser('310000019', su, [{ action: 'read', resource: [{ id: 'urn:altinn:resource', value: 'r1' }] }]);
  access.assignRightsToSystemUser('310000019', su, [{ action: 'read', resource: [{ id: 'urn:altinn:resource', value: 'r1' }] }]);
  assert.deepEqual(access.packagesForSystemUser(su.toLowerCase(), '310000019'), ['merverdiavgift', 'skattegrunnlag']);
  assert.deepEqual(access.packagesForSystemUser(su, '310000027'), []);
  assert.deepEqual(access.rightsForSystemUser(su, '310000019'), [{ action: 'read', resource: [{ id: 'urn:altinn:resource', value: 'r1' }] }]);
  assert.throws(() => access.assignToSystemUser('310000019', su, ['urn:altinn:accesspackage:nope', 'urn:altinn:accesspackage:lonn']));
  assert.deepEqual(access.packagesForSystemUser(su, '310000019'), ['merverdiavgift', 'skattegrunnlag'], 'nothing half-written');
  access.revokeAllForSystemUser(su);
  assert.deepEqual(access.packagesForSystemUser(su, '310000019'), []);
  assert.deepEqual(access.rightsForSystemUser(su, '310000019'), []);
});

test('GET package/{id} and package/urn/{urn} return the PackageDto; unknown ids are 404 problems', async () => {
  const a = await app();
  const byId = await a.inject({ method: 'GET', url: `${BASE}/package/9a61b136-7810-4939-ab6d-84938e9a12c6` });
  assert.equal(byId.statusCode, 200);
  const dto = byId.json() as Record<string, unknown>;
  assert.deepEqual(Object.keys(dto).sort(),
    ['area', 'description', 'id', 'isAssignable', 'isDelegable', 'isResourcePolicyAvailable', 'name', 'resources', 'type', 'urn']);
  assert.deepEqual([dto.id, dto.urn, dto.isDelegable, dto.isAssignable, dto.isResourcePolicyAvailable],
    ['9a61b136-7810-4939-ab6d-84938e9a12c6', 'urn:altinn:accesspackage:merverdiavgift', true, true, true]);
  assert.equal((dto.area as { id: string }).id, '7d32591d-34b7-4afc-8afa-013722f8c05d');
  assert.equal((dto.area as { urn: string }).urn, 'accesspackage:area:skatt_avgift_regnskap_og_toll');
  assert.deepEqual(dto.type, { id: '8c216e2f-afdd-4234-9ba2-691c727bb33d', name: 'Organisasjon' });

  const byUrn = await a.inject({ method: 'GET', url: `${BASE}/package/urn/${encodeURIComponent('urn:altinn:accesspackage:regnskapsforer-lonn')}` });
  assert.equal(byUrn.statusCode, 200);
  assert.equal((byUrn.json() as { id: string }).id, '43becc6a-8c6c-4e9e-bb2f-08fe588ada21');
  assert.equal((byUrn.json() as { isAssignable: boolean }).isAssignable, false);
  const byCode = await a.inject({ method: 'GET', url: `${BASE}/package/urn/tilgangsstyrer` });
  assert.deepEqual([(byCode.json() as { id: string }).id, (byCode.json() as { isDelegable: boolean }).isDelegable],
    ['0195efb8-7c80-7a95-ad36-900c3d8ad300', false]);

  const unknownId = await a.inject({ method: 'GET', url: `${BASE}/package/00000000-0000-4000-8000-000000000000` });
  assert.equal(unknownId.statusCode, 404);
  assert.equal(unknownId.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.equal((unknownId.json() as { status: number }).status, 404);
  assert.equal((await a.inject({ method: 'GET', url: `${BASE}/package/urn/urn%3Aaltinn%3Aaccesspackage%3Anope` })).statusCode, 404);
  const notGuid = await a.inject({ method: 'GET', url: `${BASE}/package/merverdiavgift` });
  assert.equal(notGuid.statusCode, 400);
  assert.equal((notGuid.json() as { code: string }).code, 'STD-00000');
});

test('groups, areas and export form one hierarchy', async () => {
  const a = await app();
  const groups = (await a.inject({ method: 'GET', url: `${BASE}/group/` })).json() as Array<{ id: string; name: string; areas: unknown[] }>;
  assert.deepEqual(groups.map((g) => g.name), ['Allment', 'Bransje', 'Særskilt']);
  assert.deepEqual(groups.map((g) => g.areas.length), [7, 10, 4]);
  const exported = (await a.inject({ method: 'GET', url: `${BASE}/export` })).json() as typeof groups;
  assert.deepEqual(exported, groups);

  const special = await a.inject({ method: 'GET', url: `${BASE}/group/554f0321-53b8-4d97-be12-6a585c507159/areas` });
  assert.equal(special.statusCode, 200);
  const areas = special.json() as Array<{ urn: string; packages: Array<{ urn: string }> }>;
  assert.equal(areas[0]?.urn, 'accesspackage:area:fullmakter_for_regnskapsforer');
  assert.deepEqual(areas[0]?.packages.map((p) => p.urn), [
    'urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet',
    'urn:altinn:accesspackage:regnskapsforer-lonn',
    'urn:altinn:accesspackage:regnskapsforer-uten-signeringsrettighet',
  ]);

  const area = await a.inject({ method: 'GET', url: `${BASE}/area/e4ae823f-41db-46ed-873f-8a5d1378fff8` });
  assert.equal((area.json() as { name: string }).name, 'Administrere tilganger');
  const packages = (await a.inject({ method: 'GET', url: `${BASE}/area/e4ae823f-41db-46ed-873f-8a5d1378fff8/packages` })).json() as Array<{ isResourcePolicyAvailable: boolean }>;
  assert.equal(packages.length, 6);
  assert.ok(packages.every((p) => p.isResourcePolicyAvailable === false));

  assert.equal((await a.inject({ method: 'GET', url: `${BASE}/group/7e2a3af8-08cb-43a9-bdd7-7d5c7e377145` })).statusCode, 200);
  assert.equal((await a.inject({ method: 'GET', url: `${BASE}/group/413f99ca-19ca-4124-8470-b0c1dba3d2ee` })).statusCode, 404);
  assert.equal((await a.inject({ method: 'GET', url: `${BASE}/area/00000000-0000-4000-8000-000000000000/packages` })).statusCode, 404);
});

/** An agent (or standard) system user owned by `owner`, as the authentication component would hold it. */
function systemUser(id: string, owner: string, userType: SystemUser['userType']): SystemUser {
  return {
    id, integrationTitle: 'Regnskap Pluss', systemId: '310000043_regnskap', productName: '', reporteeOrgNo: owner,
    created: new Date().toISOString(), isDeleted: false, supplierName: '', supplierOrgno: '310000043', externalRef: owner,
    userType, accessPackages: [], rights: [],
  };
}

test('client delegation: clients per relation, AM\'s own refusals, cascade when the relation loses the package', () => {
  const { services, access } = accessWorld();
  const agent = 'a9a9a9a9-0000-4000-8000-000000000001';
  const standard = 'a9a9a9a9-0000-4000-8000-000000000002';
  const users = [systemUser(agent, '310000035', 'agent'), systemUser(standard, '310000035', 'standard')];
  services.systemUsers = { systemUser: (id) => users.find((u) => u.id === id.toLowerCase()), byExternalId: () => undefined };
  // 310000035 (Regnskap AS) holds REGN in 310000019 (AS) and FFØR in 310000027 (BRL); 310000019 also grants it merverdiavgift.
  services.register.addRole({ orgNo: '310000019', role: 'REGN', holder: { orgNo: '310000035' } });
  services.register.addRole({ orgNo: '310000027', role: 'FFØR', holder: { orgNo: '310000035' } });
  access.addPackage('310000019', { type: 'organisation', orgNo: '310000035' }, 'merverdiavgift');
  access.addPackage('310000019', { type: 'organisation', orgNo: '310000035' }, 'klientadministrator'); // not delegable: never a client package
  assert.deepEqual(access.clientsOf('310000035'), [
    { clientOrgNo: '310000019', access: [
      { role: 'regnskapsforer', packages: ['regnskapsforer-med-signeringsrettighet', 'regnskapsforer-uten-signeringsrettighet', 'regnskapsforer-lonn'] },
      { role: 'rettighetshaver', packages: ['merverdiavgift'] },
    ] },
    { clientOrgNo: '310000027', access: [{ role: 'forretningsforer', packages: ['forretningsforer-eiendom'] }] },
  ]);
  assert.deepEqual(access.clientsOf('310000035', ['merverdiavgift']), [{ clientOrgNo: '310000019', access: [{ role: 'rettighetshaver', packages: ['merverdiavgift'] }] }]);
  assert.deepEqual(access.clientsOf('310000019'), [], 'the relation has a direction');

  const delegate = (id: string, role: string, packages: string[], client = '310000019') =>
    access.delegateToAgent({ facilitatorOrgNo: '310000035', clientOrgNo: client, agentSystemUserId: id, values: [{ role, packages }] });
  assert.equal(delegate(standard, 'rettighetshaver', ['merverdiavgift']).ok, false, 'only agent system users');
  assert.equal(delegate(agent, 'regnskapsforer', ['merverdiavgift']).ok, false, 'the package must come through the named role');
  assert.equal(delegate(agent, 'rettighetshaver', ['klientadministrator']).ok, false, 'not delegable');
  assert.equal(delegate(agent, 'forretningsforer', ['forretningsforer-eiendom'], '310000035').ok, false, 'the facilitator is not its own client');
  assert.deepEqual(access.clientDelegationsTo(agent), [], 'refusals write nothing');

  assert.deepEqual(delegate(agent, 'rettighetshaver', ['merverdiavgift']), { ok: true, changed: true });
  assert.deepEqual(delegate(agent, 'rettighetshaver', ['merverdiavgift']), { ok: true, changed: false });
  assert.deepEqual(delegate(agent, 'regnskapsforer', ['regnskapsforer-lonn']), { ok: true, changed: true });
  assert.deepEqual(access.packagesForSystemUser(agent.toUpperCase(), '310000019'), ['merverdiavgift', 'regnskapsforer-lonn']);
  assert.deepEqual(access.packagesForSystemUser(agent, '310000035'), [], 'nothing for the owner itself');
  assert.deepEqual(access.clientDelegationsTo(agent), [{
    facilitatorOrgNo: '310000035', clientOrgNo: '310000019', agentSystemUserId: agent,
    access: [{ role: 'rettighetshaver', packages: ['merverdiavgift'] }, { role: 'regnskapsforer', packages: ['regnskapsforer-lonn'] }],
  }]);
  // The customer takes merverdiavgift back: it leaves the delegation; REGN's package stays.
  access.removePackage('310000019', { type: 'organisation', orgNo: '310000035' }, 'merverdiavgift');
  assert.deepEqual(access.packagesForSystemUser(agent, '310000019'), ['regnskapsforer-lonn']);
  assert.equal(access.revokeClientFromAgent('310000035', '310000019', agent), true);
  assert.equal(access.revokeClientFromAgent('310000035', '310000019', agent), false);
  assert.deepEqual(access.packagesForSystemUser(agent, '310000019'), []);
  // Deleting the system user removes its delegations and its agent assignment.
  assert.deepEqual(delegate(agent, 'forretningsforer', ['forretningsforer-eiendom'], '310000027'), { ok: true, changed: true });
  assert.equal(access.store.to({ type: 'systemuser', id: agent }).map((a) => a.role).join(), 'agent');
  access.revokeAllForSystemUser(agent);
  assert.deepEqual(access.clientDelegationsTo(agent), []);
  assert.deepEqual(access.store.to({ type: 'systemuser', id: agent }), []);
});

test('connections: access managers, and what a person may assign (IsAssignable && CanDelegate)', () => {
  const { services, access } = accessWorld();
  services.register.addRole({ orgNo: '310000019', role: 'DAGL', holder: { pid: '01819010001' } });
  assert.equal(access.isAccessManager('01819010001', '310000019'), true);
  assert.equal(access.isAccessManager('01819010001', '310000035'), false);
  assert.equal(access.mayAssign('01819010001', '310000019', 'merverdiavgift'), true);
  assert.equal(access.mayAssign('01819010001', '310000019', 'regnskapsforer-med-signeringsrettighet'), false, 'not assignable');
  assert.equal(access.mayAssign('01819010001', '310000019', 'post-til-virksomheten-med-taushetsbelagt-innhold'), true, 'through hovedadministrator');
  assert.equal(access.mayAssign('01819010001', '310000035', 'merverdiavgift'), false, 'no role there');
  // A person granted merverdiavgift directly may pass it on; tilgangsstyrer alone gives nothing to pass on.
  services.register.createPerson({ pid: '01819010192', name: 'Tina Tilgang' });
  access.addPackage('310000035', { type: 'person', pid: '01819010192' }, 'tilgangsstyrer');
  access.addPackage('310000035', { type: 'person', pid: '01819010192' }, 'merverdiavgift');
  assert.equal(access.isAccessManager('01819010192', '310000035'), true);
  assert.equal(access.mayAssign('01819010192', '310000035', 'merverdiavgift'), true);
  assert.equal(access.mayAssign('01819010192', '310000035', 'skattegrunnlag'), false);
  assert.equal(access.hasConnection('310000035', { type: 'person', pid: '01819010192' }), true);
  assert.equal(access.hasConnection('310000019', { type: 'person', pid: '01819010001' }), true, 'an ER role is a connection');
  assert.equal(access.hasConnection('310000019', { type: 'organisation', orgNo: '310000035' }), false);
});
