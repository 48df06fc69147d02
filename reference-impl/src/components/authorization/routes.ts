// POST /authorization/api/v1/authorize (docs/contracts/altinn-authorization.md §1.1).

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import { faultActive } from '../../faults.ts';
import { Forbidden, Unauthorized } from '../../platform/errors.ts';
import { consumerOrgNo, requireBearer, scopesOf, type VerifiedToken } from '../../platform/tokens.ts';
import type { DecisionPep } from '../../platform/model.ts';
import { authorizeBody } from './schemas.ts';
import type { Pdp } from './service.ts';
import { canonicaliseMemberNames, type XacmlRoot } from './xacml.ts';

/** Scope policy AuthorizeScopeAccess (docs/contracts/altinn-authorization.md §1.1). */
const AUTHORIZE_SCOPES = ['altinn:authorization/authorize', 'altinn:authorization/authorize.admin'];

export function authorizeRoutes(app: FastifyInstance, opts: ComponentOptions, pdp: Pdp): void {
  app.post<{ Body: XacmlRoot }>('/authorize', {
    // 401 without a valid token and 403 without the scope come before the body is read, as ASP.NET
    // authorises before model binding. The scope policy reads the scope of any token the platform
    // accepts (docs/contracts/pdp-callers.md §1): a Maskinporten token, or an Altinn token for a person.
    // TT02 (docs/contracts/tt02.md §4): only tokens exchanged into Altinn tokens.
    onRequest: [
      requireBearer(opts.issuers, { accept: ['maskinporten', 'idporten'], anyScope: [], exchangedOnly: opts.config.tt02 !== undefined }),
      async function authorizeScope(request: FastifyRequest) {
        // A person reaches the PDP with an Altinn token (exchanged from ID-porten), never ID-porten's own.
        if (request.auth?.issuer === 'idporten' && request.auth.exchanged !== true) throw new Unauthorized('A person calls the PDP with an Altinn token.');
        // Fault pdp-ignorer-scope-for-person (selfcheck): a person's token is let through without the scope.
        if (request.auth?.issuer === 'idporten' && faultActive(opts.config, 'pdp-ignorer-scope-for-person')) return;
        // Fault plattform-ignorer-scope: the scope is not checked.
        if (faultActive(opts.issuers.config, 'plattform-ignorer-scope')) return;
        const held = request.auth ? scopesOf(request.auth) : [];
        if (!AUTHORIZE_SCOPES.some((s) => held.includes(s))) throw new Forbidden(`The token lacks the required scope (one of: ${AUTHORIZE_SCOPES.join(', ')}).`);
      },
    ],
    // Member names bind case-insensitively (PascalCase or camelCase); the schema then checks the shape.
    preValidation: async function canonicalise(request: FastifyRequest, _reply: FastifyReply) {
      request.body = canonicaliseMemberNames(request.body);
    },
    schema: { body: authorizeBody },
  }, async function authorize(request: FastifyRequest<{ Body: XacmlRoot }>) {
    // 200 for every evaluated request, whatever the decision (docs/contracts/altinn-authorization.md §1.1).
    return pdp.authorize(request.body.Request, (error) => request.log.error({ err: error }, 'PDP evaluation failed'), pepOf(request.auth));
  });
}

/** Who asked, for the decision log (docs/samsvar-apis.md §1): the organisation and client of the caller's token. */
function pepOf(token: VerifiedToken | null | undefined): DecisionPep {
  const pep: { orgNo?: string; clientId?: string } = {};
  const orgNo = consumerOrgNo(token ?? null);
  if (orgNo) pep.orgNo = orgNo;
  const clientId = token?.claims.client_id;
  if (typeof clientId === 'string' && clientId !== '') pep.clientId = clientId;
  return pep;
}
