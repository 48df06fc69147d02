// The organisation access package catalogue as data (docs/contracts/altinn-authorization.md §2.2–§2.4).
//
// Every organisation package code of §2.3 is here, grouped by area. Flags follow §2.3: every package
// is delegable (D) and assignable (A) unless listed in NOT_DELEGABLE / NOT_ASSIGNABLE, and is
// available to service owners (usable in resource policies) unless its area is in
// AREAS_NOT_FOR_SERVICE_OWNERS or it is listed in NOT_FOR_SERVICE_OWNERS. The packages of §2.4 carry
// their exact ids, English names and flags in KEY_PACKAGES, which win over the rules above.
//
// Ids: only the §2.4 package ids and the area and area group ids are Altinn's real ones. The ids of
// the other packages are derived from their code (see catalogue.ts) and are NOT the real ids.
// Names are Norwegian (Accept-Language nb); packages without a name here get one derived from the code.
// Person packages (area groups Innbygger and Vergemål) are not part of the reference catalogue.

export interface AreaGroupData {
  id: string;
  name: string;
  nameEn: string;
}

export interface AreaData {
  id: string;
  /** Snake-case code; the area URN is `accesspackage:area:<code>`. */
  code: string;
  groupId: string;
  name: string;
  packages: readonly string[];
}

export interface KeyPackageData {
  id: string;
  name: string;
  nameEn: string;
  description: string;
  isDelegable: boolean;
  isAssignable: boolean;
  isResourcePolicyAvailable: boolean;
}

export const GROUP_GENERAL = '7e2a3af8-08cb-43a9-bdd7-7d5c7e377145';
export const GROUP_INDUSTRY = '3757643a-316d-4d0e-a52b-4dc7cdebc0b4';
export const GROUP_SPECIAL = '554f0321-53b8-4d97-be12-6a585c507159';

/** §2.2 (organisation groups only). */
export const AREA_GROUPS: readonly AreaGroupData[] = [
  { id: GROUP_GENERAL, name: 'Allment', nameEn: 'General' },
  { id: GROUP_INDUSTRY, name: 'Bransje', nameEn: 'Industry' },
  { id: GROUP_SPECIAL, name: 'Særskilt', nameEn: 'Special' },
];

/** §2.3, in its order. */
export const AREAS: readonly AreaData[] = [
  {
    id: '7d32591d-34b7-4afc-8afa-013722f8c05d', code: 'skatt_avgift_regnskap_og_toll', groupId: GROUP_GENERAL,
    name: 'Skatt, avgift, regnskap og toll',
    packages: ['regnskap-okonomi-rapport', 'revisjon', 'revisorattesterer', 'skatt-naering', 'krav-og-utlegg',
      'kreditt-og-oppgjoer', 'toll', 'motorvognavgift', 'saeravgifter', 'skattegrunnlag', 'merverdiavgift',
      'mva-kompensasjon-revisorattesterer'],
  },
  {
    id: '6f7f3b02-8b5a-4823-9468-0f4646d3a790', code: 'personale', groupId: GROUP_GENERAL,
    name: 'Personale',
    packages: ['a-ordning', 'ansettelsesforhold', 'permisjon', 'pensjon', 'lonn', 'lonn-personopplysninger-saerlig-kategori',
      'sykefravaer', 'sykefravaer-personopplysninger-saerlig-kategori', 'oppgi-naermeste-leder'],
  },
  {
    id: 'a8834a7c-ed89-4c73-b5d5-19a2347f3b13', code: 'miljo_ulykke_og_sikkerhet', groupId: GROUP_GENERAL,
    name: 'Miljø, ulykke og sikkerhet',
    packages: ['ulykke', 'miljorydding-miljorensing-og-lignende', 'yrkesskade', 'sikkerhet-og-internkontroll', 'baerekraft',
      'renovasjon'],
  },
  {
    id: '6f938de8-34f2-4bab-a0c6-3a3eb64aad3b', code: 'post_og_arkiv', groupId: GROUP_GENERAL,
    name: 'Post og arkiv',
    packages: ['post-til-virksomheten-med-taushetsbelagt-innhold', 'ordinaer-post-til-virksomheten'],
  },
  {
    id: '3f5df819-7aca-49e1-bf6f-3e8f120f20d1', code: 'forhold_ved_virksomheten', groupId: GROUP_GENERAL,
    name: 'Forhold ved virksomheten',
    packages: ['attester', 'dokumentbasert-tilsyn', 'eksplisitt', 'teknisk-samhandling-skatt', 'teknisk-samhandling-digdir',
      'beredskap', 'reelle-rettighetshavere-avvik-eu-oppslag', 'generelle-helfotjenester', 'tilskudd-stotte-erstatning',
      'helfo-saerlig-kategori', 'infrastruktur', 'mine-sider-kommune', 'patent-varemerke-design', 'politi-og-domstol',
      'folkeregister', 'offentlige-anskaffelser', 'forskning', 'aksjer-og-eierforhold', 'starte-drive-endre-avvikle-virksomhet',
      'rapportering-statistikk', 'virksomhetens-representant-skjemaoppgaver'],
  },
  {
    id: '892e98c6-1696-46e7-9bb1-59c08761ec64', code: 'integrasjoner', groupId: GROUP_GENERAL,
    name: 'Integrasjoner',
    packages: ['maskinporten-scopes', 'maskinporten-scopes-nuf', 'maskinlesbare-hendelser'],
  },
  {
    id: 'e4ae823f-41db-46ed-873f-8a5d1378fff8', code: 'administrere_tilganger', groupId: GROUP_GENERAL,
    name: 'Administrere tilganger',
    packages: ['tilgangsstyrer', 'tilgangsstyring-enkeltinstanser', 'klientadministrator', 'konkursbo-tilgangsstyrer',
      'hovedadministrator', 'maskinporten-administrator'],
  },
  {
    id: 'fc93d25e-80bc-469a-aa43-a6cee80eb3e2', code: 'jordbruk_skogbruk_jakt_fiske_og_akvakultur', groupId: GROUP_INDUSTRY,
    name: 'Jordbruk, skogbruk, jakt, fiske og akvakultur',
    packages: ['jordbruk', 'dyrehold', 'akvakultur', 'fiske', 'skogbruk', 'jakt-og-viltstell', 'reindrift'],
  },
  {
    id: '536b317c-ef85-45d4-9b48-6511578e1952', code: 'bygg_anlegg_og_eiendom', groupId: GROUP_INDUSTRY,
    name: 'Bygg, anlegg og eiendom',
    packages: ['byggesoknad', 'kjop-og-salg-eiendom', 'oppforing-bygg-anlegg', 'plansak', 'tinglysing-eiendom', 'eiendomsmegler',
      'utleie-eiendom', 'motta-nabo-og-planvarsel'],
  },
  {
    id: '6ff90072-566b-4acd-baac-ec477534e712', code: 'transport_og_lagring', groupId: GROUP_INDUSTRY,
    name: 'Transport og lagring',
    packages: ['lufttransport', 'sjofart', 'transport-i-ror', 'jernbanetransport', 'kjoretoy', 'omregistrering',
      'forstegangsregistrering', 'trafikant', 'veitransport', 'lagring-og-andre-tjenester-tilknyttet-transport'],
  },
  {
    id: 'eab59b26-833f-40ca-9e27-72107e8f1908', code: 'helse_pleie_omsorg_og_vern', groupId: GROUP_INDUSTRY,
    name: 'Helse, pleie, omsorg og vern',
    packages: ['pleie-omsorgstjenester-i-institusjon', 'barnevern', 'familievern', 'helsetjenester',
      'helsetjenester-personopplysninger-saerlig-kategori', 'kommuneoverlege',
      'sosiale-omsorgstjenester-uten-botilbud-og-flyktningemottak'],
  },
  {
    id: '7326614f-cf7c-492e-8e7f-d74e6e4a8970', code: 'oppvekst_og_utdanning', groupId: GROUP_INDUSTRY,
    name: 'Oppvekst og utdanning',
    packages: ['sfo-leder', 'godkjenning-av-utdanningsvirksomhet', 'statsforvalter-barnehage', 'statsforvalter-skole-og-opplearing',
      'hoyere-utdanning-og-hoyere-yrkesfaglig-utdanning', 'barnehagemyndighet', 'barnehageleder', 'barnehageeier',
      'opplaeringskontorleder', 'ppt-leder', 'godkjenning-av-personell', 'skoleleder', 'skoleeier'],
  },
  {
    id: '6e152c10-0f63-4060-9b14-66808e7ac320', code: 'energi_vann_avlop_og_avfall', groupId: GROUP_INDUSTRY,
    name: 'Energi, vann, avløp og avfall',
    packages: ['miljorydding-rensing', 'elektrisitet-produsere-overfore-distrubere', 'utvinning-raaolje-naturgass-kull',
      'samle-behandle-avlopsvann', 'damp-varmtvann', 'avfall-behandle-gjenvinne', 'vann-kilde-rense-distrubere'],
  },
  {
    id: '10c2dd29-5ab3-4a26-900e-8e2326150353', code: 'industrier', groupId: GROUP_INDUSTRY,
    name: 'Industrier',
    packages: ['naeringsmidler-drikkevarer-og-tobakk', 'mobler-og-annen-industri', 'trelast-trevarer-papirvarer',
      'metallvarer-elektrisk-utstyr-og-maskiner', 'metaller-og-mineraler', 'bergverk',
      'oljeraffinering-kjemisk-farmasoytisk-industri', 'trykkerier-reproduksjon-opptak',
      'reparasjon-og-installasjon-av-maskiner-og-utstyr', 'gummi-plast-og-ikkemetallholdige-mineralprodukter',
      'verft-og-andre-transportmidler', 'tekstiler-klaer-laervarer'],
  },
  {
    id: '5996ba37-6db0-4391-8918-b1b0bd4b394b', code: 'kultur_og_frivillighet', groupId: GROUP_INDUSTRY,
    name: 'Kultur og frivillighet',
    packages: ['kunst-og-underholdning', 'fornoyelser', 'biblioteker-museer-arkiver-og-annen-kultur', 'lotteri-og-spill',
      'politikk', 'sport-og-fritid'],
  },
  {
    id: '3797e9f0-dd83-404c-9897-e356c32ef600', code: 'handel_overnatting_og_servering', groupId: GROUP_INDUSTRY,
    name: 'Handel, overnatting og servering',
    packages: ['overnatting', 'servering', 'varehandel'],
  },
  {
    id: 'e31169f6-d4c7-4e45-93c7-f90bc285b639', code: 'andre_tjenesteytende_naeringer', groupId: GROUP_INDUSTRY,
    name: 'Andre tjenesteytende næringer',
    packages: ['finansiering-og-forsikring', 'informasjon-og-kommunikasjon', 'elektronisk-kommunikasjon', 'annen-tjenesteyting',
      'posttjenester', 'tjenester-nuf'],
  },
  {
    id: '64cbcdc8-01c9-448c-b3d2-eb9582beb3c2', code: 'fullmakter_for_regnskapsforer', groupId: GROUP_SPECIAL,
    name: 'Fullmakter for regnskapsfører',
    packages: ['regnskapsforer-med-signeringsrettighet', 'regnskapsforer-lonn', 'regnskapsforer-uten-signeringsrettighet'],
  },
  {
    id: '7df15290-f43c-4831-a1b4-3edfa43e526d', code: 'fullmakter_for_revisor', groupId: GROUP_SPECIAL,
    name: 'Fullmakter for revisor',
    packages: ['revisormedarbeider', 'ansvarlig-revisor'],
  },
  {
    id: 'f3daddb7-6e21-455e-b6d2-65a281375b6b', code: 'fullmakter_for_konkursbo', groupId: GROUP_SPECIAL,
    name: 'Fullmakter for konkursbo',
    packages: ['konkursbo-skrivetilgang', 'konkursbo-lesetilgang'],
  },
  {
    id: '0195efb8-7c80-76b3-bb86-ae9dfd74bca2', code: 'fullmakter_for_forretningsforer', groupId: GROUP_SPECIAL,
    name: 'Fullmakter for forretningsfører',
    packages: ['forretningsforer-eiendom', 'ffor-tilgangsstyrer-nuf'],
  },
];

/** §2.3 `¬D`. */
export const NOT_DELEGABLE: readonly string[] = [
  'eksplisitt', 'virksomhetens-representant-skjemaoppgaver',
  'maskinporten-scopes', 'maskinporten-scopes-nuf', 'maskinlesbare-hendelser',
  'tilgangsstyrer', 'tilgangsstyring-enkeltinstanser', 'klientadministrator', 'konkursbo-tilgangsstyrer',
  'hovedadministrator', 'maskinporten-administrator',
  'ffor-tilgangsstyrer-nuf',
];

/** §2.3 `¬A`. */
export const NOT_ASSIGNABLE: readonly string[] = [
  'eksplisitt',
  'regnskapsforer-med-signeringsrettighet', 'regnskapsforer-lonn', 'regnskapsforer-uten-signeringsrettighet',
  'revisormedarbeider', 'ansvarlig-revisor',
  'forretningsforer-eiendom',
];

/** §2.3: none of the packages in these areas is available to service owners. */
export const AREAS_NOT_FOR_SERVICE_OWNERS: readonly string[] = ['administrere_tilganger'];

/** §2.4: not available to service owners although its area is. */
export const NOT_FOR_SERVICE_OWNERS: readonly string[] = ['virksomhetens-representant-skjemaoppgaver'];

/** §2.4: exact ids, names and flags. */
export const KEY_PACKAGES: Readonly<Record<string, KeyPackageData>> = {
  'regnskapsforer-med-signeringsrettighet': {
    id: '955d5779-3e2b-4098-b11d-0431dc41ddbe', name: 'Regnskapsfører med signeringsrettighet',
    nameEn: 'Accountant with signing rights',
    description: 'Regnskapsførerens tilgang til klientens regnskapstjenester, med rett til å signere.',
    isDelegable: true, isAssignable: false, isResourcePolicyAvailable: true,
  },
  'regnskapsforer-uten-signeringsrettighet': {
    id: 'a5f7f72a-9b89-445d-85bb-06f678a3d4d1', name: 'Regnskapsfører uten signeringsrettighet',
    nameEn: 'Accountant without signing rights',
    description: 'Regnskapsførerens tilgang til klientens regnskapstjenester, uten rett til å signere.',
    isDelegable: true, isAssignable: false, isResourcePolicyAvailable: true,
  },
  'regnskapsforer-lonn': {
    id: '43becc6a-8c6c-4e9e-bb2f-08fe588ada21', name: 'Regnskapsfører lønn', nameEn: 'Accountant salary',
    description: 'Regnskapsførerens tilgang til klientens lønnstjenester.',
    isDelegable: true, isAssignable: false, isResourcePolicyAvailable: true,
  },
  'ansvarlig-revisor': {
    id: '2f176732-b1e9-449b-9918-090d1fa986f6', name: 'Ansvarlig revisor', nameEn: 'Auditor in charge',
    description: 'Tilgang for revisoren som er registrert som ansvarlig for klienten.',
    isDelegable: true, isAssignable: false, isResourcePolicyAvailable: true,
  },
  revisormedarbeider: {
    id: '96120c32-389d-46eb-8212-0a6540540c25', name: 'Revisormedarbeider', nameEn: 'Assistant auditor',
    description: 'Tilgang for medarbeidere hos klientens revisor.',
    isDelegable: true, isAssignable: false, isResourcePolicyAvailable: true,
  },
  'forretningsforer-eiendom': {
    id: '0195efb8-7c80-7cf2-bcc8-720a3fb39d44', name: 'Forretningsfører eiendom', nameEn: 'Business manager real estate',
    description: 'Forretningsførerens tilgang for borettslag og eierseksjonssameier.',
    isDelegable: true, isAssignable: false, isResourcePolicyAvailable: true,
  },
  merverdiavgift: {
    id: '9a61b136-7810-4939-ab6d-84938e9a12c6', name: 'Merverdiavgift', nameEn: 'Value added tax',
    description: 'Tilgang til tjenester for merverdiavgift.',
    isDelegable: true, isAssignable: true, isResourcePolicyAvailable: true,
  },
  'skatt-naering': {
    id: '1dba50d6-f604-48e9-bd41-82321b13e85c', name: 'Skatt næring', nameEn: 'Business tax',
    description: 'Tilgang til tjenester for skatt for næringsdrivende.',
    isDelegable: true, isAssignable: true, isResourcePolicyAvailable: true,
  },
  skattegrunnlag: {
    id: '4c859601-9b2b-4662-af39-846f4117ad7a', name: 'Skattegrunnlag', nameEn: 'Tax base',
    description: 'Tilgang til tjenester for innrapportering av skattegrunnlag.',
    isDelegable: true, isAssignable: true, isResourcePolicyAvailable: true,
  },
  'regnskap-okonomi-rapport': {
    id: 'b4e69b54-895e-42c5-bf0d-861a571cd282', name: 'Regnskap og økonomirapportering',
    nameEn: 'Accounting and economic reporting',
    description: 'Tilgang til tjenester for regnskap og økonomisk rapportering.',
    isDelegable: true, isAssignable: true, isResourcePolicyAvailable: true,
  },
  'krav-og-utlegg': {
    id: 'a02fc602-872a-4671-b338-8b86a64b534a', name: 'Krav, betalinger og utlegg',
    nameEn: 'Claims, payments and enforcement',
    description: 'Tilgang til tjenester for krav, betalinger og utlegg.',
    isDelegable: true, isAssignable: true, isResourcePolicyAvailable: true,
  },
  'mva-kompensasjon-revisorattesterer': {
    id: '8402518e-fc2d-4f16-8b67-299b98910ab3', name: 'Merverdiavgiftskompensasjon revisorattesterer',
    nameEn: 'VAT compensation auditor certifies',
    description: 'Tilgang til tjenester for merverdiavgiftskompensasjon som revisor attesterer.',
    isDelegable: true, isAssignable: true, isResourcePolicyAvailable: true,
  },
  revisorattesterer: {
    id: '1886712b-e077-445a-ab3f-8c8bdebccc67', name: 'Revisorattesterer', nameEn: 'Auditor attestation',
    description: 'Tilgang til tjenester som revisor skal attestere.',
    isDelegable: true, isAssignable: true, isResourcePolicyAvailable: true,
  },
  'a-ordning': {
    id: '4af2d44d-f9f8-4585-b679-7875bb1828ea', name: 'A-ordningen', nameEn: 'A-melding system',
    description: 'Tilgang til tjenester i a-ordningen.',
    isDelegable: true, isAssignable: true, isResourcePolicyAvailable: true,
  },
  lonn: {
    id: 'fb0aa257-e7dc-4b7b-9528-77dfb749461c', name: 'Lønn', nameEn: 'Salary',
    description: 'Tilgang til tjenester for lønn.',
    isDelegable: true, isAssignable: true, isResourcePolicyAvailable: true,
  },
  klientadministrator: {
    id: '0195efb8-7c80-7e82-9b4f-7d63e773bbca', name: 'Klientadministrator', nameEn: 'Client administrator',
    description: 'Administrere klienter og hvilke medarbeidere og systembrukere som får tilgang til dem.',
    isDelegable: false, isAssignable: true, isResourcePolicyAvailable: false,
  },
  tilgangsstyrer: {
    id: '0195efb8-7c80-7a95-ad36-900c3d8ad300', name: 'Tilgangsstyrer', nameEn: 'Access manager',
    description: 'Gi videre tilganger virksomheten har, til andre.',
    isDelegable: false, isAssignable: true, isResourcePolicyAvailable: false,
  },
  hovedadministrator: {
    id: '0195efb8-7c80-7e16-ab0c-36dc8ab1a29d', name: 'Hovedadministrator', nameEn: 'Main administrator',
    description: 'Administrere alle tilganger for virksomheten.',
    isDelegable: false, isAssignable: true, isResourcePolicyAvailable: false,
  },
  'virksomhetens-representant-skjemaoppgaver': {
    id: '8cb5c1f8-fad7-4ae0-b02b-8ad4cb2652eb', name: 'Virksomhetens representant – skjemaoppgaver',
    nameEn: 'Company representative – form tasks',
    description: 'Utføre skjemaoppgaver på vegne av virksomheten.',
    isDelegable: false, isAssignable: true, isResourcePolicyAvailable: false,
  },
};

/** The entity type all packages here are for (AM EntityTypeConstants: Organization). */
export const ORGANISATION_ENTITY_TYPE = { id: '8c216e2f-afdd-4234-9ba2-691c727bb33d', name: 'Organisasjon' } as const;
