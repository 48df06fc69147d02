# language: no
@scenario:0 @kapabilitet:systemregister @kapabilitet:maskinporten
Egenskap: Systemleverandøren registrerer systemet med rettighetene tjenesten krever

  Generell forutsetning for brukerscenariene: systemleverandøren har ansvar for tilgangskontrollen.
  Den har full oversikt over hvilke rettigheter systembrukeren trenger (for MVA-rapportering:
  tilgangspakken "Merverdiavgift"), og konfigurerer dem på systemet i systemregisteret slik at
  sluttkunden kan tildele dem.

  Regel: Et system registreres med tilgangspakkene tjenesten krever, og kan leses tilbake

    @krav:SB-0.1 @krav:SB-0.2 @krav:SR-1 @krav:SR-2
    Scenario: Systemleverandøren registrerer et system som krever tilgangspakken "Merverdiavgift"
      Når systemleverandøren registrerer et system som krever tilgangspakken "Merverdiavgift"
      Så godtar systemregisteret registreringen fra systemleverandøren
      Og systemleverandøren leser systemet tilbake med tilgangspakken "Merverdiavgift"

  Regel: Systemregisteret avviser en registrering som bryter reglene, og registrerer ingenting

    @krav:SR-3 @krav:SR-8 @negativ
    Scenario: En leverandør-ID uten ISO 6523-prefikset avvises
      Når systemleverandøren registrerer et system der leverandør-ID-en mangler ISO 6523-prefikset 0192
      Så avviser systemregisteret registreringen fra systemleverandøren med feilkoden AUTH.VLD-00000
      Og systemleverandøren finner ikke systemet i systemregisteret

    @krav:SR-4 @krav:SR-8 @negativ
    Scenario: En system-ID som ikke begynner med systemleverandørens organisasjonsnummer, avvises
      Når systemleverandøren registrerer et system med en system-ID som ikke begynner med eget organisasjonsnummer
      Så avviser systemregisteret registreringen fra systemleverandøren med feilkoden AUTH.VLD-00001
      Og systemleverandøren finner ikke systemet i systemregisteret

    @krav:SR-5 @krav:SR-8 @negativ
    Scenario: En omdirigerings-URL som ikke bruker https, avvises
      Når systemleverandøren registrerer et system med en omdirigerings-URL som ikke bruker https
      Så avviser systemregisteret registreringen fra systemleverandøren med feilkoden AUTH.VLD-00005
      Og systemleverandøren finner ikke systemet i systemregisteret

    @krav:SR-6 @krav:SR-8 @negativ
    Scenario: En tilgangspakke som ikke finnes blant Altinns tilgangspakker, avvises
      Når systemleverandøren registrerer et system som krever tilgangspakken "Finnes ikke"
      Så avviser systemregisteret registreringen fra systemleverandøren med feilkoden AUTH.VLD-00008
      Og systemleverandøren finner ikke systemet i systemregisteret

    @krav:SR-7 @krav:SR-8 @negativ
    Scenario: En enkeltrettighet på en ressurs som ikke finnes i ressursregisteret, avvises
      Når systemleverandøren registrerer et system som krever en enkeltrettighet på ressursen "samsvar-finnes-ikke-i-ressursregisteret"
      Så avviser systemregisteret registreringen fra systemleverandøren med feilkoden AUTH.VLD-00003
      Og systemleverandøren finner ikke systemet i systemregisteret
