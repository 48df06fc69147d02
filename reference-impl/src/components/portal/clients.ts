// The page where an accountant's client administrator manages the clients of an agent system user
// (contracts authorization §4.2, authentication §5.3): the clients already added and the ones
// available, with Legg til and Fjern, through the client-delegation API
// (/authentication/api/v1/enduser/systemuser/clients[/available], agents). `party` is the owner
// organisation: its org number or its legacy integer party id.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentPerson, sendPage, type Person, type PortalContext } from './context.ts';
import { html, type Html } from './html.ts';
import { alert, csrfField, facts, page, problemAlert } from './layout.ts';
import { organisationName, packageInfo, partyById, systemInfo } from './lookups.ts';
import { seg, withQuery, type ApiProblem } from './platform-client.ts';
import type { ClientBody, PartyQuery } from './schemas.ts';
import { portalUrl, redirectToLogin } from './session.ts';

const API = '/authentication/api/v1/enduser/systemuser';

const DONE: Record<string, string> = {
  added: 'Klienten er lagt til.',
  removed: 'Klienten er fjernet.',
};

/** ClientInfo (contracts authorization §4.2). */
interface Client {
  clientId: string;
  clientOrganizationNumber: string;
  clientOrganizationName: string;
}

/** The agent system user as `GET agents` lists it (contracts authorization §4.2). */
interface Agent {
  id: string;
  integrationTitle?: string;
  systemId?: string;
  accessPackages?: Array<{ urn: string }>;
}

interface ClientsView {
  owner: { orgNo: string; name: string };
  party: string;
  agent: Agent;
  systemName: string;
  packageNames: string[];
  added: Client[];
  available: Client[];
}

type Loaded = { view: ClientsView } | { problem: ApiProblem; status: number };

function notFound(title: string): Loaded {
  return { status: 404, problem: { status: 404, code: undefined, title, detail: undefined } };
}

function clientsOf(items: unknown[]): Client[] {
  return items
    .filter((c): c is Record<string, unknown> => !!c && typeof c === 'object')
    .filter((c) => typeof c.clientId === 'string')
    .map((c) => ({
      clientId: String(c.clientId),
      clientOrganizationNumber: typeof c.clientOrganizationNumber === 'string' ? c.clientOrganizationNumber : '',
      clientOrganizationName: typeof c.clientOrganizationName === 'string' ? c.clientOrganizationName : String(c.clientId),
    }));
}

async function owner(person: Person, party: string): Promise<{ orgNo: string; name: string } | undefined> {
  if (/^\d{9}$/.test(party)) {
    const name = await organisationName(person.api, party);
    return name === undefined ? undefined : { orgNo: party, name };
  }
  const info = await partyById(person.api, party);
  return info ? { orgNo: info.orgNo, name: info.name } : undefined;
}

async function load(ctx: PortalContext, person: Person, systemUserId: string, party: string): Promise<Loaded> {
  const org = await owner(person, party);
  if (!org) return notFound('Fant ikke virksomheten.');
  const agents = await person.api.getAllPages<Agent>(`${API}/agents`, { party: org.orgNo });
  if (agents.problem) return { problem: agents.problem, status: agents.status };
  const agent = agents.body.find((a) => typeof a?.id === 'string' && a.id.toLowerCase() === systemUserId.toLowerCase());
  if (!agent) return notFound('Fant ikke klientsystembrukeren hos virksomheten.');
  const [added, available, packages] = await Promise.all([
    person.api.getAllPages<unknown>(`${API}/clients`, { agent: agent.id }),
    person.api.getAllPages<unknown>(`${API}/clients/available`, { agent: agent.id }),
    Promise.all((agent.accessPackages ?? []).map((p) => packageInfo(person.api, p.urn))),
  ]);
  if (added.problem) return { problem: added.problem, status: added.status };
  if (available.problem) return { problem: available.problem, status: available.status };
  const addedClients = clientsOf(added.body);
  const addedIds = new Set(addedClients.map((c) => c.clientId.toLowerCase()));
  return {
    view: {
      owner: org,
      party,
      agent,
      systemName: agent.systemId ? systemInfo(ctx.services, agent.systemId).name : 'Ukjent system',
      packageNames: packages.map((p) => p.name),
      added: addedClients,
      available: clientsOf(available.body).filter((c) => !addedIds.has(c.clientId.toLowerCase())),
    },
  };
}

function pagePath(systemUserId: string): string {
  return `/portal/accessmanagement/ui/systemuser/${seg(systemUserId)}/clients`;
}

function clientTable(view: ClientsView, clients: Client[], token: string, mode: 'add' | 'remove'): Html {
  const action = withQuery(`${pagePath(view.agent.id)}/${mode}`, { party: view.party });
  const label = mode === 'add' ? 'Legg til' : 'Fjern';
  return html`<table class="ds-table" data-border>
  <thead><tr><th scope="col">Klient</th><th scope="col">Organisasjonsnummer</th><th scope="col"><span class="ds-sr-only">Handling</span></th></tr></thead>
  <tbody>${clients.map((c) => html`<tr>
    <td>${c.clientOrganizationName}</td>
    <td>${c.clientOrganizationNumber}</td>
    <td><form method="post" action="${action}" class="portal-inline">${csrfField(token)}
      <input type="hidden" name="client" value="${c.clientId}">
      <button type="submit" class="ds-button" data-variant="${mode === 'add' ? 'primary' : 'secondary'}" data-size="sm">${label}<span class="ds-sr-only"> ${c.clientOrganizationName}</span></button>
    </form></td>
  </tr>`)}</tbody>
</table>`;
}

function clientsPage(view: ClientsView, person: Person, extra: { done?: string | undefined; problem?: ApiProblem } = {}): Html {
  const done = extra.done ? DONE[extra.done] : undefined;
  const token = person.user.csrfToken;
  return page({
    title: 'Klienter for systembruker',
    user: person.user,
    body: [
      done ? alert('success', done) : '',
      extra.problem ? problemAlert('Handlingen ble avvist', extra.problem) : '',
      html`<div class="ds-card" data-variant="tinted">${facts([
        ['Systembruker', view.agent.integrationTitle ?? view.agent.id],
        ['System', view.systemName],
        ['Virksomhet', `${view.owner.name} (org.nr. ${view.owner.orgNo})`],
        ['Tilgangspakker', view.packageNames.length ? view.packageNames.join(', ') : 'Ingen'],
      ])}</div>`,
      html`<section aria-labelledby="lagt-til">
  <h2 class="ds-heading" data-size="sm" id="lagt-til">Klienter systembrukeren har</h2>
  ${view.added.length === 0 ? html`<p class="ds-paragraph">Systembrukeren har ingen klienter ennå.</p>` : clientTable(view, view.added, token, 'remove')}
</section>`,
      html`<section aria-labelledby="tilgjengelige">
  <h2 class="ds-heading" data-size="sm" id="tilgjengelige">Tilgjengelige klienter</h2>
  <p class="ds-paragraph">Kunder som har gitt virksomheten minst én av tilgangspakkene systembrukeren har.</p>
  ${view.available.length === 0 ? html`<p class="ds-paragraph">Ingen flere klienter er tilgjengelige.</p>` : clientTable(view, view.available, token, 'add')}
</section>`,
    ],
  });
}

function refusedPage(person: Person, problem: ApiProblem): Html {
  return page({ title: 'Klienter for systembruker', user: person.user, body: problemAlert('Kan ikke vise klientene', problem) });
}

type ClientsRequest<B = unknown> = FastifyRequest<{ Params: { systemUserId: string }; Querystring: PartyQuery; Body: B }>;

export function clientHandlers(ctx: PortalContext) {
  const pageUrl = (systemUserId: string, party: string) => withQuery(pagePath(systemUserId), { party });

  async function viewOrReply(person: Person, request: ClientsRequest, reply: FastifyReply): Promise<ClientsView | FastifyReply> {
    const { systemUserId } = request.params;
    const loaded = await load(ctx, person, systemUserId, request.query.party);
    if ('view' in loaded) return loaded.view;
    if (loaded.status === 401) return redirectToLogin(reply, ctx.config, pageUrl(systemUserId, request.query.party));
    return sendPage(reply, loaded.status, refusedPage(person, loaded.problem));
  }

  /** Add (POST clients) or remove (DELETE clients) one client, then back to the page. */
  function change(mode: 'add' | 'remove') {
    return async function changeClient(request: ClientsRequest<ClientBody>, reply: FastifyReply) {
      const { systemUserId } = request.params;
      const party = request.query.party;
      const person = await currentPerson(ctx, request, reply);
      if (!person) return redirectToLogin(reply, ctx.config, pageUrl(systemUserId, party));
      const view = await viewOrReply(person, request, reply);
      if (!('agent' in view)) return view;
      const query = { agent: view.agent.id, client: request.body.client };
      const res = mode === 'add' ? await person.api.post(`${API}/clients`, query) : await person.api.delete(`${API}/clients`, query);
      if (res.status === 401) return redirectToLogin(reply, ctx.config, pageUrl(systemUserId, party));
      if (res.problem) return sendPage(reply, res.status, clientsPage(view, person, { problem: res.problem }));
      return reply.redirect(portalUrl(ctx.config, withQuery(pagePath(view.agent.id), { party, done: mode === 'add' ? 'added' : 'removed' })), 303);
    };
  }

  return {
    async show(request: ClientsRequest, reply: FastifyReply) {
      const person = await currentPerson(ctx, request, reply);
      if (!person) return redirectToLogin(reply, ctx.config, request.url);
      const view = await viewOrReply(person, request, reply);
      if (!('agent' in view)) return view;
      return sendPage(reply, 200, clientsPage(view, person, { done: request.query.done }));
    },
    add: change('add'),
    remove: change('remove'),
  };
}
