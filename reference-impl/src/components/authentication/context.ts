import type { ComponentOptions } from '../../config.ts';
import type { AuthenticationStore } from './store.ts';

/** What every handler of the authentication component works with. */
export interface AuthContext extends ComponentOptions {
  store: AuthenticationStore;
}

/** docs/contracts/altinn-authentication.md §1. */
export const SCOPE = {
  systemRegisterWrite: 'altinn:authentication/systemregister.write',
  systemRegisterAdmin: 'altinn:authentication/systemregister.admin',
  requestWrite: 'altinn:authentication/systemuser.request.write',
  requestRead: 'altinn:authentication/systemuser.request.read',
  maskinportenLookup: 'altinn:maskinporten/systemuser.read',
  portal: 'altinn:portal/enduser',
  clientDelegationRead: 'altinn:clientdelegations.read',
  clientDelegationWrite: 'altinn:clientdelegations.write',
} as const;

/** Prefix of access package URNs (docs/contracts/altinn-authorization.md §2.1). */
export const PACKAGE_URN_PREFIX = 'urn:altinn:accesspackage:';

/** The attribute id of a resource in a Right (docs/contracts/altinn-authentication.md §2.2). */
export const RESOURCE_ATTRIBUTE = 'urn:altinn:resource';
