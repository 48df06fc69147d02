# language: no
@scenario:1 @kapabilitet:systemregister @kapabilitet:agent-systembruker @kapabilitet:maskinporten @kapabilitet:mva
Egenskap: Registrert regnskapsfører rapporterer data for klient

  Brukerscenario 1, med rapportering av MVA som eksempel; Skatteetaten er tjenesteeieren for
  MVA-rapporteringen og tjeneste-API-et. Regnskapsføreren er registrert i
  Enhetsregisteret som regnskapsfører (REGN) for klienten, og har en klientsystembruker i et system
  som støtter MVA-rapportering. Regnskapsføreren legger til klienten på klientsystembrukeren, og
  tilgangene regnskapsførerrollen gir videredelegeres automatisk. Systemet henter et
  systembrukertoken for regnskapsføreren, som eier klientsystembrukeren (aldri for klienten), og
  sender MVA-rapport for klienten. Altinn Autorisasjon validerer tilgangen med klienten som part, og
  tjeneste-API-et godtar rapporten og returnerer en bekreftelse.

  Bakgrunn:
    Gitt at Skatteetaten har inkludert MVA-rapportering i tilgangspakkene for regnskapsførere

  Regel: MVA-rapportering ligger i tilgangspakker for regnskapsførere, som bare kan videredelegeres til en klientsystembruker

    @krav:SB-1.0 @krav:PDP-3
    Scenario: Systemleverandøren leser i ressursregisteret at tilgangspakkene for regnskapsførere gir MVA-rapportering
      Når systemleverandøren leser ressursen for MVA-rapportering i ressursregisteret
      Så ser systemleverandøren at ressursens policy krever tilgangspakken "Regnskapsfører med signeringsrettighet" for handlingen "write"
      Og ser systemleverandøren at ressursens policy krever tilgangspakken "Regnskapsfører uten signeringsrettighet" for handlingen "write"

    @krav:SB-1.0
    Scenario: Tilgangspakken for regnskapsførere kan videredelegeres til en klientsystembruker, men ikke tildeles direkte
      Når systemleverandøren slår opp tilgangspakken "Regnskapsfører med signeringsrettighet" i Altinns tilgangspakkekatalog
      Så ser systemleverandøren at tilgangspakken "Regnskapsfører med signeringsrettighet" kan videredelegeres til en klientsystembruker, men ikke tildeles direkte

  Regel: Regnskapsføreren får en klientsystembruker ved å godkjenne systemleverandørens forespørsel

    @krav:SB-1.0 @krav:REQ-6 @krav:REQ-7 @krav:KD-1 @kapabilitet:klientdelegering
    Scenario: Regnskapsføreren godkjenner en klientsystembruker med tilgangspakken for regnskapsførere
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren har anskaffet systemet hos systemleverandøren
      Når systemleverandøren ber om en klientsystembruker for regnskapsføreren med tilgangspakken "Regnskapsfører med signeringsrettighet"
      Så venter forespørselen om klientsystembruker fra systemleverandøren på godkjenning fra regnskapsføreren
      Når regnskapsføreren ved daglig leder godkjenner forespørselen om klientsystembruker fra systemleverandøren
      Så er forespørselen om klientsystembruker fra systemleverandøren godkjent av regnskapsføreren
      Og systemleverandøren finner klientsystembrukeren til regnskapsføreren
      Og regnskapsføreren finner klientsystembrukeren med tilgangspakken "Regnskapsfører med signeringsrettighet" blant sine klientsystembrukere

  Regel: En forespørsel om klientsystembruker har bare tilgangspakker, og minst én

    @krav:REQ-8 @vakt:AUTH-00058 @negativ
    Scenario: En forespørsel om klientsystembruker uten tilgangspakker avvises
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren har anskaffet systemet hos systemleverandøren
      Når systemleverandøren ber om en klientsystembruker for regnskapsføreren uten tilgangspakker
      Så avvises forespørselen om klientsystembruker fra systemleverandøren for regnskapsføreren med feilkoden AUTH-00058
      Og systemleverandøren finner ingen forespørsel om klientsystembruker for regnskapsføreren

    @krav:REQ-9 @negativ
    Scenario: En forespørsel om klientsystembruker med en enkeltrettighet avvises
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren har anskaffet systemet hos systemleverandøren
      Når systemleverandøren ber om en klientsystembruker for regnskapsføreren med tilgangspakken "Regnskapsfører med signeringsrettighet" og en enkeltrettighet på ressursen "samsvar-mva-rapportering"
      Så avvises forespørselen om klientsystembruker fra systemleverandøren for regnskapsføreren fordi den har enkeltrettigheter
      Og systemleverandøren finner ingen forespørsel om klientsystembruker for regnskapsføreren

  Regel: Regnskapsføreren legger til klienten, og systemet rapporterer MVA for klienten med regnskapsførerens klientsystembruker

    @krav:SB-1.0 @krav:SB-1.1 @krav:SB-1.2 @krav:SB-1.3 @krav:SB-1.4
    @krav:KD-2 @krav:KD-3 @krav:TOK-1 @krav:TOK-4 @krav:PEP-1 @krav:SVC-1
    @kapabilitet:klientdelegering
    Scenario: Regnskapsføreren legger til klienten, og systemet rapporterer MVA for klienten
      # Forutsetninger
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren er registrert i Enhetsregisteret som regnskapsfører for klienten
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakken "Regnskapsfører med signeringsrettighet"
      # Registreringen i Enhetsregisteret, lest tilbake fra Altinn: klienten er tilgjengelig for klientsystembrukeren
      Når regnskapsføreren ser hvilke klienter som er tilgjengelige for klientsystembrukeren
      Så er klienten tilgjengelig som klient for klientsystembrukeren til regnskapsføreren
      # Steg 1: Legge til klient (tilgangene videredelegeres automatisk)
      Når regnskapsføreren ved daglig leder legger til klienten på klientsystembrukeren
      Så er klienten lagt til på klientsystembrukeren til regnskapsføreren
      Og er tilgangene videredelegert til klientsystembrukeren til regnskapsføreren for klienten
      # Steg 2: Hente token
      Når systemet henter systembrukertoken fra Maskinporten for regnskapsføreren
      Så utsteder Maskinporten et systembrukertoken til systemet for regnskapsføreren
      # Steg 3: Rapportere data
      Når systemet sender MVA-rapport for klienten med systembrukertokenet for regnskapsføreren
      # Steg 4: Godkjenning og bekreftelse
      Så validerer Altinn Autorisasjon tilgangen når tjeneste-API-et spør om systembrukeren til regnskapsføreren kan rapportere MVA for klienten, og gir tilgang
      Og godtar tjeneste-API-et rapporten fra systemet for klienten og returnerer en bekreftelse

  Regel: Altinn Autorisasjon gir klientsystembrukeren tilgang for klienten den er lagt til for

    @krav:PDP-4 @kapabilitet:klientdelegering @kapabilitet:pdp
    Scenario: Altinn Autorisasjon gir klientsystembrukeren tilgang til å rapportere MVA for klienten når Skatteetaten spør
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren er registrert i Enhetsregisteret som regnskapsfører for klienten
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren har lagt til klienten på klientsystembrukeren
      Når Skatteetaten spør Altinn Autorisasjon om systembrukeren til regnskapsføreren kan rapportere MVA for klienten
      Så svarer Altinn Autorisasjon Skatteetaten at systembrukeren får tilgang

  Regel: Bare en klient med regnskapsførerrollen eller en delegering kan legges til, og klienten må gi alle tilgangspakkene

    @krav:SB-1.1 @krav:KD-2 @krav:KD-4 @vakt:AUTH-00079 @negativ @kapabilitet:klientdelegering
    Scenario: En klient uten regnskapsførerrolle i Enhetsregisteret og uten delegering kan ikke legges til
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakken "Regnskapsfører med signeringsrettighet"
      Men regnskapsføreren er ikke registrert i Enhetsregisteret som regnskapsfører for klienten
      Når regnskapsføreren ser hvilke klienter som er tilgjengelige for klientsystembrukeren
      Så er klienten ennå ikke tilgjengelig som klient for klientsystembrukeren til regnskapsføreren
      Når regnskapsføreren ved daglig leder legger til klienten på klientsystembrukeren
      Så avviser Altinn at klienten legges til på klientsystembrukeren til regnskapsføreren, med feilkoden AUTH-00079
      Og er klienten ikke lagt til på klientsystembrukeren til regnskapsføreren

    @krav:SB-1.1 @krav:KD-2 @krav:KD-5 @vakt:AUTH-00080 @negativ @kapabilitet:klientdelegering
    Scenario: En klient som bare gir regnskapsførerrollen, kan ikke legges til en klientsystembruker som også krever "Merverdiavgift"
      Gitt at systemleverandøren har registrert et system som krever tilgangspakkene "Regnskapsfører med signeringsrettighet" og "Merverdiavgift"
      Og at regnskapsføreren er registrert i Enhetsregisteret som regnskapsfører for klienten
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakkene "Regnskapsfører med signeringsrettighet" og "Merverdiavgift"
      Når regnskapsføreren ser hvilke klienter som er tilgjengelige for klientsystembrukeren
      Så er klienten tilgjengelig som klient for klientsystembrukeren til regnskapsføreren
      Når regnskapsføreren ved daglig leder legger til klienten på klientsystembrukeren
      Så avviser Altinn at klienten legges til på klientsystembrukeren til regnskapsføreren, med feilkoden AUTH-00080
      Og er klienten ikke lagt til på klientsystembrukeren til regnskapsføreren

  Regel: Når klienten fjernes fra klientsystembrukeren, slutter tilgangen for klienten

    @krav:SB-1.4 @krav:KD-6 @krav:SVC-2 @krav:PDP-2 @negativ @kapabilitet:klientdelegering @kapabilitet:pdp
    Scenario: Etter at klienten er fjernet, avviser tjeneste-API-et rapporten med det samme tokenet
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren er registrert i Enhetsregisteret som regnskapsfører for klienten
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren har lagt til klienten på klientsystembrukeren
      Og at systemet har hentet systembrukertoken fra Maskinporten for regnskapsføreren
      Når regnskapsføreren ved daglig leder fjerner klienten fra klientsystembrukeren
      Så er klienten fjernet fra klientsystembrukeren til regnskapsføreren
      Når systemet sender MVA-rapport for klienten med systembrukertokenet for regnskapsføreren
      Og Skatteetaten spør Altinn Autorisasjon om systembrukeren til regnskapsføreren kan rapportere MVA for klienten
      Så avviser tjeneste-API-et rapporten fra systemet for klienten med feilkoden MVA-00003
      Og svarer Altinn Autorisasjon Skatteetaten at systembrukeren ikke får tilgang

  Regel: En klientsystembruker slettes bare på sin egen rute, og slettes den mens den har klienter, fjernes klientene med den

    @krav:REQ-11 @krav:REQ-7 @krav:KD-3 @krav:PDP-2 @negativ @kapabilitet:klientdelegering @kapabilitet:pdp
    Scenario: Regnskapsføreren sletter klientsystembrukeren mens klienten er lagt til på den, og systembrukeren mister tilgangen for klienten
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren er registrert i Enhetsregisteret som regnskapsfører for klienten
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren har lagt til klienten på klientsystembrukeren
      Når regnskapsføreren ved daglig leder sletter klientsystembrukeren fra systemleverandøren
      Så er klientsystembrukeren til regnskapsføreren slettet med klientene, og systemleverandøren finner den ikke lenger
      Når Skatteetaten spør Altinn Autorisasjon om systembrukeren til regnskapsføreren kan rapportere MVA for klienten
      Så svarer Altinn Autorisasjon Skatteetaten at systembrukeren ikke får tilgang

    @krav:REQ-13 @krav:REQ-7 @vakt:AUTH-00036 @negativ
    Scenario: En klientsystembruker kan ikke slettes på ruten for standard systembrukere
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakken "Regnskapsfører med signeringsrettighet"
      Når regnskapsføreren ved daglig leder sletter klientsystembrukeren fra systemleverandøren som om den var en standard systembruker
      Så avviser Altinn slettingen fordi klientsystembrukeren til regnskapsføreren ikke er en standard systembruker
      Og systemleverandøren finner klientsystembrukeren til regnskapsføreren

  Regel: Regnskapsføreren ser i Altinns klientadministrasjon hvilke klienter klientsystembrukeren handler for, og med hvilke tilgangspakker

    @krav:MK-1 @kapabilitet:klientdelegering @kapabilitet:am-bff
    Scenario: Etter at klienten er lagt til, ser regnskapsføreren den blant klientene til klientsystembrukeren med tilgangspakken
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren er registrert i Enhetsregisteret som regnskapsfører for klienten
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren har lagt til klienten på klientsystembrukeren
      Når regnskapsføreren ved daglig leder ser på klientene til klientsystembrukeren i Altinns klientadministrasjon
      Så ser regnskapsføreren klienten blant klientene til klientsystembrukeren, med tilgangspakken "Regnskapsfører med signeringsrettighet"

    @krav:MK-2 @negativ @kapabilitet:klientdelegering @kapabilitet:am-bff
    Scenario: En klient som ikke er lagt til, eller som er fjernet, står ikke blant klientene til klientsystembrukeren
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren er registrert i Enhetsregisteret som regnskapsfører for klienten
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakken "Regnskapsfører med signeringsrettighet"
      Når regnskapsføreren ved daglig leder ser på klientene til klientsystembrukeren i Altinns klientadministrasjon
      Så ser regnskapsføreren ikke klienten blant klientene til klientsystembrukeren
      Når regnskapsføreren ved daglig leder legger til klienten på klientsystembrukeren
      Og regnskapsføreren ved daglig leder fjerner klienten fra klientsystembrukeren
      Og regnskapsføreren ved daglig leder ser på klientene til klientsystembrukeren i Altinns klientadministrasjon
      Så ser regnskapsføreren ikke klienten blant klientene til klientsystembrukeren

    @krav:MK-4 @krav:MK-1 @kapabilitet:klientdelegering @kapabilitet:am-bff
    Scenario: Når den første klienten er lagt til, står klientsystembrukeren blant regnskapsførerens agenter
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren er registrert i Enhetsregisteret som regnskapsfører for klienten
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakken "Regnskapsfører med signeringsrettighet"
      Når regnskapsføreren ved daglig leder legger til klienten på klientsystembrukeren
      Og regnskapsføreren ved daglig leder ser på agentene sine i Altinns klientadministrasjon
      Så står klientsystembrukeren blant agentene til regnskapsføreren, med rollen agent
      Når regnskapsføreren ved daglig leder ser på klientene til klientsystembrukeren i Altinns klientadministrasjon
      Så ser regnskapsføreren klienten blant klientene til klientsystembrukeren, med tilgangspakken "Regnskapsfører med signeringsrettighet"

  Regel: Bare regnskapsførerens egne klientadministratorer ser regnskapsførerens agenter og klientene på dem

    @krav:MK-5 @negativ @kapabilitet:klientdelegering @kapabilitet:am-bff
    Scenario: Daglig leder i klienten får ikke se regnskapsførerens agenter eller klientene på klientsystembrukeren
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren er registrert i Enhetsregisteret som regnskapsfører for klienten
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren har lagt til klienten på klientsystembrukeren
      Når daglig leder i klienten prøver å se agentene til regnskapsføreren og klientene på klientsystembrukeren i Altinns klientadministrasjon
      Så avviser Altinn begge oppslagene i klientadministrasjonen til regnskapsføreren

  Regel: Klientens daglig leder ser i Altinn hvilke tilgangspakker den kan gi videre, og regnskapsføreren blant rettighetshaverne

    @krav:MK-6 @krav:MK-7 @kapabilitet:am-bff
    Scenario: Daglig leder i klienten kan delegere "Merverdiavgift", men ikke tilgangspakkene for regnskapsførere, og ser regnskapsføreren som rettighetshaver
      Gitt at regnskapsføreren er registrert i Enhetsregisteret som regnskapsfører for klienten
      Når daglig leder i klienten sjekker i Altinn hvilke tilgangspakker den kan delegere
      Så kan daglig leder i klienten delegere tilgangspakken "Merverdiavgift"
      Og kan daglig leder i klienten ikke delegere tilgangspakken "Regnskapsfører med signeringsrettighet"
      Når daglig leder i klienten ser på rettighetshaverne til virksomheten i Altinn
      Så står regnskapsføreren blant rettighetshaverne til klienten, med rollen regnskapsforer

  Regel: En klient lagt til på klientsystembrukeren er systembrukerens, ikke daglig leders egen klient

    @krav:MK-3 @negativ @kapabilitet:klientdelegering
    Scenario: Daglig leder hos regnskapsføreren har ikke klienten blant «mine klienter» når den er lagt til på klientsystembrukeren
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren er registrert i Enhetsregisteret som regnskapsfører for klienten
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren har lagt til klienten på klientsystembrukeren
      Når daglig leder hos regnskapsføreren ser på «mine klienter» i Altinn
      Så har daglig leder hos regnskapsføreren ikke klienten blant «mine klienter»

  Regel: Systembrukertokenet hentes for regnskapsføreren, som eier klientsystembrukeren, aldri for klienten

    @krav:SB-1.2 @krav:TOK-3 @negativ @kapabilitet:klientdelegering
    Scenario: Et systembrukertoken bedt om med klientens organisasjonsnummer avvises av Maskinporten
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren er registrert i Enhetsregisteret som regnskapsfører for klienten
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren har lagt til klienten på klientsystembrukeren
      Når systemet henter systembrukertoken fra Maskinporten for klienten
      Så avviser Maskinporten tokenforespørselen fra systemet for klienten med feilen "invalid_altinn_customer_configuration" og feilkoden MP-303

  Regel: Bare en klientsystembruker kan handle for regnskapsførerens klienter; en standard systembruker gjelder bare eieren

    @krav:SB-1.4 @krav:SVC-2 @krav:PDP-2 @negativ @kapabilitet:standard-systembruker @kapabilitet:pdp
    Scenario: En standard systembruker hos regnskapsføreren kan ikke rapportere MVA for klienten
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Merverdiavgift"
      Og at regnskapsføreren er registrert i Enhetsregisteret som regnskapsfører for klienten
      Og at regnskapsføreren har godkjent en systembruker for systemet til systemleverandøren med tilgangspakken "Merverdiavgift"
      Og at systemet har hentet systembrukertoken fra Maskinporten for regnskapsføreren
      Når systemet sender MVA-rapport for klienten med systembrukertokenet for regnskapsføreren
      Og Skatteetaten spør Altinn Autorisasjon om systembrukeren til regnskapsføreren kan rapportere MVA for klienten
      Så avviser tjeneste-API-et rapporten fra systemet for klienten med feilkoden MVA-00003
      Og svarer Altinn Autorisasjon Skatteetaten at systembrukeren ikke får tilgang
