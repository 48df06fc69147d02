// Kartverket: the service owner of the broker resource for tinglysning (seed scenario 5: "Kartverket
// har definert hvilken enkeltressurs som gir tilgang til å sende tinglysning") and the recipient of
// the files sent through it. A service owner like Skatteetaten (it asks the PDP directly, as a PEP
// would), with an organisation and a Maskinporten client of its own: `altinn:broker.read` to list,
// download and confirm, and the PDP scope. As the resource's competent authority acting for itself
// with a plain Maskinporten token, it may read its own resource (docs/samsvar-apis.md §1). It also
// holds Dialogporten's service-owner scope: the other service owner, who must not see or change
// Skatteetaten's dialogs (DP-8, DP-9).

import { MaskinportenClient } from '../clients/maskinporten.ts';
import { BrokerClient, type DownloadResponse, type FileTransferDetails, type FileTransferOverview } from '../clients/broker.ts';
import { assertTestable, requireSuccess } from '../assertions.ts';
import { ProfileError } from '../target/profile.ts';
import { MaskinportenIdentity, importProfileKey, newSigningKey } from './maskinporten-identity.ts';
import { DIALOGPORTEN_SERVICEPROVIDER_SCOPE, PDP_SCOPE, ServiceOwner } from './service-owner.ts';
import type { ActorContext } from './actor.ts';
import type { ApiResponse } from '../clients/http.ts';

/** Kartverket's stand-in organisation number: synthetic (first digit 3, valid mod 11), the same in every scenario. */
export const KARTVERKET_ORGNO = '310000043';
export const KARTVERKET_ORGCODE = 'kv';

/** The broker's recipient scope (docs/contracts/dialogporten-broker.md §B.6). */
export const BROKER_READ_SCOPE = 'altinn:broker.read';

/** What Kartverket did with the files sent to it (keyed by file transfer id where there are several). */
export interface ReceptionNotes {
  /** GET filetransfer?resourceId=..&role=Recipient: the transfers waiting for Kartverket. */
  list?: ApiResponse<string[]>;
  /** GET filetransfer/{id} before the download: the checksum the recipient compares with. */
  overviewBefore?: ApiResponse<FileTransferOverview>;
  /** GET filetransfer/{id}/download: length and MD5 of the bytes that arrived. */
  download?: DownloadResponse;
  /** POST filetransfer/{id}/confirmdownload. */
  confirmation?: ApiResponse<unknown>;
  /** GET filetransfer/{id}/details after the confirmation. */
  detailsAfter?: ApiResponse<FileTransferDetails>;
}

export class Kartverket extends ServiceOwner {
  readonly reception: ReceptionNotes = {};
  private kartverketIdentity: MaskinportenIdentity | undefined;

  constructor(role: string, context: ActorContext) {
    super(role, context);
  }

  override get maskinporten(): MaskinportenIdentity {
    if (!this.kartverketIdentity) throw new Error(`${this.role} er ikke satt opp ennå (kall ready() først).`);
    return this.kartverketIdentity;
  }

  get broker(): BrokerClient {
    return new BrokerClient(this.endpoint('broker'), this.http('broker'));
  }

  /** Kartverket's own token for the broker's recipient side (no system user). */
  async brokerToken(): Promise<string> {
    await this.ready();
    return this.tokenFor('broker', await this.maskinporten.accessToken([BROKER_READ_SCOPE], 'Kartverkets mottak i formidlingstjenesten'));
  }

  protected override async setUp(): Promise<void> {
    const maskinporten = new MaskinportenClient(this.endpoint('maskinporten'), this.http());
    if (!this.usesTestdataApi) {
      const fixture = this.sharedClient('kartverket', 'Kartverkets Maskinporten-klient med altinn:broker.read, altinn:authorization/authorize og digdir:dialogporten.serviceprovider');
      const key = await importProfileKey(fixture.privateKey, fixture.keyId);
      this.kartverketIdentity = new MaskinportenIdentity(fixture.orgNo, fixture.clientId, key, maskinporten);
      return;
    }
    const testdata = this.testdata;
    requireSuccess(
      await testdata.createOrganisation({ orgNo: KARTVERKET_ORGNO, name: 'Kartverket (syntetisk)', orgForm: 'ORGL' }),
      'Å opprette Kartverket (syntetisk) i testdata-API-et',
    );
    const key = await newSigningKey();
    const client = requireSuccess(
      await testdata.registerMaskinportenClient({ orgNo: KARTVERKET_ORGNO, scopes: [BROKER_READ_SCOPE, PDP_SCOPE, DIALOGPORTEN_SERVICEPROVIDER_SCOPE], jwks: { keys: [key.publicJwk] } }),
      'Å registrere Kartverkets Maskinporten-klient i testdata-API-et',
    );
    assertTestable(typeof client?.clientId === 'string', 'testdata-API-et ga ingen clientId for Kartverkets klient.');
    this.kartverketIdentity = new MaskinportenIdentity(KARTVERKET_ORGNO, client.clientId, key, maskinporten);
  }
}
