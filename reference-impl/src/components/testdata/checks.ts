// The business checks of the test data API, one small function per rule, each throwing the TD- problem
// docs/samsvar-apis.md §1 names.

import { importJWK } from 'jose';
import { AltinnProblem } from '../../platform/errors.ts';
import { isValidOrgNo, isValidPid } from '../../platform/orgno.ts';
import type { CatalogueService } from '../../platform/services.ts';
import { ER_ROLE_CODES, ORG_FORMS } from '../register/er-roles.ts';

/** Resource types of the resource registry (docs/contracts/altinn-authorization.md §6.1). */
export const RESOURCE_TYPES = [
  'Default', 'Systemresource', 'MaskinportenSchema', 'Altinn2Service', 'AltinnApp', 'GenericAccessResource',
  'BrokerService', 'CorrespondenceService', 'Consent', 'MigratedApp',
] as const;

const PACKAGE_URN_PREFIX = 'urn:altinn:accesspackage:';
const BASE64URL = /^[A-Za-z0-9_-]+$/;

// TD-00001
export function checkOrgNo(orgNo: string): void {
  if (!isValidOrgNo(orgNo)) {
    throw new AltinnProblem(400, 'TD-00001', 'The organisation number fails its mod 11 check.', { orgNo });
  }
}

// TD-00002
export function checkOrgForm(orgForm: string): void {
  if (!(ORG_FORMS as readonly string[]).includes(orgForm)) {
    throw new AltinnProblem(400, 'TD-00002', 'Unknown org form.', { orgForm }, `Known org forms: ${ORG_FORMS.join(', ')}.`);
  }
}

// TD-00003
export function conflict(what: string): AltinnProblem {
  return new AltinnProblem(409, 'TD-00003', 'It exists with other data.', {}, what);
}

// TD-00004
export function checkPid(pid: string): void {
  if (!isValidPid(pid)) {
    throw new AltinnProblem(400, 'TD-00004', 'The national identity number fails its check digits.');
  }
}

// TD-00005
export function checkRole(role: string): void {
  if (!ER_ROLE_CODES.includes(role)) {
    throw new AltinnProblem(400, 'TD-00005', 'Unknown role.', { role }, `Known roles: ${ER_ROLE_CODES.join(', ')}.`);
  }
}

// TD-00006
export function unknownParty(what: string): AltinnProblem {
  return new AltinnProblem(404, 'TD-00006', 'Organisation or person unknown.', {}, what);
}

// TD-00007: every key has a kid and is an RSA public key (no private members).
export async function checkPublicRsaKeys(keys: Array<Record<string, unknown>>): Promise<void> {
  for (const [index, key] of keys.entries()) {
    const problem = (detail: string) => new AltinnProblem(400, 'TD-00007', 'A key has no kid or is not an RSA public key.', { index }, detail);
    if (typeof key.kid !== 'string' || key.kid.length === 0) throw problem(`Key ${index} has no kid.`);
    if (key.kty !== 'RSA' || typeof key.n !== 'string' || typeof key.e !== 'string') throw problem(`Key ${index} is not an RSA key.`);
    if (['d', 'p', 'q', 'dp', 'dq', 'qi'].some((member) => member in key)) throw problem(`Key ${index} holds private key members.`);
    if (!BASE64URL.test(key.n) || !BASE64URL.test(key.e)) throw problem(`Key ${index} has a modulus or exponent that is not base64url.`);
    let modulusBits = 0;
    try {
      const imported = await importJWK({ kty: 'RSA', n: key.n, e: key.e }, 'RS256');
      modulusBits = (imported as { algorithm?: { modulusLength?: number } }).algorithm?.modulusLength ?? 0;
    } catch {
      throw problem(`Key ${index} is not a usable RSA public key.`);
    }
    // Maskinporten takes RSA keys of at least 2048 bits.
    if (modulusBits < 2048) throw problem(`Key ${index} has a ${modulusBits}-bit modulus; at least 2048 bits are required.`);
  }
}

/** The PRIV role (a person's own party, docs/contracts/pdp-callers.md §2): the one role a policy made here may name. */
const PRIV_SUBJECT = 'urn:altinn:rolecode:priv';

// TD-00008: every subject is a known access package that service owners may use in a policy, or the PRIV role.
export function checkPolicySubjects(rules: Array<{ subjects: string[] }>, catalogue: CatalogueService): void {
  for (const rule of rules) {
    for (const subject of rule.subjects) {
      if (subject.toLowerCase() === PRIV_SUBJECT) continue;
      const pkg = subject.startsWith(PACKAGE_URN_PREFIX) ? catalogue.find(subject) : undefined;
      if (!pkg) {
        throw new AltinnProblem(400, 'TD-00008', 'Unknown access package, or one not available to service owners.', { subject },
          'Policy subjects must be urn:altinn:accesspackage:<code> of a known package.');
      }
      if (!pkg.isResourcePolicyAvailable) {
        throw new AltinnProblem(400, 'TD-00008', 'Unknown access package, or one not available to service owners.', { subject },
          `The package ${pkg.code} is not available to service owners.`);
      }
    }
  }
}

// TD-00009
export function checkResourceType(resourceType: string): void {
  if (!(RESOURCE_TYPES as readonly string[]).includes(resourceType)) {
    throw new AltinnProblem(400, 'TD-00009', 'Unknown resource type.', { resourceType }, `Known types: ${RESOURCE_TYPES.join(', ')}.`);
  }
}
