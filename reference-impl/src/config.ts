import type { Services } from './platform/services.ts';
import type { TokenIssuers } from './platform/tokens.ts';

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
}

/** What every component plugin receives. */
export interface ComponentOptions {
  config: ReferenceConfig;
  services: Services;
  issuers: TokenIssuers;
}
