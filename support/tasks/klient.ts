// Tasks of the accountant-client relationship: the ER role REGN between the organisations (test data
// API), the customer's delegation to the accountant in Altinn (connections: rights holder and access
// packages; docs/contracts/altinn-authorization.md §5), and client delegation to the accountant's agent system user
// (docs/contracts/altinn-authentication.md §5.3, docs/contracts/altinn-authorization.md §4.2–§4.3). What a person does (the customer's daglig
// leder granting, the accountant's daglig leder adding and removing clients) goes through one ability
// (support/abilities/delegate.ts): the end-user APIs, or the target's portal when persons act in the
// browser; the tasks note its one answer shape.

import { ProfileError } from '../target/profile.ts';
import { requireSuccess } from '../assertions.ts';
import { agentSystemUserIdOf } from './klientsystembruker.ts';
import { delegateFor, requireDelegated, type ClientOnAgent, type Connection, type DelegationAnswer } from '../abilities/delegate.ts';
import type { PortalParty } from '../browser/portal.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { BffClientDelegation } from '../clients/am-bff.ts';
import { onePage, readPages, type ListPages } from '../lists.ts';
import type { ClientDelegationResponse, ClientInfo, ClientList } from '../clients/authentication.ts';
import type { AssignmentDto, AssignmentPackageDto, MyClient, PackagePermission, Paged } from '../clients/accessmanagement.ts';
import type { Accountant } from '../actors/accountant.ts';
import type { Company } from '../actors/company.ts';

/** An organisation as the person addresses it (number, party and the name a page shows). */
function party(company: Company): PortalParty {
  return { orgNo: company.orgNo, partyUuid: company.partyUuid, name: company.name };
}

/** The connection from the customer to the accountant. */
function connection(customer: Company, accountant: Accountant): Connection {
  return { from: party(customer), to: party(accountant) };
}

/** The client on the accountant's agent system user. */
function clientOnAgent(accountant: Accountant, client: Company): ClientOnAgent {
  return { agent: { systemUserId: agentSystemUserIdOf(accountant), owner: party(accountant) }, client: party(client) };
}

// ---- Enhetsregisteret ------------------------------------------------------------------------------

/**
 * Given: the accountant is registered in ER as regnskapsfører (REGN) for the client. With the test
 * data API the role is registered (holder = the accountant organisation); without it, the client
 * fixture must say so (`regnskapsforer` = the accountant's org number).
 */
export async function registerAccountantForClient(accountant: Accountant, client: Company): Promise<void> {
  client.preferFixture('client');
  await Promise.all([accountant.ready(), client.ready()]);
  client.notes.accountantOrgNo = accountant.orgNo;
  if (!client.usesTestdataApi) {
    if (client.fixtureData?.regnskapsforer !== accountant.orgNo) {
      throw new ProfileError(`Profilens fixture for ${client.role} sier ikke at ${accountant.orgNo} er registrert som regnskapsfører (REGN) for den ("regnskapsforer").`);
    }
    return;
  }
  requireSuccess(
    await accountant.testdata.addRole({ orgNo: client.orgNo, role: 'REGN', holder: { orgNo: accountant.orgNo } }),
    `Å registrere ${accountant.role} som regnskapsfører (REGN) for ${client.role} i Enhetsregisteret`,
  );
}

/** Given (context only): the accountant is not registered as the client's regnskapsfører. */
export async function confirmNoAccountantRole(accountant: Accountant, client: Company): Promise<void> {
  client.preferFixture('customer');
  await Promise.all([accountant.ready(), client.ready()]);
  if (!client.usesTestdataApi && client.fixtureData?.regnskapsforer === accountant.orgNo) {
    throw new ProfileError(`Profilens fixture for ${client.role} har ${accountant.orgNo} som regnskapsfører (REGN); scenarioet trenger en klient uten den rollen.`);
  }
}

// ---- The customer delegates to the accountant in Altinn (connections) ----------------------------

/** The customer's daglig leder makes the accountant organisation a rights holder (When). */
export async function makeRightHolder(customer: Company, accountant: Accountant): Promise<DelegationAnswer<AssignmentDto>> {
  await Promise.all([customer.ready(), accountant.ready()]);
  customer.notes.accountantOrgNo = accountant.orgNo;
  const person = customer.dagligLeder;
  const answer = await delegateFor(person).nameRightHolder(person, connection(customer, accountant));
  customer.notes.delegation.rightHolder = answer;
  return answer;
}

/** The customer's daglig leder grants the accountant organisation one access package (When). */
export async function grantPackage(customer: Company, accountant: Accountant, code: string): Promise<DelegationAnswer<AssignmentPackageDto>> {
  await Promise.all([customer.ready(), accountant.ready()]);
  const person = customer.dagligLeder;
  const answer = await delegateFor(person).grantPackage(person, connection(customer, accountant), code);
  customer.notes.delegation.packageGrants.set(code, answer);
  return answer;
}

/** Given: the customer has made the accountant a rights holder (and granted these packages). */
export async function establishDelegation(customer: Company, accountant: Accountant, codes: string[]): Promise<void> {
  requireDelegated(await makeRightHolder(customer, accountant), `Å gjøre ${accountant.role} til rettighetshaver for ${customer.role}`);
  for (const code of codes) {
    requireDelegated(await grantPackage(customer, accountant, code), `Å gi ${accountant.role} tilgangspakken ${code} fra ${customer.role}`);
  }
}

/** The customer's daglig leder reads the packages on the connection to the accountant, every page (a question). */
export async function readGrantedPackages(customer: Company, accountant: Accountant): Promise<ListPages<PackagePermission>> {
  await Promise.all([customer.ready(), accountant.ready()]);
  const person = customer.dagligLeder;
  const token = await person.token();
  const am = person.accessManagement;
  const read = await readPages<PackagePermission>(
    await am.packages(token, { party: customer.partyUuid, from: customer.partyUuid, to: accountant.partyUuid }),
    (next) => am.follow<Paged<PackagePermission>>(next, token),
  );
  customer.notes.delegation.packagesRead = read;
  return read;
}

// ---- Client delegation to the agent system user -----------------------------------------------------

/** The accountant's daglig leder looks at the clients available to the agent system user (When, or a question). */
export async function lookAtAvailableClients(accountant: Accountant): Promise<ApiResponse<ClientList>> {
  const agent = agentSystemUserIdOf(accountant);
  const response = await accountant.dagligLeder.authentication.availableClients(await accountant.clientDelegationToken(), agent);
  accountant.accounting.available = response;
  return response;
}

/**
 * Scenario 2, step 1 (When): the accountant asks the customer to delegate the packages its agent
 * system user needs. Altinn offers no accountant-to-customer call for this in the contracts Samsvar
 * follows, so the ask itself is only noted; what the accountant does in Altinn is look at the clients
 * available to its agent system user, where the customer is not (yet) found.
 */
export async function askCustomerToDelegate(accountant: Accountant, customer: Company, codes: string[]): Promise<ApiResponse<ClientList>> {
  await customer.ready();
  accountant.client(customer).askedFor = [...codes];
  return lookAtAvailableClients(accountant);
}

/**
 * The accountant's daglig leder looks at the clients on the agent system user in Altinn's client
 * administration (the BFF's agents/accesspackages, docs/contracts/my-clients.md §2; When, or a question).
 */
export async function lookAtAgentClientsInBff(accountant: Accountant): Promise<ApiResponse<BffClientDelegation[]>> {
  const agent = agentSystemUserIdOf(accountant);
  const person = accountant.dagligLeder;
  const response = await person.amBff.agentClients(await person.token(), accountant.partyUuid, agent);
  accountant.accounting.agentView = response;
  return response;
}

/** The accountant's daglig leder looks at its agents in Altinn's client administration (the BFF's clientdelegations/agents; When). */
export async function lookAtAgentsInBff(accountant: Accountant): Promise<void> {
  const person = accountant.dagligLeder;
  accountant.accounting.agentsView = onePage(await person.amBff.agents(await person.token(), accountant.partyUuid));
}

/**
 * Another party's daglig leder (the client's) tries to look at the accountant's agents and at the clients
 * on its agent system user in Altinn's client administration (When; MK-5).
 */
export async function lookAtAgentsAsOutsider(accountant: Accountant, other: Company): Promise<void> {
  await other.ready();
  const person = other.dagligLeder;
  const token = await person.token();
  const agents = await person.amBff.agents(token, accountant.partyUuid);
  const agentClients = await person.amBff.agentClients(token, accountant.partyUuid, agentSystemUserIdOf(accountant));
  accountant.accounting.outsiderViews = { agents, agentClients, who: `daglig leder i ${other.role}` };
}

/** The company's daglig leder asks Altinn which packages it may delegate for the company (the BFF's accesspackage/delegationcheck; When). */
export async function checkDelegablePackages(company: Company): Promise<void> {
  await company.ready();
  const person = company.dagligLeder;
  company.notes.delegation.delegationCheck = onePage(await person.amBff.delegationCheck(await person.token(), company.partyUuid));
}

/** The company's daglig leder looks at the company's right holders (the BFF's connection/rightholders, from = the company; When). */
export async function lookAtRightholders(company: Company): Promise<void> {
  await company.ready();
  const person = company.dagligLeder;
  company.notes.delegation.rightholders = onePage(await person.amBff.rightholders(await person.token(), company.partyUuid, company.partyUuid));
}

/**
 * The accountant's daglig leder looks at "my clients" in Access Management (enduser/clientdelegations/my/clients,
 * docs/contracts/my-clients.md §1): the clients delegated to the person, from the accountant (When).
 */
export async function lookAtMyClients(accountant: Accountant): Promise<ApiResponse<Paged<MyClient>>> {
  await accountant.ready();
  const person = accountant.dagligLeder;
  const response = await person.accessManagement.myClients(await person.token(), accountant.partyUuid);
  accountant.accounting.myClients = response;
  return response;
}

/** The accountant's daglig leder adds the client to the agent system user (When). */
export async function addClient(accountant: Accountant, client: Company): Promise<DelegationAnswer<ClientDelegationResponse>> {
  await client.ready();
  const on = clientOnAgent(accountant, client);
  client.notes.accountantOrgNo = accountant.orgNo;
  const person = accountant.dagligLeder;
  const answer = await delegateFor(person).addClient(person, on);
  accountant.client(client).added = answer;
  return answer;
}

/** Given: the client is on the agent system user. */
export async function establishClient(accountant: Accountant, client: Company): Promise<void> {
  requireDelegated(await addClient(accountant, client), `Å legge til ${client.role} på klientsystembrukeren til ${accountant.role}`);
}

/** The accountant's daglig leder removes the client from the agent system user (When). */
export async function removeClient(accountant: Accountant, client: Company): Promise<DelegationAnswer<ClientDelegationResponse>> {
  await client.ready();
  const on = clientOnAgent(accountant, client);
  const person = accountant.dagligLeder;
  const answer = await delegateFor(person).removeClient(person, on);
  accountant.client(client).removed = answer;
  return answer;
}

/** The accountant's daglig leder lists the clients on the agent system user, every page (a question). */
export async function listClients(accountant: Accountant): Promise<ListPages<ClientInfo>> {
  const agent = agentSystemUserIdOf(accountant);
  const token = await accountant.clientDelegationToken();
  const client = accountant.dagligLeder.authentication;
  const read = await readPages<ClientInfo>(await client.clients(token, agent), (next) => client.follow<ClientList>(next, token));
  accountant.accounting.delegated = read;
  return read;
}

/**
 * The clients the accountant put on its agent system user in this scenario and has not removed since
 * (org number → role): what the list of the agent's clients must hold, no more.
 */
export function clientsOnAgent(accountant: Accountant): Map<string, string> {
  const on = new Map<string, string>();
  for (const [orgNo, notes] of accountant.accounting.clients) {
    if (notes.added?.done && !notes.removed?.done) on.set(orgNo, notes.role);
  }
  return on;
}

/** The org numbers in a client list (empty when the body has no list). */
export function clientOrgNos(list: ClientList | undefined): string[] {
  return Array.isArray(list?.data) ? list.data.map((c) => c.clientOrganizationNumber) : [];
}

/** The package URNs on a connection read (empty when the body has no list). */
export function grantedPackageUrns(read: Paged<PackagePermission> | undefined): string[] {
  return Array.isArray(read?.data) ? read.data.map((p) => p.package?.urn).filter((u): u is string => typeof u === 'string') : [];
}
