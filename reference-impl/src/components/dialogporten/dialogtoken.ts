// The dialog token returned with GET dialog (docs/contracts/dialogporten-broker.md §A.7): a compact JWS signed
// with Ed25519 (EdDSA), valid ten minutes, its public key at GET /api/v1/.well-known/jwks.json. The key
// pair is made per app instance.

import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { callerKey, isPerson, type EndUserCaller } from './checks.ts';
import type { Dialog } from './store.ts';
import { ORG_PARTY_PREFIX } from './values.ts';

const LIFETIME_SECONDS = 600;

export class DialogTokenIssuer {
  private constructor(
    private readonly kid: string,
    private readonly privateKey: CryptoKey,
    private readonly publicJwk: JWK,
  ) {}

  static async create(): Promise<DialogTokenIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const kid = `dp-${randomUUID()}`;
    return new DialogTokenIssuer(kid, privateKey, { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' });
  }

  jwks(): { keys: JWK[] } {
    return { keys: [{ ...this.publicJwk }] };
  }

  /**
   * Claims (docs/contracts/dialogporten-broker.md §A.7): `l` authentication level (3 for system users), `c` the authenticated party
   * (the vendor's org for a system user), `y` the system user, `o` its owner, `p` the dialog party,
   * `s` the service resource, `i` the dialog id, `a` the authorised actions.
   */
  async sign(issuer: string, dialog: Dialog, caller: EndUserCaller, actions: string[]): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      l: isPerson(caller) && caller.acr === 'idporten-loa-high' ? 4 : 3,
      p: dialog.party,
      s: dialog.serviceResource,
      i: dialog.id,
      a: actions.join(';'),
    };
    if (isPerson(caller)) {
      // A person is the authenticated party itself (docs/contracts/dialogporten-persons.md §3).
      claims.c = callerKey(caller);
    } else {
      claims.y = `urn:altinn:systemuser:uuid:${caller.systemUserId}`;
      if (caller.vendorOrgNo) claims.c = `${ORG_PARTY_PREFIX}${caller.vendorOrgNo}`;
      if (caller.systemUserOrgNo) claims.o = `${ORG_PARTY_PREFIX}${caller.systemUserOrgNo}`;
    }
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid: this.kid, typ: 'JWT' })
      .setJti(randomUUID())
      .setIssuer(issuer)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + LIFETIME_SECONDS)
      .sign(this.privateKey);
  }
}
