# language: no
@sikkerhet @kapabilitet:systemregister @kapabilitet:maskinporten
Egenskap: API-ene avviser token som ikke er gyldige for kallet

  Plattform-API-ene, tjeneste-API-ene, Dialogporten og formidlingstjenesten skal bare godta et token
  som er signert av Maskinporten, som ikke er utløpt, og som har scopet kallet krever. Systemet har
  først et ekte token fra Maskinporten, og API-et godtar kallet med det. Så gjør systemet det samme
  kallet med et token der én ting er galt: det er usignert, det kommer fra en annen utsteder (som
  legger ved sin egen nøkkel), det er utløpt, eller det mangler scopet. API-et skal avvise kallet:
  401 når tokenet ikke kan godtas, 403 når scopet mangler.

  Regel: Systemregisteret, et plattform-API for systemleverandøren, godtar bare gyldige token med riktig scope

    Bakgrunn:
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Merverdiavgift"

    @negativ
    Scenariomal: Systemregisteret avviser <tokenet>
      Gitt at systemleverandøren har et token fra Maskinporten som systemregisteret godtar
      Når systemleverandøren kaller systemregisteret på nytt med <tokenet>
      Så avviser systemregisteret kallet fra systemleverandøren med <avvisning>

      @krav:SEC-7
      Eksempler: Uten signatur
        | tokenet                        | avvisning       |
        | et usignert token (alg «none») | HTTP-status 401 |

      @krav:SEC-8
      Eksempler: Fra en utsteder API-et ikke stoler på
        | tokenet                        | avvisning       |
        | et token fra en annen utsteder | HTTP-status 401 |

      @krav:SEC-9 @kapabilitet:testdata-api
      Eksempler: Utløpt
        | tokenet         | avvisning       |
        | et utløpt token | HTTP-status 401 |

      @krav:SEC-10
      Eksempler: Uten scopet API-et krever
        | tokenet                            | avvisning       |
        | et token uten scopet API-et krever | HTTP-status 403 |

  @kapabilitet:standard-systembruker @kapabilitet:mva
  Regel: MVA-tjenesten godtar bare gyldige systembrukertoken med riktig scope

    Bakgrunn:
      Gitt at tjenesteeieren har inkludert MVA-rapportering i tilgangspakken "Merverdiavgift"
      Og at systemleverandøren har registrert et system som krever tilgangspakken "Merverdiavgift"
      Og at virksomheten har godkjent en systembruker for systemet til systemleverandøren med tilgangspakken "Merverdiavgift"

    @negativ
    Scenariomal: MVA-tjenesten avviser <tokenet>
      Gitt at systemet har et systembrukertoken fra Maskinporten for virksomheten som MVA-tjenesten godtar
      Når systemet kaller MVA-tjenesten på nytt med <tokenet>
      Så avviser MVA-tjenesten kallet fra systemet med <avvisning>

      @krav:SEC-7
      Eksempler: Uten signatur
        | tokenet                        | avvisning       |
        | et usignert token (alg «none») | HTTP-status 401 |

      @krav:SEC-8
      Eksempler: Fra en utsteder API-et ikke stoler på
        | tokenet                        | avvisning       |
        | et token fra en annen utsteder | HTTP-status 401 |

      @krav:SEC-9 @kapabilitet:testdata-api
      Eksempler: Utløpt
        | tokenet         | avvisning       |
        | et utløpt token | HTTP-status 401 |

      @krav:SEC-10
      Eksempler: Uten scopet API-et krever
        | tokenet                            | avvisning                              |
        | et token uten scopet API-et krever | HTTP-status 403 og feilkoden MVA-00001 |

  @kapabilitet:standard-systembruker @kapabilitet:dialogporten
  Regel: Dialogporten godtar bare gyldige systembrukertoken med riktig scope

    Bakgrunn:
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Merverdiavgift"
      Og at virksomheten har godkjent en systembruker for systemet til systemleverandøren med tilgangspakken "Merverdiavgift"

    @negativ
    Scenariomal: Dialogporten avviser <tokenet>
      Gitt at systemet har et systembrukertoken fra Maskinporten for virksomheten som Dialogporten godtar
      Når systemet kaller Dialogporten på nytt med <tokenet>
      Så avviser Dialogporten kallet fra systemet med <avvisning>

      @krav:SEC-7
      Eksempler: Uten signatur
        | tokenet                        | avvisning       |
        | et usignert token (alg «none») | HTTP-status 401 |

      @krav:SEC-8
      Eksempler: Fra en utsteder API-et ikke stoler på
        | tokenet                        | avvisning       |
        | et token fra en annen utsteder | HTTP-status 401 |

      @krav:SEC-9 @kapabilitet:testdata-api
      Eksempler: Utløpt
        | tokenet         | avvisning       |
        | et utløpt token | HTTP-status 401 |

      @krav:SEC-10
      Eksempler: Uten scopet API-et krever
        | tokenet                            | avvisning       |
        | et token uten scopet API-et krever | HTTP-status 403 |

  @kapabilitet:standard-systembruker @kapabilitet:formidling
  Regel: Formidlingstjenesten godtar bare gyldige systembrukertoken med riktig scope

    Bakgrunn:
      Gitt at Kartverket har definert enkeltressursen for tinglysning i formidlingstjenesten
      Og at systemleverandøren har registrert et system for tinglysning som krever enkeltressursen til Kartverket
      Og at virksomheten har anskaffet systemet hos systemleverandøren
      Og at systemleverandøren har bedt virksomheten om å akseptere en systembruker med enkeltressursen for tinglysning
      Og at virksomheten ved daglig leder har akseptert opprettelsen av systembrukeren fra systemleverandøren

    @negativ
    Scenariomal: Formidlingstjenesten avviser <tokenet>
      Gitt at systemet har et systembrukertoken fra Maskinporten for virksomheten som formidlingstjenesten godtar
      Når systemet kaller formidlingstjenesten på nytt med <tokenet>
      Så avviser formidlingstjenesten kallet fra systemet med <avvisning>

      @krav:SEC-7
      Eksempler: Uten signatur
        | tokenet                        | avvisning       |
        | et usignert token (alg «none») | HTTP-status 401 |

      @krav:SEC-8
      Eksempler: Fra en utsteder API-et ikke stoler på
        | tokenet                        | avvisning       |
        | et token fra en annen utsteder | HTTP-status 401 |

      @krav:SEC-9 @kapabilitet:testdata-api
      Eksempler: Utløpt
        | tokenet         | avvisning       |
        | et utløpt token | HTTP-status 401 |

      @krav:SEC-10
      Eksempler: Uten scopet API-et krever
        | tokenet                            | avvisning       |
        | et token uten scopet API-et krever | HTTP-status 403 |
