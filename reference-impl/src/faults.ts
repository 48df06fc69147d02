// The catalogue of faults the reference implementation can be started with (`--fault <name>`,
// repeatable): each one a realistic non-conformance, switched on at the one place the real check
// lives, so `npm run selfcheck` can prove that the suite's refusal scenarios are able to fail
// (issue 6 part 4; docs/contracts/toolchain.md §2). A fault is read from `config.faults` at request
// time through `faultActive`; with no faults the reference conforms. Names are Norwegian kebab-case,
// descriptions a Norwegian one-liner (they are printed by the reference and by the selfcheck).

/** A fault: what the reference then does wrong, and the requirements (features/krav.yaml) it violates. */
export interface FaultSpec {
  /** Requirement ids the fault breaks: selfcheck counts it caught only when a scenario tagged with one of them fails on an assertion naming that id. */
  readonly krav: readonly string[];
  readonly description: string;
}

/** Every fault, with what the reference then does wrong and the requirements that must catch it. */
export const FAULTS = {
  // Token checks
  'maskinporten-ignorer-jti': {
    krav: ['SEC-4'],
    description:
      'Maskinporten sjekker ikke jti: den samme JWT-granten kan brukes om igjen (replay godtas, ingen MP-012).',
  },
  // Grant checks, one fault per check of the attack battery (features/sikkerhet/angrep-maskinporten.feature)
  'maskinporten-godta-alg-none': {
    krav: ['SEC-1'],
    description:
      'Maskinporten godtar en usignert grant (alg «none») uten å sjekke signaturen.',
  },
  'maskinporten-hs256-offentlig-nokkel': {
    krav: ['SEC-1'],
    description:
      'Maskinporten godtar en HS256-grant og sjekker HMAC-en med klientens offentlige nøkkel (PEM) som hemmelighet (nøkkelforvirring).',
  },
  'maskinporten-ukjent-kid-godtas': {
    krav: ['SEC-1'],
    description:
      'Maskinporten sjekker ikke signaturen når kid ikke er registrert på klienten.',
  },
  'maskinporten-ignorer-exp': {
    krav: ['SEC-2'],
    description:
      'Maskinporten godtar en utløpt grant (exp sjekkes ikke).',
  },
  'maskinporten-ignorer-iat': {
    krav: ['SEC-2'],
    description:
      'Maskinporten sjekker ikke at iat er innenfor ±10 sekunder av klokken sin.',
  },
  'maskinporten-ignorer-levetid': {
    krav: ['SEC-2'],
    description:
      'Maskinporten godtar en grant som lever mer enn 120 sekunder.',
  },
  'maskinporten-ignorer-aud': {
    krav: ['SEC-3'],
    description:
      'Maskinporten sjekker ikke aud: en grant laget for en annen mottaker godtas.',
  },
  'maskinporten-ignorer-scope': {
    krav: ['SEC-5'],
    description:
      'Maskinporten gir scopene granten ber om, også uregistrerte, og token uten scope når granten ikke ber om noe.',
  },
  'maskinporten-godta-flere-parter': {
    krav: ['SEC-6'],
    description:
      'Maskinporten godtar flere elementer i authorization_details og bruker det første.',
  },
  'maskinporten-ignorer-ukjente-felt': {
    krav: ['SEC-6'],
    description:
      'Maskinporten godtar ukjente felt i authorization_details (ingen MP-302).',
  },
  'maskinporten-ignorer-type': {
    krav: ['SEC-6'],
    description:
      'Maskinporten sjekker ikke typen i authorization_details (ingen MP-301).',
  },
  'maskinporten-godta-klient-org': {
    krav: ['TOK-3'],
    description:
      'Maskinporten utsteder systembrukertoken når systemuser_org er en klient av klientsystembrukeren, ikke eieren (ingen MP-303).',
  },
  'mva-godta-utlopt': {
    krav: ['SVC-3', 'SEC-9'],
    description:
      'Tjeneste-API-et godtar utløpte systembrukertoken (exp sjekkes ikke).',
  },
  'mva-godta-fremmed-signatur': {
    // Not SEC-8: the issuer is still checked, so a foreign issuer's token is refused; with no
    // signature check an unsigned token (alg none) is taken, which breaks SEC-7.
    krav: ['SVC-4', 'SEC-7'],
    description:
      'Tjeneste-API-et sjekker ikke signaturen: et token med Maskinportens issuer, signert med en annen nøkkel, godtas.',
  },
  'mva-401-uten-grunn': {
    // The old check (any 401 problem) let this through; SVC-3/SVC-4 ask for the reason (RFC 6750 §3.1).
    krav: ['SVC-3', 'SVC-4'],
    description:
      'Tjeneste-API-et avviser et ugyldig token med 401, men sier ikke hvorfor (WWW-Authenticate uten error="invalid_token").',
  },
  // Token checks of every protected API (features/sikkerhet/angrep-token-mot-api.feature)
  'plattform-godta-usignert': {
    krav: ['SEC-7'],
    description:
      'API-ene godtar et usignert token (alg «none») når issuer og exp ser riktige ut.',
  },
  'plattform-godta-innebygd-nokkel': {
    krav: ['SEC-8', 'SVC-4'],
    description:
      'API-ene verifiserer et token med nøkkelen det selv legger ved (jwk i headeren) og sjekker ikke utstederen.',
  },
  'plattform-godta-utlopt': {
    krav: ['SEC-9', 'SVC-3'],
    description:
      'API-ene godtar utløpte token (exp sjekkes ikke; signatur og utsteder sjekkes).',
  },
  'plattform-ignorer-scope': {
    krav: ['SEC-10'],
    description:
      'API-ene sjekker ikke scopet i tokenet (systemregisteret, tjeneste-API-et, Dialogporten, formidlingstjenesten).',
  },
  'register-viser-fodselsnummer': {
    krav: ['SEC-13'],
    description:
      'Register svarer på partsoppslag (parties/{partyId}, parties/byuuid/{partyUuid}) med ethvert gyldig token, også med en persons fødselsnummer og navn.',
  },
  // Service PEP and PDP
  'mva-hopper-over-pdp': {
    krav: ['SVC-2', 'SVC-5', 'PEP-1'],
    description:
      'Tjeneste-API-et spør ikke Altinn Autorisasjon: ethvert gyldig systembrukertoken kan rapportere for enhver part.',
  },
  'pdp-alltid-permit': {
    krav: ['PDP-2', 'SVC-2', 'KD-6', 'DP-2', 'DP-3', 'DP-4', 'BR-5', 'SB-1.4'],
    description:
      'PDP-en svarer Permit på alle forespørsler den kan evaluere, uansett tilgangspakker og part.',
  },
  // Client removal and request status
  'klient-lagt-til-uten-videredelegering': {
    // Scenarios 1 and 2 ask the PDP right after the client is added (KD-3: the packages are passed on).
    krav: ['KD-3'],
    description:
      'Når klienten legges til på klientsystembrukeren, står den i klientlisten, men tilgangspakkene videredelegeres ikke: Altinn Autorisasjon gir ikke tilgang for klienten.',
  },
  'klient-fjerning-beholder-tilgang': {
    // The KD-6 scenario sees the access that did not end through the service's refusal, an SVC-2 assertion.
    krav: ['KD-6', 'SVC-2'],
    description:
      'Når klienten fjernes fra klientsystembrukeren, forsvinner den fra klientlisten, men tilgangspakkene blir liggende hos systembrukeren.',
  },
  'avvist-gir-systembruker': {
    // The rejection scenario sees the system user that should not exist through the vendor's lookup (REQ-5: 404 when there is none).
    krav: ['REQ-4', 'REQ-5', 'TOK-2', 'SB-3.3'],
    description:
      'Når virksomheten avviser en forespørsel om systembruker, opprettes systembrukeren likevel (med tilgangspakkene).',
  },
  'godkjent-uten-tilgangspakker': {
    // Scenario 3 reads the system user back as its owner after the approval (SB-3.3: the packages are assigned).
    krav: ['SB-3.3'],
    description:
      'Når virksomheten godkjenner en forespørsel om systembruker, opprettes systembrukeren og forespørselen får status Accepted, men systembrukeren står uten tilgangspakkene når eieren leser den.',
  },
  // Agent requests
  'klientforesporsel-avvist-uten-grunn': {
    // The old check (any 400 problem) let this through; REQ-9 asks for the reason, the field rights.
    krav: ['REQ-9'],
    description:
      'En forespørsel om klientsystembruker med enkeltrettigheter avvises med en naken 400 som ikke sier hvorfor (ingen valideringsfeil på /body/rights).',
  },
  // Change requests on standard system users (docs/contracts/change-requests.md)
  'endring-godkjent-uten-tilgang': {
    // The owner reads the system user back without the package (CR-2); the PDP still says NotApplicable.
    krav: ['CR-2'],
    description:
      'Når virksomheten godkjenner en endringsforespørsel, får den status Accepted, men systembrukeren får ikke tilgangspakkene som skulle legges til.',
  },
  'endring-avvist-gir-tilgang': {
    // The owner reads the system user back with the package it should not have (CR-3).
    krav: ['CR-3'],
    description:
      'Når virksomheten avviser en endringsforespørsel, får den status Rejected, men systembrukeren endres likevel.',
  },
  // Access package catalogue
  'tilgangspakkekatalog-uten-beskrivelse': {
    krav: ['SB-0.4'],
    description:
      'Altinns tilgangspakkekatalog finner tilgangspakken på URN-en, men gir den verken navn eller beskrivelse.',
  },
  // System register validation
  'systemregister-godta-http-redirect': {
    krav: ['SR-5'],
    description:
      'Systemregisteret godtar omdirigerings-URL-er med http, ikke bare https (ingen AUTH.VLD-00005).',
  },
  'redirect-url-ikke-https-lagres': {
    krav: ['SEC-11', 'SEC-12'],
    description:
      'Omdirigerings-URL-er lagres uten https-kontroll: en endring av systemet godtar http- og javascript:-URL-er, og en forespørsels URL sammenlignes med systemets uten å se på skjemaet.',
  },
  'portal-utlogging-beholder-sesjon': {
    krav: ['UI-5'],
    description:
      'Utlogging i portalen sletter bare informasjonskapselen: økten lever videre på serveren, så den gamle informasjonskapselen åpner portalen etter utlogging.',
  },
  // Dialogporten access and schema
  'dialogporten-viser-alle-parter': {
    krav: ['DP-2', 'DP-3', 'DP-4', 'DP-10'],
    description:
      'Dialogporten spør ikke PDP-en om lesetilgang: systembrukeren (eller personen) ser og leser dialoger for alle parter.',
  },
  'dialogporten-hopper-over-pdp': {
    krav: ['PEP-1'],
    description:
      'Dialogporten spør ikke PDP-en om tilgang, men avgjør den selv ut fra systembrukerens tilgangspakker og ressursens policy: svarene er riktige, men Altinn Autorisasjon blir aldri spurt.',
  },
  'dialogporten-feil-feltnavn': {
    krav: ['DP-6'],
    description:
      'Dialogportens sluttbruker-API kaller feltet «party» for «partyId» i dialogene det returnerer (avvik fra det offisielle skjemaet).',
  },
  'dialogporten-streng-innlesing': {
    krav: ['DP-7'],
    description:
      'Dialogporten leser feltnavn og enum-verdier med nøyaktig skrivemåte, ikke uavhengig av store og små bokstaver som ASP.NET: «Title» og «notApplicable» avvises med 400.',
  },
  'dialogporten-tjenesteeier-ser-andres': {
    krav: ['DP-8'],
    description:
      'Dialogportens tjenesteeier-API viser også dialoger en annen tjenesteeier har opprettet, i søk og oppslag.',
  },
  'dialogporten-aktivitet-uten-eierkontroll': {
    krav: ['DP-9'],
    description:
      'Dialogportens tjenesteeier-API lar en tjenesteeier legge til aktiviteter på en dialog en annen tjenesteeier eier.',
  },
  // PDP callers
  'pdp-kjenner-ikke-priv': {
    krav: ['PDP-6'],
    description:
      'PDP-en gir ikke personen rollen PRIV for sin egen part: en policy som navngir urn:altinn:rolecode:priv gir aldri Permit.',
  },
  'pdp-ignorer-scope-for-person': {
    krav: ['PDP-5'],
    description:
      'PDP-en sjekker scopet bare på Maskinporten-tokener: et persontoken uten altinn:authorization/authorize slipper gjennom.',
  },
  // Client administration views (docs/contracts/my-clients.md)
  'mine-klienter-viser-fjernede': {
    krav: ['MK-2'],
    description:
      'Klientadministrasjonen viser partens klientrelasjoner som klientene til klientsystembrukeren: en klient som er fjernet eller aldri lagt til, står der likevel.',
  },
  'mine-klienter-gir-personen-agentens': {
    krav: ['MK-3'],
    description:
      'Access Managements «mine klienter» viser personen klientene leverandøren har lagt til på sine klientsystembrukere, som om de var personens egne.',
  },
  'agenter-feil-retning': {
    krav: ['MK-4'],
    description:
      'Klientadministrasjonens agentliste (clientdelegations/agents) leser agenttildelingene fra feil side (tildelinger til parten, ikke fra den): regnskapsførerens klientsystembruker står ikke blant agentene etter første klient.',
  },
  'klientadministrasjon-uten-partssjekk': {
    krav: ['MK-5'],
    description:
      'BFF-ens klientadministrasjon (clientdelegations/...) sjekker ikke at personen er klientadministrator i parten: klientens daglig leder leser regnskapsførerens agenter og klientene på dem.',
  },
  'rettighetshavere-feil-retning': {
    krav: ['MK-7'],
    description:
      'BFF-ens connection/rightholders sender from og to ombyttet videre til Access Management: klienten ser partene den selv har roller i, ikke rettighetshaverne sine, og regnskapsføreren mangler.',
  },
  'delegeringssjekk-sier-ja-til-alt': {
    krav: ['MK-6'],
    description:
      'Delegeringssjekken (accesspackage/delegationcheck) svarer ja for hver tilgangspakke, også de personen ikke kan delegere, som tilgangspakkene for regnskapsførere.',
  },
  // Broker integrity
  'broker-ignorer-md5': {
    krav: ['BR-6'],
    description:
      'Formidling sjekker ikke MD5-sjekksummen ved opplasting: en fil med feil innhold publiseres (ingen BRO-00009).',
  },
  'broker-hopper-over-pdp': {
    krav: ['PEP-1', 'BR-5'],
    description:
      'Formidlingstjenesten spør ikke PDP-en når en systembruker initialiserer, laster opp eller leser sin egen filoverføring: enhver systembruker med gyldig token slipper gjennom.',
  },
  // ---- Issue 15: what an outside probe found (features/sikkerhet/angrep-inndata.feature and others) ----
  'maskinporten-ignorer-nbf': {
    krav: ['SEC-2'],
    description:
      'Maskinporten godtar en grant før nbf (ikke gyldig før) er nådd.',
  },
  // Issue 20: lists are checked exactly (support/lists.ts)
  'systembrukerliste-mangler-nyeste': {
    krav: ['REQ-5'],
    description:
      'Systemleverandørens liste over systembrukere på systemet (bysystem) utelater den sist godkjente systembrukeren; byquery finner den fortsatt.',
  },
  'klientliste-neste-lenke-i-ring': {
    krav: ['KD-3', 'KD-4', 'KD-5', 'KD-6'],
    description:
      'Listen over klientene til en klientsystembruker har links.next på siste side, og lenken peker tilbake på første side: en klient som blar til slutten, går i ring.',
  },
  // Issue 20: answers are consistent with themselves and with the contract (support/answers.ts)
  'maskinporten-feil-expires-in': {
    krav: ['TOK-4'],
    description:
      'Maskinportens tokensvar sier expires_in 3600, men tokenet lever 120 sekunder (exp − iat): klienten tror tokenet varer lenger enn det gjør.',
  },
  'confirmurl-feil-foresporsel': {
    krav: ['REQ-1', 'REQ-6'],
    description:
      'confirmUrl i en forespørsel om systembruker (standard og klient) peker på godkjenningssiden med forespørselens externalRef som id, ikke forespørselens id.',
  },
  // Issue 20: writes are read back, and every documented guard is a scenario
  'slett-systembruker-beholder-token': {
    krav: ['REQ-10'],
    description:
      'Slettingen av en standard systembruker svarer 202 og systembrukeren er borte fra oppslagene, men Maskinporten utsteder fortsatt systembrukertoken for den.',
  },
  'klientsystembruker-med-klienter-svarer-slettet': {
    krav: ['REQ-11'],
    description:
      'Sletting av en klientsystembruker som fortsatt har klienter svarer 200 uten å slette noe: klientsystembrukeren og klientene består.',
  },
  'ny-foresporsel-for-eksisterende-systembruker': {
    krav: ['REQ-12'],
    description:
      'En forespørsel for en nøkkel som allerede har en aktiv systembruker, besvares med den godkjente forespørselen (200) i stedet for 400 AUTH-00004.',
  },
  'standard-sletting-godtar-klientsystembruker': {
    krav: ['REQ-13'],
    description:
      'Ruten for å slette standard systembrukere sletter også en klientsystembruker (202) i stedet for 400 AUTH-00036.',
  },
  'slettet-foresporsel-finnes-fortsatt': {
    krav: ['REQ-14'],
    description:
      'Systemleverandørens sletting av en forespørsel svarer 202, men forespørselen finnes fortsatt (på id og nøkkel).',
  },
} as const satisfies Record<string, FaultSpec>;

export type FaultName = keyof typeof FAULTS;

export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

/** The part of the configuration a fault check reads (ReferenceConfig has it; tests may pass less). */
export interface FaultConfig {
  faults?: ReadonlySet<string> | undefined;
}

/** Whether `name` is switched on. Call it at request time, never cache the answer. */
export function faultActive(config: FaultConfig | undefined, name: FaultName): boolean {
  return config?.faults?.has(name) === true;
}

export function isFaultName(name: string): name is FaultName {
  return Object.hasOwn(FAULTS, name);
}

/** A fault name that is not in the catalogue: the reference refuses to start. */
export class UnknownFaultError extends Error {
  override name = 'UnknownFaultError';

  constructor(readonly unknown: string[]) {
    super(
      `Unknown fault (--fault): ${unknown.join(', ')}. Known faults:\n${FAULT_NAMES.map((n) => `  ${n} — ${FAULTS[n].description}`).join('\n')}`,
    );
  }
}

/** Throws UnknownFaultError when any name is not in the catalogue. */
export function checkFaultNames(names: Iterable<string> | undefined): void {
  const unknown = [...(names ?? [])].filter((n) => !isFaultName(n));
  if (unknown.length > 0) throw new UnknownFaultError(unknown);
}
