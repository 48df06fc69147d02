// The suite's check of Dialogporten answers against the official OpenAPI (support/schemas/dialogporten.ts)
// must be able to fail: answers recorded from a conformance run (test/fixtures/dialogporten/) pass as
// recorded, and the same answers with one member renamed, mistyped or given a value outside its enum
// fail, with a message naming the member.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DialogportenSchemas, openApiToJsonSchema } from '../support/schemas/dialogporten.ts';
import { OPERATIONS } from '../support/clients/dialogporten.ts';
import { checkAnswer } from '../support/tasks/dialogporten.ts';
import { expectAllOfficial, expectOfficialShape } from '../support/expectations/dialogporten.ts';
import { ServiceOwner } from '../support/actors/service-owner.ts';
import type { DialogportenResponse } from '../support/clients/dialogporten.ts';

const schemas = new DialogportenSchemas();

type Json = Record<string, unknown>;

function recorded(name: 'search' | 'dialog' | 'transmissions' | 'forbidden'): Json {
  return JSON.parse(readFileSync(new URL(`./fixtures/dialogporten/${name}.json`, import.meta.url), 'utf8')) as Json;
}

/** A copy of `value` with the member `from` of `at` (an object inside it) renamed to `to`. */
function renamed(value: Json, pick: (copy: Json) => Json, from: string, to: string): Json {
  const copy = structuredClone(value);
  const target = pick(copy);
  assert.ok(from in target, `the recorded answer has no member ${from}`);
  target[to] = target[from];
  delete target[from];
  return copy;
}

const first = (list: unknown): Json => (list as Json[])[0] as Json;

test('the recorded answers follow the official schema as recorded', () => {
  const { method, path } = OPERATIONS.searchDialogs;
  assert.deepEqual(schemas.checkResponse(method, path, 200, recorded('search'))?.errors, []);
  assert.deepEqual(schemas.checkResponse('GET', OPERATIONS.getDialog.path, 200, recorded('dialog'))?.errors, []);
  assert.deepEqual(schemas.checkResponse('GET', OPERATIONS.listTransmissions.path, 200, recorded('transmissions'))?.errors, []);
  const forbidden = schemas.checkResponse('GET', OPERATIONS.getDialog.path, 403, recorded('forbidden'));
  assert.equal(forbidden?.schema, 'ProblemDetails', 'a JSON 403 is checked as ProblemDetails');
  assert.deepEqual(forbidden?.errors, []);
});

test('a renamed member of a dialog is caught, and the message names it', () => {
  const check = schemas.checkResponse('GET', OPERATIONS.getDialog.path, 200, renamed(recorded('dialog'), (d) => d, 'serviceResource', 'serviceresource'));
  assert.equal(check?.valid, false);
  assert.equal(check?.schema, 'V1EndUserDialogsQueriesGet_Dialog');
  assert.ok(check?.errors.some((e) => e.includes('serviceresource')), check?.errors.join('\n'));
});

test('a renamed member deep inside (a transmission title) is caught', () => {
  const check = schemas.checkResponse(
    'GET',
    OPERATIONS.getDialog.path,
    200,
    renamed(recorded('dialog'), (d) => first(d.transmissions).content as Json, 'title', 'titel'),
  );
  assert.equal(check?.valid, false);
  assert.ok(check?.errors.some((e) => e.startsWith('/transmissions/0/content') && e.includes('titel')), check?.errors.join('\n'));
});

test('a renamed member of a search item, and of the page, are caught', () => {
  const item = schemas.checkResponse('GET', OPERATIONS.searchDialogs.path, 200, renamed(recorded('search'), (s) => first(s.items), 'party', 'partyId'));
  assert.equal(item?.valid, false);
  assert.ok(item?.errors.some((e) => e.startsWith('/items/0') && e.includes('partyId')), item?.errors.join('\n'));
  const page = schemas.checkResponse('GET', OPERATIONS.searchDialogs.path, 200, renamed(recorded('search'), (s) => s, 'continuationToken', 'nextToken'));
  assert.equal(page?.valid, false);
});

test('a value outside its enum, a wrong type and a broken id format are caught', () => {
  const dialog = recorded('dialog');
  for (const broken of [
    { ...dialog, status: 'Sent' }, // an input alias, never an output status (docs/contracts/dialogporten-broker.md §A.5)
    { ...dialog, hasUnopenedContent: 'true' },
    { ...dialog, id: 'not-a-guid' },
  ]) {
    assert.equal(schemas.checkResponse('GET', OPERATIONS.getDialog.path, 200, broken)?.valid, false, JSON.stringify(broken).slice(0, 80));
  }
});

test('nullable: null passes where the spec says nullable, and only there', () => {
  const dialog = recorded('dialog');
  assert.equal(schemas.checkResponse('GET', OPERATIONS.getDialog.path, 200, { ...dialog, dueAt: null })?.valid, true);
  assert.equal(schemas.checkResponse('GET', OPERATIONS.getDialog.path, 200, { ...dialog, id: null })?.valid, false);
  assert.deepEqual(openApiToJsonSchema({ type: 'string', nullable: true }), { type: ['string', 'null'] });
  assert.deepEqual(openApiToJsonSchema({ $ref: '#/x', nullable: true }), { anyOf: [{ $ref: '#/x' }, { type: 'null' }] });
  assert.deepEqual(openApiToJsonSchema({ properties: { nullable: { type: 'boolean' } } }), { properties: { nullable: { type: 'boolean' } } }, 'a member named like a keyword stays');
});

test('the create answer is checked against its inline schema (a JSON string), and an empty 401 has no shape to check', () => {
  assert.equal(schemas.checkResponse('POST', OPERATIONS.createDialog.path, 201, '01a20f18-c653-781c-9508-cc6910ad6658')?.valid, true);
  assert.equal(schemas.checkResponse('POST', OPERATIONS.createDialog.path, 201, { id: 'x' })?.valid, false);
  assert.equal(schemas.checkResponse('GET', OPERATIONS.searchDialogs.path, 401, ''), undefined);
});

test('the expectation fails a Then-step on a renamed member, naming DP-6 and the member', () => {
  const response = {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: renamed(recorded('dialog'), (d) => d, 'party', 'Party'),
    text: '',
    exchange: {
      seq: 1, actor: 'systemet', component: 'dialogporten', startedAt: '', durationMs: 0, verified: false,
      request: { method: 'GET', url: 'http://dp.samsvar.invalid/api/v1/enduser/dialogs/x', headers: {} },
    },
    operation: OPERATIONS.getDialog,
  } as unknown as DialogportenResponse<unknown>;
  const answer = checkAnswer(response);
  assert.throws(() => expectOfficialShape(answer), (error: Error) => /\[DP-6\]/.test(error.message) && /Party/.test(error.message));
});

/** A recorded Dialogporten answer as the suite keeps it, for `operation` and `status`. */
function answerOf(operation: keyof typeof OPERATIONS, status: number, body: unknown) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return checkAnswer({
    status, headers: { 'content-type': 'application/json' }, body, text,
    exchange: {
      seq: 1, actor: 'tjenesteeieren', component: 'dialogporten', startedAt: '', durationMs: 0, verified: false,
      request: { method: OPERATIONS[operation].method, url: `http://dp.samsvar.invalid${OPERATIONS[operation].path}`, headers: {} },
    },
    operation: OPERATIONS[operation],
  } as unknown as DialogportenResponse<unknown>);
}

/** A service owner whose notes hold these answers (the step reads only the notes). */
function ownerWith(answers: unknown[]): ServiceOwner {
  const owner = Object.create(ServiceOwner.prototype) as ServiceOwner;
  Object.assign(owner, { role: 'tjenesteeieren', notes: { messages: { answers } } });
  return owner;
}

test('"følger hvert svar" fails when one answer has no official schema, even if the others follow theirs', () => {
  const good = answerOf('getDialog', 200, recorded('dialog'));
  assert.equal(good.schema?.valid, true);
  const shapeless = answerOf('searchDialogs', 401, '');
  assert.equal(shapeless.schema, undefined, 'an empty 401 has no official shape');
  assert.doesNotThrow(() => expectAllOfficial(ownerWith([good])));
  assert.throws(() => expectAllOfficial(ownerWith([good, shapeless])), (error: Error) => /\[DP-6\] 1 av 2 svar/.test(error.message) && /401/.test(error.message));
  assert.throws(() => expectAllOfficial(ownerWith([])), /har ikke fått noen svar/);
});

test('"følger hvert svar" fails on any one answer that breaks its schema', () => {
  const good = answerOf('getDialog', 200, recorded('dialog'));
  const broken = answerOf('getDialog', 200, renamed(recorded('dialog'), (d) => d, 'party', 'partyId'));
  assert.throws(() => expectAllOfficial(ownerWith([good, broken])), (error: Error) => /\[DP-6\] 1 av 2 svar/.test(error.message) && /partyId/.test(error.message));
});
