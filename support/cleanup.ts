// Cleanup on targets whose parties live on (TT02, a look-alike of it, any external target): after
// each scenario, what the scenario made is deleted again, each thing by whoever may delete it, in an
// order the platform accepts, so the next scenario and the next run start from the same state:
//  1. the accountant's daglig leder removes the clients added to the agent system user;
//  2. the customer's daglig leder removes the accountant as rights holder, with its packages (cascade);
//  3. each company's daglig leder deletes the system users it approved (standard, then agent);
//  4. the service owner deletes the dialogs it sent;
//  5. the vendor deletes its requests and its systems (soft deletes; a system's deletion frees its
//     client ids, so a fixed TT02 client id can be put on the next scenario's system).
// Left behind: broker file transfers (no API deletes them; they expire). Against the in-repo
// reference nothing is kept between runs, so cleanup is off there unless SAMSVAR_CLEANUP=1;
// SAMSVAR_CLEANUP=0 turns it off everywhere.
//
// The cleanup is not part of the verdict: a failed delete never fails the scenario. It is logged in
// the report ("Opprydding: ...") with its exchanges, and printed as a warning (the hook is in hooks.ts).

import { markVerified } from './clients/http.ts';
import type { ApiResponse } from './clients/http.ts';
import type { DelegationAnswer } from './abilities/delegate.ts';
import type { Vendor } from './actors/vendor.ts';
import type { Cast } from './actors/cast.ts';
import { CLIENT_DELEGATION_SCOPE } from './actors/accountant.ts';
import { DIALOGPORTEN_SERVICEPROVIDER_SCOPE } from './actors/service-owner.ts';

/** A person's delegation that went through, on whichever surface (support/abilities/delegate.ts). */
const done = (answer: DelegationAnswer<unknown> | undefined): boolean => answer?.done === true;

/** Every delete the scenario's cast needs, in the order the platform accepts them (see the top). */
export function castUndos(cast: Cast): Undo[] {
  const undos: Undo[] = [];
  const { accountant, client, companies, serviceOwner, vendor } = cast.existing();
  if (accountant && client && accountant.notes.systemUserId) {
    const notes = accountant.accounting.clients.get(client.orgNo);
    // A deleted agent system user took its clients with it (REQ-11): nothing left to remove.
    const deleted = accountant.notes.deletion?.answer;
    const agentGone = deleted !== undefined && deleted.status >= 200 && deleted.status < 300;
    if (done(notes?.added) && !done(notes?.removed) && !agentGone) {
      const agent = accountant.notes.systemUserId;
      undos.push({ what: `klienten ${client.orgNo} på klientsystembrukeren ${agent}`, run: async () => accountant.dagligLeder.authentication.removeClient(await accountant.dagligLeder.token(CLIENT_DELEGATION_SCOPE), agent, client.partyUuid) });
    }
  }
  // On the portal's form a grant makes the rights holder too, so any delegation that went through is
  // undone; where a recipient was only named on the form, the delete finds nothing to remove.
  const delegation = client?.notes.delegation;
  if (accountant && client && delegation && (done(delegation.rightHolder) || [...delegation.packageGrants.values()].some(done))) {
    const person = client.dagligLeder;
    undos.push({ what: `${accountant.orgNo} som rettighetshaver for ${client.orgNo}`, run: async () => person.accessManagement.removeRightHolder(await person.token(), client.partyUuid, client.partyUuid, accountant.partyUuid) });
  }
  for (const company of [...companies, ...(client ? [client] : []), ...(accountant ? [accountant] : [])].sort((a, b) => Number(a.notes.systemUserType === 'agent') - Number(b.notes.systemUserType === 'agent'))) {
    const id = company.notes.systemUserId;
    if (!id) continue;
    const person = company.dagligLeder;
    undos.push({
      what: `systembrukeren ${id} hos ${company.orgNo}`,
      run: async () => company.notes.systemUserType === 'agent'
        ? person.authentication.deleteAgentSystemUser(await person.token(), company.partyId, id)
        : person.authentication.deleteSystemUser(await person.token(), company.partyId, id),
    });
  }
  for (const message of [...(serviceOwner?.notes.messages?.byParty.values() ?? [])].flat()) {
    const owner = serviceOwner!;
    undos.push({ what: `meldingen ${message.id}`, run: async () => owner.dialogporten.deleteDialog(await owner.maskinporten.accessToken([DIALOGPORTEN_SERVICEPROVIDER_SCOPE], 'tjenesteeierens opprydding i Dialogporten'), message.id) });
  }
  if (vendor) undos.push(...vendorUndos(vendor, () => vendor.platformToken()));
  return undos;
}

/** Whether objects made on this target are deleted after each scenario. */
export function cleanupWanted(profile: { reference?: boolean | undefined; lookAlike?: unknown }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.SAMSVAR_CLEANUP === '1') return true;
  if (env.SAMSVAR_CLEANUP === '0') return false;
  // A look-alike holds long-lived parties as the real environment does: leave them as found.
  return profile.reference !== true || profile.lookAlike !== undefined;
}

/** One delete: what it removes, and the call. */
export interface Undo {
  what: string;
  run(): Promise<ApiResponse<unknown>>;
}

/** The deletes for what the vendor created, in the order they must run: requests before their systems. */
export function vendorUndos(vendor: Vendor, token: () => Promise<string>): Undo[] {
  const undos: Undo[] = [];
  for (const notes of vendor.notes.customers.values()) {
    for (const id of [notes.request?.data?.id, notes.agentRequest?.data?.id]) {
      if (typeof id === 'string') undos.push({ what: `forespørselen ${id}`, run: async () => vendor.authentication.deleteRequest(await token(), id) });
    }
  }
  for (const id of new Set(vendor.notes.createdSystems ?? [])) {
    undos.push({ what: `systemet ${id}`, run: async () => vendor.authentication.deleteSystem(await token(), id) });
  }
  return undos;
}

/** Runs every undo; a failure is reported in the returned lines, never thrown. */
export async function runUndos(undos: Undo[]): Promise<{ lines: string[]; failed: number }> {
  const lines: string[] = [];
  let failed = 0;
  for (const undo of undos) {
    try {
      const response = await undo.run();
      markVerified(response);
      const ok = response.status < 300 || response.status === 404;
      if (!ok) failed++;
      lines.push(`Opprydding: ${ok ? 'slettet' : 'kunne ikke slette'} ${undo.what} (HTTP ${response.status}).`);
    } catch (error) {
      failed++;
      lines.push(`Opprydding: kunne ikke slette ${undo.what}: ${(error as Error).message}`);
    }
  }
  return { lines, failed };
}
