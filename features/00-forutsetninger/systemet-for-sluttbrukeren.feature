# language: no
@scenario:0 @kapabilitet:systemregister @kapabilitet:maskinporten @kapabilitet:systemregister-sluttbruker
Egenskap: Sluttbrukeren ser hva systemet ber om, slik systemleverandøren registrerte det

  Før en virksomhet godkjenner en systembruker, viser Altinn hvilke enkeltrettigheter og
  tilgangspakker systemet ber om. Altinn henter dem fra systemregisteret med sluttbrukerens token
  (scope altinn:portal/enduser), og de skal være nøyaktig det systemleverandøren registrerte.

  Regel: Sluttbrukervisningen av et system viser nøyaktig det systemleverandøren registrerte

    @krav:SRS-1 @krav:SRS-2
    Scenario: Daglig leder ser rettighetene og tilgangspakkene systemleverandøren registrerte på systemet
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Merverdiavgift"
      Når daglig leder leser rettighetene og tilgangspakkene til systemet fra systemleverandøren
      Så ser daglig leder nøyaktig de rettighetene og tilgangspakkene systemleverandøren registrerte

    @krav:SRS-3 @negativ
    Scenario: Et system som ikke er registrert, har ingen rettigheter og ingen tilgangspakker
      Når daglig leder leser rettighetene og tilgangspakkene til et system som ikke finnes hos systemleverandøren
      Så ser daglig leder ingen rettigheter og ingen tilgangspakker

    @krav:SRS-4 @negativ
    Scenario: Systemleverandørens systemregister-token gir ikke sluttbrukervisningen
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Merverdiavgift"
      Når systemleverandøren leser rettighetene til sitt eget system med systemregister-tokenet sitt
      Så avviser systemregisteret sluttbrukervisningen for systemleverandøren som uten tilgang
