# language: no
@kapabilitet:dialogporten
Egenskap: En person leser meldingene til virksomheten sin og sine egne i Dialogporten

  Dialogportens sluttbruker-API tar også imot en person: med et token fra ID-porten (scopet
  digdir:dialogporten) søker og leser daglig leder meldingene til virksomheten hen kan representere,
  og meldingene til sin egen part. Tjenesteeierens meldingstjeneste gir leserettighet til
  tilgangspakken «Merverdiavgift» (daglig leder har den for virksomheten) og til rollen PRIV, som en
  person har for sin egen part. Altinn Autorisasjon avgjør tilgangen, og svarer også en person som
  spør med sitt eget Altinn-token, når tokenet har scopet altinn:authorization/authorize. En annen
  person ser ikke daglig leders meldinger. Hvert svar fra Dialogporten sjekkes mot Dialogportens
  offisielle OpenAPI-skjema.

  Bakgrunn:
    Gitt at tjenesteeieren har knyttet leserettighet for meldinger om merverdiavgift til tilgangspakken "Merverdiavgift" og for private meldinger til rollen PRIV

  Regel: En person leser meldingene til partene hen kan representere, og til sin egen part

    @krav:DP-10 @krav:PDP-6
    Scenario: Daglig leder leser virksomhetens meldinger og sine egne private meldinger med persontokenet sitt
      Gitt at tjenesteeieren har sendt 1 melding om merverdiavgift til virksomheten i Dialogporten
      Og at tjenesteeieren har sendt 1 privat melding til daglig leder i Dialogporten
      Når daglig leder søker etter meldingene til virksomheten i Dialogporten med persontokenet sitt
      Og daglig leder søker etter meldingene til daglig leder i Dialogporten med persontokenet sitt
      Og daglig leder henter hver melding tjenesteeieren har sendt til virksomheten, fra Dialogporten med persontokenet sitt
      Og daglig leder henter hver melding tjenesteeieren har sendt til daglig leder, fra Dialogporten med persontokenet sitt
      Så returnerer Dialogporten meldingene tjenesteeieren har sendt til virksomheten, til daglig leder
      Og returnerer Dialogporten meldingene tjenesteeieren har sendt til daglig leder, til daglig leder
      Og følger hvert svar daglig leder fikk fra Dialogporten det offisielle OpenAPI-skjemaet

    @krav:DP-10 @negativ
    Scenario: En annen person finner ingen av daglig leders private meldinger og får ikke hente dem
      Gitt at tjenesteeieren har sendt 1 privat melding til daglig leder i Dialogporten
      Når styremedlemmet søker etter meldingene til daglig leder i Dialogporten med persontokenet sitt
      Og styremedlemmet henter hver melding tjenesteeieren har sendt til daglig leder, fra Dialogporten med persontokenet sitt
      Så finner styremedlemmet ingen meldinger til daglig leder i Dialogporten
      Og nekter Dialogporten styremedlemmet å hente meldingene tjenesteeieren har sendt til daglig leder
      Og følger hvert svar styremedlemmet fikk fra Dialogporten det offisielle OpenAPI-skjemaet

  Regel: Altinn Autorisasjon svarer en person som spør med sitt eget Altinn-token, og gir personen rollen PRIV bare for sin egen part

    @krav:PDP-5 @krav:PDP-6 @kapabilitet:pdp @kapabilitet:tokenveksling
    Scenario: Daglig leder spør med sitt eget Altinn-token om å lese sine egne meldinger, og får tilgang
      Når daglig leder spør Altinn Autorisasjon med sitt eget Altinn-token om å lese meldingene til daglig leder
      Så svarer Altinn Autorisasjon daglig leder at daglig leder får tilgang

    @krav:PDP-5 @negativ @kapabilitet:pdp @kapabilitet:tokenveksling
    Scenario: Et Altinn-token for en person uten scopet til Altinn Autorisasjon avvises
      Når daglig leder spør Altinn Autorisasjon med et Altinn-token uten scopet "altinn:authorization/authorize" om å lese meldingene til daglig leder
      Så avviser Altinn Autorisasjon spørsmålet fra daglig leder som uten tilgang

    @krav:PDP-6 @negativ @kapabilitet:pdp @kapabilitet:tokenveksling
    Scenario: En annen person har ikke rollen PRIV for daglig leders part
      Når styremedlemmet spør Altinn Autorisasjon med sitt eget Altinn-token om å lese meldingene til daglig leder
      Så svarer Altinn Autorisasjon styremedlemmet at styremedlemmet ikke får tilgang
