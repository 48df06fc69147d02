// The cast of one scenario: actors made on first mention, one per role word. The role words are the
// features' own (DESIGN §8 glossary); "systemet" is the vendor's software and so the vendor itself.

import { Company } from './company.ts';
import { Person } from './person.ts';
import { ServiceOwner } from './service-owner.ts';
import { Vendor } from './vendor.ts';
import type { Actor, ActorContext } from './actor.ts';

/** The role words the `{aktør}` parameter accepts, longest first (they are alternatives in one regexp). */
export const ROLE_WORDS = [
  'den andre virksomheten',
  'systemleverandøren',
  'tjenesteeieren',
  'virksomheten',
  'daglig leder',
  'systemet',
] as const;
export type RoleWord = (typeof ROLE_WORDS)[number];

export class Cast {
  private vendorActor: Vendor | undefined;
  private serviceOwnerActor: ServiceOwner | undefined;
  private readonly companies = new Map<string, Company>();

  constructor(private readonly context: ActorContext) {}

  vendor(): Vendor {
    this.vendorActor ??= new Vendor('systemleverandøren', this.context);
    return this.vendorActor;
  }

  serviceOwner(): ServiceOwner {
    this.serviceOwnerActor ??= new ServiceOwner('tjenesteeieren', this.context);
    return this.serviceOwnerActor;
  }

  /** "virksomheten" is the scenario's company; "den andre virksomheten" a second, unrelated one. */
  company(word: 'virksomheten' | 'den andre virksomheten' = 'virksomheten'): Company {
    let company = this.companies.get(word);
    if (!company) {
      company = new Company(word, this.context, word === 'virksomheten' ? 0 : 1);
      this.companies.set(word, company);
    }
    return company;
  }

  /** The actor a role word names. */
  byRole(word: RoleWord): Actor {
    switch (word) {
      case 'systemleverandøren':
      case 'systemet':
        return this.vendor();
      case 'tjenesteeieren':
        return this.serviceOwner();
      case 'virksomheten':
      case 'den andre virksomheten':
        return this.company(word);
      case 'daglig leder':
        return this.company('virksomheten').dagligLeder;
    }
  }
}

type ActorClass<A extends Actor> = abstract new (...args: never[]) => A;

const ROLE_OF: Array<[ActorClass<Actor>, string]> = [
  [Vendor, 'systemleverandøren (eller systemet)'],
  [Company, 'en virksomhet'],
  [ServiceOwner, 'tjenesteeieren'],
  [Person, 'en person (daglig leder)'],
];

/** The actor as the class a step needs, or a clear error when the feature names the wrong role. */
export function as<A extends Actor>(actor: Actor, kind: ActorClass<A>): A {
  if (actor instanceof kind) return actor;
  const wanted = ROLE_OF.find(([cls]) => cls === (kind as unknown))?.[1] ?? kind.name;
  throw new Error(`Steget gjelder ${wanted}, men featuren nevner "${actor.role}".`);
}
