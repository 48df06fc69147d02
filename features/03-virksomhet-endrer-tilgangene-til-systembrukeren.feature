# language: no
@scenario:3 @kapabilitet:systemregister @kapabilitet:standard-systembruker @kapabilitet:endringsforespørsel
Egenskap: Virksomheten godkjenner at systembrukeren får en tilgangspakke til

  Fortsettelse av brukerscenario 3. Virksomheten har en systembruker med tilgangspakken
  "Regnskap og økonomirapportering". Systemleverandørens tjeneste trenger nå én tilgangspakke til,
  "Merverdiavgift", for å rapportere MVA. Systemleverandøren sender en endringsforespørsel for den
  eksisterende systembrukeren (ny korrelasjons-ID for hver endring), og daglig leder i virksomheten
  godkjenner eller avviser den. Først etter en godkjenning har systembrukeren tilgangspakken, og
  Altinn Autorisasjon gir tilgang til MVA-rapporteringen til Skatteetaten (tjenesteeieren).

  Bakgrunn:
    Gitt at Skatteetaten har inkludert MVA-rapportering i tilgangspakken "Merverdiavgift"
    Og at systemleverandøren har registrert et system som krever tilgangspakkene "Regnskap og økonomirapportering" og "Merverdiavgift"
    Og at virksomheten har godkjent en systembruker for systemet til systemleverandøren med tilgangspakken "Regnskap og økonomirapportering"

  Regel: Når virksomheten godkjenner endringen, får systembrukeren tilgangspakken, og Altinn Autorisasjon følger etter

    @krav:CR-1 @krav:CR-2 @krav:PDP-1 @kapabilitet:pdp
    Scenario: Systemleverandørens tjeneste trenger nå én tilgangspakke til, og virksomheten godkjenner endringen
      Når systemleverandøren ber om at tilgangspakken "Merverdiavgift" legges til systembrukeren til virksomheten
      Så venter endringsforespørselen fra systemleverandøren på godkjenning fra virksomheten
      Når virksomheten ved daglig leder godkjenner endringsforespørselen fra systemleverandøren
      Så er endringsforespørselen fra systemleverandøren godkjent av virksomheten
      Og har systembrukeren til virksomheten tilgangspakkene "Regnskap og økonomirapportering" og "Merverdiavgift"
      Når Skatteetaten spør Altinn Autorisasjon om systembrukeren til virksomheten kan rapportere MVA for virksomheten
      Så svarer Altinn Autorisasjon Skatteetaten at systembrukeren får tilgang

    @krav:CR-3 @krav:PDP-2 @negativ @kapabilitet:pdp
    Scenario: En endring virksomheten avviser, lar tilgangene til systembrukeren være som før
      Gitt at systemleverandøren har bedt om at tilgangspakken "Merverdiavgift" legges til systembrukeren til virksomheten
      Når virksomheten ved daglig leder avviser endringsforespørselen fra systemleverandøren
      Så er endringsforespørselen fra systemleverandøren avvist av virksomheten
      Og har systembrukeren til virksomheten fortsatt bare tilgangspakken "Regnskap og økonomirapportering"
      Når Skatteetaten spør Altinn Autorisasjon om systembrukeren til virksomheten kan rapportere MVA for virksomheten
      Så svarer Altinn Autorisasjon Skatteetaten at systembrukeren ikke får tilgang

  Regel: En endringsforespørsel uten noe å endre gir ingen forespørsel

    @krav:CR-4 @negativ
    Scenario: En endringsforespørsel uten noe å legge til eller fjerne, får svar om at ingen endring trengs
      Når systemleverandøren ber om en endring av systembrukeren til virksomheten uten noe å legge til eller fjerne
      Så får systemleverandøren svar om at ingen endring trengs for systembrukeren til virksomheten

  Regel: Samme korrelasjons-ID gir den lagrede endringsforespørselen, ikke en ny

    @krav:CR-5 @negativ
    Scenario: En annen endring sendt med den samme korrelasjons-ID-en gir den første endringsforespørselen tilbake
      Når systemleverandøren ber om at tilgangspakken "Merverdiavgift" legges til systembrukeren til virksomheten
      Og systemleverandøren sender en annen endring for virksomheten med den samme korrelasjons-ID-en, der tilgangspakken "Regnskap og økonomirapportering" fjernes i stedet
      Så får systemleverandøren den samme endringsforespørselen tilbake for virksomheten

  Regel: Bare virksomheten som eier systembrukeren, kan besvare endringsforespørselen

    @krav:CR-6 @negativ
    Scenario: Daglig leder i en annen virksomhet kan ikke godkjenne endringen i navnet til sin egen virksomhet
      Gitt at systemleverandøren har bedt om at tilgangspakken "Merverdiavgift" legges til systembrukeren til virksomheten
      Når daglig leder i den andre virksomheten godkjenner endringsforespørselen fra systemleverandøren til virksomheten i navnet til sin egen virksomhet
      Så avviser Altinn godkjenningen fordi endringsforespørselen fra systemleverandøren gjelder virksomheten, og den venter fortsatt på svar
      Og har systembrukeren til virksomheten fortsatt bare tilgangspakken "Regnskap og økonomirapportering"
