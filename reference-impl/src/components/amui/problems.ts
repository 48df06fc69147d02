// The Access Management BFF's own problems (docs/contracts/am-bff.md §3): it never passes the
// platform's problem through. An Authentication problem it knows becomes AMUI-000NN (the same number)
// with the BFF's status; any other Authentication code becomes 400 AMUI-00005; a GET that
// Authentication answers 404 becomes 404 AMUI-00010.

import { AltinnProblem } from '../../platform/errors.ts';

/** AUTH code → [AMUI code, status, title], as the BFF's ProblemMapper and Problem descriptors have them. */
const MAPPED: Readonly<Record<string, readonly [string, number, string]>> = {
  'AUTH-00001': ['AMUI-00001', 400, 'One or more Right not found or not delegable.'],
  'AUTH-00002': ['AMUI-00002', 400, 'The Delegation failed.'],
  'AUTH-00003': ['AMUI-00003', 400, 'Failed to create the SystemUser.'],
  'AUTH-00004': ['AMUI-00004', 400, 'Failed to create new SystemUser, existing SystemUser tied to the given System-Id.'],
  'AUTH-00011': ['AMUI-00011', 404, 'The Id does not refer to a Registered System.'],
  'AUTH-00014': ['AMUI-00014', 403, 'DelegationCheck failed with unknown error.'],
  'AUTH-00016': ['AMUI-00016', 403, 'DelegationCheck failed with error: Has not access by a delegation of role in ER or Altinn.'],
  'AUTH-00018': ['AMUI-00018', 403, 'DelegationCheck failed with error: Has not access by direct delegation.'],
  'AUTH-00019': ['AMUI-00019', 403, 'DelegationCheck failed with error: The service requires explicit access in SRR and the reportee is missing this.'],
  'AUTH-00020': ['AMUI-00020', 403, 'DelegationCheck failed with error: The service requires explicit authentication level and the reportee is missing this.'],
  'AUTH-00028': ['AMUI-00028', 400, 'The customer id was not provided or did not validate.'],
  'AUTH-00050': ['AMUI-00050', 400, 'The delegation check failed for access packages'],
  'AUTH-00051': ['AMUI-00051', 400, 'The delegation of access package to the system user failed'],
  'AUTH-00053': ['AMUI-00053', 400, 'The user does not have enough access to delegate the requested access packages'],
  'AUTH-00066': ['AMUI-00066', 403, 'The request requires logged in user to have accessmanager write.'],
  'AUTH-00068': ['AMUI-00068', 403, 'DelegationCheck failed with error: missing required access package for delegation.'],
  'AUTH-00069': ['AMUI-00069', 403, 'DelegationCheck failed with error: The receiver does not have the right based on Access List delegation.'],
  'AUTH-00070': ['AMUI-00070', 403, 'DelegationCheck failed with error: The resource cannot be delegated to another user or entity.'],
  'AUTH-00071': ['AMUI-00071', 403, 'DelegationCheck failed with error: The resource is not delegable because it is a Maskinporten schema resource.'],
};

export const GENERIC = ['AMUI-00005', 400, 'Default error at the end of logic chain. Not supposed to appear.'] as const;
export const REQUEST_NOT_FOUND = ['AMUI-00010', 404, 'The request was not found for given party.'] as const;

function problem([code, status, title]: readonly [string, number, string]): AltinnProblem {
  return new AltinnProblem(status, code, title);
}

/**
 * The BFF's answer to an error of the platform call. Anything that is not an Authentication problem
 * (a missing or wrong token: the BFF's own [Authorize]) is left as it is.
 */
export function toAmuiProblem(err: unknown, onRead: boolean): unknown {
  if (!(err instanceof AltinnProblem) || !err.code.startsWith('AUTH-')) return err;
  if (onRead && err.status === 404) return problem(REQUEST_NOT_FOUND);
  return problem(MAPPED[err.code] ?? GENERIC);
}
