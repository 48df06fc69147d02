// The person's answer ability and the BFF-1 check against right and wrong answers
// (support/abilities/answer-requests.ts, support/expectations/bff.ts, docs/contracts/am-bff.md §3).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bffRefusal, surface, type RequestAnswer, type Surface } from '../support/abilities/answer-requests.ts';
import { expectRefusedForOtherParty } from '../support/expectations/bff.ts';
import type { ApiResponse, Problem } from '../support/clients/http.ts';
import type { Company } from '../support/actors/company.ts';
import type { Vendor } from '../support/actors/vendor.ts';
import type { Exchange } from '../support/evidence.ts';

function response<T>(status: number, body: unknown, problem?: Problem, data?: T): ApiResponse<T> {
  return { status, headers: {}, body, text: JSON.stringify(body), exchange: { request: { method: 'POST', url: 'https://amui.example/x', headers: {} } } as unknown as Exchange, ...(problem ? { problem } : {}), ...(data !== undefined ? { data } : {}) };
}

const problem = (status: number, code: string) => response<boolean>(status, { status, code }, { status, code });

function world(via: Surface, approval: ApiResponse<boolean>, requestStatus = 'New', lookupStatus = 404): { company: Company; vendor: Vendor } {
  const answer: RequestAnswer = { via, reply: 'approve', outcome: approval, done: approval.status === 200 };
  const customer = {
    requestRead: response(200, { status: requestStatus }, undefined, { status: requestStatus }),
    systemUserQuery: response(lookupStatus, {}),
  };
  const company = { role: 'virksomheten', notes: { answer, approval } } as unknown as Company;
  const vendor = { customer: () => customer } as unknown as Vendor;
  return { company, vendor };
}

const check = (w: { company: Company; vendor: Vendor }) => () => expectRefusedForOtherParty(w.company, w.vendor);

test('the BFF maps the AUTH codes it knows to AMUI with its status, every other one to 400 AMUI-00005', () => {
  assert.deepEqual(bffRefusal(403, 'AUTH-00066'), { status: 403, code: 'AMUI-00066' });
  assert.deepEqual(bffRefusal(400, 'AUTH-00053'), { status: 400, code: 'AMUI-00053' });
  assert.deepEqual(bffRefusal(409, 'AUTH-00013'), { status: 400, code: 'AMUI-00005' });
  assert.deepEqual(bffRefusal(403, 'AUTH-00041'), { status: 400, code: 'AMUI-00005' });
  assert.deepEqual(surface('authentication').refusal(403, 'AUTH-00041'), { status: 403, code: 'AUTH-00041' });
});

test('BFF-1 passes for each surface\'s own refusal', () => {
  check(world('am-bff', problem(400, 'AMUI-00005')))();
  check(world('authentication', problem(403, 'AUTH-00041')))();
});

test('BFF-1 fails when the approval in another party\'s name goes through', () => {
  assert.throws(check(world('am-bff', response(200, true))), /^AssertionError.*\[BFF-1\].*forventet HTTP 400, fikk/s);
  assert.throws(check(world('authentication', response(200, true))), /\[BFF-1\].*forventet HTTP 403/);
});

test('BFF-1 fails when the BFF passes Authentication\'s problem through, or Authentication answers with the BFF\'s code', () => {
  assert.throws(check(world('am-bff', problem(403, 'AUTH-00041'))), /\[BFF-1\].*forventet HTTP 400, fikk/);
  assert.throws(check(world('authentication', problem(400, 'AMUI-00005'))), /\[BFF-1\].*forventet HTTP 403/);
  assert.throws(check(world('am-bff', problem(400, 'AMUI-00010'))), /\[BFF-1\].*forventet feilkoden AMUI-00005, fikk AMUI-00010/);
});

test('BFF-1 fails when the request was answered anyway or a system user exists', () => {
  assert.throws(check(world('am-bff', problem(400, 'AMUI-00005'), 'Accepted')), /\[BFF-1\] Forespørselen skal fortsatt vente på svar/);
  assert.throws(check(world('am-bff', problem(400, 'AMUI-00005'), 'New', 200)), /\[BFF-1\].*forventet HTTP 404/);
});
