// The page where a customer's daglig leder (or another access manager) grants access packages to an
// accountant organisation without an ER role (docs/contracts/altinn-authorization.md §5): add the accountant as
// rights holder (POST connections) and grant a package (POST connections/accesspackages), or take a
// package back (DELETE connections/accesspackages). `party` is the customer's partyUuid, as in the API.

import type { Services } from '../../platform/services.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentPerson, sendPage, type Person, type PortalContext } from './context.ts';
import { html, type Html } from './html.ts';
import { alert, csrfField, page, problemAlert } from './layout.ts';
import { catalogue, partyByOrgNo, partyByUuid, type PackageInfo, type PartyInfo } from './lookups.ts';
import { withQuery, type ApiProblem } from './platform-client.ts';
import type { GrantBody, PartyQuery, RevokeBody } from './schemas.ts';
import { portalUrl, redirectToLogin } from './session.ts';

const PAGE = '/portal/accessmanagement/ui/connections';
const API = '/accessmanagement/api/v1/enduser/connections';

/** Outcomes a redirect back to the page may announce (fixed texts; the query value only picks one). */
const DONE: Record<string, string> = {
  granted: 'Tilgangspakken er gitt.',
  revoked: 'Tilgangspakken er fjernet.',
};

/** One row of the table: a package the party has given to another party. */
interface Grant {
  toUuid: string;
  toName: string;
  /** What the recipient is, shown after the name: the org number, or (systembruker) / (person). */
  toNote: string | undefined;
  urn: string;
  packageName: string;
}

interface ConnectionsView {
  party: PartyInfo;
  grants: Grant[];
  /** The whole catalogue: the person may pick any package, and the API decides whether it can be given. */
  packages: PackageInfo[];
}

interface FormState {
  orgNo?: string;
  packageUrn?: string;
  orgNoError?: string;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/**
 * PackagePermissionDto (docs/contracts/altinn-authorization.md §5): `{package:{id,urn,areaId}, permissions:[{from, to,
 * via, role, viaRole, reason}]}`, `from`/`to` compact entities `{id, name, organizationIdentifier, ...}`.
 * Keeps the permissions `party` has given directly.
 */
function grantsFrom(partyUuid: string, items: unknown[], names: Map<string, string>): Grant[] {
  const grants: Grant[] = [];
  for (const item of items) {
    const pkg = record(record(item).package);
    const urn = str(pkg.urn);
    if (!urn) continue;
    const permissions = record(item).permissions;
    for (const permission of Array.isArray(permissions) ? permissions : []) {
      const from = record(record(permission).from);
      const to = record(record(permission).to);
      const toUuid = str(to.id);
      if (!toUuid || str(from.id)?.toLowerCase() !== partyUuid.toLowerCase()) continue;
      // Only the party's own direct grants (role rettighetshaver, no `via`): what this page gives and takes
      // back. Packages through ER roles or client delegations are managed elsewhere.
      if (record(permission).via || str(record(record(permission).role).code) !== 'rettighetshaver') continue;
      grants.push({
        toUuid,
        toName: str(to.name) ?? toUuid,
        toNote: recipientNote(to),
        urn,
        packageName: names.get(urn) ?? urn,
      });
    }
  }
  return grants;
}

/** CompactEntityDto `type` (Organisasjon, Person, Systembruker) and identifier, for the table. */
function recipientNote(to: Record<string, unknown>): string | undefined {
  const orgNo = str(to.organizationIdentifier);
  if (orgNo) return `org.nr. ${orgNo}`;
  const type = str(to.type);
  return type ? type.toLowerCase() : undefined;
}

type Loaded = { view: ConnectionsView } | { problem: ApiProblem; status: number };

async function load(services: Services, person: Person, partyUuid: string): Promise<Loaded> {
  const party = partyByUuid(services, partyUuid);
  if (!party) return { status: 404, problem: { status: 404, code: undefined, title: 'Fant ikke virksomheten.', detail: undefined } };
  const [permissions, packages] = await Promise.all([
    person.api.getAllPages<unknown>(`${API}/accesspackages`, { party: party.partyUuid, from: party.partyUuid }),
    catalogue(person.api),
  ]);
  if (permissions.problem) return { problem: permissions.problem, status: permissions.status };
  const names = new Map(packages.map((p) => [p.urn, p.name]));
  const grants = grantsFrom(party.partyUuid, permissions.body, names);
  // Every package of the catalogue, not only the assignable ones: whether the customer may give it is the
  // API's delegation check (docs/contracts/altinn-authorization.md §2.4, §5: AM.VLD-00026), and the page shows its answer.
  return { view: { party, grants, packages } };
}

function packageSelect(packages: PackageInfo[], selected: string | undefined): Html {
  const areas = new Map<string, PackageInfo[]>();
  for (const p of packages) areas.set(p.areaName, [...(areas.get(p.areaName) ?? []), p]);
  return html`<select class="ds-input" id="package" name="package">
  ${[...areas].map(([area, list]) => html`<optgroup label="${area || 'Andre'}">${list.map((p) =>
    html`<option value="${p.urn}"${p.urn === selected ? html` selected` : ''}>${p.name}</option>`)}</optgroup>`)}
</select>`;
}

function grantForm(view: ConnectionsView, token: string, form: FormState): Html {
  const action = withQuery(PAGE, { party: view.party.partyUuid });
  const invalid = form.orgNoError !== undefined;
  return html`<section class="ds-card" aria-labelledby="gi-tilgang">
  <h2 class="ds-heading" data-size="sm" id="gi-tilgang">Gi en regnskapsfører tilgang</h2>
  <p class="ds-paragraph">Regnskapsføreren blir rettighetshaver for ${view.party.name} og får tilgangspakken du velger. Deretter kan regnskapsføreren legge virksomheten til som klient.</p>
  <form method="post" action="${action}" class="portal-form" novalidate>
    ${csrfField(token)}
    <div class="ds-field">
      <label class="ds-label" for="orgNo">Organisasjonsnummer</label>
      <p class="ds-paragraph" data-field="description" id="orgNo-beskrivelse" data-size="sm">Organisasjonsnummeret til regnskapsføreren, ni siffer.</p>
      <input class="ds-input" id="orgNo" name="orgNo" type="text" inputmode="numeric" autocomplete="off" value="${form.orgNo ?? ''}"
        aria-describedby="orgNo-beskrivelse${invalid ? ' orgNo-feil' : ''}"${invalid ? html` aria-invalid="true"` : ''}>
      ${invalid ? html`<p class="ds-validation-message" data-field="validation" id="orgNo-feil" data-color="danger">${form.orgNoError}</p>` : ''}
    </div>
    <div class="ds-field">
      <label class="ds-label" for="package">Tilgangspakke</label>
      ${packageSelect(view.packages, form.packageUrn ?? 'urn:altinn:accesspackage:merverdiavgift')}
    </div>
    <button type="submit" class="ds-button" data-variant="primary">Gi tilgang</button>
  </form>
</section>`;
}

function grantsTable(view: ConnectionsView, token: string): Html {
  const action = withQuery(`${PAGE}/remove`, { party: view.party.partyUuid });
  return html`<section aria-labelledby="gitte">
  <h2 class="ds-heading" data-size="sm" id="gitte">Tilganger ${view.party.name} har gitt</h2>
  ${view.grants.length === 0 ? html`<p class="ds-paragraph">Virksomheten har ikke gitt noen tilgangspakker til andre.</p>` : html`<table class="ds-table" data-border>
    <thead><tr><th scope="col">Mottaker</th><th scope="col">Tilgangspakke</th><th scope="col"><span class="ds-sr-only">Handling</span></th></tr></thead>
    <tbody>${view.grants.map((g) => html`<tr>
      <td>${g.toName}${g.toNote ? html` <span class="portal-muted">(${g.toNote})</span>` : ''}</td>
      <td>${g.packageName}</td>
      <td><form method="post" action="${action}" class="portal-inline">${csrfField(token)}
        <input type="hidden" name="to" value="${g.toUuid}"><input type="hidden" name="package" value="${g.urn}">
        <button type="submit" class="ds-button" data-variant="secondary" data-size="sm">Fjern<span class="ds-sr-only"> ${g.packageName} fra ${g.toName}</span></button>
      </form></td>
    </tr>`)}</tbody>
  </table>`}
</section>`;
}

function connectionsPage(view: ConnectionsView, person: Person, extra: { done?: string | undefined; problem?: ApiProblem; form?: FormState } = {}): Html {
  const done = extra.done ? DONE[extra.done] : undefined;
  return page({
    title: 'Tilganger til regnskapsfører',
    user: person.user,
    body: [
      html`<p class="ds-paragraph">Du administrerer tilganger for <strong>${view.party.name}</strong> (org.nr. ${view.party.orgNo}).</p>`,
      done ? alert('success', done) : '',
      extra.problem ? problemAlert('Handlingen ble avvist', extra.problem) : '',
      grantForm(view, person.user.csrfToken, extra.form ?? {}),
      grantsTable(view, person.user.csrfToken),
    ],
  });
}

function refusedPage(person: Person, problem: ApiProblem): Html {
  return page({ title: 'Tilganger til regnskapsfører', user: person.user, body: problemAlert('Kan ikke vise tilgangene', problem) });
}

export function connectionHandlers(ctx: PortalContext) {
  const pageUrl = (party: string) => withQuery(PAGE, { party });

  /** Loads the page's data, or sends the refusal / login redirect and returns undefined. */
  async function viewOrReply(person: Person, party: string, reply: FastifyReply): Promise<ConnectionsView | FastifyReply> {
    const loaded = await load(ctx.services, person, party);
    if ('view' in loaded) return loaded.view;
    if (loaded.status === 401) return redirectToLogin(reply, ctx.config, pageUrl(party));
    return sendPage(reply, loaded.status, refusedPage(person, loaded.problem));
  }

  return {
    async show(request: FastifyRequest<{ Querystring: PartyQuery }>, reply: FastifyReply) {
      const person = await currentPerson(ctx, request, reply);
      if (!person) return redirectToLogin(reply, ctx.config, request.url);
      const view = await viewOrReply(person, request.query.party, reply);
      if (!('party' in view)) return view;
      return sendPage(reply, 200, connectionsPage(view, person, { done: request.query.done }));
    },

    /** Add the accountant as rights holder, then grant the package (both through the connections API). */
    async grant(request: FastifyRequest<{ Querystring: PartyQuery; Body: GrantBody }>, reply: FastifyReply) {
      const party = request.query.party;
      const person = await currentPerson(ctx, request, reply);
      if (!person) return redirectToLogin(reply, ctx.config, pageUrl(party));
      const view = await viewOrReply(person, party, reply);
      if (!('party' in view)) return view;
      const orgNo = request.body.orgNo.replace(/\s+/g, '');
      const form: FormState = { orgNo, packageUrn: request.body.package };
      // The field must hold an organisation number before it can be looked up (presentation, not a rule).
      if (!/^\d{9}$/.test(orgNo)) {
        return sendPage(reply, 400, connectionsPage(view, person, { form: { ...form, orgNoError: 'Skriv et organisasjonsnummer med ni siffer.' } }));
      }
      const target = partyByOrgNo(ctx.services, orgNo);
      if (!target) {
        return sendPage(reply, 404, connectionsPage(view, person, { form: { ...form, orgNoError: 'Fant ingen virksomhet med dette organisasjonsnummeret i Enhetsregisteret.' } }));
      }
      const added = await person.api.post(API, { party: view.party.partyUuid, to: target.partyUuid });
      if (added.status === 401) return redirectToLogin(reply, ctx.config, pageUrl(party));
      if (added.problem) return sendPage(reply, added.status, connectionsPage(view, person, { problem: added.problem, form }));
      const granted = await person.api.post(`${API}/accesspackages`, { party: view.party.partyUuid, to: target.partyUuid, package: request.body.package });
      if (granted.status === 401) return redirectToLogin(reply, ctx.config, pageUrl(party));
      if (granted.problem) return sendPage(reply, granted.status, connectionsPage(view, person, { problem: granted.problem, form }));
      return reply.redirect(portalUrl(ctx.config, withQuery(PAGE, { party: view.party.partyUuid, done: 'granted' })), 303);
    },

    /** Take a package back from a rights holder. */
    async revoke(request: FastifyRequest<{ Querystring: PartyQuery; Body: RevokeBody }>, reply: FastifyReply) {
      const party = request.query.party;
      const person = await currentPerson(ctx, request, reply);
      if (!person) return redirectToLogin(reply, ctx.config, pageUrl(party));
      const view = await viewOrReply(person, party, reply);
      if (!('party' in view)) return view;
      const res = await person.api.delete(`${API}/accesspackages`, {
        party: view.party.partyUuid, from: view.party.partyUuid, to: request.body.to, package: request.body.package,
      });
      if (res.status === 401) return redirectToLogin(reply, ctx.config, pageUrl(party));
      if (res.problem) return sendPage(reply, res.status, connectionsPage(view, person, { problem: res.problem }));
      return reply.redirect(portalUrl(ctx.config, withQuery(PAGE, { party: view.party.partyUuid, done: 'revoked' })), 303);
    },
  };
}
