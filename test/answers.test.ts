// The consistency checks of answers (support/answers.ts): each is shown failing on an answer that
// breaks it, and passing on one that does not.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confirmUrlProblem, tokenResponseProblems } from '../support/answers.ts';

const claims = { iat: 1000, exp: 1120, scope: 'samsvar:mva.write digdir:dialogporten' };
const good = { token_type: 'Bearer', expires_in: 120, scope: 'digdir:dialogporten samsvar:mva.write' };

test('a token response that agrees with its token has no problems (scope order does not matter)', () => {
  assert.deepEqual(tokenResponseProblems(good, claims), []);
  assert.deepEqual(tokenResponseProblems({ ...good, expires_in: 118 }, claims), [], 'two seconds apart is allowed');
});

test('expires_in that is not the token lifetime is a problem', () => {
  const [problem] = tokenResponseProblems({ ...good, expires_in: 3600 }, claims);
  assert.match(problem ?? '', /expires_in \(3600 s\).*exp − iat \(120 s\)/);
  assert.equal(tokenResponseProblems({ ...good, expires_in: 117 }, claims).length, 1);
  assert.equal(tokenResponseProblems({ ...good, expires_in: '120' }, claims).length, 1, 'a string is not a number');
  assert.equal(tokenResponseProblems(good, { scope: claims.scope }).length, 1, 'a token without iat/exp');
});

test('a scope that is not the token scope, or no scope, is a problem', () => {
  assert.match(tokenResponseProblems({ ...good, scope: 'samsvar:mva.write' }, claims)[0] ?? '', /scope i svaret/);
  assert.match(tokenResponseProblems({ token_type: 'Bearer', expires_in: 120 }, claims)[0] ?? '', /skal ha scope/);
});

test('token_type other than Bearer is a problem', () => {
  assert.match(tokenResponseProblems({ ...good, token_type: 'DPoP' }, claims)[0] ?? '', /token_type/);
});

const ID = '7a1b9c4e-5f00-4d3e-9a8b-0c1d2e3f4a5b';

test("a confirmUrl to the kind's approval page with the request id passes, on any host", () => {
  assert.equal(confirmUrlProblem(`https://am.ui.tt02.altinn.no/accessmanagement/ui/systemuser/request?id=${ID}&DONTCHOOSEREPORTEE=true`, 'standard', ID), undefined);
  assert.equal(confirmUrlProblem(`http://127.0.0.1:9/portal/accessmanagement/ui/systemuser/agentrequest?id=${ID.toUpperCase()}`, 'agent', ID), undefined);
  assert.equal(confirmUrlProblem(`https://am.ui.altinn.no/accessmanagement/ui/systemuser/changerequest?id=${ID}`, 'change', ID), undefined);
});

test('a confirmUrl naming another request, none, or two is a problem', () => {
  assert.match(confirmUrlProblem('https://am.ui.x/accessmanagement/ui/systemuser/request?id=310000027', 'standard', ID) ?? '', /akkurat denne forespørselen.*id=310000027/);
  assert.match(confirmUrlProblem('https://am.ui.x/accessmanagement/ui/systemuser/request', 'standard', ID) ?? '', /id=\(ingen\)/);
  assert.ok(confirmUrlProblem(`https://am.ui.x/accessmanagement/ui/systemuser/request?id=${ID}&id=other`, 'standard', ID));
});

test('a confirmUrl to the wrong page, relative, or missing is a problem', () => {
  assert.match(confirmUrlProblem(`https://am.ui.x/accessmanagement/ui/systemuser/request?id=${ID}`, 'agent', ID) ?? '', /agentrequest/);
  assert.match(confirmUrlProblem(`/accessmanagement/ui/systemuser/request?id=${ID}`, 'standard', ID) ?? '', /absolutt URL/);
  assert.match(confirmUrlProblem(`javascript://x/accessmanagement/ui/systemuser/request?id=${ID}`, 'standard', ID) ?? '', /http\(s\)/);
  assert.ok(confirmUrlProblem(undefined, 'change', ID));
});
