# language: no
@sikkerhet @kapabilitet:register
Egenskap: Register gir ikke ut en persons fødselsnummer til uvedkommende

  Altinn Register v1 slår opp en part med partiets id eller UUID, og for en person står fødselsnummeret
  og navnet i svaret. Oppslaget er et internt plattform-API: det krever Registers eget admin-scope
  eller et plattformtilgangstoken, og en bruker får bare se parter brukeren kan representere. En
  systemleverandør med et vanlig token fra Maskinporten, systembrukeren til en annen virksomhet og en
  person uten tilknytning skal derfor bli avvist, og svaret skal ikke inneholde personens
  fødselsnummer eller navn.

  Bakgrunn:
    Gitt at daglig leder i den andre virksomheten finnes i Register

  @negativ @krav:SEC-13 @kapabilitet:maskinporten
  Scenario: En systemleverandør med et vanlig token fra Maskinporten får ikke slå opp personen
    Når systemleverandøren slår opp daglig leder i den andre virksomheten i Register med et vanlig token fra Maskinporten
    Så avviser Register oppslagene fra systemleverandøren uten å gi ut fødselsnummeret eller navnet til personen

  @negativ @krav:SEC-13 @kapabilitet:maskinporten @kapabilitet:systemregister @kapabilitet:standard-systembruker
  Scenario: Systembrukeren til en annen virksomhet får ikke slå opp personen
    Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Merverdiavgift"
    Og at virksomheten har godkjent en systembruker for systemet til systemleverandøren med tilgangspakken "Merverdiavgift"
    Når systemet slår opp daglig leder i den andre virksomheten i Register med systembrukertokenet for virksomheten
    Så avviser Register oppslagene fra systemet uten å gi ut fødselsnummeret eller navnet til personen

  @negativ @krav:SEC-13
  Scenario: En person uten tilknytning får ikke slå opp personen
    Når daglig leder slår opp daglig leder i den andre virksomheten i Register med sitt eget token
    Så avviser Register oppslagene fra daglig leder uten å gi ut fødselsnummeret eller navnet til personen
