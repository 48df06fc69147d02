# language: no
@sikkerhet @kapabilitet:systemregister @kapabilitet:maskinporten
Egenskap: API-ene avviser token som ikke er gyldige for kallet

  Plattform-API-ene, tjeneste-API-ene, Dialogporten og formidlingstjenesten skal bare godta et token
  som er signert av Maskinporten, som ikke er utløpt, og som har scopet kallet krever. Systemet har
  først et ekte token fra Maskinporten, og API-et godtar kallet med det. Så gjør systemet det samme
  kallet med et token der én ting er galt: det er usignert, det kommer fra en annen utsteder (som
  legger ved sin egen nøkkel), det er utløpt, eller det mangler scopet. API-et skal avvise kallet:
  som ikke autentisert når tokenet ikke kan godtas, og som uten tilgang når scopet mangler.

  Regel: Systemregisteret, et plattform-API for systemleverandøren, godtar bare gyldige token med riktig scope

    Bakgrunn:
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Merverdiavgift"

    @negativ
    Scenariomal: Systemregisteret avviser <tokenet>
      Gitt at systemleverandøren har et token fra Maskinporten som systemregisteret godtar
      Når systemleverandøren kaller systemregisteret på nytt med <tokenet>
      Så avviser systemregisteret kallet fra systemleverandøren <avvisning>

      @krav:SEC-7
      Eksempler: Uten signatur
        | tokenet                        | avvisning            |
        | et usignert token (alg «none») | som ikke autentisert |

      @krav:SEC-8
      Eksempler: Fra en utsteder API-et ikke stoler på
        | tokenet                        | avvisning            |
        | et token fra en annen utsteder | som ikke autentisert |

      @krav:SEC-9 @kapabilitet:testdata-api
      Eksempler: Utløpt
        | tokenet         | avvisning            |
        | et utløpt token | som ikke autentisert |

      @krav:SEC-10
      Eksempler: Uten scopet API-et krever
        | tokenet                            | avvisning        |
        | et token uten scopet API-et krever | som uten tilgang |

  @kapabilitet:standard-systembruker @kapabilitet:mva
  Regel: Tjeneste-API-et godtar bare gyldige systembrukertoken med riktig scope

    Bakgrunn:
      Gitt at Skatteetaten har inkludert MVA-rapportering i tilgangspakken "Merverdiavgift"
      Og at systemleverandøren har registrert et system som krever tilgangspakken "Merverdiavgift"
      Og at virksomheten har godkjent en systembruker for systemet til systemleverandøren med tilgangspakken "Merverdiavgift"

    @negativ
    Scenariomal: Tjeneste-API-et avviser <tokenet>
      Gitt at systemet har et systembrukertoken fra Maskinporten for virksomheten som tjeneste-API-et godtar
      Når systemet kaller tjeneste-API-et på nytt med <tokenet>
      Så avviser tjeneste-API-et kallet fra systemet <avvisning>

      @krav:SEC-7
      Eksempler: Uten signatur
        | tokenet                        | avvisning            |
        | et usignert token (alg «none») | som ikke autentisert |

      @krav:SEC-8
      Eksempler: Fra en utsteder API-et ikke stoler på
        | tokenet                        | avvisning            |
        | et token fra en annen utsteder | som ikke autentisert |

      @krav:SEC-9 @kapabilitet:testdata-api
      Eksempler: Utløpt
        | tokenet         | avvisning            |
        | et utløpt token | som ikke autentisert |

      @krav:SEC-10
      Eksempler: Uten scopet API-et krever
        | tokenet                            | avvisning                                 |
        | et token uten scopet API-et krever | som uten tilgang, med feilkoden MVA-00001 |

  @kapabilitet:standard-systembruker @kapabilitet:dialogporten
  Regel: Dialogporten godtar bare gyldige systembrukertoken med riktig scope

    Bakgrunn:
      Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Merverdiavgift"
      Og at virksomheten har godkjent en systembruker for systemet til systemleverandøren med tilgangspakken "Merverdiavgift"

    @negativ
    Scenariomal: Dialogporten avviser <tokenet>
      Gitt at systemet har et systembrukertoken fra Maskinporten for virksomheten som Dialogporten godtar
      Når systemet kaller Dialogporten på nytt med <tokenet>
      Så avviser Dialogporten kallet fra systemet <avvisning>

      @krav:SEC-7
      Eksempler: Uten signatur
        | tokenet                        | avvisning            |
        | et usignert token (alg «none») | som ikke autentisert |

      @krav:SEC-8
      Eksempler: Fra en utsteder API-et ikke stoler på
        | tokenet                        | avvisning            |
        | et token fra en annen utsteder | som ikke autentisert |

      @krav:SEC-9 @kapabilitet:testdata-api
      Eksempler: Utløpt
        | tokenet         | avvisning            |
        | et utløpt token | som ikke autentisert |

      @krav:SEC-10
      Eksempler: Uten scopet API-et krever
        | tokenet                            | avvisning        |
        | et token uten scopet API-et krever | som uten tilgang |

  @kapabilitet:standard-systembruker @kapabilitet:formidling
  Regel: Formidlingstjenesten godtar bare gyldige systembrukertoken med riktig scope

    Bakgrunn:
      Gitt at Kartverket har definert enkeltrettigheten for tinglysning i formidlingstjenesten
      Og at systemleverandøren har registrert et system for tinglysning som krever enkeltrettigheten til Kartverket
      Og at virksomheten har anskaffet systemet hos systemleverandøren
      Og at systemleverandøren har bedt virksomheten om å akseptere en systembruker med enkeltrettigheten for tinglysning
      Og at virksomheten ved daglig leder har akseptert opprettelsen av systembrukeren fra systemleverandøren

    @negativ
    Scenariomal: Formidlingstjenesten avviser <tokenet>
      Gitt at systemet har et systembrukertoken fra Maskinporten for virksomheten som formidlingstjenesten godtar
      Når systemet kaller formidlingstjenesten på nytt med <tokenet>
      Så avviser formidlingstjenesten kallet fra systemet <avvisning>

      @krav:SEC-7
      Eksempler: Uten signatur
        | tokenet                        | avvisning            |
        | et usignert token (alg «none») | som ikke autentisert |

      @krav:SEC-8
      Eksempler: Fra en utsteder API-et ikke stoler på
        | tokenet                        | avvisning            |
        | et token fra en annen utsteder | som ikke autentisert |

      @krav:SEC-9 @kapabilitet:testdata-api
      Eksempler: Utløpt
        | tokenet         | avvisning            |
        | et utløpt token | som ikke autentisert |

      @krav:SEC-10
      Eksempler: Uten scopet API-et krever
        | tokenet                            | avvisning        |
        | et token uten scopet API-et krever | som uten tilgang |
