# language: no
@sikkerhet @kapabilitet:systemregister @kapabilitet:standard-systembruker @kapabilitet:maskinporten
Egenskap: Maskinporten avviser grants som er manipulert

  Et system får systembrukertoken ved å sende Maskinporten en JWT-grant signert med nøkkelen som er
  registrert på klienten. En angriper, eller et system med feil, kan sende en grant som ser riktig
  ut, men der én ting er galt: signaturen, tiden, mottakeren, om granten er brukt før, scopet eller
  authorization_details. Maskinporten skal avvise hver av dem med feilkoden kontrakten gir, og ikke
  utstede noe token. Virksomheten har godkjent systembrukeren, så en riktig grant hadde gitt token:
  det er bare angrepet som skiller.

  Bakgrunn:
    Gitt at systemleverandøren har registrert et system som krever tilgangspakken "Merverdiavgift"
    Og at virksomheten har godkjent en systembruker for systemet til systemleverandøren med tilgangspakken "Merverdiavgift"

  @negativ
  Scenariomal: Maskinporten avviser en grant med <angrep>
    Når systemet sender Maskinporten en grant for virksomheten med <angrep>
    Så avviser Maskinporten granten fra systemet med feilen "<feil>" og feilkoden <kode>, og utsteder intet token

    @krav:SEC-1
    Eksempler: Granten er ikke signert med en nøkkel klienten har registrert
      | angrep                                            | feil          | kode   |
      | alg «none» og ingen signatur                      | invalid_grant | MP-100 |
      | HS256-signatur laget med den offentlige nøkkelen  | invalid_grant | MP-100 |
      | en nøkkel-ID Maskinporten ikke kjenner            | invalid_grant | MP-100 |

    @krav:SEC-2
    Eksempler: Granten er brukt til feil tid, eller lever for lenge
      | angrep                        | feil            | kode   |
      | exp som allerede er passert   | invalid_grant   | MP-130 |
      | iat 30 sekunder tilbake i tid | invalid_grant   | MP-130 |
      | nbf 60 sekunder fram i tid    | invalid_grant   | MP-130 |
      | levetid på 300 sekunder       | invalid_request | MP-011 |

    @krav:SEC-3
    Eksempler: Granten er laget for en annen mottaker
      | angrep   | feil          | kode   |
      | feil aud | invalid_grant | MP-110 |

    @krav:SEC-4
    Eksempler: Granten er brukt før
      | angrep                                                          | feil          | kode   |
      | en jti som er brukt før                                         | invalid_grant | MP-012 |
      | nøyaktig samme innhold og signatur som en grant som er brukt før | invalid_grant | MP-012 |

    @krav:SEC-5
    Eksempler: Scopet mangler eller er ikke registrert på klienten
      | angrep                     | feil          | kode   |
      | ingen scope                | invalid_scope | MP-200 |
      | et scope klienten ikke har | invalid_scope | MP-200 |

    @krav:SEC-6
    Eksempler: authorization_details har ikke nøyaktig ett element av riktig type med kjente felt
      | angrep                                 | feil            | kode   |
      | to elementer i authorization_details   | invalid_request | MP-011 |
      | et ukjent felt i authorization_details | invalid_request | MP-302 |
      | en ukjent type i authorization_details | invalid_request | MP-301 |
