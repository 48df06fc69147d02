// The parties of a target without the test data API (TT02 and the like): synthetic parties that
// already exist there (for TT02: made in Tenor), named by the profile's `fixtures`. The shape is
// checked by targets/profile.schema.json (unknown keys are refused); what a schema cannot say (that
// the client's regnskapsfører is the pool's accountant, that a declared capability has the parties
// it needs, that no party sits in two pools) is checked here, before anything starts.
//
// Parties come in pools: one pool is everything one scenario at a time needs (a vendor client,
// companies, an accountant with a client registered in ER and a customer without that relation).
// Scenarios run one after another in a worker, so each parallel worker takes a pool of its own and
// no two scenarios ever act on the same party at the same time. The service owners are shared: they
// only read resources and write to the parties the scenario names.

import type { Capability } from './profile.ts';

/** A person who exists on the target (synthetic national identity number). */
export interface PersonFixture {
  pid: string;
  name?: string;
  /** Altinn's user id, party id and party UUID of the person, where the token source puts them in the person token. */
  userId?: number;
  partyId?: number;
  partyUuid?: string;
}

/** A company that exists on the target, with its daglig leder (ER role DAGL). */
export interface CompanyFixture {
  orgNo: string;
  partyId: number;
  /** The party's UUID (Access Management and client delegation address parties by it). */
  partyUuid?: string;
  name?: string;
  dagligLeder: PersonFixture;
  /** A board member (ER role MEDL) who is not an access manager, for the refusal a person meets in the portal. */
  styremedlem?: PersonFixture;
  /** The org number of the accountant registered with ER role REGN for this company, if any. */
  regnskapsforer?: string;
}

/** An organisation's Maskinporten client that exists on the target; the private key stays outside the profile. */
export interface MaskinportenClientFixture {
  orgNo: string;
  clientId: string;
  keyId: string;
  /** env:NAME (a PEM or JWK in that variable) or file:/path. */
  privateKey: string;
}

/** The parties one worker uses: see the comment at the top. */
export interface PartyPool {
  /** The system vendor's Maskinporten client (its system is registered with this client id). */
  vendor: MaskinportenClientFixture;
  /** "virksomheten": a company that acquires a system and approves its system user. */
  company?: CompanyFixture;
  /** "den andre virksomheten": a second company, unrelated to the first. */
  otherCompany?: CompanyFixture;
  /** "regnskapsføreren": the accounting firm that owns the agent system user. */
  accountant?: CompanyFixture;
  /** "klienten" in seed scenario 1: a company with the pool's accountant registered as REGN. */
  client?: CompanyFixture;
  /** "kunden" in seed scenario 2: a company with no REGN relation to the pool's accountant. */
  customer?: CompanyFixture;
}

export type PoolKey = Exclude<keyof PartyPool, 'vendor'>;

export interface Fixtures {
  /** "tjenesteeieren": owns the MVA and message resources, asks the PDP, sends dialogs. */
  serviceOwner?: MaskinportenClientFixture;
  /** "Kartverket": owns the broker resource and receives the files. */
  kartverket?: MaskinportenClientFixture;
  pools: PartyPool[];
  /** The target's own resource for each role, where Samsvar's sample resource cannot exist (support/target/resources.ts). */
  resources?: Partial<Record<'mva' | 'messages' | 'sealedMessages' | 'tinglysing', string>>;
}

/** Where a pool key's party is described, for messages. */
export const POOL_KEY_MEANING: Readonly<Record<PoolKey, string>> = {
  company: 'virksomheten (med daglig leder)',
  otherCompany: 'den andre virksomheten (med daglig leder)',
  accountant: 'regnskapsføreren (med daglig leder)',
  client: 'klienten, med regnskapsføreren i samme pool registrert som regnskapsfører (REGN)',
  customer: 'kunden, uten REGN-relasjon til regnskapsføreren i samme pool',
};

/** The parties each capability needs from every pool (and the shared service owners). */
const NEEDS: ReadonlyArray<[Capability, PoolKey[], Array<'serviceOwner' | 'kartverket'>]> = [
  ['standard-systembruker', ['company'], []],
  ['agent-systembruker', ['accountant'], []],
  ['klientdelegering', ['accountant', 'client', 'customer'], []],
  ['pdp', ['company'], ['serviceOwner']],
  ['mva', ['company'], []],
  ['dialogporten', ['accountant', 'client'], ['serviceOwner']],
  ['formidling', ['company'], ['kartverket']],
];

/**
 * The worker's index among cucumber's parallel workers (CUCUMBER_WORKER_ID, absent when not parallel).
 */
export function workerIndex(env: NodeJS.ProcessEnv = process.env): number {
  const id = Number(env.CUCUMBER_WORKER_ID ?? '0');
  return Number.isInteger(id) && id >= 0 ? id : 0;
}

/** This worker's pool; the runner never starts more workers than there are pools (`fixtureProblems`). */
export function poolFor(fixtures: Fixtures, index: number): PartyPool | undefined {
  return fixtures.pools[index];
}

function mod11(digits: string, weights: number[]): number | undefined {
  const sum = weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  const rest = 11 - (sum % 11);
  if (rest === 11) return 0;
  return rest === 10 ? undefined : rest;
}

/** A Norwegian organisation number with a valid mod-11 check digit. */
export function validOrgNo(orgNo: string): boolean {
  return /^[0-9]{9}$/.test(orgNo) && mod11(orgNo, [3, 2, 7, 6, 5, 4, 3, 2]) === Number(orgNo[8]);
}

/** A national identity number with valid check digits (synthetic ones, month + 80 in Tenor, included). */
export function validPid(pid: string): boolean {
  if (!/^[0-9]{11}$/.test(pid)) return false;
  const k1 = mod11(pid, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
  const k2 = mod11(pid, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  return k1 === Number(pid[9]) && k2 === Number(pid[10]);
}

/**
 * Everything wrong with the fixtures that the profile schema cannot see, in Norwegian, each naming
 * the fixture: missing parties a declared capability needs, a REGN relation that does not hold, a
 * number that is not valid, a party in two pools, more parallel workers than pools.
 */
export function fixtureProblems(fixtures: Fixtures, capabilities: readonly Capability[], parallel = 1): string[] {
  const problems: string[] = [];
  if (fixtures.pools.length === 0) problems.push('fixtures.pools er tom: minst én pool med parter trengs.');
  if (parallel > fixtures.pools.length) {
    problems.push(`--parallel ${parallel} trenger ${parallel} pooler i fixtures.pools, men profilen har ${fixtures.pools.length} (scenarioer som kjører samtidig, må ha hver sine parter).`);
  }
  for (const [capability, keys, shared] of NEEDS) {
    if (!capabilities.includes(capability)) continue;
    for (const owner of shared) {
      if (!fixtures[owner]) problems.push(`kapabiliteten ${capability} trenger fixtures.${owner}.`);
    }
    fixtures.pools.forEach((pool, i) => {
      for (const key of keys) {
        if (!pool[key]) problems.push(`kapabiliteten ${capability} trenger fixtures.pools[${i}].${key}: ${POOL_KEY_MEANING[key]}.`);
      }
    });
  }
  const seen = new Map<string, string>();
  const note = (id: string, where: string) => {
    const earlier = seen.get(id);
    if (earlier) problems.push(`${where} er samme part som ${earlier}; hver rolle i hver pool må ha sin egen part.`);
    else seen.set(id, where);
  };
  for (const owner of ['serviceOwner', 'kartverket'] as const) {
    const client = fixtures[owner];
    if (client && !validOrgNo(client.orgNo)) problems.push(`fixtures.${owner}.orgNo ${client.orgNo} er ikke et gyldig organisasjonsnummer (mod 11).`);
  }
  fixtures.pools.forEach((pool, i) => {
    const at = `fixtures.pools[${i}]`;
    if (!validOrgNo(pool.vendor.orgNo)) problems.push(`${at}.vendor.orgNo ${pool.vendor.orgNo} er ikke et gyldig organisasjonsnummer (mod 11).`);
    note(`client:${pool.vendor.clientId}`, `${at}.vendor.clientId`);
    for (const key of Object.keys(POOL_KEY_MEANING) as PoolKey[]) {
      const company = pool[key];
      if (!company) continue;
      if (!validOrgNo(company.orgNo)) problems.push(`${at}.${key}.orgNo ${company.orgNo} er ikke et gyldig organisasjonsnummer (mod 11).`);
      note(`org:${company.orgNo}`, `${at}.${key}`);
      for (const [role, person] of [['dagligLeder', company.dagligLeder], ['styremedlem', company.styremedlem]] as const) {
        if (person && !validPid(person.pid)) problems.push(`${at}.${key}.${role}.pid er ikke et gyldig fødselsnummer (kontrollsifrene stemmer ikke).`);
      }
    }
    if (pool.client && pool.accountant && pool.client.regnskapsforer !== pool.accountant.orgNo) {
      problems.push(`${at}.client.regnskapsforer må være regnskapsførerens organisasjonsnummer ${pool.accountant.orgNo} (ER-rollen REGN for klienten).`);
    }
    if (pool.customer && pool.accountant && pool.customer.regnskapsforer === pool.accountant.orgNo) {
      problems.push(`${at}.customer har regnskapsføreren ${pool.accountant.orgNo} som regnskapsfører (REGN); kunden i scenario 2 skal ikke ha den relasjonen.`);
    }
  });
  return problems;
}
