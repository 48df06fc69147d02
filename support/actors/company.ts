// A company (virksomhet) that acquires a system and owns its standard system user. Its daglig leder
// (an ER key role, DAGL) is the person who approves or rejects requests on its behalf. The same class
// plays an accountant's customer (kunden/klienten): it may grant packages to the accountant through
// its daglig leder (docs/contracts/altinn-authorization.md §5).

import type { AnswerNotes } from '../abilities/answer-requests.ts';
import { ProfileError } from '../target/profile.ts';
import { POOL_KEY_MEANING, type CompanyFixture, type PoolKey } from '../target/fixtures.ts';
import { Actor, type ActorContext } from './actor.ts';
import { Person } from './person.ts';
import { TestdataClient } from '../clients/testdata.ts';
import { assertTestable, requireSuccess } from '../assertions.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { AssignmentDto, AssignmentPackageDto, PackagePermission, Paged } from '../clients/accessmanagement.ts';
import type { Vendor } from './vendor.ts';
import type { DelegationAnswer } from '../abilities/delegate.ts';
import type { BffConnection, BffDelegationCheck } from '../clients/am-bff.ts';
import type { ListPages } from '../lists.ts';
import type { ChangeAnswerNotes } from '../tasks/changerequest.ts';
import type { SystemUserDetail } from '../clients/authentication.ts';

export type { CompanyFixture } from '../target/fixtures.ts';

/** Which party of the worker's pool a company is on targets without the test data API (support/target/fixtures.ts). */
export interface FixtureRef {
  key: PoolKey;
}

/** What a customer did in Altinn for an accountant (docs/contracts/altinn-authorization.md §5: connections). */
export interface DelegationNotes {
  /** The accountant organisation made a rights holder (rettighetshaver): POST connections, or naming it on the portal's form. */
  rightHolder?: DelegationAnswer<AssignmentDto>;
  /** Granting a package, by package code: POST connections/accesspackages, or what the portal showed. */
  packageGrants: Map<string, DelegationAnswer<AssignmentPackageDto>>;
  /** GET connections/accesspackages from the customer to the accountant (a question). */
  packagesRead?: ListPages<PackagePermission>;
  /** The BFF's delegation check for the company, by its daglig leder (client-administration.md §2). */
  delegationCheck?: ListPages<BffDelegationCheck>;
  /** The BFF's right holders of the company, by its daglig leder (connection/rightholders, from = the company). */
  rightholders?: ListPages<BffConnection>;
}

/** What the company's people did and what the target answered; the answers to requests are AnswerNotes (support/abilities/answer-requests.ts). */
export interface CompanyNotes extends AnswerNotes {
  /** The vendor whose system the company has acquired (context only). */
  supplier?: Vendor;
  /** The system user the company approved (its id equals the approved request's id). */
  systemUserId?: string;
  /** Whether that system user is a standard one or an agent (client) system user. */
  systemUserType?: 'standard' | 'agent';
  /** Set when the company is (or is being made) a client of an accountant in the scenario. */
  accountantOrgNo?: string;
  /** What the company, as a customer, granted an accountant in Altinn. */
  delegation: DelegationNotes;
  /** The answers to a change request on its system user, and the system user as it read it. */
  change?: ChangeAnswerNotes;
  /** The access manager's delete of the company's system user, and the owner's read of it afterwards. */
  deletion?: { answer: ApiResponse<unknown>; readBack?: ApiResponse<SystemUserDetail> };
}

export class Company extends Actor {
  readonly notes: CompanyNotes = { delegation: { packageGrants: new Map() } };
  readonly dagligLeder: Person;
  /** A board member (ER role MEDL): a relation to the company, but not an access manager. */
  readonly boardMember: Person;
  private org: { orgNo: string; partyId: number; partyUuid?: string; name: string; fixture?: CompanyFixture } | undefined;

  constructor(
    role: string,
    context: ActorContext,
    /** Which fixture company to use on targets without the test data API. */
    private fixtureRef: FixtureRef,
  ) {
    super(role, context);
    this.dagligLeder = new Person(`daglig leder i ${role}`, context, () => this.ready());
    this.boardMember = new Person(`styremedlem i ${role}`, context, () => this.ready());
  }

  get orgNo(): string {
    return this.details().orgNo;
  }

  /** The legacy integer party id the end-user routes take. */
  get partyId(): number {
    return this.details().partyId;
  }

  get name(): string {
    return this.details().name;
  }

  /** The party UUID Access Management and client delegation use for this organisation. */
  get partyUuid(): string {
    const uuid = this.details().partyUuid;
    if (!uuid) {
      throw new ProfileError(`${this.role} har ingen partyUuid (testdata-API-et ga ingen, eller profilens fixture mangler "partyUuid").`);
    }
    return uuid;
  }

  get testdata(): TestdataClient {
    return new TestdataClient(this.endpoint('testdata'), this.http());
  }

  /**
   * Before the company is set up: which party of the pool it must be (the client with the REGN
   * relation, or the customer without it). False when it is already set up as another party.
   */
  preferFixture(key: PoolKey): boolean {
    if (!this.org) {
      this.fixtureRef = { key };
      return true;
    }
    return this.usesTestdataApi || this.fixtureRef.key === key;
  }

  /** The profile fixture the company was made from (targets without the test data API), if any. */
  get fixtureData(): CompanyFixture | undefined {
    return this.details().fixture;
  }

  private details(): { orgNo: string; partyId: number; partyUuid?: string; name: string; fixture?: CompanyFixture } {
    if (!this.org) throw new Error(`${this.role} er ikke satt opp ennå (kall ready() først).`);
    return this.org;
  }

  protected async setUp(): Promise<void> {
    if (!this.usesTestdataApi) {
      const fixture = this.companyFixture();
      this.org = {
        orgNo: fixture.orgNo,
        partyId: fixture.partyId,
        ...(fixture.partyUuid ? { partyUuid: fixture.partyUuid } : {}),
        name: fixture.name ?? fixture.orgNo,
        fixture,
      };
      this.dagligLeder.useExisting(fixture.dagligLeder);
      if (fixture.styremedlem) this.boardMember.useExisting(fixture.styremedlem);
      return;
    }
    const testdata = this.testdata;
    const { orgNo, response } = await testdata.createNewOrganisation((n) => ({ name: this.syntheticName(n), orgForm: 'AS' }));
    const name = this.syntheticName(orgNo);
    const org = requireSuccess(response, `Å opprette ${this.role} (syntetisk AS) i testdata-API-et`);
    assertTestable(typeof org?.partyId === 'number', `testdata-API-et ga ingen partyId for ${orgNo}.`);
    this.org = { orgNo, partyId: org.partyId, partyUuid: org.partyUuid, name };
    await this.dagligLeder.ready();
    requireSuccess(
      await testdata.addRole({ orgNo, role: 'DAGL', holder: { pid: this.dagligLeder.pid } }),
      `Å registrere daglig leder (DAGL) for ${this.role} i Enhetsregisteret`,
    );
  }

  /** The name a synthetic organisation of this kind gets in the test data API. */
  protected syntheticName(orgNo: string): string {
    return `Syntetisk virksomhet ${orgNo} AS`;
  }

  /** This worker's pool party for the company: an existing test company with its daglig leder. */
  private companyFixture(): CompanyFixture {
    const { pool, where } = this.pool();
    const fixture = pool[this.fixtureRef.key];
    if (!fixture) throw new ProfileError(`Profilen har ikke ${where}.${this.fixtureRef.key} (${POOL_KEY_MEANING[this.fixtureRef.key]}) for ${this.role}.`);
    return fixture;
  }
}
