// The shared list check (support/lists.ts): paging to the end and exact members. Each check is shown
// failing on a list that breaks it, and passing on one that does not.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiResponse } from '../support/clients/http.ts';
import { expectMembers, listItems, PAGE_LIMIT, readPages, type PagedList } from '../support/lists.ts';

type Item = { id: string };
type Page = ApiResponse<PagedList<Item> | Item[]>;

function page(url: string, data: Item[] | unknown, next: string | null = null, status = 200): Page {
  const body = Array.isArray(data) && next === 'bare' ? data : { links: { next: next === 'bare' ? null : next }, data };
  return {
    status,
    headers: {},
    body,
    data: status === 200 ? (body as PagedList<Item>) : undefined,
    text: JSON.stringify(body),
    exchange: { seq: 1, actor: 't', component: 't', startedAt: '', durationMs: 0, request: { method: 'GET', url, headers: {} }, verified: false },
  } as Page;
}

const A = 'https://t.invalid/list';
const B = 'https://t.invalid/list?token=b';
const C = 'https://t.invalid/list?token=c';

function server(pages: Record<string, Page>): (url: string) => Promise<Page> {
  return async (url) => {
    const p = pages[url];
    if (!p) throw new Error(`unexpected ${url}`);
    return p;
  };
}

test('readPages follows links.next to the end, and listItems gives every member', async () => {
  const read = await readPages(page(A, [{ id: '1' }], B), server({ [B]: page(B, [{ id: '2' }], C), [C]: page(C, [{ id: '3' }]) }));
  assert.equal(read.pages.length, 3);
  assert.deepEqual(listItems(read, 'X-1', 'listen').map((i) => i.id), ['1', '2', '3']);
});

test('a relative links.next is not followed, and the list check fails naming it', async () => {
  const read = await readPages(page(A, [{ id: '1' }], '/list?token=b'), server({}));
  assert.equal(read.pages.length, 1);
  assert.throws(() => listItems(read, 'X-1', 'listen'), /\[X-1\] listen: links.next skal være en absolutt URL/);
});

test('a links.next that leads back is a loop, and a chain longer than the limit fails', async () => {
  const loop = await readPages(page(A, [{ id: '1' }], B), server({ [B]: page(B, [{ id: '2' }], A) }));
  assert.throws(() => listItems(loop, 'X-1', 'listen'), /går i ring/);
  let n = 0;
  const endless = await readPages(page(A, [{ id: '0' }], `${A}?p=1`), async (url) => page(url, [{ id: String(++n) }], `${A}?p=${n + 1}`));
  assert.equal(endless.pages.length, PAGE_LIMIT);
  assert.throws(() => listItems(endless, 'X-1', 'listen'), /mer enn 25 sider/);
});

test('a next page that is not 200, or is empty, fails the list check', async () => {
  const refused = await readPages(page(A, [{ id: '1' }], B), server({ [B]: page(B, { title: 'no' }, null, 400) }));
  assert.throws(() => listItems(refused, 'X-1', 'listen'), /side 2 .*forventet HTTP 200, fikk 400/);
  const empty = await readPages(page(A, [{ id: '1' }], B), server({ [B]: page(B, []) }));
  assert.throws(() => listItems(empty, 'X-1', 'listen'), /føre til resten av listen/);
});

test('a bare array is one page', async () => {
  const read = await readPages(page(A, [{ id: '1' }], 'bare'), server({}));
  assert.deepEqual(listItems(read, 'X-1', 'listen'), [{ id: '1' }]);
});

const key = (i: Item) => i.id;
const expected = new Map([['a', 'A'], ['b', 'B']]);

test('expectMembers: exact passes on exactly the members, whatever the order and case', () => {
  expectMembers([{ id: 'B' }, { id: 'a' }], { krav: 'X-1', what: 'listen', key, expected, exact: true });
});

test('expectMembers: a missing member fails', () => {
  assert.throws(() => expectMembers([{ id: 'a' }], { krav: 'X-1', what: 'listen', key, expected, exact: true }), /\[X-1\] listen: mangler B \(b\)/);
});

test('expectMembers: an extra member fails as a leak when exact, and passes when not', () => {
  const items = [{ id: 'a' }, { id: 'b' }, { id: 'z' }];
  assert.throws(() => expectMembers(items, { krav: 'X-1', what: 'listen', key, expected, exact: true }), /lekkasje: z står i listen/);
  expectMembers(items, { krav: 'X-1', what: 'listen', key, expected, exact: false });
});

test('expectMembers: an absent member, a foreign member and a member twice fail', () => {
  const items = [{ id: 'a' }, { id: 'b' }, { id: 'x' }];
  assert.throws(() => expectMembers(items, { krav: 'X-1', what: 'listen', key, expected, exact: false, absent: new Map([['x', 'X']]) }), /X \(x\) skal ikke stå i listen/);
  assert.throws(
    () => expectMembers(items, { krav: 'X-1', what: 'listen', key, expected, exact: false, foreign: (i) => (i.id === 'x' ? 'den er fra en annen part' : undefined) }),
    /lekkasje: x står i listen, men den er fra en annen part/,
  );
  assert.throws(() => expectMembers([{ id: 'a' }, { id: 'b' }, { id: 'a' }], { krav: 'X-1', what: 'listen', key, expected, exact: false }), /a står mer enn én gang/);
});
