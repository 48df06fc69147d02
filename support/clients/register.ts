// Altinn Register v1's party lookups (docs/contracts/register.md §1). Register v1 is platform-internal:
// the suite calls it only to show that it refuses a caller who may not read a person's party.

import { HttpClient, type ApiResponse, type HttpContext } from './http.ts';

export class RegisterClient extends HttpClient {
  constructor(platformUrl: string, context: HttpContext) {
    super('register', platformUrl, context);
  }

  /** GET parties/{partyId}. */
  party(bearer: string, partyId: number): Promise<ApiResponse<Record<string, unknown>>> {
    return this.send({ method: 'GET', path: `/register/api/v1/parties/${partyId}`, bearer });
  }

  /** GET parties/byuuid/{partyUuid}. */
  partyByUuid(bearer: string, partyUuid: string): Promise<ApiResponse<Record<string, unknown>>> {
    return this.send({ method: 'GET', path: `/register/api/v1/parties/byuuid/${encodeURIComponent(partyUuid)}`, bearer });
  }
}
