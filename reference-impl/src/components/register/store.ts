// In-memory register: organisations, persons and ER roles. One instance per app.

import { randomUUID } from 'node:crypto';
import type { ErRole, Organisation, Person } from '../../platform/model.ts';
import type { PartyIds, RegisterService } from '../../platform/services.ts';

/** Altinn party ids are integers; the reference hands them out in order from here. */
const FIRST_PARTY_ID = 50001000;

function sameHolder(a: ErRole['holder'], b: ErRole['holder']): boolean {
  if ('pid' in a && 'pid' in b) return a.pid === b.pid;
  if ('orgNo' in a && 'orgNo' in b) return a.orgNo === b.orgNo;
  return false;
}

export class RegisterStore implements RegisterService {
  private nextPartyId = FIRST_PARTY_ID;
  private readonly organisations = new Map<string, Organisation>();
  private readonly persons = new Map<string, Person>();
  private readonly roles: ErRole[] = [];

  organisation(orgNo: string): Organisation | undefined {
    return this.organisations.get(orgNo);
  }

  organisationByPartyId(partyId: number): Organisation | undefined {
    return [...this.organisations.values()].find((o) => o.partyId === partyId);
  }

  organisationByPartyUuid(partyUuid: string): Organisation | undefined {
    const wanted = partyUuid.toLowerCase();
    return [...this.organisations.values()].find((o) => o.partyUuid === wanted);
  }

  person(pid: string): Person | undefined {
    return this.persons.get(pid);
  }

  personByPartyId(partyId: number): Person | undefined {
    return [...this.persons.values()].find((p) => p.partyId === partyId);
  }

  personByPartyUuid(partyUuid: string): Person | undefined {
    const wanted = partyUuid.toLowerCase();
    return [...this.persons.values()].find((p) => p.partyUuid === wanted);
  }

  rolesIn(orgNo: string): ErRole[] {
    return this.roles.filter((r) => r.orgNo === orgNo).map((r) => ({ ...r, holder: { ...r.holder } }));
  }

  /** ER roles the holder holds in any organisation (the reverse of rolesIn). */
  rolesHeldBy(holder: ErRole['holder']): ErRole[] {
    return this.roles.filter((r) => sameHolder(r.holder, holder)).map((r) => ({ ...r, holder: { ...r.holder } }));
  }

  /** Callers check for an existing organisation first (the test data API answers 200 or 409). */
  createOrganisation(input: { orgNo: string; name: string; orgForm: string } & PartyIds): Organisation {
    if (this.organisations.has(input.orgNo)) throw new Error(`organisation ${input.orgNo} exists`);
    const org: Organisation = { orgNo: input.orgNo, name: input.name, orgForm: input.orgForm, ...this.partyIds(input) };
    this.organisations.set(org.orgNo, org);
    return { ...org };
  }

  /** Callers check for an existing person first. */
  createPerson(input: { pid: string; name: string } & PartyIds): Person {
    if (this.persons.has(input.pid)) throw new Error(`person ${input.pid} exists`);
    const person: Person = { pid: input.pid, name: input.name, ...this.partyIds(input) };
    this.persons.set(person.pid, person);
    return { ...person };
  }

  /** The given ids (a seeded fixture's), else new ones; a given id moves the counter past it. */
  private partyIds(input: PartyIds): { partyId: number; partyUuid: string } {
    const partyId = input.partyId ?? this.nextPartyId;
    this.nextPartyId = Math.max(this.nextPartyId, partyId + 1);
    return { partyId, partyUuid: input.partyUuid ?? randomUUID() };
  }

  /** Idempotent: adding a role that exists changes nothing. */
  addRole(role: ErRole): void {
    if (this.hasRole(role)) return;
    this.roles.push({ orgNo: role.orgNo, role: role.role, holder: 'pid' in role.holder ? { pid: role.holder.pid } : { orgNo: role.holder.orgNo } });
  }

  hasRole(role: ErRole): boolean {
    return this.roles.some((r) => r.orgNo === role.orgNo && r.role === role.role && sameHolder(r.holder, role.holder));
  }
}
