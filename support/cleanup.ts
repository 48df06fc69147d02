// Cleanup on external targets (issue 6): after each scenario, what the vendor created through the
// vendor APIs is deleted again where the API allows it — the system user requests it sent (DELETE
// systemuser/request/vendor/{id}, a soft delete) and the systems it registered (DELETE
// systemregister/vendor/{id}, a soft delete that frees the system's client ids, so a fixed TT02
// client id can be put on the next scenario's system). Left behind, because no vendor API removes
// them: approved system users (only the customer's access manager can delete those, in the portal),
// client delegations and access package grants (the customer's and accountant's persons), dialogs and
// broker files (the service owner's). Against the in-repo reference nothing is kept between runs,
// so cleanup is off there unless SAMSVAR_CLEANUP=1; SAMSVAR_CLEANUP=0 turns it off everywhere.
//
// The cleanup is not part of the verdict: a failed delete never fails the scenario. It is logged in
// the report ("Opprydding: ...") with its exchanges, and printed as a warning (the hook is in hooks.ts).

import { markVerified } from './clients/http.ts';
import type { ApiResponse } from './clients/http.ts';
import type { Vendor } from './actors/vendor.ts';

/** Whether objects made on this target are deleted after each scenario. */
export function cleanupWanted(profile: { reference?: boolean | undefined }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.SAMSVAR_CLEANUP === '1') return true;
  if (env.SAMSVAR_CLEANUP === '0') return false;
  return profile.reference !== true;
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
