// The TT02 fixtures file: what Tenor holds in TT02 for a suite run (docs/contracts/tt02.md §2):
// organisations, persons, ER roles between them, Maskinporten clients (public JWKS only: the suite
// holds the private keys) and service-owner resources with policies. Its JSON Schema is built from
// the test data API's body schemas (one shape, one place) and checked at start; the file is then
// seeded through the test data API's own operations, so a fixture obeys exactly the rules a
// POST /testdata/... obeys. Every refusal names the JSON path and the problem.

import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { AltinnProblem } from '../platform/errors.ts';
import type { ErRole } from '../platform/model.ts';
import type { Services } from '../platform/services.ts';
import { addRole, createOrganisation, createPerson, putResource, registerClient, type ClientInput, type ResourceInput } from '../components/testdata/operations.ts';
import { maskinportenClientBody, organisationBody, personBody, resourceBody, resourceParams, roleBody } from '../components/testdata/schemas.ts';

const partyIds = {
  partyId: { type: 'integer', minimum: 1, maximum: 2147483647 },
  partyUuid: { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' },
} as const;

/** JSON Schema (draft 7, Ajv's default) of a fixtures file. */
export const fixturesSchema = {
  $id: 'https://samsvar.example/tt02/fixtures.schema.json',
  title: 'Samsvar TT02 fixtures (what Tenor holds)',
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    description: { type: 'string' },
    organisations: {
      type: 'array',
      items: { ...organisationBody, properties: { ...organisationBody.properties, ...partyIds } },
    },
    persons: {
      type: 'array',
      items: { ...personBody, properties: { ...personBody.properties, ...partyIds } },
    },
    roles: { type: 'array', items: roleBody },
    maskinportenClients: {
      type: 'array',
      // The suite names its clients: the client id is required here.
      items: { ...maskinportenClientBody, required: ['clientId', ...maskinportenClientBody.required] },
    },
    resources: {
      type: 'array',
      items: {
        ...resourceBody,
        properties: { identifier: resourceParams.properties.identifier, ...resourceBody.properties },
        required: ['identifier', ...resourceBody.required],
      },
    },
  },
  required: ['organisations', 'persons', 'roles', 'maskinportenClients', 'resources'],
  additionalProperties: false,
} as const;

type WithIds<T> = T & { partyId?: number; partyUuid?: string };

export interface Fixtures {
  description?: string;
  organisations: Array<WithIds<{ orgNo: string; name: string; orgForm: string }>>;
  persons: Array<WithIds<{ pid: string; name: string }>>;
  roles: ErRole[];
  maskinportenClients: Array<ClientInput & { clientId: string }>;
  resources: Array<ResourceInput & { identifier: string }>;
}

/** A fixtures file that cannot be used: the message names the file, the JSON path and the problem. */
export class FixturesError extends Error {}

const validate = new Ajv({ allErrors: true, strict: false }).compile(fixturesSchema);

/** Checks the shape against fixturesSchema; `source` names the file in the message. */
export function parseFixtures(data: unknown, source: string): Fixtures {
  if (validate(data)) return data as unknown as Fixtures;
  const lines = (validate.errors ?? []).slice(0, 20).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : '';
    return `  ${e.instancePath || '/'}: ${e.message ?? 'invalid'}${extra}`;
  });
  throw new FixturesError(`Invalid fixtures file ${source}:\n${lines.join('\n')}`);
}

export async function loadFixtures(path: string): Promise<Fixtures> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new FixturesError(`Cannot read fixtures file ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FixturesError(`Invalid fixtures file ${path}: not JSON (${(error as Error).message})`);
  }
  return parseFixtures(data, path);
}

/**
 * Seeds the stores through the test data API's operations, in dependency order. A rule the test data
 * API would refuse with (bad check digits, an unknown role, a holder not in the file, ...) is refused
 * here with the fixture's path and the TD- problem.
 */
export async function seedFixtures(services: Services, fixtures: Fixtures, source = 'fixtures'): Promise<void> {
  const fail = (path: string, error: unknown): never => {
    if (error instanceof AltinnProblem) {
      throw new FixturesError(`Invalid fixtures file ${source}:\n  ${path}: ${error.code} ${error.title}${error.detail ? ` ${error.detail}` : ''}`);
    }
    throw error;
  };
  const seen = new Map<string, string>();
  const unique = (path: string, kind: string, value: string | number | undefined) => {
    if (value === undefined) return;
    const key = `${kind}:${String(value).toLowerCase()}`;
    const first = seen.get(key);
    if (first) throw new FixturesError(`Invalid fixtures file ${source}:\n  ${path}: ${kind} ${value} is used by ${first} too.`);
    seen.set(key, path);
  };
  for (const [i, org] of fixtures.organisations.entries()) {
    unique(`/organisations/${i}`, 'orgNo', org.orgNo);
    unique(`/organisations/${i}`, 'partyId', org.partyId);
    unique(`/organisations/${i}`, 'partyUuid', org.partyUuid);
  }
  for (const [i, person] of fixtures.persons.entries()) {
    unique(`/persons/${i}`, 'pid', person.pid);
    unique(`/persons/${i}`, 'partyId', person.partyId);
    unique(`/persons/${i}`, 'partyUuid', person.partyUuid);
  }
  for (const [i, org] of fixtures.organisations.entries()) {
    try { createOrganisation(services, org); } catch (error) { fail(`/organisations/${i}`, error); }
  }
  for (const [i, person] of fixtures.persons.entries()) {
    try { createPerson(services, person); } catch (error) { fail(`/persons/${i}`, error); }
  }
  for (const [i, role] of fixtures.roles.entries()) {
    try { addRole(services, role); } catch (error) { fail(`/roles/${i}`, error); }
  }
  for (const [i, client] of fixtures.maskinportenClients.entries()) {
    try { await registerClient(services, client); } catch (error) { fail(`/maskinportenClients/${i}`, error); }
  }
  for (const [i, { identifier, ...resource }] of fixtures.resources.entries()) {
    try { putResource(services, identifier, resource); } catch (error) { fail(`/resources/${i}`, error); }
  }
}
