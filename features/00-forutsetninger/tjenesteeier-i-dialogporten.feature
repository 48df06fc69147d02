# language: no
@kapabilitet:dialogporten @kapabilitet:maskinporten
Egenskap: Tjenesteeieren sender og følger opp meldingene sine i Dialogporten

  En forutsetning for brukerscenario 4: tjenesteeieren sender meldinger (dialoger) til parter
  gjennom Dialogportens tjenesteeier-API med Maskinporten-klienten sin (scopet
  digdir:dialogporten.serviceprovider), finner og leser dem igjen, og legger til aktiviteter på dem.
  Dialogporten leser innholdet slik ASP.NET gjør: feltnavn og enum-verdier uavhengig av store og små
  bokstaver, slik Altinns egne klienter skriver dem. En annen tjenesteeier (her Kartverket) ser og
  endrer ingen av meldingene. Hvert svar fra Dialogporten sjekkes mot Dialogportens offisielle
  OpenAPI-skjema.

  Bakgrunn:
    Gitt at tjenesteeieren har knyttet leserettighet for meldinger til tilgangspakkene for regnskapsførere

  Regel: Dialogporten leser en melding slik Altinns egne klienter skriver den

    @krav:DP-7
    Scenario: En melding med «content.Title», «notApplicable» og «gui» tas imot og lagres med skjemaets skrivemåte
      Når tjenesteeieren sender en melding til virksomheten i Dialogporten med feltnavn og verdier i Altinns egen skrivemåte
      Så tar Dialogporten imot meldingen fra tjenesteeieren til virksomheten og lagrer den med skjemaets skrivemåte
      Og følger hvert svar tjenesteeieren fikk fra Dialogporten det offisielle OpenAPI-skjemaet

    @krav:DP-7 @negativ
    Scenario: En ukjent status og tekst der et tall skal stå avvises, uansett skrivemåte
      Når tjenesteeieren sender meldinger til virksomheten i Dialogporten med en ukjent status og med tekst der et tall skal stå
      Så avviser Dialogporten hver av meldingene fra tjenesteeieren som ugyldig

  Regel: Tjenesteeieren finner og leser bare sine egne meldinger

    @krav:DP-8
    Scenario: Tjenesteeieren finner meldingene den har sendt til virksomheten, og leser hver med detaljene
      Gitt at tjenesteeieren har sendt 2 meldinger til virksomheten i Dialogporten
      Når tjenesteeieren søker etter meldingene til virksomheten i tjenesteeier-API-et til Dialogporten
      Og tjenesteeieren henter hver melding tjenesteeieren har sendt til virksomheten, fra tjenesteeier-API-et til Dialogporten
      Så finner tjenesteeieren meldingene den har sendt til virksomheten, med detaljene
      Og følger hvert svar tjenesteeieren fikk fra Dialogporten det offisielle OpenAPI-skjemaet

    @krav:DP-8 @negativ
    Scenario: En annen tjenesteeier finner ingen av meldingene, som om de ikke fantes
      Gitt at tjenesteeieren har sendt 2 meldinger til virksomheten i Dialogporten
      Når Kartverket søker etter meldingene til virksomheten i tjenesteeier-API-et til Dialogporten
      Og Kartverket henter hver melding tjenesteeieren har sendt til virksomheten, fra tjenesteeier-API-et til Dialogporten
      Så finner Kartverket ingen av meldingene tjenesteeieren har sendt til virksomheten, som om de ikke fantes

  Regel: Tjenesteeieren legger til aktiviteter bare på sine egne meldinger

    @krav:DP-9
    Scenario: Tjenesteeieren legger til en aktivitet på meldingen sin, og aktiviteten står på meldingen
      Gitt at tjenesteeieren har sendt 1 melding til virksomheten i Dialogporten
      Når tjenesteeieren legger til en aktivitet på meldingen tjenesteeieren har sendt til virksomheten
      Så står aktiviteten fra tjenesteeieren på meldingen til virksomheten
      Og følger hvert svar tjenesteeieren fikk fra Dialogporten det offisielle OpenAPI-skjemaet

    @krav:DP-9 @negativ
    Scenario: En annen tjenesteeier kan ikke legge til en aktivitet på meldingen
      Gitt at tjenesteeieren har sendt 1 melding til virksomheten i Dialogporten
      Når Kartverket legger til en aktivitet på meldingen tjenesteeieren har sendt til virksomheten
      Så avviser Dialogporten aktiviteten fra Kartverket på meldingen tjenesteeieren har sendt til virksomheten, som om meldingen ikke fantes, og meldingen får den ikke
