// Norwegian explanations of the problems the platform's APIs answer with. The API decides; the page only
// says in Norwegian what the API's code means, and always shows the code itself.

import type { ApiProblem } from './platform-client.ts';

/** By problem code (docs/contracts/altinn-authentication.md §7.4, docs/contracts/altinn-authorization.md §4.2, §5, docs/samsvar-apis.md). */
const BY_CODE: Record<string, string> = {
  'AUTH-00000': 'Fant ikke virksomheten i Enhetsregisteret.',
  'AUTH-00001': 'En rettighet forespørselen ber om, finnes ikke i systemet eller kan ikke delegeres.',
  'AUTH-00004': 'Virksomheten har allerede en systembruker for dette systemet.',
  'AUTH-00010': 'Fant ikke forespørselen. Den kan være trukket tilbake, eller lenken kan være feil.',
  'AUTH-00011': 'Systemet forespørselen gjelder, finnes ikke lenger i systemregisteret.',
  'AUTH-00013': 'Forespørselen er allerede besvart og kan ikke besvares på nytt.',
  'AUTH-00015': 'Fant ikke systembrukeren.',
  'AUTH-00017': 'Systemet mangler navn på bokmål, så systembrukeren kan ikke opprettes.',
  'AUTH-00030': 'Fant ikke forespørselen om klientsystembruker. Den kan være trukket tilbake, eller lenken kan være feil.',
  'AUTH-00034': 'Systembrukeren er ikke en klientsystembruker.',
  'AUTH-00041': 'Forespørselen gjelder en annen virksomhet.',
  'AUTH-00042': 'Forespørselen gjelder en annen virksomhet.',
  'AUTH-00053': 'Du har ikke selv alle tilgangspakkene forespørselen ber om, og kan derfor ikke gi dem videre.',
  'AUTH-00063': 'En tilgangspakke finnes ikke i systemet.',
  'AUTH-00064': 'En tilgangspakke kan ikke gis til en vanlig systembruker.',
  'AUTH-00065': 'En tilgangspakke kan ikke gis til en klientsystembruker.',
  'AUTH-00066': 'Du har ikke rettighet til å gjøre dette for virksomheten. Det krever at du er tilgangsstyrer, for eksempel daglig leder.',
  'AUTH-00068': 'Du mangler selv tilgang til en tjeneste forespørselen ber om, og kan derfor ikke gi den videre.',
  'AUTH-00070': 'En tjeneste forespørselen ber om, kan ikke delegeres.',
  'AUTH-00071': 'En tjeneste forespørselen ber om, er et Maskinporten-skjema og kan ikke delegeres til en systembruker.',
  'AUTH-00079': 'Klienten finnes ikke blant klientene til virksomheten.',
  'AUTH-00080': 'Klienten har ikke gitt virksomheten alle tilgangspakkene systembrukeren trenger.',
  'AUTH.VLD-00014': 'Fant ikke systembrukeren.',
  'AUTH.VLD-00015': 'Systembrukeren er ikke en klientsystembruker.',
  'AUTH.VLD-00016': 'Klienten mangler eller er ugyldig.',
  'AM-00022': 'Virksomheten må først legges til som rettighetshaver.',
  'AM.VLD-00006': 'Fant ikke virksomheten eller personen.',
  'AM.VLD-00009': 'Lenken eller skjemaet har ugyldige verdier.',
  'AM.VLD-00010': 'Tilgangen er i bruk i klientdelegeringer og kan ikke fjernes ennå.',
  'AM.VLD-00011': 'Fant ikke tilgangspakken.',
  'AM.VLD-00026': 'Du har ikke lov til å gi denne tilgangspakken for virksomheten.',
  'AM.VLD-00028': 'Tilgangspakken kan ikke gis til denne mottakeren.',
  'AM.VLD-00048': 'Tilgangspakken kan ikke tildeles.',
  'TD-00004': 'Fødselsnummeret er ikke gyldig.',
  'TD-00006': 'Fant ingen person med dette fødselsnummeret.',
};

/** When a problem has no code the page knows. */
const BY_STATUS: Record<number, string> = {
  400: 'Plattformen avviste handlingen fordi noe i den var ugyldig.',
  401: 'Du er ikke logget inn, eller innloggingen er utløpt.',
  403: 'Du har ikke tilgang til dette.',
  404: 'Fant ikke det du ba om.',
  409: 'Handlingen er i konflikt med det som allerede er registrert.',
};

/** The Norwegian sentence for a problem. */
export function explain(problem: ApiProblem): string {
  const known = [problem.code, ...(problem.validationCodes ?? [])].filter((c): c is string => !!c).map((c) => BY_CODE[c]).filter(Boolean);
  return known.length ? [...new Set(known)].join(' ') : BY_STATUS[problem.status] ?? 'Plattformen kunne ikke utføre handlingen.';
}

/** The reference line shown under the sentence: code (or status) and the API's own title. */
export function reference(problem: ApiProblem): string {
  const inner = problem.validationCodes?.length ? ` (${[...new Set(problem.validationCodes)].join(', ')})` : '';
  const what = problem.code ? `Feilkode ${problem.code}${inner}` : `HTTP-status ${problem.status}`;
  return problem.title ? `${what}: ${problem.title}` : what;
}

/** Norwegian words for the standard action ids (docs/contracts/altinn-authorization.md §6.3). */
const ACTIONS: Record<string, string> = {
  read: 'lese',
  write: 'skrive',
  sign: 'signere',
  confirm: 'bekrefte',
  delete: 'slette',
  access: 'tilgang',
  subscribe: 'abonnere',
  instantiate: 'opprette',
  publish: 'publisere',
};

export function actionName(action: string | undefined): string {
  if (action === undefined) return 'alle handlinger';
  return ACTIONS[action] ?? action;
}

/** Request statuses (docs/contracts/altinn-authentication.md §3.3) in Norwegian. */
export const REQUEST_STATUS: Record<string, string> = {
  New: 'Venter på svar',
  Accepted: 'Godkjent',
  Rejected: 'Avvist',
  Denied: 'Avslått',
  Timedout: 'Utløpt',
};
