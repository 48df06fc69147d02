// The cast of one scenario: actors made on first mention, one per role word. The role words are the
// features' own (docs/architecture.md §6, the glossary); "systemet" is the vendor's software and so the vendor itself.
// "kunden" and "klienten" are one party seen from two sides (the seed's scenario 2 says both): the
// accountant's customer, which becomes its client.

import { Accountant } from './accountant.ts';
import { Company } from './company.ts';
import { Kartverket } from './kartverket.ts';
import { Person } from './person.ts';
import { ServiceOwner } from './service-owner.ts';
import { Vendor } from './vendor.ts';
import type { Actor, ActorContext } from './actor.ts';

/** The role words the `{aktør}` parameter accepts, longest first (they are alternatives in one regexp). */
export const ROLE_WORDS = [
  'den andre virksomheten',
  'systemleverandøren',
  'regnskapsføreren',
  'tjenesteeieren',
  'Skatteetaten',
  'virksomheten',
  'Kartverket',
  'daglig leder',
  'styremedlemmet',
  'klienten',
  'systemet',
  'kunden',
] as const;
export type RoleWord = (typeof ROLE_WORDS)[number];

export class Cast {
  private vendorActor: Vendor | undefined;
  private serviceOwnerActor: ServiceOwner | undefined;
  private accountantActor: Accountant | undefined;
  private clientActor: Company | undefined;
  private kartverketActor: Kartverket | undefined;
  private readonly companies = new Map<string, Company>();

  constructor(private readonly context: ActorContext) {}

  /** The vendor if the scenario has made it (cleanup must not make one). */
  existingVendor(): Vendor | undefined {
    return this.vendorActor;
  }

  /** The actors the scenario has made (cleanup must not make any). */
  existing(): { vendor?: Vendor; serviceOwner?: ServiceOwner; accountant?: Accountant; client?: Company; companies: Company[] } {
    return {
      ...(this.vendorActor ? { vendor: this.vendorActor } : {}),
      ...(this.serviceOwnerActor ? { serviceOwner: this.serviceOwnerActor } : {}),
      ...(this.accountantActor ? { accountant: this.accountantActor } : {}),
      ...(this.clientActor ? { client: this.clientActor } : {}),
      companies: [...this.companies.values()],
    };
  }

  vendor(): Vendor {
    this.vendorActor ??= new Vendor('systemleverandøren', this.context);
    return this.vendorActor;
  }

  /**
   * The Maskinporten clients with which the suite's own service owners (the service owner, Kartverket)
   * asked the PDP in this scenario: a question from one of them is the suite's, never a service's. A
   * client that asked nothing is left out, so a service that shares it is not mistaken for the suite.
   */
  suiteClientIds(): string[] {
    const ids: string[] = [];
    for (const owner of [this.serviceOwnerActor, this.kartverketActor]) {
      if (!owner?.notes.decision) continue;
      ids.push(owner.maskinporten.clientId);
    }
    return ids;
  }

  serviceOwner(): ServiceOwner {
    this.serviceOwnerActor ??= new ServiceOwner('tjenesteeieren', this.context);
    return this.serviceOwnerActor;
  }

  /** "virksomheten" is the scenario's company; "den andre virksomheten" a second, unrelated one. */
  company(word: 'virksomheten' | 'den andre virksomheten' = 'virksomheten'): Company {
    let company = this.companies.get(word);
    if (!company) {
      company = new Company(word, this.context, { key: word === 'virksomheten' ? 'company' : 'otherCompany' });
      this.companies.set(word, company);
    }
    return company;
  }

  /** "regnskapsføreren": the accounting firm that owns the agent system user. */
  accountant(): Accountant {
    this.accountantActor ??= new Accountant('regnskapsføreren', this.context);
    return this.accountantActor;
  }

  /**
   * "kunden" / "klienten": the accountant's customer and client; labelled by the word first used. On
   * a target with fixtures it is the pool's client (with the REGN relation, seed scenario 1) when first
   * called klienten, and the pool's customer (without it, seed scenario 2) when first called kunden,
   * unless a step says which before the party is first used (Company.preferFixture).
   */
  client(word: 'kunden' | 'klienten'): Company {
    this.clientActor ??= new Company(word, this.context, { key: word === 'kunden' ? 'customer' : 'client' });
    return this.clientActor;
  }

  /** "Kartverket": the service owner of the broker resource for tinglysning, and the files' recipient. */
  kartverket(): Kartverket {
    this.kartverketActor ??= new Kartverket('Kartverket', this.context);
    return this.kartverketActor;
  }

  /** The actor a role word names. */
  byRole(word: RoleWord): Actor {
    switch (word) {
      case 'systemleverandøren':
      case 'systemet':
        return this.vendor();
      case 'tjenesteeieren':
      case 'Skatteetaten': // the MVA service's owner, named as the user scenarios name it
        return this.serviceOwner();
      case 'virksomheten':
      case 'den andre virksomheten':
        return this.company(word);
      case 'daglig leder':
        return this.company('virksomheten').dagligLeder;
      case 'styremedlemmet':
        return this.company('virksomheten').boardMember;
      case 'regnskapsføreren':
        return this.accountant();
      case 'kunden':
      case 'klienten':
        return this.client(word);
      case 'Kartverket':
        return this.kartverket();
    }
  }
}

type ActorClass<A extends Actor> = abstract new (...args: never[]) => A;

const ROLE_OF: Array<[ActorClass<Actor>, string]> = [
  [Vendor, 'systemleverandøren (eller systemet)'],
  [Accountant, 'regnskapsføreren'],
  [Company, 'en virksomhet'],
  [Kartverket, 'Kartverket'],
  [ServiceOwner, 'tjenesteeieren'],
  [Person, 'en person (daglig leder)'],
];

/** The actor as the class a step needs, or a clear error when the feature names the wrong role. */
export function as<A extends Actor>(actor: Actor, kind: ActorClass<A>): A {
  if (actor instanceof kind) return actor;
  const wanted = ROLE_OF.find(([cls]) => cls === (kind as unknown))?.[1] ?? kind.name;
  throw new Error(`Steget gjelder ${wanted}, men featuren nevner "${actor.role}".`);
}
