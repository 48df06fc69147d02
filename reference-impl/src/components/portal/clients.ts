// The page where an accountant's client administrator manages the clients of an agent system user
// (docs/contracts/altinn-authorization.md §4.2, docs/contracts/altinn-authentication.md §5.3): the clients already added and the ones
// available, with Legg til and Fjern, and a field to add any organisation by its number, through the
// client-delegation API (/authentication/api/v1/enduser/systemuser/clients[/available], agents). The
// API decides whether a party may be added (AUTH-00079, AUTH-00080); the page shows its refusal.
// `party` is the owner organisation: its org number or its legacy integer party id.

import type { Services } from '../../platform/services.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentPerson, sendPage, type Person, type PortalContext } from './context.ts';
import { html, type Html } from './html.ts';
import { alert, csrfField, facts, page, problemAlert } from './layout.ts';
import { organisationName, packageInfo, partyById, partyByOrgNo, systemInfo } from './lookups.ts';
import { seg, withQuery, type ApiProblem } from './platform-client.ts';
import type { ClientBody, ClientOrgNoBody, PartyQuery } from './schemas.ts';
import { portalUrl, redirectToLogin } from './session.ts';

const API = '/authentication/api/v1/enduser/systemuser';

const DONE: Record<string, string> = {
  added: 'Klienten er lagt til.',
  removed: 'Klienten er fjernet.',
};

/** ClientInfo (docs/contracts/altinn-authorization.md §4.2). */
interface Client {
  clientId: string;
  clientOrganizationNumber: string;
  clientOrganizationName: string;
}

/** The agent system user as `GET agents` lists it (docs/contracts/altinn-authorization.md §4.2). */
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

/** What the person typed in the org number field, and why it could not be looked up. */
interface FormState {
  orgNo?: string;
  orgNoError?: string;
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

function owner(services: Services, party: string): { orgNo: string; name: string } | undefined {
  if (/^\d{9}$/.test(party)) {
    const name = organisationName(services, party);
    return name === undefined ? undefined : { orgNo: party, name };
  }
  const info = partyById(services, party);
  return info ? { orgNo: info.orgNo, name: info.name } : undefined;
}

async function load(ctx: PortalContext, person: Person, systemUserId: string, party: string): Promise<Loaded> {
  const org = owner(ctx.services, party);
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

/** Any organisation by its number: a client the list does not show is still the API's to refuse. */
function orgNoForm(view: ClientsView, token: string, form: FormState): Html {
  const action = withQuery(`${pagePath(view.agent.id)}/add-orgno`, { party: view.party });
  const invalid = form.orgNoError !== undefined;
  return html`<section class="ds-card" aria-labelledby="legg-til-klient">
  <h2 class="ds-heading" data-size="sm" id="legg-til-klient">Legg til en annen klient</h2>
  <p class="ds-paragraph">Står ikke klienten i listen, kan du skrive organisasjonsnummeret. Altinn sjekker om virksomheten kan legges til som klient.</p>
  <form method="post" action="${action}" class="portal-form" novalidate>
    ${csrfField(token)}
    <div class="ds-field">
      <label class="ds-label" for="orgNo">Organisasjonsnummer</label>
      <p class="ds-paragraph" data-field="description" id="orgNo-beskrivelse" data-size="sm">Organisasjonsnummeret til klienten, ni siffer.</p>
      <input class="ds-input" id="orgNo" name="orgNo" type="text" inputmode="numeric" autocomplete="off" value="${form.orgNo ?? ''}"
        aria-describedby="orgNo-beskrivelse${invalid ? ' orgNo-feil' : ''}"${invalid ? html` aria-invalid="true"` : ''}>
      ${invalid ? html`<p class="ds-validation-message" data-field="validation" id="orgNo-feil" data-color="danger">${form.orgNoError}</p>` : ''}
    </div>
    <button type="submit" class="ds-button" data-variant="secondary">Legg til klient</button>
  </form>
</section>`;
}

function clientsPage(view: ClientsView, person: Person, extra: { done?: string | undefined; problem?: ApiProblem; form?: FormState } = {}): Html {
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
      orgNoForm(view, token, extra.form ?? {}),
    ],
  });
}

function refusedPage(person: Person, problem: ApiProblem): Html {
  return page({ title: 'Klienter for systembruker', user: person.user, body: problemAlert('Kan ikke vise klientene', problem) });
}

type ClientsRequest<B = unknown> = FastifyRequest<{ Params: { systemUserId: string }; Querystring: PartyQuery; Body: B }>;

export function clientHandlers(ctx: PortalContext) {
  const pageUrl = (systemUserId: string, party: string) => withQuery(pagePath(systemUserId), { party });

  /**
   * The signed-in person and the agent system user's page data, or the reply already sent (to the
   * login, back to `returnTo` afterwards; or the API's refusal).
   */
  async function signedInView(request: ClientsRequest, reply: FastifyReply, returnTo: string): Promise<{ person: Person; view: ClientsView } | { sent: FastifyReply }> {
    const { systemUserId } = request.params;
    const person = await currentPerson(ctx, request, reply);
    if (!person) return { sent: redirectToLogin(reply, ctx.config, returnTo) };
    const loaded = await load(ctx, person, systemUserId, request.query.party);
    if ('view' in loaded) return { person, view: loaded.view };
    if (loaded.status === 401) return { sent: redirectToLogin(reply, ctx.config, pageUrl(systemUserId, request.query.party)) };
    return { sent: sendPage(reply, loaded.status, refusedPage(person, loaded.problem)) };
  }

  /** Adds (POST clients) or removes (DELETE clients) one client; the API's refusal is shown on the page. */
  async function delegate(person: Person, view: ClientsView, mode: 'add' | 'remove', client: string, reply: FastifyReply, form?: FormState): Promise<FastifyReply> {
    const query = { agent: view.agent.id, client };
    const res = mode === 'add' ? await person.api.post(`${API}/clients`, query) : await person.api.delete(`${API}/clients`, query);
    if (res.status === 401) return redirectToLogin(reply, ctx.config, pageUrl(view.agent.id, view.party));
    if (res.problem) return sendPage(reply, res.status, clientsPage(view, person, { problem: res.problem, ...(form ? { form } : {}) }));
    return reply.redirect(portalUrl(ctx.config, withQuery(pagePath(view.agent.id), { party: view.party, done: mode === 'add' ? 'added' : 'removed' })), 303);
  }

  /** Add or remove the client of a row, then back to the page. */
  function change(mode: 'add' | 'remove') {
    return async function changeClient(request: ClientsRequest<ClientBody>, reply: FastifyReply) {
      const signedIn = await signedInView(request, reply, pageUrl(request.params.systemUserId, request.query.party));
      if ('sent' in signedIn) return signedIn.sent;
      return delegate(signedIn.person, signedIn.view, mode, request.body.client, reply);
    };
  }

  /** Add the organisation the person typed: looked up by number, then the API decides. */
  async function addByOrgNo(request: ClientsRequest<ClientOrgNoBody>, reply: FastifyReply) {
    const signedIn = await signedInView(request, reply, pageUrl(request.params.systemUserId, request.query.party));
    if ('sent' in signedIn) return signedIn.sent;
    const { person, view } = signedIn;
    const orgNo = request.body.orgNo.replace(/\s+/g, '');
    // The field must hold an organisation number before it can be looked up (presentation, not a rule).
    if (!/^\d{9}$/.test(orgNo)) {
      return sendPage(reply, 400, clientsPage(view, person, { form: { orgNo, orgNoError: 'Skriv et organisasjonsnummer med ni siffer.' } }));
    }
    const target = partyByOrgNo(ctx.services, orgNo);
    if (!target) {
      return sendPage(reply, 404, clientsPage(view, person, { form: { orgNo, orgNoError: 'Fant ingen virksomhet med dette organisasjonsnummeret i Enhetsregisteret.' } }));
    }
    return delegate(person, view, 'add', target.partyUuid, reply, { orgNo });
  }

  return {
    async show(request: ClientsRequest, reply: FastifyReply) {
      const signedIn = await signedInView(request, reply, request.url);
      if ('sent' in signedIn) return signedIn.sent;
      return sendPage(reply, 200, clientsPage(signedIn.view, signedIn.person, { done: request.query.done }));
    },
    add: change('add'),
    addByOrgNo,
    remove: change('remove'),
  };
}
