// Azure API Management in front of TT02's PDP and broker (docs/contracts/tt02.md §4): a request
// without the header `Ocp-Apim-Subscription-Key`, or with a wrong value, is stopped at the gateway
// with 401 and APIM's JSON message, before the API sees it (so before its bearer-token check).

import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ReferenceConfig } from '../config.ts';

export const SUBSCRIPTION_KEY_HEADER = 'ocp-apim-subscription-key';

/** APIM's answers, word for word (docs/contracts/tt02.md §4). */
export const APIM_MISSING_KEY = 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.';
export const APIM_INVALID_KEY = 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.';

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** In TT02 mode, puts the gateway in front of every route of the component `app`; otherwise nothing. */
export function installSubscriptionKeyGate(app: FastifyInstance, config: ReferenceConfig): void {
  const key = config.tt02?.subscriptionKey;
  if (key === undefined) return;
  app.addHook('onRequest', async function apimGateway(request: FastifyRequest, reply: FastifyReply) {
    const header = request.headers[SUBSCRIPTION_KEY_HEADER];
    const given = Array.isArray(header) ? header[0] : header;
    if (given === undefined || given === '') {
      return reply.code(401).type('application/json').send(JSON.stringify({ statusCode: 401, message: APIM_MISSING_KEY }));
    }
    if (!sameKey(given, key)) {
      return reply.code(401).type('application/json').send(JSON.stringify({ statusCode: 401, message: APIM_INVALID_KEY }));
    }
    return undefined;
  });
}
