import type { Services } from './platform/services.ts';
import type { TokenIssuers } from './platform/tokens.ts';
import type { Fixtures } from './tt02/fixtures.ts';

/**
 * The TT02 look-alike (`--as tt02`, docs/platform-surface.md): only what real TT02 offers. The
 * Samsvar-only APIs (test data API, the ID-porten stand-in's test login, the portal's test login) are
 * not registered; the PDP and the broker sit behind API Management; a Test Tools token generator
 * stands in for Altinn's (docs/contracts/tt02.md).
 */
export interface Tt02Options {
  /** What Tenor holds: seeded at start through the test data API's operations (tt02/fixtures.ts). */
  fixtures: Fixtures;
  /** The `Ocp-Apim-Subscription-Key` value the PDP and the broker require. */
  subscriptionKey: string;
  /** The HTTP Basic credentials of the Test Tools token generator under /testtools. */
  testTools: { username: string; password: string };
}

/** Configuration of one reference implementation instance. */
export interface ReferenceConfig {
  /**
   * Public base URL (no trailing slash). Every URL the reference emits (issuer, confirmUrl, Location,
   * links.next) is built from it, never from the Host header. main.ts fills it in after listening when
   * --public-url is not given, so components must read it at request time, never cache it at build.
   */
  publicUrl: string;
  /** Log requests (pino) to stdout. */
  logger: boolean;
  /**
   * Directory for file content (the broker streams uploads here, never holding a file in memory).
   * Absent: a component that stores files makes its own temporary directory.
   */
  dataDir?: string;
  /**
   * Faults switched on (`--fault <name>`, names from faults.ts): deliberate non-conformances for
   * `npm run selfcheck`. buildApp refuses a name that is not in the catalogue. Absent or empty: the
   * reference conforms. Components read it at request time through `faultActive(config, name)`.
   */
  faults?: ReadonlySet<string>;
  /** Absent: the default reference, with Samsvar's own test APIs. Present: the TT02 look-alike. */
  tt02?: Tt02Options;
}

/** What every component plugin receives. */
export interface ComponentOptions {
  config: ReferenceConfig;
  services: Services;
  issuers: TokenIssuers;
}
