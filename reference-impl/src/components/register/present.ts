// JSON shapes of Register v1 (Altinn.Platform.Register.Models): Organization and Party, camelCase.
// Contact fields the reference does not store are sent as null, as Register does for empty fields.

import type { Organisation, Person } from '../../platform/model.ts';

/** Register v1 PartyType: Person = 1, Organisation = 2 (sent as a number in `partyTypeName`). */
const PARTY_TYPE = { person: 1, organisation: 2 } as const;

export function organizationJson(org: Organisation): Record<string, unknown> {
  return {
    orgNumber: org.orgNo,
    name: org.name,
    unitType: org.orgForm,
    telephoneNumber: null,
    mobileNumber: null,
    faxNumber: null,
    eMailAddress: null,
    internetAddress: null,
    mailingAddress: null,
    mailingPostalCode: null,
    mailingPostalCity: null,
    businessAddress: null,
    businessPostalCode: null,
    businessPostalCity: null,
  };
}

export function personJson(person: Person): Record<string, unknown> {
  return { ssn: person.pid, name: person.name };
}

export function organisationPartyJson(org: Organisation): Record<string, unknown> {
  return {
    partyId: org.partyId,
    partyUuid: org.partyUuid,
    partyTypeName: PARTY_TYPE.organisation,
    orgNumber: org.orgNo,
    ssn: null,
    unitType: org.orgForm,
    name: org.name,
    isDeleted: false,
    onlyHierarchyElementWithNoAccess: false,
    person: null,
    organization: organizationJson(org),
    childParties: null,
  };
}

export function personPartyJson(person: Person): Record<string, unknown> {
  return {
    partyId: person.partyId,
    partyUuid: person.partyUuid,
    partyTypeName: PARTY_TYPE.person,
    orgNumber: null,
    ssn: person.pid,
    unitType: null,
    name: person.name,
    isDeleted: false,
    onlyHierarchyElementWithNoAccess: false,
    person: personJson(person),
    organization: null,
    childParties: null,
  };
}
