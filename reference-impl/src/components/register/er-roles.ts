// Enhetsregisteret (ER/CCR) data the reference knows: the org forms and the role codes the test data
// API accepts (docs/samsvar-apis.md §1), with the identifiers Access Management gives each role
// (docs/contracts/altinn-authorization.md §3.1). Data only.

/** ER org forms (enhetstyper) the test data API accepts. */
export const ORG_FORMS = ['AS', 'ASA', 'ENK', 'NUF', 'BRL', 'ESEK', 'DA', 'ANS', 'SA', 'STAT', 'ORGL'] as const;

export interface ErRoleDefinition {
  /** ER role code as in the register import (REGN, DAGL, ...). */
  er: string;
  /** Altinn 2 legacy role code (`urn:altinn:rolecode:<legacy>`). */
  legacy: string;
  /** Access Management role code (`urn:altinn:external-role:ccr:<code>`). */
  code: string;
  /** Access Management role id, where the contract gives it. */
  id?: string;
  keyRole: boolean;
}

/** docs/contracts/altinn-authorization.md §3.1. */
export const ER_ROLES: readonly ErRoleDefinition[] = [
  { er: 'REGN', legacy: 'regn', code: 'regnskapsforer', id: '46e27685-b3ba-423e-8b42-faab54de5817', keyRole: false },
  { er: 'REVI', legacy: 'revi', code: 'revisor', id: 'f76b997a-9bd8-4f7b-899f-fcd85d35669f', keyRole: false },
  { er: 'FFØR', legacy: 'ffør', code: 'forretningsforer', id: '348b2f47-47ee-4084-abf8-68aa54c2b27f', keyRole: false },
  { er: 'DAGL', legacy: 'dagl', code: 'daglig-leder', id: '55bd7d4d-08dd-46ee-ac8e-3a44d800d752', keyRole: true },
  { er: 'LEDE', legacy: 'lede', code: 'styreleder', id: '9e5d3acf-cef7-4bbe-b101-8e9ab7b8b3e4', keyRole: true },
  { er: 'INNH', legacy: 'innh', code: 'innehaver', id: '2651ed07-f31b-4bc1-87bd-4d270742a19d', keyRole: true },
  { er: 'DTSO', legacy: 'dtso', code: 'deltaker-fullt-ansvar', id: 'f1021b8c-9fbc-4296-bd17-a05d713037ef', keyRole: true },
  { er: 'DTPR', legacy: 'dtpr', code: 'deltaker-delt-ansvar', id: '18baa914-ac43-4663-9fa4-6f5760dc68eb', keyRole: true },
  { er: 'KOMP', legacy: 'komp', code: 'komplementar', id: 'cfcf75af-9902-41f7-ab47-b77ba60bcae5', keyRole: true },
  { er: 'BEST', legacy: 'best', code: 'bestyrende-reder', id: '8f0cf433-954e-4680-a25d-a3cf9ffdf149', keyRole: true },
  { er: 'BOBE', legacy: 'bobe', code: 'bostyrer', id: '2cacfb35-2346-4a8d-95f6-b6fa4206881c', keyRole: true },
  { er: 'KNUF', legacy: 'knuf', code: 'kontaktperson-nuf', id: '69c4397a-9e34-4e73-9f69-534bc1bb74c8', keyRole: false },
  { er: 'REPR', legacy: 'repr', code: 'norsk-representant', id: 'e852d758-e8dd-41ec-a1e2-4632deb6857d', keyRole: false },
  { er: 'MEDL', legacy: 'medl', code: 'styremedlem', keyRole: false },
  { er: 'NEST', legacy: 'nest', code: 'nestleder', keyRole: false },
  { er: 'VARA', legacy: 'vara', code: 'varamedlem', keyRole: false },
];

/** The ER role codes the test data API accepts (docs/samsvar-apis.md §1, POST /roles). */
export const ER_ROLE_CODES: readonly string[] = ER_ROLES.map((r) => r.er);

export function erRole(er: string): ErRoleDefinition | undefined {
  return ER_ROLES.find((r) => r.er === er);
}
