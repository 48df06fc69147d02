// The ability of a person to delegate for an organisation: the customer's daglig leder makes an
// accountant a rights holder and grants it access packages (Access Management's connections,
// docs/contracts/altinn-authorization.md §5), and the accountant's daglig leder adds and removes clients on the agent
// system user (Authentication's client delegation, docs/contracts/altinn-authentication.md §5.3). Two interchangeable
// implementations: the end-user APIs with the person's token, or the target's portal in the person's
// browser (the portal flavour's pages). Tasks call `delegateFor(person)` and read one answer shape
// (`DelegationAnswer`); which surface took the action is part of the answer (`via`) and of the report,
// and a refusal's code is read the same way whichever surface showed it (`refusalCode`).

import { inPortal, isPortalAnswer, portalFlavour, requireDone, type PageState, type PersonAnswer, type PortalAgent, type PortalFlavour, type PortalParty } from '../browser/portal.ts';
import { requireSuccess } from '../assertions.ts';
import { ProfileError } from '../target/profile.ts';
import { ACCESS_PACKAGE_PREFIX } from '../tasks/systemregister.ts';
import { CLIENT_DELEGATION_SCOPE } from '../actors/accountant.ts';
import type { AssignmentDto, AssignmentPackageDto } from '../clients/accessmanagement.ts';
import type { ClientDelegationResponse } from '../clients/authentication.ts';
import type { Person } from '../actors/person.ts';

export type DelegationSurface = 'api' | 'browser';
export type DelegationAct = 'right-holder' | 'package' | 'add-client' | 'remove-client';

/** A connection from one organisation (the customer) to another (the accountant). */
export interface Connection {
  from: PortalParty;
  to: PortalParty;
}

/** A client on an agent system user. */
export interface ClientOnAgent {
  agent: PortalAgent;
  client: PortalParty;
}

/** What the person's action gave, whichever surface took it. */
export interface DelegationAnswer<T> {
  via: DelegationSurface;
  act: DelegationAct;
  /** The HTTP answer (end-user API) or what the page showed (browser). */
  outcome: PersonAnswer<T>;
  /** True when the action went through: an accepted status, or the page offered it and showed it done. */
  done: boolean;
}

/** When an act has gone through: the statuses the API accepts, and what the page shows. */
export const DONE: Readonly<Record<DelegationAct, { statuses: readonly number[]; shown: readonly PageState[] }>> = {
  // On the page, naming the recipient opens the form where packages are granted.
  'right-holder': { statuses: [200, 201], shown: ['other', 'granted'] },
  package: { statuses: [200, 201], shown: ['granted'] },
  'add-client': { statuses: [200], shown: ['client-added'] },
  'remove-client': { statuses: [200], shown: ['client-removed'] },
};

export interface Delegate {
  readonly via: DelegationSurface;
  /** The customer's daglig leder makes the other organisation a rights holder. */
  nameRightHolder(person: Person, connection: Connection): Promise<DelegationAnswer<AssignmentDto>>;
  /** The customer's daglig leder grants the rights holder the access package `code`. */
  grantPackage(person: Person, connection: Connection, code: string): Promise<DelegationAnswer<AssignmentPackageDto>>;
  /** The accountant's daglig leder adds the client to the agent system user. */
  addClient(person: Person, on: ClientOnAgent): Promise<DelegationAnswer<ClientDelegationResponse>>;
  /** The accountant's daglig leder removes the client from the agent system user. */
  removeClient(person: Person, on: ClientOnAgent): Promise<DelegationAnswer<ClientDelegationResponse>>;
}

/** The one answer shape, with `done` judged the same way for every surface. */
export function answered<T>(via: DelegationSurface, act: DelegationAct, outcome: PersonAnswer<T>): DelegationAnswer<T> {
  const done = isPortalAnswer(outcome) ? outcome.offered && DONE[act].shown.includes(outcome.view.shows) : DONE[act].statuses.includes(outcome.status);
  return { via, act, outcome, done };
}

/** The end-user APIs: connections in Access Management, client delegation in Authentication. */
const api: Delegate = {
  via: 'api',
  async nameRightHolder(person, { from, to }) {
    return answered('api', 'right-holder', await person.accessManagement.addRightHolder(await person.token(), from.partyUuid, to.partyUuid));
  },
  async grantPackage(person, { from, to }, code) {
    return answered('api', 'package', await person.accessManagement.grantPackage(await person.token(), from.partyUuid, to.partyUuid, `${ACCESS_PACKAGE_PREFIX}${code}`));
  },
  async addClient(person, { agent, client }) {
    return answered('api', 'add-client', await person.authentication.addClient(await person.token(CLIENT_DELEGATION_SCOPE), agent.systemUserId, client.partyUuid));
  },
  async removeClient(person, { agent, client }) {
    return answered('api', 'remove-client', await person.authentication.removeClient(await person.token(CLIENT_DELEGATION_SCOPE), agent.systemUserId, client.partyUuid));
  },
};

/**
 * The package's name in Altinn's catalogue: a person picks a package by the name the portal shows,
 * not by its code, so the suite looks the name up the way anyone can (public metadata).
 */
async function packageName(person: Person, code: string): Promise<string> {
  const info = requireSuccess(await person.packageCatalogue.packageByUrn(`${ACCESS_PACKAGE_PREFIX}${code}`), `Å slå opp navnet på tilgangspakken ${code} i Altinns tilgangspakkekatalog`, [200]);
  if (typeof info?.name !== 'string' || info.name === '') throw new ProfileError(`Tilgangspakkekatalogen ga ikke noe navn for ${code}, så personen kan ikke finne den i portalen.`);
  return info.name;
}

/** The target's portal in the person's own browser context, through the portal flavour's pages. */
export function inBrowser(flavour: () => PortalFlavour = portalFlavour): Delegate {
  return {
    via: 'browser',
    async nameRightHolder(person, { from, to }) {
      return answered('browser', 'right-holder', await flavour().nameRightHolder(await inPortal(person), from, to.orgNo));
    },
    async grantPackage(person, { from, to }, code) {
      const name = await packageName(person, code);
      return answered('browser', 'package', await flavour().grantPackage(await inPortal(person), from, to.orgNo, name));
    },
    async addClient(person, { agent, client }) {
      return answered('browser', 'add-client', await flavour().addClient(await inPortal(person), agent, client));
    },
    async removeClient(person, { agent, client }) {
      return answered('browser', 'remove-client', await flavour().removeClient(await inPortal(person), agent, client));
    },
  };
}

const browser = inBrowser();

/** The surface this person delegates on in this run: the browser where persons act there, else the end-user APIs. */
export function delegateFor(person: Person): Delegate {
  return person.actsInBrowser ? browser : api;
}

/** requireSuccess for a Given, on either surface: the API accepted it, or the page showed it done. */
export function requireDelegated(answer: DelegationAnswer<unknown>, what: string): void {
  const { statuses, shown } = DONE[answer.act];
  requireDone(answer.outcome, shown, what, [...statuses]);
}

/**
 * The error code of a refusal, read the same way on each surface: the problem's code from the API, or
 * the first code the page shows. Undefined when nothing was tried or no code was given.
 */
export function refusalCode(answer: DelegationAnswer<unknown> | undefined): string | undefined {
  if (!answer) return undefined;
  return isPortalAnswer(answer.outcome) ? answer.outcome.view.errorCodes[0] : answer.outcome.problem?.code;
}

/** One line for the report: what the person did, and on which surface. */
export function describeDelegation(answer: DelegationAnswer<unknown>): string {
  const what = { 'right-holder': 'gjorde en organisasjon til rettighetshaver', package: 'ga en tilgangspakke', 'add-client': 'la til en klient', 'remove-client': 'fjernet en klient' }[answer.act];
  const api = answer.act === 'right-holder' || answer.act === 'package' ? 'Access Managements sluttbruker-API (connections)' : 'Authentications sluttbruker-API (klientdelegering)';
  return `Personen ${what} via ${answer.via === 'browser' ? 'portalen i nettleseren' : api}${answer.done ? '' : ', uten at det gikk gjennom'}.`;
}
