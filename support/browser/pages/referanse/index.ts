// The reference implementation's portal (capability portal-ui of the referanse profiles): its page
// objects put together into the intents the features need. Every intent opens its page (logging in on
// the way when the portal asks), does what a person would do there, waits for the answer to arrive,
// and returns what the page then shows. It never judges; the Then-steps do.

import type { PersonInPortal, PortalAgent, PortalAnswer, PortalFlavour, PortalParty } from '../../portal.ts';
import { ClientsPage } from './clients.page.ts';
import { ConnectionsPage } from './connections.page.ts';
import { LoginPage } from './login.page.ts';
import { RequestPage } from './request.page.ts';
import { readView } from './view.ts';
import { logInOverHttp, logOutOverHttp, shownOverHttp } from './session.ts';
import { submitAndArrive } from './navigation.ts';

/** A page of this portal, below the target's `portal` endpoint. */
export function portalPage(portalUrl: string, path: string, query: Record<string, string>): string {
  const url = new URL(`${portalUrl.replace(/\/+$/, '')}${path}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.href;
}

export function connectionsUrl(portalUrl: string, customer: PortalParty): string {
  return portalPage(portalUrl, '/accessmanagement/ui/connections', { party: customer.partyUuid });
}

export function clientsUrl(portalUrl: string, agent: PortalAgent): string {
  return portalPage(portalUrl, `/accessmanagement/ui/systemuser/${encodeURIComponent(agent.systemUserId)}/clients`, { party: agent.owner.orgNo });
}

/** Opens a portal page as the person; the portal sends a person without a session to its login first. */
async function visit(who: PersonInPortal, url: string): Promise<void> {
  await who.page.goto(url);
  const login = new LoginPage(who.page);
  if (await login.isShown()) await login.logInAs(who.pid);
}

/** True when the person is already on this page (same path and party), so a step can go on where the last one left off. */
function alreadyOn(who: PersonInPortal, url: string): boolean {
  try {
    const here = new URL(who.page.url());
    const there = new URL(url);
    return here.origin === there.origin && here.pathname === there.pathname && here.searchParams.get('party') === there.searchParams.get('party');
  } catch {
    return false;
  }
}

async function answer(who: PersonInPortal, action: string, offered: boolean): Promise<PortalAnswer> {
  return { action, offered, view: await readView(who.page, who.portalUrl) };
}

async function openConnections(who: PersonInPortal, customer: PortalParty): Promise<ConnectionsPage> {
  const url = connectionsUrl(who.portalUrl, customer);
  if (!alreadyOn(who, url)) await visit(who, url);
  const page = new ConnectionsPage(who.page);
  await page.arrive();
  return page;
}

async function openClients(who: PersonInPortal, agent: PortalAgent): Promise<ClientsPage> {
  const url = clientsUrl(who.portalUrl, agent);
  await visit(who, url);
  const page = new ClientsPage(who.page);
  await page.arrive();
  return page;
}

export const referansePortal: PortalFlavour = {
  name: 'referanse',

  async openPage(who, url) {
    await visit(who, url);
    await who.page.getByRole('heading', { level: 1 }).first().waitFor();
    return answer(who, 'Åpne siden', true);
  },

  async logOut(who) {
    const button = new LoginPage(who.page).logOutButton;
    if (!(await button.isVisible())) return answer(who, 'Logg ut', false);
    await submitAndArrive(who.page, button);
    return answer(who, 'Logg ut', true);
  },

  http: { logIn: logInOverHttp, logOut: logOutOverHttp, shown: shownOverHttp },

  async answerRequest(who, confirmUrl, reply) {
    await visit(who, confirmUrl);
    const request = new RequestPage(who.page);
    await request.arrive();
    const [action, button] = reply === 'approve' ? ['Godkjenn', request.approveButton] as const : ['Avvis', request.rejectButton] as const;
    if (!(await button.isVisible())) return answer(who, action, false);
    await who.capture(`før «${action}»`);
    await (reply === 'approve' ? request.approve() : request.reject());
    return answer(who, action, true);
  },

  // In this portal the rights holder is named on the same form that grants the package.
  async nameRightHolder(who, customer, rightHolderOrgNo) {
    const page = await openConnections(who, customer);
    await page.nameRecipient(rightHolderOrgNo);
    return answer(who, `Organisasjonsnummer ${rightHolderOrgNo}`, true);
  },

  async grantPackage(who, customer, rightHolderOrgNo, packageName) {
    const page = await openConnections(who, customer);
    await page.nameRecipient(rightHolderOrgNo);
    const action = `Gi tilgang: ${packageName}`;
    if ((await page.packageOption(packageName).count()) === 0) return answer(who, action, false);
    await page.choosePackage(packageName);
    await who.capture(`før «Gi tilgang»`);
    await page.grant();
    return answer(who, action, true);
  },

  // The client's own row when the page lists it among the available ones; otherwise the person types
  // its organisation number, as one would for a client the list does not show, and the platform answers.
  async addClient(who, agent, client) {
    const page = await openClients(who, agent);
    if (await page.addButton(client.name).isVisible()) {
      await who.capture(`før «Legg til»`);
      await page.addClient(client.name);
      return answer(who, `Legg til ${client.name}`, true);
    }
    const action = `Legg til klient ${client.orgNo}`;
    if (!(await page.offersAddByNumber())) return answer(who, action, false);
    await page.nameClient(client.orgNo);
    await who.capture(`før «Legg til klient»`);
    await page.addNamedClient();
    return answer(who, action, true);
  },

  async removeClient(who, agent, client) {
    const page = await openClients(who, agent);
    const button = page.removeButton(client.name);
    if (!(await button.isVisible())) return answer(who, `Fjern ${client.name}`, false);
    await who.capture(`før «Fjern»`);
    await page.removeClient(client.name);
    return answer(who, `Fjern ${client.name}`, true);
  },
};
