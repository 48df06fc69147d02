// UI-5: after logout the old session is no session. A copy of the person's cookies opened the request
// before logout; after logout the same copy must not open it (the portal sends it to the login page,
// or refuses it). Both answers are the target's, over HTTP.

import assert from 'node:assert/strict';
import { markVerified } from '../clients/http.ts';
import { portalFlavour } from '../browser/portal.ts';
import type { Person } from '../actors/person.ts';

export function expectOldSessionEnded(person: Person): void {
  const session = person.notes.portalSession;
  assert.ok(session?.after, `${person.role} har ikke prøvd den gamle økten etter utlogging.`);
  markVerified(session.before);
  markVerified(session.after);
  const shows = portalFlavour().http.shown(session.after, session.url, person.portalUrl);
  const where = session.after.headers.location ? ` til ${session.after.headers.location}` : '';
  assert.notEqual(
    shows,
    'request',
    `[UI-5] Den gamle økten til ${person.role} åpnet fortsatt forespørselen etter utlogging (portalen svarte ${session.after.status}${where}): utloggingen avsluttet ikke økten på serveren.`,
  );
  assert.ok(
    shows === 'login' || session.after.status === 401 || session.after.status === 403,
    `[UI-5] Med den gamle økten etter utlogging skal portalen sende til innloggingen eller avvise, men svarte ${session.after.status}${where} (${shows}).`,
  );
}
