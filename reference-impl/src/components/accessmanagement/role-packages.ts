// Role -> access package mapping (AM RolePackage; docs/contracts/altinn-authorization.md §3.2), as data.
//
// Packages a role gives are packages *in the organisation the role is registered on* (ER: from = the
// organisation, to = the role holder). `orgForms` filters by that organisation's org form (AM entity
// variant). `canDelegate` says whether the holder may pass the package on (client delegation) and
// `hasAccess` whether the holder may use it itself (HADM can delegate but not use).

import { AREAS, GROUP_GENERAL, GROUP_INDUSTRY } from './catalogue-data.ts';

/** Marker for "every General and Industry organisation package except KEY_ROLE_EXCLUDED". */
export const KEY_ROLE_SET = 'key-role-set' as const;

export interface RolePackageGrant {
  /** ER role code (or HADM, Altinn's main administrator role). */
  role: string;
  packages: readonly string[] | typeof KEY_ROLE_SET;
  /** Org forms of the organisation the role is held in; absent means any. */
  orgForms?: readonly string[];
  canDelegate: boolean;
  hasAccess: boolean;
}

/** §3.2: key roles get every General+Industry package except these (DAGL: 133 packages). */
export const KEY_ROLE_EXCLUDED: readonly string[] = [
  'eksplisitt', 'post-til-virksomheten-med-taushetsbelagt-innhold', 'konkursbo-tilgangsstyrer', 'tjenester-nuf',
  'maskinporten-scopes-nuf',
];

const KEY_ROLES = ['DAGL', 'LEDE', 'INNH', 'DTSO', 'DTPR', 'KOMP', 'BEST', 'BOBE'] as const;

const NUF_REPRESENTATIVE_PACKAGES = [
  'tilgangsstyrer', 'tilgangsstyring-enkeltinstanser', 'maskinporten-administrator', 'skatt-naering', 'skattegrunnlag',
  'merverdiavgift', 'saeravgifter', 'krav-og-utlegg', 'a-ordning', 'lonn-personopplysninger-saerlig-kategori',
  'oppgi-naermeste-leder',
] as const;

/** §3.2, row by row. */
export const ROLE_PACKAGES: readonly RolePackageGrant[] = [
  { role: 'REGN', packages: ['regnskapsforer-med-signeringsrettighet', 'regnskapsforer-uten-signeringsrettighet', 'regnskapsforer-lonn'],
    canDelegate: false, hasAccess: true },
  { role: 'REVI', packages: ['ansvarlig-revisor', 'revisormedarbeider'], canDelegate: false, hasAccess: true },
  { role: 'FFØR', packages: ['forretningsforer-eiendom'], orgForms: ['ESEK', 'BRL'], canDelegate: false, hasAccess: true },
  { role: 'FFØR', packages: ['skatt-naering', 'skattegrunnlag', 'merverdiavgift', 'saeravgifter', 'krav-og-utlegg', 'a-ordning',
    'lonn-personopplysninger-saerlig-kategori', 'oppgi-naermeste-leder', 'tjenester-nuf', 'ffor-tilgangsstyrer-nuf'],
    orgForms: ['NUF'], canDelegate: true, hasAccess: true },
  ...KEY_ROLES.map((role) => ({ role, packages: KEY_ROLE_SET, canDelegate: true, hasAccess: true })),
  { role: 'HADM', packages: KEY_ROLE_SET, canDelegate: true, hasAccess: false },
  { role: 'HADM', packages: ['post-til-virksomheten-med-taushetsbelagt-innhold'], canDelegate: true, hasAccess: false },
  { role: 'KNUF', packages: NUF_REPRESENTATIVE_PACKAGES, canDelegate: true, hasAccess: true },
  { role: 'KNUF', packages: ['maskinporten-scopes-nuf'], orgForms: ['NUF'], canDelegate: true, hasAccess: true },
  { role: 'REPR', packages: NUF_REPRESENTATIVE_PACKAGES, canDelegate: true, hasAccess: true },
  { role: 'BOBE', packages: ['konkursbo-lesetilgang', 'konkursbo-skrivetilgang'], canDelegate: true, hasAccess: true },
];

/** The package codes of KEY_ROLE_SET, in catalogue order. */
export function keyRolePackages(): string[] {
  return AREAS
    .filter((area) => area.groupId === GROUP_GENERAL || area.groupId === GROUP_INDUSTRY)
    .flatMap((area) => area.packages)
    .filter((code) => !KEY_ROLE_EXCLUDED.includes(code));
}

export interface RolePackage {
  code: string;
  canDelegate: boolean;
  hasAccess: boolean;
}

/** Packages `role`, held in an organisation of org form `orgForm`, gives. A package given twice keeps the widest flags. */
export function packagesForRole(role: string, orgForm: string): RolePackage[] {
  const result = new Map<string, RolePackage>();
  for (const grant of ROLE_PACKAGES) {
    if (grant.role !== role) continue;
    if (grant.orgForms && !grant.orgForms.includes(orgForm)) continue;
    const codes = grant.packages === KEY_ROLE_SET ? keyRolePackages() : grant.packages;
    for (const code of codes) {
      const seen = result.get(code);
      result.set(code, {
        code,
        canDelegate: (seen?.canDelegate ?? false) || grant.canDelegate,
        hasAccess: (seen?.hasAccess ?? false) || grant.hasAccess,
      });
    }
  }
  return [...result.values()];
}
