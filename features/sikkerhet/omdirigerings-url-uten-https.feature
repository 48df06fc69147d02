# language: no
@sikkerhet @kapabilitet:systemregister @kapabilitet:standard-systembruker
Egenskap: En omdirigerings-URL som ikke er https, lagres aldri

  Etter at personen har svart på forespørselen, sender Altinn nettleseren til forespørselens
  omdirigerings-URL. En adresse med skjemaet javascript ville kjøre et skript på siden som sender
  personen videre, og en adresse med http sender personen videre ukryptert. Altinn skal derfor
  avvise slike adresser allerede når systemleverandøren sender dem, og ikke lagre dem: verken i en
  forespørsel om systembruker eller i en endring av systemet. Med skjemaet http bruker scenarioene
  den samme verten og stien som systemet har registrert med https.

  Bakgrunn:
    Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Merverdiavgift"

  Regel: En forespørsel om systembruker med en omdirigerings-URL som ikke er https, avvises og lagres ikke

    @krav:SEC-11 @negativ
    Scenariomal: En forespørsel med en omdirigerings-URL med skjemaet <skjema> avvises
      Gitt at virksomheten har anskaffet systemet hos systemleverandøren
      Når systemleverandøren ber om en systembruker for virksomheten med tilgangspakken "Merverdiavgift" og en omdirigerings-URL med skjemaet <skjema>
      Så avvises forespørselen fra systemleverandøren for virksomheten med feilkoden AUTH-00021 fordi omdirigerings-URL-en ikke er https
      Og systemleverandøren finner ingen forespørsel for virksomheten blant forespørslene på systemet

      Eksempler:
        | skjema     |
        | javascript |
        | http       |

  Regel: En endring av systemet med en omdirigerings-URL som ikke er https, avvises og systemet er uendret

    @krav:SEC-12 @negativ
    Scenariomal: En endring av systemet til en omdirigerings-URL med skjemaet <skjema> avvises
      Når systemleverandøren endrer systemet slik at omdirigerings-URL-en har skjemaet <skjema>
      Så avviser systemregisteret endringen fra systemleverandøren med feilkoden AUTH.VLD-00005
      Og systemleverandøren leser systemet tilbake med omdirigerings-URL-en det ble registrert med

      Eksempler:
        | skjema     |
        | javascript |
        | http       |
