# language: no
@kapabilitet:systemregister @kapabilitet:standard-systembruker
Egenskap: En person kan bare besvare en forespørsel i navnet til virksomheten den gjelder

  Godkjenningssiden i Altinn (confirmUrl) har sin egen backend, Access Management BFF, som kaller
  Authentications sluttbruker-API med personens token. Godkjenningssiden sender alltid forespørselens
  egen part; en annen part kan bare komme fra et kall utenom siden. Da skal Altinn avvise svaret på
  hver vei: Authentication som uten tilgang med feilkoden AUTH-00041, BFF-en som ugyldig med sin
  egen feilkode AMUI-00005.
  Med sluttbruker «api» går svaret til BFF-en når målet har den (kapabilitet am-bff), ellers til
  Authentications sluttbruker-API; rapporten viser hvilken vei svaret gikk.

  Bakgrunn:
    Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Merverdiavgift"
    Og at virksomheten har anskaffet systemet hos systemleverandøren

  @krav:BFF-1 @vakt:AUTH-00041 @negativ
  Scenario: Daglig leder i en annen virksomhet kan ikke godkjenne forespørselen i navnet til sin egen virksomhet
    Gitt at systemleverandøren har bedt om en systembruker for virksomheten med tilgangspakken "Merverdiavgift"
    Når daglig leder i den andre virksomheten godkjenner forespørselen fra systemleverandøren til virksomheten i navnet til sin egen virksomhet
    Så avviser Altinn godkjenningen fordi forespørselen fra systemleverandøren gjelder virksomheten, og forespørselen venter fortsatt uten systembruker
