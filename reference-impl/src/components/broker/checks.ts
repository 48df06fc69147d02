// Who calls the broker and what the PDP lets them do (docs/contracts/dialogporten-broker.md §B.0, §B.6).
// The token gate (a Maskinporten token with the operation's scope) runs in an onRequest hook; the
// resource gate is a PDP decision per operation, and a refusal is 401 BRO-00006.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { faultActive, type FaultConfig } from '../../faults.ts';
import type { PdpService } from '../../platform/services.ts';
import { consumerOrgNo, scopesOf, type TokenIssuers, type VerifiedToken, type VerifyOptions } from '../../platform/tokens.ts';
import { bro, missingScope, unauthenticated } from './problems.ts';

/** docs/contracts/dialogporten-broker.md §B.6: scope policies. Sender operations need write, recipient operations read; overview, details and search either. */
export const SCOPE = { write: 'altinn:broker.write', read: 'altinn:broker.read' } as const;
export const SENDER = [SCOPE.write] as const;
export const RECIPIENT = [SCOPE.read] as const;
export const SENDER_OR_RECIPIENT = [SCOPE.write, SCOPE.read] as const;

/** The party a token speaks for, and the system user when there is one. */
export interface BrokerCaller {
  /** docs/contracts/dialogporten-broker.md §B.6: `systemuser_org.ID` (prefix stripped) before `consumer.ID`. */
  orgNo: string;
  systemUserId?: string;
}

function orgNoOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { ID, id } = value as Record<string, unknown>;
  const text = typeof ID === 'string' ? ID : id;
  return typeof text === 'string' ? /^0192:(\d{9})$/.exec(text)?.[1] : undefined;
}

/**
 * docs/contracts/dialogporten-broker.md §B.6 caller resolution: a system user token (`authorization_details` of type
 * urn:altinn:systemuser with `systemuser_id[0]`) speaks for `systemuser_org`; a plain Maskinporten
 * token for its `consumer`. A caller whose org cannot be determined is refused with 401 BRO-00006.
 */
export function callerOf(token: VerifiedToken | null): BrokerCaller {
  if (!token || token.issuer !== 'maskinporten') throw bro(6);
  const details: unknown = token.claims.authorization_details;
  const entries: unknown[] = Array.isArray(details) ? details : details ? [details] : [];
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) continue;
    const e = entry as Record<string, unknown>;
    const id: unknown = Array.isArray(e.systemuser_id) ? e.systemuser_id[0] : undefined;
    if (e.type !== 'urn:altinn:systemuser' || typeof id !== 'string' || id === '') continue;
    const orgNo = orgNoOf(e.systemuser_org);
    if (!orgNo) throw bro(6);
    return { orgNo, systemUserId: id.toLowerCase() };
  }
  const orgNo = consumerOrgNo(token);
  if (!orgNo) throw bro(6);
  return { orgNo };
}

/**
 * The token gate: a bearer token that verifies as a Maskinporten token (401), carrying one of the
 * operation's scopes (403). Runs before the body is read, so an upload without a valid token never
 * touches the disk.
 */
export function requireBrokerToken(issuers: TokenIssuers, anyScope: readonly string[], options: VerifyOptions = {}) {
  return async function brokerToken(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(header) : null;
    if (!match?.[1]) throw unauthenticated();
    let token: VerifiedToken;
    try {
      token = await issuers.verify(match[1], ['maskinporten'], options);
    } catch {
      throw unauthenticated();
    }
    const held = scopesOf(token);
    // Fault plattform-ignorer-scope: the scope is not checked.
    if (!anyScope.some((s) => held.includes(s)) && !faultActive(issuers.config, 'plattform-ignorer-scope')) throw missingScope(anyScope);
    request.auth = token;
  };
}

/**
 * docs/contracts/dialogporten-broker.md §B.6 resource gate: the PDP decides for the caller — the system user, or the organisation
 * of a plain Maskinporten token — on the resource for `partyOrgNo`; only Permit lets it through.
 */
export function permits(pdp: PdpService, caller: BrokerCaller, action: 'read' | 'write', resourceId: string, partyOrgNo: string, config?: FaultConfig): boolean {
  // Fault broker-hopper-over-pdp (selfcheck): a system user is let through (initialize, upload, its own
  // reads of the transfer) without asking the PDP; a plain Maskinporten caller is still decided.
  if (caller.systemUserId && faultActive(config, 'broker-hopper-over-pdp')) return true;
  const query = { action, resource: resourceId, partyOrgNo, pep: 'broker' as const };
  const decision = caller.systemUserId
    ? pdp.decideForSystemUser({ systemUserId: caller.systemUserId, ...query })
    : pdp.decideForOrganisation({ orgNo: caller.orgNo, ...query });
  return decision === 'Permit';
}

/** `permits`, or 401 BRO-00006. */
export function checkPermitted(pdp: PdpService, caller: BrokerCaller, action: 'read' | 'write', resourceId: string, partyOrgNo: string, config?: FaultConfig): void {
  if (!permits(pdp, caller, action, resourceId, partyOrgNo, config)) throw bro(6);
}
