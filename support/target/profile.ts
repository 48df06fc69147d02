// Target profiles: loading, validation against targets/profile.schema.json, ${NAME} substitution
// and per-endpoint overrides from the environment (docs/architecture.md §4). Used by the runner (scripts/samsvar.ts)
// and by the World; nothing here starts or knows the reference implementation.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Fixtures } from './fixtures.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export const ENDPOINT_KEYS = [
  'maskinporten',
  'platform',
  'dialogporten',
  'broker',
  'mva',
  'portal',
  'idporten',
  'testdata',
  /** The approval UI's backend, Altinn's Access Management BFF (docs/contracts/am-bff.md). */
  'amUi',
  /** Altinn Test Tools' token generator (docs/contracts/tt02.md §3). */
  'testtools',
] as const;
export type EndpointKey = (typeof ENDPOINT_KEYS)[number];

/** Capabilities a target can declare (the same list as the enum in targets/profile.schema.json). */
export const CAPABILITIES = [
  'systemregister',
  'standard-systembruker',
  'agent-systembruker',
  'klientdelegering',
  'maskinporten',
  'pdp',
  'mva',
  'dialogporten',
  'formidling',
  'portal-ui',
  'testdata-api',
  /** The PDP's decision log can be read (GET {testdata}/api/v1/decisions, docs/samsvar-apis.md §1). */
  'beslutningslogg',
  'systemregister-sluttbruker',
  'tokenveksling',
  /** Persons answer requests through the Access Management BFF at the `amUi` endpoint (docs/contracts/am-bff.md). */
  'am-bff',
  /** Change requests on standard system users: vendor create/read, end-user approve/reject (docs/contracts/change-requests.md). */
  'endringsforespørsel',
  /** Register v1's party lookups (parties/{partyId}, parties/byuuid/{partyUuid}) are reachable (docs/contracts/register.md). */
  'register',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The components whose token kind and API Management key a profile can set (`access`). */
export const ACCESS_COMPONENTS = ['pdp', 'broker', 'dialogporten', 'mva', 'platform'] as const;
export type AccessComponent = (typeof ACCESS_COMPONENTS)[number];

export interface ComponentAccess {
  /** maskinporten (default): the token as Maskinporten issued it; altinn: exchanged for an Altinn token first. */
  token?: 'maskinporten' | 'altinn';
  /** env:NAME of the API Management subscription key (header Ocp-Apim-Subscription-Key). */
  subscriptionKey?: string;
}

export interface PersonTokens {
  /** idporten (default): the target's ID-porten test login; testtools: Altinn Test Tools' GetPersonalToken. */
  tokens?: 'idporten' | 'testtools';
  testTools?: { env: string; credentials: string };
}

/** A profile as written in its file, validated but with ${NAME} placeholders left in. */
export interface RawProfile {
  name: string;
  description?: string;
  reference?: boolean;
  /** With reference: the runner starts the reference as a look-alike of a real environment. */
  lookAlike?: { as: 'tt02'; seed: string };
  endpoints: Partial<Record<EndpointKey, string>>;
  capabilities: Capability[];
  persons?: PersonTokens;
  access?: Partial<Record<AccessComponent, ComponentAccess>>;
  fixtures?: Fixtures;
  timeouts?: { requestMs?: number };
  /** Path, relative to the profile, of the expected-failures list (YAML). */
  expectedFailures?: string;
}

/** A profile ready to use: endpoints resolved, overrides applied, no trailing slashes. */
export interface TargetProfile extends Omit<RawProfile, 'endpoints'> {
  /** Where the profile was read from. */
  path: string;
  reference: boolean;
  endpoints: Partial<Record<EndpointKey, string>>;
}

/** A profile problem: the run is broken (setup), not a non-conformance of the target. */
export class ProfileError extends Error {
  override name = 'ProfileError';
}

export const DEFAULT_PROFILE = 'targets/referanse.json';

const schemaPath = new URL('../../targets/profile.schema.json', import.meta.url);
let validator: ReturnType<Ajv2020['compile']> | undefined;

function validate(data: unknown): asserts data is RawProfile {
  if (!validator) {
    const ajv = addFormats(new Ajv2020({ allErrors: true, strict: true }));
    validator = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  }
  if (!validator(data)) {
    const lines = (validator.errors ?? []).map((e) => `  ${e.instancePath || '/'} ${e.message ?? ''}`.trimEnd());
    throw new ProfileError(`The target profile is not valid:\n${lines.join('\n')}`);
  }
}

/** Reads and validates a profile file, leaving ${NAME} placeholders as they are. */
export function readProfile(path: string = DEFAULT_PROFILE): RawProfile & { path: string } {
  const full = resolve(path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (error) {
    throw new ProfileError(`Cannot read the target profile ${full}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ProfileError(`The target profile ${full} is not valid JSON: ${(error as Error).message}`);
  }
  validate(data);
  return { ...data, path: full };
}

/** Replaces ${NAME} from the environment; names every missing variable. */
export function substitute(value: string, env: NodeJS.ProcessEnv, where: string): string {
  const missing: string[] = [];
  const out = value.replace(/\$\{([A-Z0-9_]+)\}/g, (_m, name: string) => {
    const v = env[name];
    if (v === undefined || v === '') {
      missing.push(name);
      return '';
    }
    // Base URLs are joined with paths that start with '/': drop a trailing slash of the variable.
    return v.replace(/\/+$/, '');
  });
  if (missing.length > 0) {
    throw new ProfileError(`${where} needs the environment variable ${missing.join(', ')}, which is not set.`);
  }
  return out;
}

/** The environment variable that overrides one endpoint: SAMSVAR_ENDPOINT_<KEY>. */
export function overrideVariable(key: EndpointKey): string {
  return `SAMSVAR_ENDPOINT_${key.toUpperCase()}`;
}

/** Resolves endpoints of a raw profile: overrides first, then ${NAME} substitution. */
export function resolveProfile(raw: RawProfile & { path: string }, env: NodeJS.ProcessEnv = process.env): TargetProfile {
  const endpoints: Partial<Record<EndpointKey, string>> = {};
  for (const key of ENDPOINT_KEYS) {
    const override = env[overrideVariable(key)];
    const value = override && override !== '' ? override : raw.endpoints[key];
    if (value === undefined) continue;
    const resolved = substitute(value, env, `Endpoint "${key}" of profile "${raw.name}"`);
    let url: URL;
    try {
      url = new URL(resolved);
    } catch {
      throw new ProfileError(`Endpoint "${key}" of profile "${raw.name}" is not a URL: ${resolved}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ProfileError(`Endpoint "${key}" of profile "${raw.name}" must be http(s): ${resolved}`);
    }
    endpoints[key] = resolved.replace(/\/+$/, '');
  }
  return { ...raw, reference: raw.reference ?? false, endpoints };
}

/** Loads the profile named by SAMSVAR_TARGET (default targets/referanse.json) and resolves it. */
export function loadProfile(env: NodeJS.ProcessEnv = process.env): TargetProfile {
  return resolveProfile(readProfile(env.SAMSVAR_TARGET || DEFAULT_PROFILE), env);
}

/** The endpoint's base URL, or a ProfileError naming the missing key. */
export function endpoint(profile: TargetProfile, key: EndpointKey): string {
  const url = profile.endpoints[key];
  if (!url) {
    throw new ProfileError(`Target profile "${profile.name}" has no "${key}" endpoint (set it in the profile or ${overrideVariable(key)}).`);
  }
  return url;
}

/**
 * The value of an `env:NAME` reference (a subscription key, Test Tools credentials), or a ProfileError
 * naming the variable. Secrets never sit in a profile; the profile names where they come from.
 */
export function secretFrom(source: string, what: string, env: NodeJS.ProcessEnv = process.env): string {
  const name = source.startsWith('env:') ? source.slice(4) : undefined;
  const value = name ? env[name] : undefined;
  if (!name || !value) throw new ProfileError(`${what} skal komme fra miljøvariabelen ${name ?? source}, som ikke er satt.`);
  return value;
}

export function hasCapability(profile: TargetProfile, capability: Capability): boolean {
  return profile.capabilities.includes(capability);
}
