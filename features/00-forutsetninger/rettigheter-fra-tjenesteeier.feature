# language: no
@scenario:0 @kapabilitet:mva
Egenskap: Tjenesteeieren kommuniserer hvilke rettigheter tjenesten krever

  Generell forutsetning for brukerscenariene: systemleverandøren henter informasjon om rettigheter
  fra tjenesteeier eller Altinn, og tjenesteeieren må tydelig kommunisere kravene. For
  MVA-rapportering, der tjenesteeieren er Skatteetaten, betyr det at policyen til tjenestens ressurs
  i ressursregisteret navngir tilgangspakken "Merverdiavgift", og at Altinns tilgangspakkekatalog
  beskriver pakken.

  Bakgrunn:
    Gitt at tjenesteeieren har inkludert MVA-rapportering i tilgangspakken "Merverdiavgift"

  Regel: Ressursens policy sier hvilken tilgangspakke som gir tilgang til tjenesten

    @krav:SB-0.3 @krav:PDP-3
    Scenario: Systemleverandøren leser i ressursregisteret at MVA-rapportering krever tilgangspakken "Merverdiavgift"
      Når systemleverandøren leser ressursen for MVA-rapportering i ressursregisteret
      Så ser systemleverandøren at ressursens policy krever tilgangspakken "Merverdiavgift" for handlingen "write"

  Regel: Altinns tilgangspakkekatalog beskriver tilgangspakken policyen navngir

    @krav:SB-0.4
    Scenario: Systemleverandøren slår opp tilgangspakken "Merverdiavgift" i Altinns tilgangspakkekatalog og får den beskrevet
      Når systemleverandøren slår opp tilgangspakken "Merverdiavgift" i Altinns tilgangspakkekatalog
      Så ser systemleverandøren at Altinns tilgangspakkekatalog beskriver tilgangspakken "Merverdiavgift"

    @krav:SB-0.4 @negativ
    Scenario: En tilgangspakke som ikke finnes, finnes heller ikke i Altinns tilgangspakkekatalog
      Når systemleverandøren slår opp tilgangspakken "Finnes ikke" i Altinns tilgangspakkekatalog
      Så ser systemleverandøren at Altinns tilgangspakkekatalog ikke har tilgangspakken "Finnes ikke"
