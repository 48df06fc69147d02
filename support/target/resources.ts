// The service resources the scenarios use. Against the reference (and any target with the test data
// API) they are Samsvar's own sample resources, published by the scenario with their policies. On a
// real environment a resource belongs to a service owner who names it (in TT02 an identifier usually
// carries the owner's prefix), so `fixtures.resources` can name the target's own resource for each
// role; its policy is then read from the target before a scenario relies on it (tasks/autorisasjon.ts).

import type { Fixtures } from './fixtures.ts';

export const SAMPLE_RESOURCES = {
  /** The MVA service's resource (docs/samsvar-apis.md §3). */
  mva: 'samsvar-mva-rapportering',
  /** The message service in Dialogporten for the accountant's clients (seed scenario 4). */
  messages: 'samsvar-dialogporten-meldinger',
  /** A message service behind a package no accountant holds (seed scenario 4, @negativ). */
  sealedMessages: 'samsvar-dialogporten-taushetsbelagt',
  /** Kartverket's broker resource for tinglysning (seed scenario 5). */
  tinglysing: 'samsvar-tinglysing-formidling',
} as const;

export type ResourceKey = keyof typeof SAMPLE_RESOURCES;

/** The identifier of the resource with this role on the target. */
export function resourceId(profile: { fixtures?: Fixtures | undefined }, key: ResourceKey): string {
  return profile.fixtures?.resources?.[key] ?? SAMPLE_RESOURCES[key];
}
