# language: no
@scenario:3 @kapabilitet:systemregister @kapabilitet:standard-systembruker @kapabilitet:maskinporten
Egenskap: Virksomhet rapporterer egne data via systembruker

  Brukerscenario 3, med rapportering av MVA som eksempel; Skatteetaten er tjenesteeieren for
  MVA-rapporteringen og tjeneste-API-et. Virksomheten anskaffer et
  rapporteringssystem hos en systemleverandør og godkjenner en systembruker med tilgangspakken
  "Merverdiavgift". Systemet sender MVA-rapport for virksomheten med et systembrukertoken fra
  Maskinporten; Altinn Autorisasjon validerer tilgangen, og tjeneste-API-et godtar rapporten og
  returnerer en bekreftelse.

  Bakgrunn:
    Gitt at Skatteetaten har inkludert MVA-rapportering i tilgangspakken "Merverdiavgift"
    Og at systemleverandøren har registrert et system som krever tilgangspakken "Merverdiavgift"

  Regel: MVA-rapportering ligger i en tilgangspakke som kan tildeles systembrukeren til virksomheten

    @krav:SB-3.0 @kapabilitet:mva
    Scenario: Tilgangspakken for MVA-rapportering kan tildeles en systembruker for virksomheten
      Når systemleverandøren slår opp tilgangspakken "Merverdiavgift" i Altinns tilgangspakkekatalog
      Så ser systemleverandøren at tilgangspakken "Merverdiavgift" kan tildeles direkte til en systembruker

  Regel: Virksomheten får en systembruker med tilgangspakkene den godkjenner, og systemet rapporterer med den

    @krav:SB-3.1 @krav:SB-3.2 @krav:SB-3.3 @krav:SB-3.4 @krav:SB-3.5
    @krav:REQ-1 @krav:REQ-3 @krav:REQ-5 @krav:TOK-1 @krav:TOK-4 @krav:PEP-1 @krav:SVC-1
    @kapabilitet:mva
    Scenario: Virksomheten godkjenner systembrukeren, og systemet rapporterer MVA for virksomheten
      # Steg 1: Anskaffelse av system
      Gitt at virksomheten har anskaffet systemet hos systemleverandøren
      # Steg 2: Forespørsel om systembruker
      Når systemleverandøren ber om en systembruker for virksomheten med tilgangspakken "Merverdiavgift"
      Så venter forespørselen fra systemleverandøren på godkjenning fra virksomheten
      # Steg 3: Godkjenning og opprettelse
      Når virksomheten ved daglig leder godkjenner forespørselen fra systemleverandøren
      Så er forespørselen fra systemleverandøren godkjent av virksomheten med tilgangspakken "Merverdiavgift"
      Og systemleverandøren finner systembrukeren til virksomheten
      Og har systembrukeren til virksomheten fått tilgangspakken "Merverdiavgift"
      # Steg 4: Rapportering
      Når systemet henter systembrukertoken fra Maskinporten for virksomheten
      Så utsteder Maskinporten et systembrukertoken til systemet for virksomheten
      Når systemet sender MVA-rapport for virksomheten til tjeneste-API-et
      # Steg 5: Godkjenning og bekreftelse
      Så validerer Altinn Autorisasjon tilgangen når tjeneste-API-et spør om systembrukeren til virksomheten kan rapportere MVA for virksomheten, og gir tilgang
      Og godtar tjeneste-API-et rapporten fra systemet for virksomheten og returnerer en bekreftelse

  Regel: Altinn Autorisasjon gir systembrukeren tilgang for virksomheten som har godkjent den

    @krav:PDP-1 @kapabilitet:pdp
    Scenario: Altinn Autorisasjon gir systembrukeren tilgang til å rapportere MVA for virksomheten når Skatteetaten spør
      Gitt at virksomheten har godkjent en systembruker for systemet til systemleverandøren med tilgangspakken "Merverdiavgift"
      Når Skatteetaten spør Altinn Autorisasjon om systembrukeren til virksomheten kan rapportere MVA for virksomheten
      Så svarer Altinn Autorisasjon Skatteetaten at systembrukeren får tilgang

  Regel: Samme forespørsel sendt på nytt gir den samme forespørselen, ikke en ny

    @krav:SB-3.2 @krav:REQ-2 @negativ
    Scenario: Samme forespørsel om systembruker sendt to ganger gir den samme forespørselen
      Gitt at virksomheten har anskaffet systemet hos systemleverandøren
      Når systemleverandøren ber om en systembruker for virksomheten med tilgangspakken "Merverdiavgift"
      Og systemleverandøren sender den samme forespørselen for virksomheten på nytt
      Så får systemleverandøren den samme forespørselen tilbake for virksomheten

  Regel: Uten en godkjent systembruker utsteder Maskinporten intet systembrukertoken

    @krav:SB-3.3 @krav:REQ-4 @krav:REQ-5 @krav:TOK-2 @negativ
    Scenario: En forespørsel virksomheten avviser, gir ingen systembruker og intet token
      Gitt at virksomheten har anskaffet systemet hos systemleverandøren
      Og at systemleverandøren har bedt om en systembruker for virksomheten med tilgangspakken "Merverdiavgift"
      Når virksomheten ved daglig leder avviser forespørselen fra systemleverandøren
      Så er forespørselen fra systemleverandøren avvist av virksomheten
      Og systemleverandøren finner ingen systembruker for virksomheten
      Når systemet henter systembrukertoken fra Maskinporten for virksomheten
      Så avviser Maskinporten tokenforespørselen fra systemet for virksomheten med feilen "invalid_altinn_customer_configuration" og feilkoden MP-303

    @krav:SB-3.4 @krav:TOK-2 @negativ
    Scenario: En virksomhet som ikke har godkjent noen systembruker, får ikke systembrukertoken
      Gitt at virksomheten har anskaffet systemet hos systemleverandøren
      Men virksomheten har ikke godkjent noen systembruker for systemet
      Når systemet henter systembrukertoken fra Maskinporten for virksomheten
      Så avviser Maskinporten tokenforespørselen fra systemet for virksomheten med feilen "invalid_altinn_customer_configuration" og feilkoden MP-303

  Regel: En virksomhet har én systembruker for systemet: en ny forespørsel for den samme avvises

    @krav:REQ-12 @krav:REQ-5 @vakt:AUTH-00004 @negativ
    Scenario: En ny forespørsel for en virksomhet som allerede har systembrukeren, avvises
      Gitt at virksomheten har godkjent en systembruker for systemet til systemleverandøren med tilgangspakken "Merverdiavgift"
      Når systemleverandøren ber om en systembruker for virksomheten med tilgangspakken "Merverdiavgift"
      Så avvises forespørselen fra systemleverandøren fordi virksomheten allerede har en systembruker for systemet
      Og systemleverandøren finner systembrukeren til virksomheten

  Regel: En forespørsel systemleverandøren sletter, er borte

    @krav:REQ-14 @negativ
    Scenario: Systemleverandøren sletter en forespørsel som venter, og forespørselen finnes ikke lenger
      Gitt at virksomheten har anskaffet systemet hos systemleverandøren
      Og at systemleverandøren har bedt om en systembruker for virksomheten med tilgangspakken "Merverdiavgift"
      Når systemleverandøren sletter forespørselen for virksomheten
      Så er forespørselen for virksomheten slettet, og systemleverandøren finner den ikke lenger

  Regel: En systembruker virksomheten sletter, er borte, og Maskinporten utsteder ikke lenger token for den

    @krav:REQ-10 @negativ
    Scenario: Virksomheten sletter systembrukeren, og systemet får ikke lenger systembrukertoken
      Gitt at virksomheten har godkjent en systembruker for systemet til systemleverandøren med tilgangspakken "Merverdiavgift"
      Og at systemet har hentet systembrukertoken fra Maskinporten for virksomheten
      Når virksomheten ved daglig leder sletter systembrukeren fra systemleverandøren
      Så er systembrukeren til virksomheten slettet, og systemleverandøren finner den ikke lenger
      Når systemet henter systembrukertoken fra Maskinporten for virksomheten
      Så avviser Maskinporten tokenforespørselen fra systemet for virksomheten med feilen "invalid_altinn_customer_configuration" og feilkoden MP-303

  Regel: Tjeneste-API-et godtar bare rapporter for en part systembrukeren har fått tilgang for

    @krav:SB-3.5 @krav:SVC-2 @krav:PDP-2 @negativ @kapabilitet:pdp @kapabilitet:mva
    Scenario: En rapport for en annen virksomhet avvises, og Altinn Autorisasjon gir ikke tilgang
      Gitt at virksomheten har godkjent en systembruker for systemet til systemleverandøren med tilgangspakken "Merverdiavgift"
      Og at systemet har hentet systembrukertoken fra Maskinporten for virksomheten
      Når systemet sender MVA-rapport for den andre virksomheten med systembrukertokenet for virksomheten
      Og Skatteetaten spør Altinn Autorisasjon om systembrukeren til virksomheten kan rapportere MVA for den andre virksomheten
      Så avviser tjeneste-API-et rapporten fra systemet for den andre virksomheten med feilkoden MVA-00003
      Og svarer Altinn Autorisasjon Skatteetaten at systembrukeren ikke får tilgang

  Regel: Tjeneste-API-et godtar bare gyldige systembrukertoken utstedt av Maskinporten

    @krav:SB-3.5 @krav:SVC-3 @negativ @kapabilitet:mva @kapabilitet:testdata-api
    Scenario: Et utløpt systembrukertoken avvises av tjeneste-API-et
      Gitt at virksomheten har godkjent en systembruker for systemet til systemleverandøren med tilgangspakken "Merverdiavgift"
      Og at systemet har et utløpt systembrukertoken for virksomheten
      Når systemet sender MVA-rapport for virksomheten til tjeneste-API-et
      Så avviser tjeneste-API-et rapporten fra systemet for virksomheten fordi tokenet ikke er gyldig

    @krav:SB-3.5 @krav:SVC-4 @negativ @kapabilitet:mva
    Scenario: Et systembrukertoken signert av en annen enn Maskinporten avvises av tjeneste-API-et
      Gitt at virksomheten har godkjent en systembruker for systemet til systemleverandøren med tilgangspakken "Merverdiavgift"
      Og at systemet har et systembrukertoken for virksomheten som er signert av en annen enn Maskinporten
      Når systemet sender MVA-rapport for virksomheten til tjeneste-API-et
      Så avviser tjeneste-API-et rapporten fra systemet for virksomheten fordi tokenet ikke er gyldig

  Regel: Tjeneste-API-et spør Altinn Autorisasjon om nøyaktig det systemet ber om: systembrukeren, ressursen, handlingen og parten

    @krav:SB-3.5 @krav:SVC-5 @kapabilitet:mva @kapabilitet:testdata-api
    Scenario: Tjeneste-API-et spør om systembrukeren kan skrive MVA-rapport for virksomheten rapporten gjelder
      Gitt at virksomheten har godkjent en systembruker for systemet til systemleverandøren med tilgangspakken "Merverdiavgift"
      Og at systemet har hentet systembrukertoken fra Maskinporten for virksomheten
      Når systemet sender MVA-rapport for virksomheten til tjeneste-API-et
      Så godtar tjeneste-API-et rapporten fra systemet for virksomheten og returnerer en bekreftelse
      Og Skatteetaten ser i beslutningsloggen til Altinn Autorisasjon at tjeneste-API-et spurte om systembrukeren i rapporten fra systemet kan skrive MVA-rapport for virksomheten, og fikk svaret at systembrukeren får tilgang

    @krav:SB-3.5 @krav:SVC-2 @krav:SVC-5 @negativ @kapabilitet:mva @kapabilitet:testdata-api
    Scenario: Tjeneste-API-et spør om parten rapporten gjelder, også når det er en annen virksomhet enn systembrukerens
      Gitt at virksomheten har godkjent en systembruker for systemet til systemleverandøren med tilgangspakken "Merverdiavgift"
      Og at systemet har hentet systembrukertoken fra Maskinporten for virksomheten
      Når systemet sender MVA-rapport for den andre virksomheten med systembrukertokenet for virksomheten
      Så avviser tjeneste-API-et rapporten fra systemet for den andre virksomheten med feilkoden MVA-00003
      Og Skatteetaten ser i beslutningsloggen til Altinn Autorisasjon at tjeneste-API-et spurte om systembrukeren i rapporten fra systemet kan skrive MVA-rapport for den andre virksomheten, og fikk svaret at systembrukeren ikke får tilgang
