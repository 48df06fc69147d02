# language: no
@kapabilitet:systemregister @kapabilitet:standard-systembruker
Egenskap: Det en person møter når en forespørsel om systembruker ikke kan besvares

  En person svarer på forespørselen i Altinn, på lenken (confirmUrl) systemleverandøren sender
  videre. Bare en tilgangsstyrer i virksomheten, for eksempel daglig leder, kan godkjenne; en
  forespørsel kan bare besvares én gang; og etter svaret sendes personen bare tilbake til en adresse
  systemet har registrert. Med sluttbruker «browser» handler personen i portalen, med «api» gjennom
  sluttbruker-API-ene: reglene og stegene er de samme, og Altinn skal avvise på begge veier.

  Bakgrunn:
    Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Merverdiavgift"
    Og at virksomheten har anskaffet systemet hos systemleverandøren

  Regel: Bare en tilgangsstyrer i virksomheten kan godkjenne forespørselen

    @krav:UI-1 @negativ @ui @kapabilitet:portal-ui
    Scenario: Et styremedlem som ikke er tilgangsstyrer, kan ikke godkjenne forespørselen
      Gitt at styremedlemmet er registrert i Enhetsregisteret som styremedlem i virksomheten
      Og at systemleverandøren har bedt om en systembruker for virksomheten med tilgangspakken "Merverdiavgift"
      Når virksomheten ved styremedlemmet godkjenner forespørselen fra systemleverandøren
      Så avviser Altinn godkjenningen fra styremedlemmet, som ikke er tilgangsstyrer i virksomheten
      Og venter forespørselen fra systemleverandøren fortsatt på svar fra virksomheten
      Og systemleverandøren finner ingen systembruker for virksomheten

  Regel: En forespørsel kan bare besvares én gang

    @krav:UI-2 @krav:REQ-3 @vakt:AUTH-00013 @negativ @ui @kapabilitet:portal-ui
    Scenario: En forespørsel daglig leder har godkjent, kan ikke avvises etterpå
      Gitt at systemleverandøren har bedt om en systembruker for virksomheten med tilgangspakken "Merverdiavgift"
      Og at virksomheten ved daglig leder har godkjent forespørselen fra systemleverandøren
      Når virksomheten ved daglig leder avviser forespørselen fra systemleverandøren
      Så avviser Altinn svaret fra virksomheten fordi forespørselen allerede er besvart
      Og er forespørselen fra systemleverandøren godkjent av virksomheten med tilgangspakken "Merverdiavgift"
      Og systemleverandøren finner systembrukeren til virksomheten

    @krav:UI-2 @krav:REQ-4 @vakt:AUTH-00013 @negativ @ui @kapabilitet:portal-ui
    Scenario: En forespørsel daglig leder har avvist, kan ikke godkjennes etterpå
      Gitt at systemleverandøren har bedt om en systembruker for virksomheten med tilgangspakken "Merverdiavgift"
      Og at virksomheten ved daglig leder har avvist forespørselen fra systemleverandøren
      Når virksomheten ved daglig leder godkjenner forespørselen fra systemleverandøren
      Så avviser Altinn svaret fra virksomheten fordi forespørselen allerede er besvart
      Og er forespørselen fra systemleverandøren avvist av virksomheten
      Og systemleverandøren finner ingen systembruker for virksomheten

  Regel: Etter svaret sendes personen bare til en omdirigerings-URL systemet har registrert

    # Systemleverandøren ber om omdirigeringen; ingen person er med ennå, så scenarioet trenger ingen portal.
    @krav:UI-3 @vakt:AUTH-00021 @negativ
    Scenario: En forespørsel med en omdirigerings-URL systemet ikke har registrert, avvises
      Når systemleverandøren ber om en systembruker for virksomheten med tilgangspakken "Merverdiavgift" og en omdirigerings-URL systemet ikke har registrert
      Så avvises forespørselen fra systemleverandøren for virksomheten med feilkoden AUTH-00021
      Og systemleverandøren finner ingen forespørsel for virksomheten

    @krav:UI-4 @krav:REQ-3 @ui @kapabilitet:portal-ui
    Scenario: Etter godkjenningen sendes daglig leder tilbake til systemleverandøren på den registrerte omdirigerings-URL-en
      Gitt at systemleverandøren har bedt om en systembruker for virksomheten med tilgangspakken "Merverdiavgift" og omdirigerings-URL-en systemet har registrert
      Når virksomheten ved daglig leder godkjenner forespørselen fra systemleverandøren
      Så sendes virksomheten tilbake til systemleverandøren på omdirigerings-URL-en fra forespørselen
      Og er forespørselen fra systemleverandøren godkjent av virksomheten med tilgangspakken "Merverdiavgift"

  Regel: Når personen logger ut, er økten i portalen slutt

    # Økten kopieres slik portalen ga den til nettleseren (informasjonskapslene), og kopien må åpne
    # forespørselen før utlogging; etter utlogging skal den samme kopien ikke åpne noe.
    @krav:UI-5 @negativ @ui @kapabilitet:portal-ui
    Scenario: Etter at daglig leder har logget ut, åpner den gamle økten ikke portalen
      Gitt at systemleverandøren har bedt om en systembruker for virksomheten med tilgangspakken "Merverdiavgift"
      Og at daglig leder har logget inn i portalen og åpnet forespørselen fra systemleverandøren til virksomheten
      Når daglig leder logger ut av portalen
      Så åpner den gamle økten til daglig leder ikke lenger portalen
      Og venter forespørselen fra systemleverandøren fortsatt på svar fra virksomheten
