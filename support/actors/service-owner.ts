// The service owner (tjenesteeier): Skatteetaten, as a synthetic organisation. It owns the MVA
// resource and its policy (which names the access package merverdiavgift and the accountant packages
// with and without signing rights), and, as API providers are told to, it asks the PDP directly
// whether a system user may act for a party.

import { Actor, type ActorContext } from './actor.ts';
import { SAMPLE_RESOURCES } from '../target/resources.ts';
import { MaskinportenIdentity, importProfileKey, newSigningKey } from './maskinporten-identity.ts';
import { AuthorizationClient } from '../clients/authorization.ts';
import { MaskinportenClient } from '../clients/maskinporten.ts';
import { ResourceRegistryClient } from '../clients/resourceregistry.ts';
import { TestdataClient, type TestResource } from '../clients/testdata.ts';
import { DialogportenClient } from '../clients/dialogporten.ts';
import { assertTestable, requireSuccess } from '../assertions.ts';
import { ProfileError } from '../target/profile.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { SentMessages } from '../tasks/dialogporten.ts';

/**
 * Skatteetaten's stand-in organisation number: synthetic (first digit 3, valid mod 11) and the same
 * in every scenario, so the MVA resource (whose competent authority it is) is written identically
 * every time, whatever order and however parallel the scenarios run.
 */
export const SKATTEETATEN_ORGNO = '310000019';
export const SKATTEETATEN_ORGCODE = 'skd';

/** The MVA sample service's resource and the package its policy names (docs/samsvar-apis.md §3). */
export const MVA_RESOURCE_ID = SAMPLE_RESOURCES.mva;
export const MVA_PACKAGE = 'merverdiavgift';
export const MVA_ACTIONS = ['read', 'write'] as const;

/**
 * The accountant packages the policy also names (seed scenario 1: "Skatteetaten har inkludert
 * MVA-rapportering i én eller flere tilgangspakker for regnskapsførere"; docs/contracts/altinn-authorization.md §7).
 * They reach an agent system user only through client delegation from a client with ER role REGN.
 */
export const MVA_ACCOUNTANT_PACKAGES = ['regnskapsforer-med-signeringsrettighet', 'regnskapsforer-uten-signeringsrettighet'] as const;

/** Every package the MVA policy names; any one of them gives read and write (one rule, subjects OR-ed). */
export const MVA_POLICY_PACKAGES: readonly string[] = [MVA_PACKAGE, ...MVA_ACCOUNTANT_PACKAGES];

/** The resource with its policy: the same body on every PUT, so publishing it is idempotent. */
export function mvaResource(): TestResource {
  return {
    title: { nb: 'MVA-rapportering (Samsvar)', nn: 'MVA-rapportering (Samsvar)', en: 'VAT reporting (Samsvar)' },
    description: {
      nb: 'Eksempeltjeneste for innsending av MVA-rapport med systembruker.',
      nn: 'Eksempelteneste for innsending av MVA-rapport med systembrukar.',
      en: 'Sample service for submitting VAT reports with a system user.',
    },
    resourceType: 'GenericAccessResource',
    delegable: true,
    visible: true,
    hasCompetentAuthority: {
      organization: SKATTEETATEN_ORGNO,
      orgcode: SKATTEETATEN_ORGCODE,
      name: { nb: 'Skatteetaten (syntetisk)', nn: 'Skatteetaten (syntetisk)', en: 'Norwegian Tax Administration (synthetic)' },
    },
    policy: { rules: [{ subjects: MVA_POLICY_PACKAGES.map((code) => `urn:altinn:accesspackage:${code}`), actions: [...MVA_ACTIONS] }] },
  };
}


export const PDP_SCOPE = 'altinn:authorization/authorize';

/** The service-owner API of Dialogporten: sending messages (dialogs) to a party (docs/contracts/dialogporten-broker.md §A.4, §A.6). */
export const DIALOGPORTEN_SERVICEPROVIDER_SCOPE = 'digdir:dialogporten.serviceprovider';

/** What the service owner asks the PDP: may this system user do `action` on `resource` for the party? */
export interface DecisionQuestion {
  systemUserId: string;
  /** The organisation that owns the system user (not sent to the PDP; it tells a client's party from the owner's own). */
  systemUserOwnerOrgNo: string;
  partyOrgNo: string;
  action: string;
  resource: string;
}

export interface ServiceOwnerNotes {
  resourcePublished?: ApiResponse<Record<string, unknown>>;
  /** The last PDP decision the service owner asked for. */
  decision?: { question: DecisionQuestion; response: ApiResponse<unknown> };
  /** The messages (dialogs) the service owner sent through Dialogporten (scenario 4). */
  messages?: SentMessages;
}

export class ServiceOwner extends Actor {
  readonly notes: ServiceOwnerNotes = {};
  private identity: MaskinportenIdentity | undefined;

  constructor(role: string, context: ActorContext) {
    super(role, context);
  }

  get orgNo(): string {
    return this.maskinporten.orgNo;
  }

  get maskinporten(): MaskinportenIdentity {
    if (!this.identity) throw new Error(`${this.role} er ikke satt opp ennå (kall ready() først).`);
    return this.identity;
  }

  /** The PDP, at the platform endpoint (behind API Management where the profile's `access.pdp` says so). */
  get authorization(): AuthorizationClient {
    return new AuthorizationClient(this.endpoint('platform'), this.http('pdp'));
  }

  get resourceRegistry(): ResourceRegistryClient {
    return new ResourceRegistryClient(this.endpoint('platform'), this.http());
  }

  get testdata(): TestdataClient {
    return new TestdataClient(this.endpoint('testdata'), this.http());
  }

  get dialogporten(): DialogportenClient {
    return new DialogportenClient(this.endpoint('dialogporten'), this.http('dialogporten'));
  }

  /** The service owner's PEP token (scope altinn:authorization/authorize). */
  async pdpToken(): Promise<string> {
    await this.ready();
    return this.tokenFor('pdp', await this.maskinporten.accessToken([PDP_SCOPE], 'tjenesteeierens spørsmål til PDP-en'));
  }

  protected async setUp(): Promise<void> {
    const maskinporten = new MaskinportenClient(this.endpoint('maskinporten'), this.http());
    if (!this.usesTestdataApi) {
      const fixture = this.sharedClient('serviceOwner', 'tjenesteeierens Maskinporten-klient med altinn:authorization/authorize og digdir:dialogporten.serviceprovider');
      const key = await importProfileKey(fixture.privateKey, fixture.keyId);
      this.identity = new MaskinportenIdentity(fixture.orgNo, fixture.clientId, key, maskinporten);
      return;
    }
    const testdata = this.testdata;
    requireSuccess(
      await testdata.createOrganisation({ orgNo: SKATTEETATEN_ORGNO, name: 'Skatteetaten (syntetisk)', orgForm: 'ORGL' }),
      'Å opprette tjenesteeieren (Skatteetaten, syntetisk) i testdata-API-et',
    );
    const key = await newSigningKey();
    const client = requireSuccess(
      await testdata.registerMaskinportenClient({ orgNo: SKATTEETATEN_ORGNO, scopes: [PDP_SCOPE, DIALOGPORTEN_SERVICEPROVIDER_SCOPE], jwks: { keys: [key.publicJwk] } }),
      'Å registrere tjenesteeierens Maskinporten-klient i testdata-API-et',
    );
    assertTestable(typeof client?.clientId === 'string', 'testdata-API-et ga ingen clientId for tjenesteeierens klient.');
    this.identity = new MaskinportenIdentity(SKATTEETATEN_ORGNO, client.clientId, key, maskinporten);
  }
}
