// Entity shapes that cross component boundaries. Each component owns the store of its own
// entities; other components read them only through the services in services.ts.

export interface Organisation {
  orgNo: string;
  name: string;
  /** Org form (enhetstype): AS, ENK, NUF, BRL, ESEK, ASA, DA, ANS, ... */
  orgForm: string;
  partyId: number;
  partyUuid: string;
}

export interface Person {
  /** National identity number (fødselsnummer), synthetic in the Tenor convention. */
  pid: string;
  name: string;
  partyId: number;
  partyUuid: string;
}

/** An ER (Enhetsregisteret) role: `holder` holds `role` in the organisation `orgNo`. */
export interface ErRole {
  orgNo: string;
  role: string;
  holder: { orgNo: string } | { pid: string };
}

export interface AccessPackage {
  id: string;
  /** urn:altinn:accesspackage:<code> */
  urn: string;
  code: string;
  name: string;
  description: string;
  areaId: string;
  isDelegable: boolean;
  isAssignable: boolean;
  isResourcePolicyAvailable: boolean;
}

/** One rule of a resource policy (JSON rules, not XACML XML). */
export interface PolicyRule {
  /** Rule effect; the policy combines rules with deny-overrides. Default Permit. */
  effect?: 'Permit' | 'Deny';
  /** Subject URNs: urn:altinn:accesspackage:<code> (or a single-right subject, later issues). */
  subjects: string[];
  /** Action ids: read, write, ... (docs/contracts/altinn-authorization.md §6.3). */
  actions: string[];
}

export interface Resource {
  identifier: string;
  title: { nb: string; nn?: string; en?: string };
  description?: { nb: string; nn?: string; en?: string };
  resourceType: string;
  delegable: boolean;
  visible: boolean;
  hasCompetentAuthority: { organization: string; orgcode: string; name?: { nb: string; nn?: string; en?: string } };
  policy: { rules: PolicyRule[] };
}

export interface MaskinportenClient {
  clientId: string;
  /** The org that owns the client (becomes the `consumer` claim). */
  orgNo: string;
  scopes: string[];
  /** Public JWKs; each must carry a `kid`. */
  jwks: Array<Record<string, unknown>>;
}

/** Right = {action?, resource:[{id, value}]} (docs/contracts/altinn-authentication.md §2.2). */
export interface Right {
  action?: string;
  resource: Array<{ id: string; value: string }>;
}

export interface RegisteredSystem {
  id: string;
  vendorOrgNo: string;
  name: Record<string, string>;
  description: Record<string, string>;
  rights: Right[];
  accessPackages: Array<{ urn: string }>;
  clientId: string[];
  allowedRedirectUrls: string[];
  isVisible: boolean;
  isDeleted: boolean;
}

export type SystemUserType = 'standard' | 'agent';

export interface SystemUser {
  /** Equals the id of the request whose approval created it. */
  id: string;
  integrationTitle: string;
  systemId: string;
  productName: string;
  /** The owner org (the customer; for an agent system user, the accountant). */
  reporteeOrgNo: string;
  created: string;
  isDeleted: boolean;
  supplierName: string;
  supplierOrgno: string;
  externalRef: string;
  userType: SystemUserType;
  accessPackages: Array<{ urn: string }>;
  rights: Right[];
}

/** A service of this reference that asks the PDP in-process, as a policy enforcement point (PEP). */
export type PepService = 'mva' | 'dialogporten' | 'broker';

/**
 * Who asked the PDP (the PEP): a service of this reference (`service`), or an external caller of
 * POST /authorization/api/v1/authorize, named by its Maskinporten token (`orgNo` from `consumer`,
 * `clientId` from `client_id`; a claim the token lacks is left out).
 */
export type DecisionPep = { service: PepService } | { orgNo?: string; clientId?: string };

/** One PDP decision, kept for the decision log (read through the test data API, docs/samsvar-apis.md §1). */
export interface DecisionLogEntry {
  at: string;
  /** Who asked. */
  pep: DecisionPep;
  subject: Record<string, string>;
  action: string;
  resource: string;
  party: Record<string, string>;
  decision: 'Permit' | 'Deny' | 'NotApplicable' | 'Indeterminate';
}
