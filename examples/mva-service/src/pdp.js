// The service's Policy Enforcement Point: asks Altinn's PDP (POST {platform}/authorization/api/v1/authorize,
// XACML 3.0 JSON profile; docs/contracts/altinn-authorization.md §1) whether a system user may do an action on the
// resource for a party. The PDP wants a token with scope altinn:authorization/authorize; the service
// owner gets one from Maskinporten with a JWT grant signed by its own key (docs/contracts/altinn-authentication.md §6.1)
// and reuses it until shortly before it expires.

import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

export const PDP_SCOPE = 'altinn:authorization/authorize';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const GRANT_LIFETIME_SECONDS = 60;
const HTTP_TIMEOUT_MS = 10_000;

const XACML = {
  subjectSystemUser: 'urn:altinn:systemuser:uuid',
  actionId: 'urn:oasis:names:tc:xacml:1.0:action:action-id',
  resource: 'urn:altinn:resource',
  organisationNumber: 'urn:altinn:organization:identifier-no',
  string: 'http://www.w3.org/2001/XMLSchema#string',
};

/** The PDP or Maskinporten could not be asked: the answer is not a decision, so the service fails closed. */
export class PdpUnavailable extends Error {}

/** The request a PEP sends for a system user (docs/contracts/altinn-authorization.md §1.2, minimal shape). */
export function decisionRequest({ systemUserId, action, resource, partyOrgNo }) {
  return {
    Request: {
      ReturnPolicyIdList: false,
      AccessSubject: [{ Attribute: [{ AttributeId: XACML.subjectSystemUser, Value: systemUserId }] }],
      Action: [{ Attribute: [{ AttributeId: XACML.actionId, Value: action, DataType: XACML.string }] }],
      Resource: [
        {
          Attribute: [
            { AttributeId: XACML.resource, Value: resource },
            { AttributeId: XACML.organisationNumber, Value: partyOrgNo },
          ],
        },
      ],
    },
  };
}

/** The member of `object` whose name equals `name` ignoring case (the PDP answers camelCase or PascalCase). */
function member(object, name) {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return undefined;
  const lower = name.toLowerCase();
  for (const key of Object.keys(object)) if (key.toLowerCase() === lower) return object[key];
  return undefined;
}

/** The decisions in a PDP response, read case-insensitively; [] when there are none. */
export function decisionsOf(body) {
  const results = member(body, 'response');
  if (!Array.isArray(results)) return [];
  return results.map((result) => {
    const decision = member(result, 'decision');
    return typeof decision === 'string' ? decision : undefined;
  });
}

/** Permit only when the PDP gave exactly one result and it is Permit; anything else is not. */
export function isPermit(body) {
  const decisions = decisionsOf(body);
  return decisions.length === 1 && typeof decisions[0] === 'string' && decisions[0].toLowerCase() === 'permit';
}

async function fetchWithTimeout(url, init) {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
  } catch (error) {
    throw new PdpUnavailable(`${init.method ?? 'GET'} ${url} failed: ${error.message}`);
  }
}

/**
 * The service owner's Maskinporten client: a token with `scope`, fetched with a JWT grant and cached
 * until `refreshMarginSeconds` before it expires. Concurrent callers share one fetch.
 */
export function createOwnerTokenSource({ issuer, tokenEndpoint, clientId, keyId, privateKey, scope = PDP_SCOPE, refreshMarginSeconds = 20 }) {
  let cached; // { token, refreshAt (ms) }
  let inFlight;

  async function fetchToken() {
    const now = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT({ scope })
      .setProtectedHeader({ alg: 'RS256', kid: keyId, typ: 'JWT' })
      .setIssuer(clientId)
      .setAudience(issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + GRANT_LIFETIME_SECONDS)
      .setJti(randomUUID())
      .sign(privateKey);
    const response = await fetchWithTimeout(tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: JWT_BEARER, assertion }).toString(),
    });
    const text = await response.text();
    if (response.status !== 200) throw new PdpUnavailable(`Maskinporten refused the service owner's grant (${response.status}): ${text.slice(0, 300)}`);
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new PdpUnavailable('Maskinporten answered the grant with something other than JSON.');
    }
    if (typeof body.access_token !== 'string' || body.access_token === '') throw new PdpUnavailable('Maskinporten answered the grant without an access_token.');
    const lifetime = Number.isFinite(body.expires_in) && body.expires_in > 0 ? body.expires_in : 120;
    const margin = Math.min(refreshMarginSeconds, lifetime / 4);
    cached = { token: body.access_token, refreshAt: Date.now() + (lifetime - margin) * 1000 };
    return cached.token;
  }

  return {
    async get() {
      if (cached && Date.now() < cached.refreshAt) return cached.token;
      inFlight ??= fetchToken().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    /** Forget the cached token (the PDP refused it). */
    invalidate() {
      cached = undefined;
    },
  };
}

/** A PDP client: `authorize(question)` resolves to true only on Permit; throws PdpUnavailable when it cannot ask. */
export function createPdp({ pdpUrl, tokens }) {
  const endpoint = new URL('authorization/api/v1/authorize', pdpUrl.endsWith('/') ? pdpUrl : `${pdpUrl}/`).toString();

  async function ask(body) {
    const token = await tokens.get();
    return fetchWithTimeout(endpoint, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
      body,
    });
  }

  return {
    endpoint,
    async authorize(question) {
      const body = JSON.stringify(decisionRequest(question));
      let response = await ask(body);
      if (response.status === 401) {
        // The cached token may have been revoked or expired early: one fresh try.
        await response.body?.cancel();
        tokens.invalidate();
        response = await ask(body);
      }
      const text = await response.text();
      if (response.status !== 200) throw new PdpUnavailable(`The PDP answered ${response.status}: ${text.slice(0, 300)}`);
      let parsed;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new PdpUnavailable('The PDP answered with something other than JSON.');
      }
      return isPermit(parsed);
    },
  };
}
