// In-memory dialog store of the Dialogporten stand-in, one per app instance. Entities keep the
// official model's member names (docs/contracts/dialogporten-broker.md §A.3, §A.4); `present.ts` turns them
// into the end-user views.

export interface Localization {
  value: string;
  languageCode: string;
}

export interface ContentValue {
  value: Localization[];
  mediaType: string;
}

export interface Actor {
  actorType: 'PartyRepresentative' | 'ServiceOwner';
  actorName: string | null;
  actorId: string | null;
}

export interface AttachmentUrl {
  id: string;
  url: string;
  mediaType: string | null;
  consumerType: 'Gui' | 'Api';
}

export interface Attachment {
  id: string;
  displayName: Localization[];
  name: string | null;
  urls: AttachmentUrl[];
  expiresAt: string | null;
}

export interface NavigationalAction {
  title: Localization[];
  url: string;
  expiresAt: string | null;
}

export interface Transmission {
  id: string;
  idempotentKey: string | null;
  createdAt: string;
  authorizationAttribute: string | null;
  extendedType: string | null;
  externalReference: string | null;
  relatedTransmissionId: string | null;
  type: string;
  sender: Actor;
  content: { title: ContentValue; summary: ContentValue | null; contentReference: ContentValue | null };
  attachments: Attachment[];
  navigationalActions: NavigationalAction[];
}

export interface GuiAction {
  id: string;
  action: string;
  url: string;
  authorizationAttribute: string | null;
  isDeleteDialogAction: boolean;
  httpMethod: string;
  priority: 'Primary' | 'Secondary' | 'Tertiary';
  title: Localization[];
  prompt: Localization[] | null;
}

export interface ApiActionEndpoint {
  id: string;
  version: string | null;
  url: string;
  httpMethod: string;
  documentationUrl: string | null;
  requestSchema: string | null;
  responseSchema: string | null;
  deprecated: boolean;
  sunsetAt: string | null;
}

export interface ApiAction {
  id: string;
  action: string;
  authorizationAttribute: string | null;
  name: string | null;
  endpoints: ApiActionEndpoint[];
}

export interface Activity {
  id: string;
  createdAt: string;
  extendedType: string | null;
  type: string;
  transmissionId: string | null;
  performedBy: Actor;
  /** Only for Information activities (the validator requires it there and refuses it elsewhere). */
  description: Localization[] | null;
}

/** One entry of the seen log: who (an end user) read the dialog, and when. */
export interface SeenLogEntry {
  id: string;
  seenAt: string;
  /** The end user that read it: a system user id, or a person's party URN (checks.ts callerKey). */
  endUserKey: string;
  seenBy: Actor;
}

export interface DialogContent {
  title: ContentValue;
  summary: ContentValue | null;
  senderName: ContentValue | null;
  additionalInfo: ContentValue | null;
  extendedStatus: ContentValue | null;
  mainContentReference: ContentValue | null;
}

export interface Dialog {
  id: string;
  revision: string;
  idempotentKey: string | null;
  /** The service owner's org code (lower case), from the resource's competent authority. */
  org: string;
  /** The service owner's organisation number (who may delete the dialog). */
  ownerOrgNo: string;
  serviceResource: string;
  serviceResourceType: string;
  party: string;
  progress: number | null;
  process: string | null;
  precedingProcess: string | null;
  extendedStatus: string | null;
  externalReference: string | null;
  status: string;
  systemLabel: string;
  isApiOnly: boolean;
  createdAt: string;
  updatedAt: string;
  contentUpdatedAt: string;
  dueAt: string | null;
  expiresAt: string | null;
  visibleFrom: string | null;
  searchTags: string[];
  content: DialogContent | null;
  attachments: Attachment[];
  transmissions: Transmission[];
  guiActions: GuiAction[];
  apiActions: ApiAction[];
  activities: Activity[];
  seenLog: SeenLogEntry[];
  endUserContextRevision: string;
  /** Soft delete: the dialog answers 410 to end users from then on. */
  deletedAt: string | null;
}

export class DialogStore {
  private readonly dialogs = new Map<string, Dialog>();

  add(dialog: Dialog): void {
    this.dialogs.set(dialog.id, structuredClone(dialog));
  }

  get(id: string): Dialog | undefined {
    const found = this.dialogs.get(id.toLowerCase());
    return found ? structuredClone(found) : undefined;
  }

  /** Replaces a stored dialog (the caller changed a copy it got from `get`). */
  put(dialog: Dialog): void {
    if (!this.dialogs.has(dialog.id)) throw new Error(`no dialog ${dialog.id}`);
    this.dialogs.set(dialog.id, structuredClone(dialog));
  }

  all(): Dialog[] {
    return [...this.dialogs.values()].map((d) => structuredClone(d));
  }

  byIdempotentKey(org: string, key: string): Dialog | undefined {
    const found = [...this.dialogs.values()].find((d) => d.org === org && d.idempotentKey === key);
    return found ? structuredClone(found) : undefined;
  }
}
