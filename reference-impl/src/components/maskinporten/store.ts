// In-memory stores of the Maskinporten stand-in: the registered clients and the grants already
// used (jti replay). Both are created per app instance.

import type { MaskinportenClient } from '../../platform/model.ts';
import type { MaskinportenClientService } from '../../platform/services.ts';

/**
 * Registered Maskinporten clients (client id, owning org, scopes, public JWKs). Clients are created
 * through the test data API (`POST /testdata/api/v1/maskinporten/clients`), which decides about
 * conflicts before it calls `register`; registering an existing client id replaces it.
 */
export class ClientStore implements MaskinportenClientService {
  private readonly clients = new Map<string, MaskinportenClient>();

  client(clientId: string): MaskinportenClient | undefined {
    const found = this.clients.get(clientId);
    return found ? structuredClone(found) : undefined;
  }

  register(client: MaskinportenClient): MaskinportenClient {
    const stored = structuredClone(client);
    this.clients.set(stored.clientId, stored);
    return structuredClone(stored);
  }
}

/**
 * Grants already used, remembered per client until the grant's own `exp` plus a margin (docs/contracts/altinn-authentication.md
 * §6.1: a reused grant or jti gives MP-012). A grant is refused once it is past its
 * `exp`, so nothing needs to be remembered longer than that. Memory stays bounded: expired entries
 * are dropped as time passes (checked on insert, at most once a second), and above `maxEntries` the oldest entries go first. The cap is only
 * reached by a flood of distinct grants far beyond any test run (every accepted grant expires
 * within 130 s: iat at most 10 s ahead, lifetime at most 120 s).
 */
export class UsedGrantStore {
  /** key -> epoch second after which the entry may be forgotten; Map keeps insertion order. */
  private readonly used = new Map<string, number>();
  private lastPrune = 0;

  constructor(
    private readonly marginSeconds = 30,
    private readonly maxEntries = 100_000,
  ) {}

  /**
   * Records the grant and answers whether it had been used before. `clientId` scopes the key so two
   * clients may pick the same jti.
   */
  useOnce(clientId: string, grantKey: string, exp: number, now: number): 'first-use' | 'replay' {
    this.prune(now);
    const key = `${clientId}\u0000${grantKey}`;
    const until = this.used.get(key);
    if (until !== undefined && until >= now) return 'replay';
    this.used.delete(key); // re-inserted below, at the end of the insertion order
    this.used.set(key, exp + this.marginSeconds);
    while (this.used.size > this.maxEntries) {
      const oldest = this.used.keys().next();
      if (oldest.done) break;
      this.used.delete(oldest.value);
    }
    return 'first-use';
  }

  get size(): number {
    return this.used.size;
  }

  /** Drops forgotten entries, at most once a second (an entry kept a second too long is harmless). */
  private prune(now: number): void {
    if (now === this.lastPrune) return;
    this.lastPrune = now;
    for (const [key, until] of this.used) {
      if (until < now) this.used.delete(key);
    }
  }
}
