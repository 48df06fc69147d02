// What the PDP's decision log shows about a service the system called (docs/contracts/pep.md,
// docs/samsvar-apis.md §1 GET /decisions): that the service itself asked Altinn Authorization about
// this system user, this resource, this action and this party, after the call, and what it was told.
// One expectation for the MVA service API, Dialogporten and the broker (PEP-1), and for SVC-5.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { assertTestable, requireSuccess } from '../assertions.ts';
import { hasCapability, type TargetProfile } from '../target/profile.ts';
import { MVA_RESOURCE_ID, type ServiceOwner } from '../actors/service-owner.ts';
import { MESSAGE_RESOURCE_ID } from '../tasks/dialogporten.ts';
import { TINGLYSING_RESOURCE_ID } from '../tasks/formidling.ts';
import { systemUserIdOf } from '../tasks/systemuser.ts';
import type { Company } from '../actors/company.ts';
import type { Vendor } from '../actors/vendor.ts';

/** The services a system calls that must ask the PDP themselves, as the decision log names them (`pep.service`). */
export type PepService = 'mva' | 'dialogporten' | 'broker';

/** How the report names each service (Norwegian, as in the features). */
export const SERVICE_NAMES: Record<PepService, string> = {
  mva: 'tjeneste-API-et',
  dialogporten: 'Dialogporten',
  broker: 'formidlingstjenesten',
};

/**
 * The requirements of the `@negativ` scenarios that prove from the outside that a service asks the PDP:
 * each makes the service refuse what Altinn Authorization does not permit (docs/contracts/pep.md §4).
 */
export const OUTSIDE_PROOF_KRAV: Record<PepService, readonly string[]> = {
  mva: ['SVC-2'],
  dialogporten: ['DP-3', 'DP-4'],
  broker: ['BR-5'],
};

/** One entry of the decision log (docs/samsvar-apis.md §1, GET /decisions). */
export interface DecisionLogEntry {
  at?: string;
  pep?: { service?: string; orgNo?: string; clientId?: string };
  subject?: Record<string, string>;
  action?: string;
  resource?: string;
  party?: Record<string, string>;
  decision?: string;
}

/** The question the service the system called should have asked, and when the system called it. */
export interface ExpectedQuestion {
  service: PepService;
  systemUserId: string;
  resource: string;
  action: string;
  partyOrgNo: string;
  /** The party's role word, for the messages. */
  partyRole: string;
  /** When the system's call to the service started (the suite's clock, ms since the epoch). */
  calledAt: number;
  /** The Maskinporten clients the suite itself asks the PDP with: their questions are not the service's. */
  suiteClientIds: readonly string[];
}

/** How far the target's clock may be behind the suite's when the log is read. */
export const CLOCK_TOLERANCE_MS = 5_000;

const SYSTEM_USER = 'urn:altinn:systemuser:uuid';
const ORGANISATION = 'urn:altinn:organization:identifier-no';

function describePep(pep: DecisionLogEntry['pep']): string {
  if (!pep) return 'ukjent spørrer';
  if (pep.service) return pep.service;
  return [pep.orgNo && `org ${pep.orgNo}`, pep.clientId && `klient ${pep.clientId}`].filter(Boolean).join(', ') || 'ukjent spørrer';
}

function describe(entries: DecisionLogEntry[]): string {
  return entries.map((e) => `${describePep(e.pep)} spurte om ${e.action} på ${e.resource} for ${JSON.stringify(e.party)} → ${e.decision}`).join('; ') || 'ingen spørsmål';
}

/**
 * Whether the entry is the service's own question: named as the service (an in-process PEP), or a
 * caller of the PDP route that is not one of the suite's own clients (an external service API).
 */
function fromService(entry: DecisionLogEntry, expected: ExpectedQuestion): boolean {
  const pep = entry.pep;
  if (!pep) return false;
  if (pep.service !== undefined) return pep.service === expected.service;
  return typeof pep.clientId === 'string' && pep.clientId !== '' && !expected.suiteClientIds.includes(pep.clientId);
}

/**
 * Judges the log: undefined when the service the system called asked, after the call, about the
 * system user, the resource, the action and the party, and got `decision`; otherwise the assertion
 * message (naming `krav`) that says what was missing and what the log held.
 */
export function judgeDecisionLog(log: DecisionLogEntry[], expected: ExpectedQuestion, decision: string, krav: string): string | undefined {
  const service = SERVICE_NAMES[expected.service];
  const since = log.filter((e) => Date.parse(e.at ?? '') >= expected.calledAt - CLOCK_TOLERANCE_MS);
  const described = describe(since);
  const aboutSystemUser = since.filter((e) => e.subject?.[SYSTEM_USER]?.toLowerCase() === expected.systemUserId.toLowerCase()
    && e.action === expected.action && e.resource === expected.resource);
  if (aboutSystemUser.length === 0) {
    return `[${krav}] ${service} skal ha spurt Altinn Autorisasjon om systembrukeren ${expected.systemUserId} kan utføre ${expected.action} på ${expected.resource}; etter kallet fant beslutningsloggen: ${described}.`;
  }
  const asked = aboutSystemUser.filter((e) => fromService(e, expected));
  if (asked.length === 0) {
    return `[${krav}] Spørsmålet om systembrukeren ${expected.systemUserId} skal komme fra ${service} som systemet kalte, ikke fra suiten selv eller en annen tjeneste; beslutningsloggen fant: ${described}.`;
  }
  const forParty = asked.filter((e) => e.party?.[ORGANISATION] === expected.partyOrgNo);
  if (forParty.length === 0) {
    return `[${krav}] Spørsmålet fra ${service} skal gjelde parten kallet er for, ${expected.partyRole} (${expected.partyOrgNo}); beslutningsloggen fant: ${described}.`;
  }
  if (!forParty.some((e) => e.decision === decision)) {
    return `[${krav}] Altinn Autorisasjon skal ha svart ${decision} på spørsmålet fra ${service} for ${expected.partyRole}; beslutningsloggen fant: ${described}.`;
  }
  return undefined;
}

/** Reads the decision log for the system user and resource (a precondition: an unreadable log is not testable). */
export async function readDecisionLog(reader: ServiceOwner, systemUserId: string, resource: string): Promise<DecisionLogEntry[]> {
  const log = requireSuccess(
    await reader.testdata.decisions({ systemUserId, resource }),
    'Å lese beslutningsloggen til Altinn Autorisasjon (testdata-API-et)',
    [200],
  );
  assertTestable(Array.isArray(log), `beslutningsloggen er ikke en liste: ${JSON.stringify(log)}.`);
  return log as DecisionLogEntry[];
}

/** The service the system called asked the PDP and got `decision` (read from the decision log; asserts `krav`). */
export async function expectServiceAskedPdp(reader: ServiceOwner, expected: ExpectedQuestion, decision: string, krav: string): Promise<void> {
  const failure = judgeDecisionLog(await readDecisionLog(reader, expected.systemUserId, expected.resource), expected, decision, krav);
  assert.ok(failure === undefined, failure);
}

// ---- What each service should have asked, from what the system did --------------------------------

/**
 * The question the service `service` should have asked when the system called it with the system user
 * of `systemUserOwner` for `party`: the MVA report (write on the MVA resource), the search for the
 * party's messages in Dialogporten and the reads after it (read on the message service), or the
 * tinglysning's initialize and upload in the broker (write on Kartverket's resource, the sender the party).
 */
export function expectedQuestion(service: PepService, vendor: Vendor, systemUserOwner: Company, party: Company, suiteClientIds: readonly string[]): ExpectedQuestion {
  const systemUserId = systemUserIdOf(systemUserOwner);
  const notes = vendor.customer(party);
  const common = { service, systemUserId, partyOrgNo: party.orgNo, partyRole: party.role, suiteClientIds };
  switch (service) {
    case 'mva': {
      assertTestable(notes.report, `systemet har ikke sendt noen MVA-rapport for ${party.role}.`);
      return { ...common, resource: vendor.resource('mva'), action: 'write', calledAt: notes.report.sentAt };
    }
    case 'dialogporten': {
      const search = notes.messages?.search;
      assertTestable(search, `systemet har ikke søkt etter meldingene til ${party.role} i Dialogporten.`);
      return { ...common, resource: vendor.resource('messages'), action: 'read', calledAt: Date.parse(search.answer.response.exchange.startedAt) };
    }
    case 'broker': {
      const initialize = notes.fileTransfer?.initialize;
      assertTestable(initialize, `systemet har ikke sendt noen tinglysning for ${party.role} gjennom formidlingstjenesten.`);
      return { ...common, resource: vendor.resource('tinglysing'), action: 'write', calledAt: Date.parse(initialize.exchange.startedAt) };
    }
  }
}

// ---- Targets without a decision log ------------------------------------------------------------------

/** A scenario of the specification, as the note names it. */
export interface ProofScenario {
  name: string;
  uri: string;
  line: number;
}

const FEATURES = fileURLToPath(new URL('../../features/', import.meta.url));

interface TaggedNode {
  tags: ReadonlyArray<{ name: string }>;
}

/** The `@negativ` scenarios of features/ tagged with one of `krav` (tags of the feature and rule count too). */
export function negativeScenariosFor(krav: readonly string[], featuresDir = FEATURES): ProofScenario[] {
  const root = join(featuresDir, '..');
  const found: ProofScenario[] = [];
  const files = readdirSync(featuresDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.feature'))
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
  for (const file of files) {
    const parser = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher('no'));
    const feature = parser.parse(readFileSync(file, 'utf8')).feature;
    if (!feature) continue;
    const visit = (children: ReadonlyArray<{ scenario?: TaggedNode & { name: string; location: { line: number } }; rule?: TaggedNode & { children: ReadonlyArray<unknown> } }>, inherited: string[]) => {
      for (const child of children) {
        if (child.rule) visit(child.rule.children as typeof children, [...inherited, ...child.rule.tags.map((t) => t.name)]);
        if (!child.scenario) continue;
        const tags = [...inherited, ...child.scenario.tags.map((t) => t.name)];
        if (tags.includes('@negativ') && krav.some((id) => tags.includes(`@krav:${id}`))) {
          found.push({ name: child.scenario.name, uri: relative(root, file), line: child.scenario.location.line });
        }
      }
    };
    visit(feature.children as Parameters<typeof visit>[0], feature.tags.map((t) => t.name));
  }
  return found;
}

/** The note for a target whose decision log cannot be read: what is not observed, and which scenarios prove it instead. */
export function unobservableNote(profile: TargetProfile, service: PepService, krav: string, featuresDir = FEATURES): string {
  const proofs = negativeScenariosFor(OUTSIDE_PROOF_KRAV[service], featuresDir);
  if (proofs.length === 0) {
    throw new Error(`Ingen @negativ-scenarioer med @krav:${OUTSIDE_PROOF_KRAV[service].join('/@krav:')} i features/: notatet har ingenting å vise til.`);
  }
  const service_ = SERVICE_NAMES[service];
  return [
    `[${krav}] Ikke observert: målet «${profile.name}» tilbyr ingen beslutningslogg (kapabiliteten beslutningslogg), så beslutningen til Altinn Autorisasjon kan ikke observeres her,`,
    `og dette steget kan ikke se at ${service_} selv spurte Altinn Autorisasjon. Beviset for at ${service_} håndhever svaret fra Altinn Autorisasjon`,
    `ligger i @negativ-scenarioene der ${service_} må avvise det Altinn Autorisasjon ikke gir tilgang til:`,
    ...proofs.map((p) => `  - «${p.name}» (${p.uri}:${p.line})`),
  ].join('\n');
}

/** Whether the target offers the decision log. */
export function decisionLogOffered(profile: TargetProfile): boolean {
  return hasCapability(profile, 'beslutningslogg');
}
