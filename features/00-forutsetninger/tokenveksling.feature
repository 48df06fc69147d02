# language: no
@scenario:0 @kapabilitet:maskinporten @kapabilitet:systemregister @kapabilitet:tokenveksling
Egenskap: Systemet veksler Maskinporten-tokenet sitt inn i et Altinn-token

  Altinns plattform-API-er godtar både Maskinporten-tokenet og et Altinn-token vekslet fra det
  (GET /authentication/api/v1/exchange/maskinporten). Altinns egen test av formidlingstjenesten
  veksler før den kaller tjenesten. Det vekslede tokenet er signert med en nøkkel Altinn publiserer
  under /authentication/api/v1/openid/, og tokenvekslingen stoler bare på Maskinporten.

  Regel: Et vekslet token er et Altinn-token som plattform-API-ene godtar

    @krav:TV-1 @krav:TV-2
    Scenario: Systemet veksler tokenet sitt og bruker det vekslede tokenet mot systemregisteret
      Når systemet veksler Maskinporten-tokenet sitt inn i et Altinn-token
      Så får systemet et Altinn-token signert med en nøkkel Altinn publiserer, med kravene fra Maskinporten-tokenet
      Når systemet kaller systemregisteret med det vekslede tokenet
      Så godtar systemregisteret det vekslede tokenet fra systemet

  Regel: Tokenvekslingen veksler ikke et token den ikke skal stole på

    @krav:TV-3 @negativ
    Scenario: Et token fra en annen utsteder veksles ikke
      Når systemet veksler et token fra en annen utsteder inn i et Altinn-token
      Så avviser tokenvekslingen tokenet fra systemet som ikke autentisert

    @krav:TV-3 @negativ @kapabilitet:testdata-api
    Scenario: Et utløpt Maskinporten-token veksles ikke
      Når systemet veksler et utløpt token inn i et Altinn-token
      Så avviser tokenvekslingen tokenet fra systemet som ikke autentisert
