# language: no
@scenario:5 @kapabilitet:formidling @kapabilitet:systemregister @kapabilitet:standard-systembruker @kapabilitet:maskinporten
Egenskap: Virksomhet sender fil via formidlingstjenesten

  Brukerscenario 5: virksomheten sender tinglysning via Kartverkets formidlingstjeneste (Altinn
  Broker). Kartverket har definert enkeltrettigheten som gir tilgang til å sende tinglysning.
  Systemleverandøren har registrert et system med den enkeltrettigheten (ikke en tilgangspakke) og bedt
  virksomheten akseptere en systembruker for systemet, og virksomheten har akseptert. En bruker hos
  virksomheten sender en tinglysning med systemet: systemet henter et systembrukertoken for
  virksomheten, initialiserer filoverføringen med filens MD5-sjekksum og laster opp filen. Altinn
  Autorisasjon autoriserer tilgangen ut fra delegeringen som ble gjort da systembrukeren ble
  opprettet. Kartverket, som mottaker, finner filen, laster den ned og kontrollerer sjekksummen selv,
  og bekrefter nedlastingen, slik at alle mottakerne har bekreftet.

  Bakgrunn:
    Gitt at Kartverket har definert enkeltrettigheten for tinglysning i formidlingstjenesten

  Regel: Med systembrukeren virksomheten aksepterte, sender systemet tinglysningen, og Kartverket mottar den uendret

    @krav:SB-5.0 @krav:SB-5.1 @krav:SB-5.2 @krav:SB-5.3 @krav:SB-5.4
    @krav:TOK-1 @krav:TOK-4 @krav:PEP-1 @krav:BR-1 @krav:BR-2 @krav:BR-3 @krav:BR-4 @implisitt
    Scenario: Virksomheten sender en tinglysning til Kartverket, som laster den ned med kontrollert sjekksum og bekrefter
      # Forutsetninger
      Gitt at systemleverandøren har registrert et system for tinglysning som krever enkeltrettigheten til Kartverket
      Og at virksomheten har anskaffet systemet hos systemleverandøren
      Og at systemleverandøren har bedt virksomheten om å akseptere en systembruker med enkeltrettigheten for tinglysning
      Og at virksomheten ved daglig leder har akseptert opprettelsen av systembrukeren fra systemleverandøren
      # Steg 1: Bruker hos virksomhet benytter system for å sende tinglysning
      Og at en bruker hos virksomheten bruker systemet til å sende en tinglysning til Kartverket
      # Steg 2: Systemleverandør henter ut systembrukertoken for virksomhet fra Maskinporten
      Når systemet henter systembrukertoken for formidlingstjenesten fra Maskinporten for virksomheten
      Så utsteder Maskinporten et systembrukertoken for formidlingstjenesten til systemet for virksomheten
      # Steg 3: Systemet kaller broker-API-et for å sende tinglysning med tokenet
      Når systemet sender tinglysningen til Kartverket gjennom formidlingstjenesten med systembrukertokenet for virksomheten
      Så tar formidlingstjenesten imot tinglysningen systemet sendte for virksomheten, og publiserer den for Kartverket
      # Steg 4: Altinn Autorisasjon autoriserer tilgang basert på delegeringene fra opprettelsen av systembrukeren
      Og gir Altinn Autorisasjon tilgang ut fra delegeringen fra opprettelsen av systembrukeren, når formidlingstjenesten spør om systembrukeren til virksomheten kan sende tinglysning for virksomheten
      # @implisitt: Mottak. Brukerscenarioet slutter når Altinn Autorisasjon har gitt tilgang; at
      # Kartverket finner, laster ned, kontrollerer sjekksummen og bekrefter, forutsetter det, men skriver det ikke.
      Når Kartverket ser etter tinglysninger som venter på nedlasting i formidlingstjenesten
      Så finner Kartverket tinglysningen fra virksomheten blant filene som venter på nedlasting
      Når Kartverket laster ned tinglysningen fra virksomheten
      Så har Kartverket fått tinglysningen systemet sendte for virksomheten, med en sjekksum som stemmer
      Når Kartverket bekrefter nedlastingen av tinglysningen fra virksomheten
      Så er tinglysningen fra virksomheten bekreftet lastet ned av Kartverket, og dermed av alle mottakerne

  Regel: Altinn Autorisasjon gir systembrukeren med enkeltrettigheten tilgang til å sende tinglysning for virksomheten

    @krav:PDP-1 @krav:SB-5.4 @kapabilitet:pdp
    Scenario: Altinn Autorisasjon gir systembrukeren med enkeltrettigheten tilgang til å sende tinglysning når Kartverket spør
      Gitt at systemleverandøren har registrert et system for tinglysning som krever enkeltrettigheten til Kartverket
      Og at virksomheten har anskaffet systemet hos systemleverandøren
      Og at systemleverandøren har bedt virksomheten om å akseptere en systembruker med enkeltrettigheten for tinglysning
      Og at virksomheten ved daglig leder har akseptert opprettelsen av systembrukeren fra systemleverandøren
      Når Kartverket spør Altinn Autorisasjon om systembrukeren til virksomheten kan sende tinglysning for virksomheten
      Så svarer Altinn Autorisasjon Kartverket at systembrukeren får tilgang

  Regel: Uten enkeltrettigheten delegert til systembrukeren får ikke systemet sende tinglysning

    @krav:SB-5.4 @krav:BR-5 @krav:PDP-2 @negativ @kapabilitet:pdp
    Scenario: En systembruker som bare har tilgangspakken "Merverdiavgift", får ikke sende tinglysning
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Merverdiavgift"
      Og at virksomheten har godkjent en systembruker for systemet til systemleverandøren med tilgangspakken "Merverdiavgift"
      Og at en bruker hos virksomheten bruker systemet til å sende en tinglysning til Kartverket
      Og at systemet har hentet systembrukertoken for formidlingstjenesten fra Maskinporten for virksomheten
      Når systemet sender tinglysningen til Kartverket gjennom formidlingstjenesten med systembrukertokenet for virksomheten
      Og Kartverket spør Altinn Autorisasjon om systembrukeren til virksomheten kan sende tinglysning for virksomheten
      Så avviser formidlingstjenesten tinglysningen systemet sendte for virksomheten, med feilkoden BRO-00006
      Og svarer Altinn Autorisasjon Kartverket at systembrukeren ikke får tilgang

  Regel: En fil som ikke stemmer med sjekksummen, feiler og blir aldri publisert

    @krav:SB-5.3 @krav:BR-6 @negativ
    Scenario: En tinglysning som endres under opplastingen, feiler og kan ikke lastes ned av Kartverket
      Gitt at systemleverandøren har registrert et system for tinglysning som krever enkeltrettigheten til Kartverket
      Og at virksomheten har anskaffet systemet hos systemleverandøren
      Og at systemleverandøren har bedt virksomheten om å akseptere en systembruker med enkeltrettigheten for tinglysning
      Og at virksomheten ved daglig leder har akseptert opprettelsen av systembrukeren fra systemleverandøren
      Og at en bruker hos virksomheten bruker systemet til å sende en tinglysning til Kartverket
      Og at systemet har hentet systembrukertoken for formidlingstjenesten fra Maskinporten for virksomheten
      Når systemet sender tinglysningen til Kartverket gjennom formidlingstjenesten med systembrukertokenet for virksomheten, men filen blir endret underveis
      Så avviser formidlingstjenesten tinglysningen systemet sendte for virksomheten, med feilkoden BRO-00009
      Og er tinglysningen systemet sendte for virksomheten feilet og aldri publisert
      Når Kartverket laster ned tinglysningen fra virksomheten
      Så avviser formidlingstjenesten nedlastingen for Kartverket med feilkoden BRO-00007
