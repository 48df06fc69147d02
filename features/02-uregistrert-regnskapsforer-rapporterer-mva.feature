# language: no
@scenario:2 @kapabilitet:systemregister @kapabilitet:agent-systembruker @kapabilitet:maskinporten @kapabilitet:mva
Egenskap: Uregistrert regnskapsfører rapporterer data for klient

  Brukerscenario 2, med rapportering av MVA som eksempel; Skatteetaten er tjenesteeieren for
  MVA-rapporteringen og tjeneste-API-et. Kunden er ikke registrert som klient hos
  regnskapsføreren i Enhetsregisteret. Regnskapsføreren har sin egen klientsystembruker med
  tilgangspakken "Merverdiavgift" (en annen systembruker enn i scenario 1, som brukerscenarioet
  tillater). Regnskapsføreren ber kunden om å delegere tilgangspakken; kundens daglig leder gjør
  regnskapsføreren til rettighetshaver og gir den tilgangspakken i Altinn. Deretter legger
  regnskapsføreren til kunden som klient, tilgangen videredelegeres til klientsystembrukeren, og
  systemet rapporterer MVA for klienten med et systembrukertoken for regnskapsføreren.

  Bakgrunn:
    Gitt at Skatteetaten har inkludert MVA-rapportering i tilgangspakken "Merverdiavgift"

  Regel: MVA-rapportering ligger i en tilgangspakke kunden kan delegere til regnskapsføreren, og som regnskapsføreren kan videredelegere

    @krav:SB-2.0
    Scenario: Tilgangspakken "Merverdiavgift" kan tildeles en regnskapsfører og videredelegeres til en klientsystembruker
      Når systemleverandøren slår opp tilgangspakken "Merverdiavgift" i Altinns tilgangspakkekatalog
      Så ser systemleverandøren at tilgangspakken "Merverdiavgift" kan tildeles en regnskapsfører og videredelegeres til en klientsystembruker

  Regel: Kunden delegerer i Altinn, regnskapsføreren legger til kunden som klient, og systemet rapporterer MVA for klienten

    @krav:SB-2.0 @krav:SB-2.1 @krav:SB-2.2 @krav:SB-2.3 @krav:SB-2.4 @krav:SB-2.5 @krav:SB-2.6
    @krav:KD-2 @krav:KD-3 @krav:KD-7 @krav:TOK-1 @krav:TOK-4 @krav:PEP-1 @krav:SVC-1
    @kapabilitet:klientdelegering
    Scenario: Kunden delegerer "Merverdiavgift" til regnskapsføreren, og systemet rapporterer MVA for klienten
      # Forutsetninger
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Merverdiavgift"
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakken "Merverdiavgift"
      Men regnskapsføreren er ikke registrert i Enhetsregisteret som regnskapsfører for kunden
      # Steg 1: Forespørsel om delegering. Selve henvendelsen til kunden skjer utenfor Altinn i denne
      # suiten; i Altinn ser regnskapsføreren at kunden ennå ikke kan legges til som klient.
      Når regnskapsføreren ber kunden om å delegere tilgangspakken "Merverdiavgift"
      Så er kunden ennå ikke tilgjengelig som klient for klientsystembrukeren til regnskapsføreren
      # Steg 2: Delegering i Altinn
      Når kunden ved daglig leder gjør regnskapsføreren til rettighetshaver i Altinn
      Og kunden ved daglig leder gir regnskapsføreren tilgangspakken "Merverdiavgift" i Altinn
      Så har regnskapsføreren fått tilgangspakken "Merverdiavgift" fra kunden i Altinn
      Når regnskapsføreren ser hvilke klienter som er tilgjengelige for klientsystembrukeren
      Så er kunden tilgjengelig som klient for klientsystembrukeren til regnskapsføreren
      # Steg 3: Legge til klient (tilgangene videredelegeres)
      Når regnskapsføreren ved daglig leder legger til klienten på klientsystembrukeren
      Så er klienten lagt til på klientsystembrukeren til regnskapsføreren
      Og er tilgangene videredelegert til klientsystembrukeren til regnskapsføreren for klienten
      # Steg 4: Hente token
      Når systemet henter systembrukertoken fra Maskinporten for regnskapsføreren
      Så utsteder Maskinporten et systembrukertoken til systemet for regnskapsføreren
      # Steg 5: Rapportere data
      Når systemet sender MVA-rapport for klienten med systembrukertokenet for regnskapsføreren
      # Steg 6: Godkjenning og bekreftelse
      Så validerer Altinn Autorisasjon tilgangen når tjeneste-API-et spør om systembrukeren til regnskapsføreren kan rapportere MVA for klienten, og gir tilgang
      Og godtar tjeneste-API-et rapporten fra systemet for klienten og returnerer en bekreftelse

  Regel: Altinn Autorisasjon gir klientsystembrukeren tilgang for en kunde som har delegert "Merverdiavgift" og er lagt til som klient

    @krav:PDP-4 @kapabilitet:klientdelegering @kapabilitet:pdp
    Scenario: Altinn Autorisasjon gir klientsystembrukeren tilgang til å rapportere MVA for kunden når Skatteetaten spør
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Merverdiavgift"
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakken "Merverdiavgift"
      Og at kunden ved daglig leder har gitt regnskapsføreren tilgangspakken "Merverdiavgift" i Altinn
      Og at regnskapsføreren har lagt til kunden på klientsystembrukeren
      Når Skatteetaten spør Altinn Autorisasjon om systembrukeren til regnskapsføreren kan rapportere MVA for kunden
      Så svarer Altinn Autorisasjon Skatteetaten at systembrukeren får tilgang

  Regel: Uten delegering fra kunden kan ikke kunden legges til som klient

    @krav:SB-2.3 @krav:KD-4 @vakt:AUTH-00079 @negativ @kapabilitet:klientdelegering
    Scenario: En kunde som ikke har delegert noe til regnskapsføreren, kan ikke legges til
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Merverdiavgift"
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakken "Merverdiavgift"
      Men regnskapsføreren er ikke registrert i Enhetsregisteret som regnskapsfører for kunden
      Når regnskapsføreren ved daglig leder legger til kunden på klientsystembrukeren
      Så avviser Altinn at kunden legges til på klientsystembrukeren til regnskapsføreren, med feilkoden AUTH-00079
      Og er kunden ikke lagt til på klientsystembrukeren til regnskapsføreren

    @krav:SB-2.3 @krav:KD-2 @krav:KD-5 @vakt:AUTH-00080 @negativ @kapabilitet:klientdelegering
    Scenario: En kunde som bare har delegert "Merverdiavgift", kan ikke legges til en klientsystembruker som også krever regnskapsførerrollen
      Gitt at systemleverandøren har registrert et system som krever tilgangspakkene "Regnskapsfører med signeringsrettighet" og "Merverdiavgift"
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakkene "Regnskapsfører med signeringsrettighet" og "Merverdiavgift"
      Og at kunden ved daglig leder har gitt regnskapsføreren tilgangspakken "Merverdiavgift" i Altinn
      Når regnskapsføreren ser hvilke klienter som er tilgjengelige for klientsystembrukeren
      Så er kunden tilgjengelig som klient for klientsystembrukeren til regnskapsføreren
      Når regnskapsføreren ved daglig leder legger til kunden på klientsystembrukeren
      Så avviser Altinn at kunden legges til på klientsystembrukeren til regnskapsføreren, med feilkoden AUTH-00080
      Og er kunden ikke lagt til på klientsystembrukeren til regnskapsføreren

  Regel: Tilgangspakkene for regnskapsførere følger bare av regnskapsførerrollen i Enhetsregisteret; kunden kan ikke gi dem

    @krav:SB-2.2 @krav:KD-8 @negativ @kapabilitet:klientdelegering
    Scenario: Kunden kan ikke gi regnskapsføreren en tilgangspakke for regnskapsførere
      Gitt at kunden ved daglig leder har gjort regnskapsføreren til rettighetshaver i Altinn
      Når kunden ved daglig leder gir regnskapsføreren tilgangspakken "Regnskapsfører med signeringsrettighet" i Altinn
      Så avviser Altinn at kunden gir regnskapsføreren tilgangspakken "Regnskapsfører med signeringsrettighet", med feilkoden AM.VLD-00026
      Og har regnskapsføreren ikke fått tilgangspakken "Regnskapsfører med signeringsrettighet" fra kunden i Altinn
