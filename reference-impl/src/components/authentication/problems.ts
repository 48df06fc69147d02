// The Altinn Authentication problem and validation descriptors this component uses: code, status and
// exact title (docs/contracts/altinn-authentication.md §7.4 for AUTH-000NN, §2.3 for AUTH.VLD-000NN). Handlers throw
// what these functions return; the platform error handler serialises them.

import { AltinnProblem, ValidationProblem, type ValidationErrorItem } from '../../platform/errors.ts';

const AUTH_PROBLEMS = {
  'AUTH-00000': [400, "Can't resolve the Organisation Number from the logged in Reportee PartyId."],
  'AUTH-00001': [400, 'One or more Right not found or not delegable.'],
  'AUTH-00002': [400, 'The Delegation failed.'],
  'AUTH-00004': [400, 'Failed to create new SystemUser, existing SystemUser tied to the given System-Id.'],
  'AUTH-00006': [400, 'The combination of External Ids refer to an already Accepted SystemUser.'],
  'AUTH-00007': [400, 'The combination of External Ids refer to a Pending Request, please reuse or delete.'],
  'AUTH-00008': [400, 'The combination of External Ids refer to a Denied Request, please delete and renew the Request.'],
  'AUTH-00009': [400, 'The combination of External Ids refer to a Rejected Request, please delete and renew the Request.'],
  'AUTH-00010': [404, 'The Id does not refer to a Request in our system.'],
  'AUTH-00011': [404, 'The Id does not refer to a Registered System.'],
  'AUTH-00013': [409, 'The Status of the Request is not New.'],
  'AUTH-00015': [404, 'The SystemUser was not found.'],
  'AUTH-00017': [404, 'The SystemName was not found.'],
  'AUTH-00021': [400, 'The RedirectUri was not found or not valid.'],
  'AUTH-00023': [401, "Can't resolve the Organisation Number for the Vendor from the Token."],
  'AUTH-00024': [403, "you don't have rights to delete this systemuser"],
  'AUTH-00026': [400, 'No redirect uris are set for the system'],
  'AUTH-00030': [404, 'The Id does not refer to an AgentRequest in our system.'],
  'AUTH-00034': [400, 'The system user type of the provided system user GUID is not an agent.'],
  'AUTH-00035': [400, 'The system user has delegations from customer. Remove the delegations before deleting the system user'],
  'AUTH-00036': [400, 'The system user type of the provided system user GUID is not standard.'],
  'AUTH-00039': [400, 'Party does not match delegation facilitator'],
  'AUTH-00041': [403, "Party does not match request's orgno"],
  'AUTH-00042': [403, "Party does not match agent request's orgno"],
  'AUTH-00053': [400, 'The user does not have enough access to delegate the requested access packages'],
  'AUTH-00058': [400, 'No AccessPackages found, an Agent SystemUser must have at least one'],
  'AUTH-00059': [400, 'No AccessPackages or Single Rights found, a SystemUser must have at least one'],
  'AUTH-00063': [400, 'One or more accesspackage is not found in the referenced system in the System Register.'],
  'AUTH-00064': [400, 'One or more access packages cannot be delegated. Either they are intended for clients or they cannot be delegated further.'],
  'AUTH-00065': [400, 'One or more access packages cannot be delegated because they are not intended for client relationships'],
  'AUTH-00066': [403, 'The request requires logged in user to have accessmanager write.'],
  'AUTH-00068': [403, 'DelegationCheck failed with error: Has not access by a delegation of package in Altinn.'],
  'AUTH-00070': [403, 'DelegationCheck failed with error: The resource cannot be delegated to another user or entity.'],
  'AUTH-00071': [403, 'DelegationCheck failed with error: The resource is not delegable because it is a Maskinporten schema resource.'],
  'AUTH-00079': [400, 'Client not found.'],
  'AUTH-00080': [400, 'Client does not have the accesspackages the agent system user requires'],
} as const satisfies Record<string, readonly [number, string]>;

export type AuthProblemCode = keyof typeof AUTH_PROBLEMS;

/** An AUTH-000NN problem with its status and title from §7.4; extensions become top-level members. */
export function authProblem(code: AuthProblemCode, extensions: Record<string, unknown> = {}): AltinnProblem {
  const [status, title] = AUTH_PROBLEMS[code];
  return new AltinnProblem(status, code, title, extensions);
}

const VLD_TITLES = {
  'AUTH.VLD-00000': 'the org number identifier is not valid ISO6523 identifier',
  'AUTH.VLD-00001': 'The system id does not match the format orgnumber_xxxx...',
  'AUTH.VLD-00002': 'The system id already exists',
  'AUTH.VLD-00003': "One or more resources specified in rights were not found in Altinn's resource register.",
  'AUTH.VLD-00004': 'One of the client id is already tagged with an existing system',
  'AUTH.VLD-00005': 'One or more of the redirect urls format is not valid. The valid format is https://xxx.xx',
  'AUTH.VLD-00006': 'One or more duplicate rights found',
  'AUTH.VLD-00007': 'One or more duplicate access package(s) found',
  'AUTH.VLD-00008': "One or all the accesspackage(s) is not found in altinn's access packages or is not delegable",
  'AUTH.VLD-00009': 'One or more resource id is in wrong format. The valid format is urn:altinn:resource',
  'AUTH.VLD-00011': 'Request contains duplicate client ids',
  'AUTH.VLD-00012': 'The system ID in the request body does not match the system ID in the URL',
  'AUTH.VLD-00013': 'System ID cannot have spaces in id (leading, trailing or in between the id)',
  'AUTH.VLD-00017': 'One or more resources specified in rights is of resource type which is not delegable.',
  'AUTH.VLD-00018': "Access packages meant for system user for client relations can't be used in combination with the flag isVisible: true",
} as const;

export type VldCode = keyof typeof VLD_TITLES;

/** The error paths of the system register (docs/contracts/altinn-authentication.md §2.3). */
export const VLD_PATH = {
  vendorId: '/registersystemrequest/vendor/id',
  systemId: '/registersystemrequest/systemid',
  allowedRedirectUrls: '/registersystemrequest/allowedredirecturls',
  clientId: '/registersystemrequest/clientid',
  accessPackages: '/registersystemrequest/accesspackages',
  rightsResource: '/registersystemrequest/rights/resource',
} as const;

/** One validation error; extensions are flattened into the error object (docs/contracts/altinn-authentication.md §7.2). */
export function vld(code: VldCode, path: string, extensions: Record<string, string> = {}): ValidationErrorItem {
  return { code, title: VLD_TITLES[code], paths: [path], ...extensions };
}

/**
 * The validation errors of the client delegation API (AUTH ValidationErrors 14–16; docs/contracts/altinn-authentication.md
 * §2.3 "Other VLD codes"). Code 14 has two titles in Altinn: a missing or invalid `agent`, and an unknown
 * system user. The path is the query parameter as Altinn writes it: `?agent`, `?client`.
 */
const CLIENT_DELEGATION_VLD = {
  agentMissing: ['AUTH.VLD-00014', 'The agent query parameter is missing or invalid', '?agent'],
  agentNotFound: ['AUTH.VLD-00014', 'System user not found', '?agent'],
  agentNotAgent: ['AUTH.VLD-00015', 'SystemUser is not a valid system user of type agent', '?agent'],
  clientMissing: ['AUTH.VLD-00016', 'The client query parameter is missing or invalid', '?client'],
} as const;

export function clientDelegationVld(which: keyof typeof CLIENT_DELEGATION_VLD): ValidationErrorItem {
  const [code, title, path] = CLIENT_DELEGATION_VLD[which];
  return { code, title, paths: [path] };
}

export function validationProblem(errors: ValidationErrorItem[]): ValidationProblem {
  return new ValidationProblem(errors);
}
