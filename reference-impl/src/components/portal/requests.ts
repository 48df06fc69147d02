// The confirmUrl pages (docs/contracts/altinn-authentication.md §3.1, §3.5; docs/contracts/change-requests.md §3): a
// person reads a system user request (standard or agent) or a change request on a standard system user,
// and approves or rejects it through the end-user API. After the answer the browser goes to the
// request's redirectUrl (validated by the API against the system's allowed URLs when the request was
// made, and checked again here to be absolute https), or to a receipt page.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentPerson, sendPage, type Person, type PortalContext } from './context.ts';
import { html, type Html } from './html.ts';
import { alert, csrfField, facts, page, problemAlert } from './layout.ts';
import { packageInfo, resourceTitle, organisationName, systemInfo, type PackageInfo } from './lookups.ts';
import { actionName, REQUEST_STATUS } from './messages.ts';
import { seg, withQuery, type ApiProblem } from './platform-client.ts';
import type { RequestActionBody } from './schemas.ts';
import { portalUrl, redirectToLogin, safeRedirectUrl } from './session.ts';

export type RequestKind = 'standard' | 'agent' | 'change';

type ApiRight = { action?: string; resource: Array<{ id: string; value: string }> };

/** One list on the page: packages or single rights, under its heading. */
interface ListSpec {
  id: string;
  heading: string;
  /** What the list shows when it is empty. */
  none: string;
  packages?: (r: InternalRequest) => Array<{ urn: string }>;
  rights?: (r: InternalRequest) => ApiRight[];
}

interface Kind {
  /** The portal page, as in the confirmUrl: .../systemuser/request or .../systemuser/agentrequest. */
  page: string;
  /** GET of the request for a person (§3.5). */
  read: (id: string) => string;
  /** POST approve / reject for the party (§3.5). */
  answer: (party: number, id: string, action: 'approve' | 'reject') => string;
  title: string;
  /** The sentence under the heading: what the vendor asks the customer for. */
  intro: (vendor: Html | string, customer: string, system: Html) => Html;
  lists: ListSpec[];
  /** The receipt's heading and text after an approval and after a rejection. */
  approved: { title: string; text: (customer: string, system: string) => string };
  rejected: (system: string) => string;
}

const AUTH = '/authentication/api/v1/systemuser/request';
const CHANGE = '/authentication/api/v1/systemuser/changerequest';

const PACKAGES: ListSpec = { id: 'pakker', heading: 'Tilgangspakker', none: 'Ingen tilgangspakker.', packages: (r) => r.accessPackages ?? [] };
const RIGHTS: ListSpec = { id: 'rettigheter', heading: 'Enkeltrettigheter', none: 'Ingen enkeltrettigheter.', rights: (r) => r.rights ?? [] };

const KINDS: Record<RequestKind, Kind> = {
  standard: {
    page: '/portal/accessmanagement/ui/systemuser/request',
    read: (id) => `${AUTH}/${seg(id)}`,
    answer: (party, id, action) => `${AUTH}/${seg(party)}/${seg(id)}/${action}`,
    title: 'Forespørsel om systembruker',
    intro: (vendor, customer, system) => html`${vendor} ber om at ${customer} oppretter en systembruker for systemet ${system} med tilgangene under.`,
    lists: [PACKAGES, RIGHTS],
    approved: { title: 'Systembrukeren er opprettet', text: (customer, system) => `${customer} har nå en systembruker for systemet ${system}.` },
    rejected: (system) => `Det er ikke opprettet noen systembruker for systemet ${system}.`,
  },
  agent: {
    page: '/portal/accessmanagement/ui/systemuser/agentrequest',
    read: (id) => `${AUTH}/agent/${seg(id)}`,
    answer: (party, id, action) => `${AUTH}/agent/${seg(party)}/${seg(id)}/${action}`,
    title: 'Forespørsel om klientsystembruker',
    intro: (vendor, customer, system) => html`${vendor} ber om at ${customer} oppretter en klientsystembruker for systemet ${system}, som kan få tilgangspakkene under for kundene dere legger til som klienter.`,
    lists: [PACKAGES],
    approved: { title: 'Systembrukeren er opprettet', text: (customer, system) => `${customer} har nå en klientsystembruker for systemet ${system}.` },
    rejected: (system) => `Det er ikke opprettet noen systembruker for systemet ${system}.`,
  },
  // docs/contracts/change-requests.md §3: GET changerequest/{id} answers ChangeRequestResponseInternal.
  change: {
    page: '/portal/accessmanagement/ui/systemuser/changerequest',
    read: (id) => `${CHANGE}/${seg(id)}`,
    answer: (party, id, action) => `${CHANGE}/${seg(party)}/${seg(id)}/${action}`,
    title: 'Forespørsel om endring av systembruker',
    intro: (vendor, customer, system) => html`${vendor} ber om at ${customer} endrer tilgangene til systembrukeren for systemet ${system} slik det står under.`,
    lists: [
      { id: 'pakker-legges-til', heading: 'Tilgangspakker som legges til', none: 'Ingen.', packages: (r) => r.requiredAccessPackages ?? [] },
      { id: 'pakker-fjernes', heading: 'Tilgangspakker som fjernes', none: 'Ingen.', packages: (r) => r.unwantedAccessPackages ?? [] },
      { id: 'rettigheter-legges-til', heading: 'Enkeltrettigheter som legges til', none: 'Ingen.', rights: (r) => r.requiredRights ?? [] },
      { id: 'rettigheter-fjernes', heading: 'Enkeltrettigheter som fjernes', none: 'Ingen.', rights: (r) => r.unwantedRights ?? [] },
    ],
    approved: { title: 'Endringen er godkjent', text: (customer, system) => `Systembrukeren til ${customer} for systemet ${system} har nå de endrede tilgangene.` },
    rejected: (system) => `Tilgangene til systembrukeren for systemet ${system} er ikke endret.`,
  },
};

/**
 * RequestSystemResponseInternal (docs/contracts/altinn-authentication.md §3.5) or ChangeRequestResponseInternal
 * (docs/contracts/change-requests.md §3), the members the page uses.
 */
interface InternalRequest {
  id: string;
  integrationTitle?: string;
  systemId: string;
  partyOrgNo: string;
  partyId: number;
  rights?: ApiRight[];
  accessPackages?: Array<{ urn: string }>;
  requiredRights?: ApiRight[];
  unwantedRights?: ApiRight[];
  requiredAccessPackages?: Array<{ urn: string }>;
  unwantedAccessPackages?: Array<{ urn: string }>;
  status: string;
  redirectUrl?: string;
  userMayEscalateButNotApprove?: boolean;
}

interface RequestView {
  request: InternalRequest;
  systemName: string;
  vendor: string;
  customer: string;
  /** Per list of the kind (Kind.lists, same order): packages or single rights as the page names them. */
  lists: Array<{ spec: ListSpec; packages: PackageInfo[]; rights: string[] }>;
}

type Loaded = { view: RequestView } | { problem: ApiProblem; status: number };

function orgLabel(name: string | undefined, orgNo: string | undefined): string {
  if (!orgNo) return name ?? 'Ukjent';
  return name ? `${name} (org.nr. ${orgNo})` : `Org.nr. ${orgNo}`;
}

async function load(ctx: PortalContext, person: Person, kind: RequestKind, id: string): Promise<Loaded> {
  const res = await person.api.get<InternalRequest>(KINDS[kind].read(id));
  if (res.problem) return { problem: res.problem, status: res.status };
  const request = res.body;
  const system = systemInfo(ctx.services, request.systemId);
  const rightName = async (right: ApiRight) => {
    const titles = await Promise.all(right.resource.filter((r) => r.id === 'urn:altinn:resource').map((r) => resourceTitle(person.api, r.value)));
    return `${titles.join(', ') || 'Ukjent tjeneste'} – ${actionName(right.action)}`;
  };
  const [vendorName, customerName, lists] = await Promise.all([
    Promise.resolve(system.vendorOrgNo ? organisationName(ctx.services, system.vendorOrgNo) : undefined),
    Promise.resolve(organisationName(ctx.services, request.partyOrgNo)),
    Promise.all(KINDS[kind].lists.map(async (spec) => ({
      spec,
      packages: await Promise.all((spec.packages?.(request) ?? []).map((p) => packageInfo(person.api, p.urn))),
      rights: await Promise.all((spec.rights?.(request) ?? []).map(rightName)),
    }))),
  ]);
  return {
    view: {
      request,
      systemName: system.name,
      vendor: orgLabel(vendorName, system.vendorOrgNo),
      customer: orgLabel(customerName, request.partyOrgNo),
      lists,
    },
  };
}

function list(item: RequestView['lists'][number]): Html {
  const { spec, packages, rights } = item;
  const items = spec.packages
    ? packages.map((p) => html`<li><strong>${p.name}</strong>${p.description ? html` – ${p.description}` : ''}</li>`)
    : rights.map((r) => html`<li>${r}</li>`);
  return html`<section aria-labelledby="${spec.id}">
  <h2 class="ds-heading" data-size="sm" id="${spec.id}">${spec.heading}</h2>
  ${items.length === 0 ? html`<p class="ds-paragraph">${spec.none}</p>` : html`<ul class="ds-list">${items}</ul>`}
</section>`;
}

function details(view: RequestView): Html {
  const r = view.request;
  return html`<div class="ds-card" data-variant="tinted">
  ${facts([
    ['System', view.systemName],
    ['Leverandør', view.vendor],
    ['Virksomhet', view.customer],
    ['Navn på systembrukeren', r.integrationTitle ?? view.systemName],
    ['Status', REQUEST_STATUS[r.status] ?? r.status],
  ])}
</div>
${view.lists.map(list)}`;
}

function answerForms(kind: RequestKind, id: string, token: string): Html {
  const base = KINDS[kind].page;
  return html`<div class="portal-actions">
  <form method="post" action="${base}/approve">${csrfField(token)}<input type="hidden" name="id" value="${id}">
    <button type="submit" class="ds-button" data-variant="primary">Godkjenn</button></form>
  <form method="post" action="${base}/reject">${csrfField(token)}<input type="hidden" name="id" value="${id}">
    <button type="submit" class="ds-button" data-variant="secondary">Avvis</button></form>
</div>`;
}

/** The state part of the page: buttons for a New request the person may answer, else why not. */
function state(kind: RequestKind, view: RequestView, token: string): Html {
  const r = view.request;
  if (r.status !== 'New') {
    return alert('info', 'Forespørselen er allerede besvart', html`<p class="ds-paragraph">Status: ${REQUEST_STATUS[r.status] ?? r.status}. Den kan ikke besvares på nytt.</p>`);
  }
  if (r.userMayEscalateButNotApprove) {
    return alert('warning', 'Du kan ikke godkjenne denne forespørselen', html`<p class="ds-paragraph">Det krever at du er tilgangsstyrer i ${view.customer}, for eksempel daglig leder. Be en tilgangsstyrer i virksomheten om å svare på forespørselen.</p>`);
  }
  return answerForms(kind, r.id, token);
}

function requestPage(kind: RequestKind, view: RequestView, person: Person, problem?: ApiProblem): Html {
  const k = KINDS[kind];
  const intro = html`<p class="ds-paragraph">${k.intro(view.vendor, view.customer, html`<strong>${view.systemName}</strong>`)}</p>`;
  return page({
    title: k.title,
    user: person.user,
    body: [problem ? problemAlert('Handlingen ble avvist', problem) : '', intro, details(view), state(kind, view, person.user.csrfToken)],
  });
}

function refusedPage(kind: RequestKind, person: Person, problem: ApiProblem): Html {
  return page({ title: KINDS[kind].title, user: person.user, body: problemAlert('Kan ikke vise forespørselen', problem) });
}

function receiptPage(kind: RequestKind, view: RequestView, person: Person): Html {
  const r = view.request;
  const k = KINDS[kind];
  const accepted = r.status === 'Accepted';
  const title = accepted ? k.approved.title : r.status === 'Rejected' ? 'Forespørselen er avvist' : k.title;
  const message = accepted
    ? alert('success', 'Godkjent', html`<p class="ds-paragraph">${k.approved.text(view.customer, view.systemName)}</p>`)
    : r.status === 'Rejected'
      ? alert('info', 'Avvist', html`<p class="ds-paragraph">${k.rejected(view.systemName)}</p>`)
      : alert('info', 'Forespørselen er ikke besvart', html`<p class="ds-paragraph">Status: ${REQUEST_STATUS[r.status] ?? r.status}.</p>`);
  return page({ title, user: person.user, body: [message, details(view)] });
}

export function requestHandlers(ctx: PortalContext, kind: RequestKind) {
  const k = KINDS[kind];
  const pageUrl = (id: string) => withQuery(k.page, { id, DONTCHOOSEREPORTEE: 'true' });

  /** Approve or reject: read the request (its party and redirectUrl), answer it, then go on. */
  function answer(action: 'approve' | 'reject') {
    return async function answerRequest(request: FastifyRequest<{ Body: RequestActionBody }>, reply: FastifyReply) {
      const id = request.body.id;
      const person = await currentPerson(ctx, request, reply);
      if (!person) return redirectToLogin(reply, ctx.config, pageUrl(id));
      const before = await load(ctx, person, kind, id);
      if ('problem' in before) {
        if (before.status === 401) return redirectToLogin(reply, ctx.config, pageUrl(id));
        return sendPage(reply, before.status, refusedPage(kind, person, before.problem));
      }
      const res = await person.api.post(k.answer(before.view.request.partyId, id, action));
      if (res.status === 401) return redirectToLogin(reply, ctx.config, pageUrl(id));
      if (res.problem) {
        const after = await load(ctx, person, kind, id);
        const view = 'view' in after ? after.view : before.view;
        return sendPage(reply, res.status, requestPage(kind, view, person, res.problem));
      }
      const target = safeRedirectUrl(before.view.request.redirectUrl);
      if (target) return reply.redirect(target, 303);
      return reply.redirect(portalUrl(ctx.config, withQuery(`${k.page}/receipt`, { id })), 303);
    };
  }

  return {
    /** GET the confirmUrl page. */
    async show(request: FastifyRequest<{ Querystring: { id: string } }>, reply: FastifyReply) {
      const person = await currentPerson(ctx, request, reply);
      if (!person) return redirectToLogin(reply, ctx.config, request.url);
      const loaded = await load(ctx, person, kind, request.query.id);
      if ('problem' in loaded) {
        if (loaded.status === 401) return redirectToLogin(reply, ctx.config, request.url);
        return sendPage(reply, loaded.status, refusedPage(kind, person, loaded.problem));
      }
      return sendPage(reply, 200, requestPage(kind, loaded.view, person));
    },

    /** GET the receipt after an answer without a redirectUrl. */
    async receipt(request: FastifyRequest<{ Querystring: { id: string } }>, reply: FastifyReply) {
      const person = await currentPerson(ctx, request, reply);
      if (!person) return redirectToLogin(reply, ctx.config, request.url);
      const loaded = await load(ctx, person, kind, request.query.id);
      if ('problem' in loaded) {
        if (loaded.status === 401) return redirectToLogin(reply, ctx.config, request.url);
        return sendPage(reply, loaded.status, refusedPage(kind, person, loaded.problem));
      }
      return sendPage(reply, 200, receiptPage(kind, loaded.view, person));
    },

    approve: answer('approve'),
    reject: answer('reject'),
  };
}
