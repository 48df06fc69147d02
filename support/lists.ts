// Lists are checked exactly (issue 20, class 1). A task reads a list the way a client pages it:
// `readPages` follows `links.next` to the end (an absolute URL, no loop, a page limit) and keeps every
// page; a Then-step checks the pages with `listItems` and the members with `expectMembers`: none
// missing, none extra (a member the scenario did not make is named as a leak), none twice.
//
// Where the scenario cannot know the whole list on a target (a shared party on TT02 that holds what
// other runs made), the step passes `exact: false` and says why; then the scenario's own members
// must be there, the members it knows must not be (`absent`), and `foreign` names members that may
// never be there (from a party the actor has no relation to).

import assert from 'node:assert/strict';
import { markVerified, type ApiResponse } from './clients/http.ts';

/** A paged list of Altinn's shape: `{links:{next}, data:[...]}`; a bare array is one page with no link. */
export interface PagedList<T> {
  links?: { next?: string | null } | null;
  data?: T[];
}

/** The pages a task read, and why it stopped following `links.next` when not at the end. */
export interface ListPages<T> {
  pages: Array<ApiResponse<PagedList<T> | T[]>>;
  /** Set when a `links.next` could not (or should not) be followed: the Then-step fails with it. */
  stoppedBecause?: string;
}

/** At most this many pages are followed; a longer chain is reported (a loop the URLs do not show, or a runaway list). */
export const PAGE_LIMIT = 25;

/** `links.next` of a page: undefined at the end (null, empty or absent). */
export function nextLink(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const next = (body as PagedList<unknown>).links?.next;
  return typeof next === 'string' && next !== '' ? next : undefined;
}

/** Why `next` is not a link a client can follow (undefined when it is: an absolute http(s) URL). */
export function linkProblem(next: string): string | undefined {
  let url: URL;
  try {
    url = new URL(next);
  } catch {
    return `links.next skal være en absolutt URL, var "${next}"`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `links.next skal være en http(s)-URL, var "${next}"`;
  return undefined;
}

/**
 * Reads a whole list: the first answer, then every `links.next` with `fetch` (the same client and
 * token), until a page has no link, a page is not 200, a link is not absolute, a link repeats, or
 * PAGE_LIMIT pages are read.
 */
export async function readPages<T>(
  first: ApiResponse<PagedList<T> | T[]>,
  fetch: (url: string) => Promise<ApiResponse<PagedList<T> | T[]>>,
): Promise<ListPages<T>> {
  const pages: ListPages<T>['pages'] = [first];
  const seen = new Set<string>([first.exchange.request.url]);
  for (let page = first; ; ) {
    if (page.status !== 200) return { pages };
    const next = nextLink(page.data);
    if (next === undefined) return { pages };
    const problem = linkProblem(next);
    if (problem) return { pages, stoppedBecause: problem };
    if (seen.has(next)) return { pages, stoppedBecause: `links.next peker tilbake på en side som alt er lest (${next}): listen går i ring` };
    if (pages.length >= PAGE_LIMIT) return { pages, stoppedBecause: `listen har mer enn ${PAGE_LIMIT} sider; links.next tar aldri slutt` };
    seen.add(next);
    page = await fetch(next);
    pages.push(page);
  }
}

/** One page as a read with no link (a task that has a single answer, not a paged list). */
export function onePage<T>(response: ApiResponse<PagedList<T> | T[]>): ListPages<T> {
  return { pages: [response] };
}

/**
 * The members of every page: each page 200 with a list (`data`, or a bare array), the chain of links
 * followed to the end. `what` says which list, in Norwegian.
 */
export function listItems<T>(read: ListPages<T> | undefined, krav: string, what: string): T[] {
  assert.ok(read && read.pages.length > 0, `Scenarioet har ikke lest ${what}.`);
  const items: T[] = [];
  read.pages.forEach((page, i) => {
    markVerified(page);
    const where = i === 0 ? what : `${what}, side ${i + 1} (${page.exchange.request.url})`;
    assert.equal(page.status, 200, `[${krav}] ${where}: forventet HTTP 200, fikk ${page.status} ${page.text.slice(0, 200)}.`);
    const body = page.data;
    const list = Array.isArray(body) ? body : body?.data;
    assert.ok(Array.isArray(list), `[${krav}] ${where}: svaret skal ha en liste "data", var ${page.text.slice(0, 300)}.`);
    if (i > 0) assert.ok(list.length > 0, `[${krav}] ${where}: links.next på forrige side skal føre til resten av listen, men siden er tom.`);
    items.push(...list);
  });
  assert.equal(read.stoppedBecause, undefined, `[${krav}] ${what}: ${read.stoppedBecause}.`);
  return items;
}

export interface MemberExpectation<T> {
  krav: string;
  what: string;
  /** The key that names a member (an id, an org number); compared case-insensitively. */
  key: (item: T) => string | undefined;
  /** Members the list must hold, key → how the message names it. */
  expected: Map<string, string>;
  /** The list holds exactly `expected` (true), or at least (false: say why in the step). */
  exact: boolean;
  /** Members the list must not hold, key → name (for `exact: false`; with `exact` they are extra anyway). */
  absent?: Map<string, string>;
  /** A member that may never be there whatever else the target holds: returns why (a leak). */
  foreign?: (item: T) => string | undefined;
}

const norm = (key: string | undefined): string | undefined => key?.toLowerCase();

/** Checks the members: none missing, none extra when exact (named as a leak), none absent, none foreign, none twice. */
export function expectMembers<T>(items: T[], e: MemberExpectation<T>): void {
  const keys = items.map((item) => norm(e.key(item)));
  const shown = keys.map((k) => k ?? '(uten id)').join(', ') || 'ingen';
  const twice = keys.filter((k, i) => k !== undefined && keys.indexOf(k) !== i);
  assert.equal(twice.length, 0, `[${e.krav}] ${e.what}: ${[...new Set(twice)].join(', ')} står mer enn én gang i listen (sidene overlapper?); listen var ${shown}.`);
  const expected = new Map([...e.expected].map(([k, v]) => [norm(k) as string, v]));
  const missing = [...expected].filter(([k]) => !keys.includes(k)).map(([k, name]) => `${name} (${k})`);
  assert.equal(missing.length, 0, `[${e.krav}] ${e.what}: mangler ${missing.join(', ')}; listen var ${shown}.`);
  for (const [k, name] of e.absent ?? []) {
    assert.ok(!keys.includes(norm(k)), `[${e.krav}] ${e.what}: ${name} (${k}) skal ikke stå i listen, men står der; listen var ${shown}.`);
  }
  for (const item of items) {
    const why = e.foreign?.(item);
    assert.equal(why, undefined, `[${e.krav}] ${e.what}: lekkasje: ${e.key(item) ?? '(uten id)'} står i listen, men ${why}; listen var ${shown}.`);
  }
  if (e.exact) {
    const extra = keys.filter((k) => k === undefined || !expected.has(k));
    assert.equal(
      extra.length,
      0,
      `[${e.krav}] ${e.what}: lekkasje: ${extra.map((k) => k ?? '(uten id)').join(', ')} står i listen, men scenarioet har ikke laget dem (forventet nøyaktig ${[...expected.values()].join(', ') || 'ingen'}); listen var ${shown}.`,
    );
  }
}
