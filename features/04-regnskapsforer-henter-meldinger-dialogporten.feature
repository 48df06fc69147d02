# language: no
@scenario:4 @kapabilitet:dialogporten @kapabilitet:maskinporten
Egenskap: Registrert regnskapsfører henter meldinger sendt til klient via Dialogporten

  Brukerscenario 4. Tjenesteeieren har knyttet leserettigheten for meldingene sine til
  tilgangspakkene for regnskapsførere, og sender meldinger (dialoger med forsendelser) til klienten i
  Dialogporten. Systemleverandøren har en meldingstjeneste i systemet som krever tilgangspakken for
  regnskapsførere, og scopene for Dialogporten og Altinns meldingstjenester. Regnskapsføreren
  godkjenner en klientsystembruker og legger til klienten på den (et steg brukerscenarioet
  forutsetter uten å skrive det). Systemet henter
  et systembrukertoken for regnskapsføreren og henter meldingene til klienten fra Dialogporten: søk
  på klienten som part, deretter hver melding med forsendelsene. Altinn Autorisasjon validerer
  tilgangen, og Dialogporten returnerer meldingene. Hvert svar fra Dialogporten sjekkes mot
  Dialogportens offisielle OpenAPI-skjema.

  Bakgrunn:
    Gitt at tjenesteeieren har knyttet leserettighet for meldinger til tilgangspakkene for regnskapsførere

  Regel: Regnskapsførerens klientsystembruker henter klientens meldinger fra Dialogporten

    @krav:SB-4.0 @krav:SB-4.1 @krav:SB-4.2 @krav:SB-4.3 @krav:SB-4.4 @krav:SB-4.5
    @krav:REQ-6 @krav:REQ-7 @krav:KD-3 @krav:TOK-1 @krav:TOK-4 @krav:PEP-1 @krav:DP-1 @krav:DP-2 @krav:DP-6
    @kapabilitet:systemregister @kapabilitet:agent-systembruker @kapabilitet:klientdelegering @implisitt
    Scenario: Regnskapsføreren godkjenner en klientsystembruker, og systemet henter klientens meldinger fra Dialogporten
      # Forutsetninger
      Gitt at regnskapsføreren er registrert i Enhetsregisteret som regnskapsfører for klienten
      Og at tjenesteeieren har sendt 2 meldinger til klienten i Dialogporten
      Og at systemleverandøren har definert en meldingstjeneste i systemet som krever tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at systemleverandøren har scopet "digdir:dialogporten" for Dialogporten i Maskinporten
      Og at systemleverandøren har scopet "altinn:correspondence.read" for Altinns meldingstjenester i Maskinporten
      Og at regnskapsføreren har anskaffet systemet hos systemleverandøren
      # Steg 1: Forespørsel om systembruker med krav om meldingstilgang
      Når systemleverandøren ber om en klientsystembruker for regnskapsføreren med tilgangspakken "Regnskapsfører med signeringsrettighet"
      Så venter forespørselen om klientsystembruker fra systemleverandøren på godkjenning fra regnskapsføreren
      # Steg 2: Godkjenning
      Når regnskapsføreren ved daglig leder godkjenner forespørselen om klientsystembruker fra systemleverandøren
      Så er forespørselen om klientsystembruker fra systemleverandøren godkjent av regnskapsføreren
      # @implisitt — brukerscenarioet forutsetter, men skriver ikke, at klienten legges til på
      # klientsystembrukeren; uten det gir ikke regnskapsførerpakken tilgang til klientens meldinger.
      Når regnskapsføreren ved daglig leder legger til klienten på klientsystembrukeren
      Så er klienten lagt til på klientsystembrukeren til regnskapsføreren
      # Steg 3: Hente token
      Når systemet henter systembrukertoken for Dialogporten fra Maskinporten for regnskapsføreren
      Så utsteder Maskinporten et systembrukertoken for Dialogporten til systemet for regnskapsføreren
      # Steg 4: Hente meldinger
      Når systemet søker etter meldingene til klienten i Dialogporten med systembrukertokenet for regnskapsføreren
      Og systemet henter hver melding tjenesteeieren har sendt til klienten, med forsendelsene, fra Dialogporten med systembrukertokenet for regnskapsføreren
      # Steg 5: Validering og levering
      Så validerer Altinn Autorisasjon tilgangen når Dialogporten spør om systembrukeren til regnskapsføreren kan lese meldingene til klienten, og gir tilgang
      Og returnerer Dialogporten meldingene tjenesteeieren har sendt til klienten, med forsendelsene, til systemet
      Og følger hvert svar systemet fikk fra Dialogporten det offisielle OpenAPI-skjemaet
      Og følger hvert svar tjenesteeieren fikk fra Dialogporten det offisielle OpenAPI-skjemaet

  Regel: Altinn Autorisasjon gir klientsystembrukeren lesetilgang til meldingene til klienten den er lagt til for

    @krav:PDP-4
    @kapabilitet:systemregister @kapabilitet:agent-systembruker @kapabilitet:klientdelegering @kapabilitet:pdp
    Scenario: Altinn Autorisasjon gir klientsystembrukeren tilgang til å lese meldingene til klienten når tjenesteeieren spør
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren er registrert i Enhetsregisteret som regnskapsfører for klienten
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren har lagt til klienten på klientsystembrukeren
      Når tjenesteeieren spør Altinn Autorisasjon om systembrukeren til regnskapsføreren kan lese meldingene til klienten
      Så svarer Altinn Autorisasjon tjenesteeieren at systembrukeren får tilgang

  Regel: Meldinger til en part systembrukeren ikke har fått tilgang for, er verken synlige eller tilgjengelige

    @krav:SB-4.5 @krav:DP-3 @krav:DP-4 @krav:DP-6 @negativ
    @kapabilitet:systemregister @kapabilitet:agent-systembruker @kapabilitet:klientdelegering
    Scenario: Meldingene til en virksomhet som ikke er klient av regnskapsføreren, er ikke synlige for systemet
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren er registrert i Enhetsregisteret som regnskapsfører for klienten
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren har lagt til klienten på klientsystembrukeren
      Og at tjenesteeieren har sendt 2 meldinger til den andre virksomheten i Dialogporten
      Og at systemet har hentet systembrukertoken for Dialogporten fra Maskinporten for regnskapsføreren
      Når systemet søker etter meldingene til den andre virksomheten i Dialogporten med systembrukertokenet for regnskapsføreren
      Og systemet henter hver melding tjenesteeieren har sendt til den andre virksomheten, med forsendelsene, fra Dialogporten med systembrukertokenet for regnskapsføreren
      Så finner systemet ingen meldinger til den andre virksomheten i Dialogporten
      Og nekter Dialogporten systemet å hente meldingene tjenesteeieren har sendt til den andre virksomheten
      Og følger hvert svar systemet fikk fra Dialogporten det offisielle OpenAPI-skjemaet

  Regel: En melding på en tjeneste tilgangspakkene for regnskapsførere ikke gir lesetilgang til, er ikke tilgjengelig

    @krav:SB-4.5 @krav:DP-2 @krav:DP-4 @krav:PDP-2 @negativ
    @kapabilitet:systemregister @kapabilitet:agent-systembruker @kapabilitet:klientdelegering @kapabilitet:pdp
    Scenario: Systemet får klientens vanlige melding, men ikke den taushetsbelagte
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren er registrert i Enhetsregisteret som regnskapsfører for klienten
      Og at regnskapsføreren har godkjent en klientsystembruker for systemet til systemleverandøren med tilgangspakken "Regnskapsfører med signeringsrettighet"
      Og at regnskapsføreren har lagt til klienten på klientsystembrukeren
      Og at tjenesteeieren har sendt 1 melding til klienten i Dialogporten
      Og at tjenesteeieren har sendt en taushetsbelagt melding til klienten i Dialogporten
      Og at systemet har hentet systembrukertoken for Dialogporten fra Maskinporten for regnskapsføreren
      Når systemet søker etter meldingene til klienten i Dialogporten med systembrukertokenet for regnskapsføreren
      Og systemet henter hver melding tjenesteeieren har sendt til klienten, med forsendelsene, fra Dialogporten med systembrukertokenet for regnskapsføreren
      Og tjenesteeieren spør Altinn Autorisasjon om systembrukeren til regnskapsføreren kan lese den taushetsbelagte meldingen til klienten
      Så returnerer Dialogporten meldingene tjenesteeieren har sendt til klienten, med forsendelsene, til systemet
      Men nekter Dialogporten systemet å hente den taushetsbelagte meldingen tjenesteeieren har sendt til klienten
      Og svarer Altinn Autorisasjon tjenesteeieren at systembrukeren ikke får tilgang

  Regel: Dialogportens sluttbruker-API godtar bare en systembruker, aldri et vanlig Maskinporten-token

    @krav:SB-4.3 @krav:DP-5 @negativ
    Scenario: Et Maskinporten-token uten systembruker avvises av Dialogporten
      Gitt at tjenesteeieren har sendt 1 melding til klienten i Dialogporten
      Når systemet søker etter meldingene til klienten i Dialogporten med et Maskinporten-token uten systembruker
      Så avviser Dialogporten søket fra systemet etter meldingene til klienten fordi tokenet ikke tilhører en systembruker
