// A company (virksomhet) that acquires a system and owns its standard system user. Its daglig leder
// (an ER key role, DAGL) is the person who approves or rejects requests on its behalf.

import assert from 'node:assert/strict';
import { ProfileError } from '../target/profile.ts';
import { Actor, type ActorContext } from './actor.ts';
import { Person } from './person.ts';
import { TestdataClient } from '../clients/testdata.ts';
import { requireSuccess } from '../assertions.ts';
import { newOrgNo } from '../testdata/index.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { Vendor } from './vendor.ts';

/** A company that exists on a target without the test data API (profile `fixtures.companies[i]`). */
export interface CompanyFixture {
  orgNo: string;
  partyId: number;
  name?: string;
  dagligLeder: { pid: string; name?: string };
}

export interface CompanyNotes {
  /** The vendor whose system the company has acquired (context only). */
  supplier?: Vendor;
  approval?: ApiResponse<boolean>;
  rejection?: ApiResponse<boolean>;
  /** The system user the company approved (its id equals the approved request's id). */
  systemUserId?: string;
}

export class Company extends Actor {
  readonly notes: CompanyNotes = {};
  readonly dagligLeder: Person;
  private org: { orgNo: string; partyId: number; partyUuid?: string; name: string } | undefined;

  constructor(
    role: string,
    context: ActorContext,
    /** Which fixture company to use on targets without the test data API. */
    private readonly fixtureIndex: number,
  ) {
    super(role, context);
    this.dagligLeder = new Person(`daglig leder i ${role}`, context);
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

  private details(): { orgNo: string; partyId: number; name: string } {
    if (!this.org) throw new Error(`${this.role} er ikke satt opp ennå (kall ready() først).`);
    return this.org;
  }

  protected async setUp(): Promise<void> {
    if (!this.usesTestdataApi) {
      const companies = this.fixture<CompanyFixture[]>('companies', 'eksisterende testvirksomheter med daglig leder');
      const fixture = companies[this.fixtureIndex];
      if (!fixture) throw new ProfileError(`Profilen har ikke fixtures.companies[${this.fixtureIndex}] for ${this.role}.`);
      this.org = { orgNo: fixture.orgNo, partyId: fixture.partyId, name: fixture.name ?? fixture.orgNo };
      this.dagligLeder.useExisting(fixture.dagligLeder.pid, fixture.dagligLeder.name);
      return;
    }
    const testdata = new TestdataClient(this.endpoint('testdata'), this.http());
    const orgNo = newOrgNo();
    const name = `Syntetisk virksomhet ${orgNo} AS`;
    const org = requireSuccess(
      await testdata.createOrganisation({ orgNo, name, orgForm: 'AS' }),
      `Å opprette ${this.role} (syntetisk AS) i testdata-API-et`,
    );
    assert.ok(typeof org?.partyId === 'number', `Ikke testbar: testdata-API-et ga ingen partyId for ${orgNo}.`);
    this.org = { orgNo, partyId: org.partyId, partyUuid: org.partyUuid, name };
    await this.dagligLeder.ready();
    requireSuccess(
      await testdata.addRole({ orgNo, role: 'DAGL', holder: { pid: this.dagligLeder.pid } }),
      `Å registrere daglig leder (DAGL) for ${this.role} i Enhetsregisteret`,
    );
  }
}
