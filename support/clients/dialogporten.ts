// Dialogporten (docs/contracts/dialogporten-broker.md §A): the service owner's API (create, search and get its
// own dialogs, add an activity; docs/contracts/dialogporten-serviceowner.md) and the end-user API a
// system user or a person token reaches (search, get one dialog, its transmissions). Paths are
// appended to the `dialogporten` endpoint as the official OpenAPI writes them (`/api/v1/...`).
// Every method says which operation of the official spec it calls (`operation`), so a task can check
// the answer against the schema the spec gives for it (support/schemas/dialogporten.ts).

import { HttpClient, type ApiResponse, type HttpContext } from './http.ts';

const BASE = '/api/v1';

/** A Dialogporten operation as the OpenAPI names it: method and path template. */
export interface DialogportenOperation {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
}

export const OPERATIONS = {
  createDialog: { method: 'POST', path: '/api/v1/serviceowner/dialogs' },
  deleteDialog: { method: 'DELETE', path: '/api/v1/serviceowner/dialogs/{dialogId}' },
  searchOwnDialogs: { method: 'GET', path: '/api/v1/serviceowner/dialogs' },
  getOwnDialog: { method: 'GET', path: '/api/v1/serviceowner/dialogs/{dialogId}' },
  createActivity: { method: 'POST', path: '/api/v1/serviceowner/dialogs/{dialogId}/activities' },
  searchDialogs: { method: 'GET', path: '/api/v1/enduser/dialogs' },
  getDialog: { method: 'GET', path: '/api/v1/enduser/dialogs/{dialogId}' },
  listTransmissions: { method: 'GET', path: '/api/v1/enduser/dialogs/{dialogId}/transmissions' },
  getTransmission: { method: 'GET', path: '/api/v1/enduser/dialogs/{dialogId}/transmissions/{transmissionId}' },
} as const satisfies Record<string, DialogportenOperation>;

/** A Dialogporten answer and the operation it answers. */
export type DialogportenResponse<T> = ApiResponse<T> & { operation: DialogportenOperation };

/** Localization and ContentValue (docs/contracts/dialogporten-broker.md §A.3). */
export interface Localization {
  value: string;
  languageCode: string;
}

export interface ContentValue {
  value: Localization[];
  mediaType: string;
}

export interface Actor {
  actorType: string;
  actorName?: string | null;
  actorId?: string | null;
}

/** A transmission as the service owner sends it (the create body's `transmissions[]`). */
export interface CreateTransmission {
  type: string;
  sender: Actor;
  content: { title: ContentValue; summary?: ContentValue };
  externalReference?: string;
}

/** V1ServiceOwnerDialogsCommandsCreate_Dialog, the members Samsvar sends (docs/contracts/dialogporten-broker.md §A.4). */
export interface CreateDialog {
  serviceResource: string;
  party: string;
  status?: string;
  externalReference?: string;
  content: { title: ContentValue; summary?: ContentValue; senderName?: ContentValue };
  transmissions?: CreateTransmission[];
}

/** The members of a transmission the suite reads (V1EndUserDialogs...Transmission). */
export interface Transmission {
  id: string;
  createdAt: string;
  type: string;
  isAuthorized: boolean;
  externalReference?: string | null;
  sender: Actor;
  content: { title: ContentValue | null; summary?: ContentValue | null };
}

/** The members of a search item the suite reads (V1EndUserDialogsQueriesSearch_Dialog). */
export interface DialogSearchItem {
  id: string;
  org: string;
  serviceResource: string;
  party: string;
  status: string;
  externalReference?: string | null;
  content?: { title?: ContentValue | null } | null;
  fromServiceOwnerTransmissionsCount?: number;
}

/** PaginatedListOfV1EndUserDialogsQueriesSearch_Dialog (docs/contracts/dialogporten-broker.md §A.2). */
export interface DialogSearchResult {
  items: DialogSearchItem[];
  hasNextPage: boolean;
  continuationToken: string | null;
  orderBy: string;
}

/** The members of a dialog the suite reads (V1EndUserDialogsQueriesGet_Dialog, docs/contracts/dialogporten-broker.md §A.3). */
export interface EndUserDialog extends Omit<DialogSearchItem, 'content'> {
  revision: string;
  content: { title: ContentValue; summary?: ContentValue | null };
  transmissions: Transmission[];
}

/** An activity as the service owner adds it (V1ServiceOwnerDialogsCommandsCreateActivity_ActivityRequest, the members Samsvar sends). */
export interface CreateActivity {
  type: string;
  performedBy: Actor;
  description?: Localization[];
}

/** The members of an activity the suite reads (on the service owner's dialog). */
export interface Activity {
  id: string;
  type: string;
  performedBy: Actor;
  description?: Localization[] | null;
}

/** The members of the service owner's dialog the suite reads (V1ServiceOwnerDialogsQueriesGet_Dialog). */
export interface ServiceOwnerDialog {
  id: string;
  org: string;
  serviceResource: string;
  party: string;
  status: string;
  revision: string;
  content: { title: ContentValue; summary?: ContentValue | null } | null;
  attachments: Array<{ urls: Array<{ url: string; consumerType: string }> }>;
  activities: Activity[];
}

/** The search filters Samsvar uses (docs/contracts/dialogporten-broker.md §A.2: party or serviceResource is required). */
export interface DialogSearch {
  party?: string;
  serviceResource?: string;
}

export class DialogportenClient extends HttpClient {
  constructor(baseUrl: string, context: HttpContext) {
    super('dialogporten', baseUrl, context);
  }

  private async call<T>(operation: DialogportenOperation, path: string, token: string, extra: { json?: unknown; query?: Record<string, string | undefined> } = {}): Promise<DialogportenResponse<T>> {
    const response = await this.send<T>({ method: operation.method, path, bearer: token, ...extra });
    return { ...response, operation };
  }

  /**
   * POST serviceowner/dialogs (scope digdir:dialogporten.serviceprovider): 201, the id as a JSON string,
   * Location, ETag. The body is the suite's typed dialog, or (input binding, DP-7) any JSON the way
   * another client may write it.
   */
  createDialog(token: string, dialog: CreateDialog | Record<string, unknown>): Promise<DialogportenResponse<string>> {
    return this.call(OPERATIONS.createDialog, `${BASE}/serviceowner/dialogs`, token, { json: dialog });
  }

  /** DELETE serviceowner/dialogs/{dialogId} (scope digdir:dialogporten.serviceprovider): 204; the service owner's cleanup. */
  deleteDialog(token: string, dialogId: string): Promise<DialogportenResponse<unknown>> {
    return this.call(OPERATIONS.deleteDialog, `${BASE}/serviceowner/dialogs/${encodeURIComponent(dialogId)}`, token);
  }

  /** GET serviceowner/dialogs: the service owner's own dialogs (party or serviceResource as filter). */
  searchOwnDialogs(token: string, search: DialogSearch): Promise<DialogportenResponse<{ items: ServiceOwnerDialog[]; hasNextPage: boolean }>> {
    return this.call(OPERATIONS.searchOwnDialogs, `${BASE}/serviceowner/dialogs`, token, { query: { party: search.party, serviceResource: search.serviceResource } });
  }

  /** GET serviceowner/dialogs/{dialogId}: the own dialog with details; 404 for another owner's. */
  getOwnDialog(token: string, dialogId: string): Promise<DialogportenResponse<ServiceOwnerDialog>> {
    return this.call(OPERATIONS.getOwnDialog, `${BASE}/serviceowner/dialogs/${encodeURIComponent(dialogId)}`, token);
  }

  /** POST serviceowner/dialogs/{dialogId}/activities: 201 with the id as a JSON string, Location, ETag; 404 for another owner's dialog. */
  createActivity(token: string, dialogId: string, activity: CreateActivity): Promise<DialogportenResponse<string>> {
    return this.call(OPERATIONS.createActivity, `${BASE}/serviceowner/dialogs/${encodeURIComponent(dialogId)}/activities`, token, { json: activity });
  }

  /** GET enduser/dialogs (scope digdir:dialogporten, a system user token). */
  searchDialogs(token: string, search: DialogSearch): Promise<DialogportenResponse<DialogSearchResult>> {
    return this.call(OPERATIONS.searchDialogs, `${BASE}/enduser/dialogs`, token, { query: { party: search.party, serviceResource: search.serviceResource } });
  }

  /** GET enduser/dialogs/{dialogId}: 200, 403 without read, 404 unknown, 410 deleted. */
  getDialog(token: string, dialogId: string): Promise<DialogportenResponse<EndUserDialog>> {
    return this.call(OPERATIONS.getDialog, `${BASE}/enduser/dialogs/${encodeURIComponent(dialogId)}`, token);
  }

  /** GET enduser/dialogs/{dialogId}/transmissions. */
  listTransmissions(token: string, dialogId: string): Promise<DialogportenResponse<Transmission[]>> {
    return this.call(OPERATIONS.listTransmissions, `${BASE}/enduser/dialogs/${encodeURIComponent(dialogId)}/transmissions`, token);
  }

  /** GET enduser/dialogs/{dialogId}/transmissions/{transmissionId}. */
  getTransmission(token: string, dialogId: string, transmissionId: string): Promise<DialogportenResponse<Transmission>> {
    return this.call(
      OPERATIONS.getTransmission,
      `${BASE}/enduser/dialogs/${encodeURIComponent(dialogId)}/transmissions/${encodeURIComponent(transmissionId)}`,
      token,
    );
  }
}

/** `urn:altinn:organization:identifier-no:<orgno>`: a dialog's party (docs/contracts/dialogporten-broker.md §A.2, §A.4). */
export const organisationParty = (orgNo: string): string => `urn:altinn:organization:identifier-no:${orgNo}`;

/** `urn:altinn:person:identifier-no:<pid>`: a person's own party (docs/contracts/dialogporten-persons.md §2). */
export const personParty = (pid: string): string => `urn:altinn:person:identifier-no:${pid}`;

/** `urn:altinn:resource:<id>`: a dialog's service resource. */
export const serviceResourceUrn = (resourceId: string): string => `urn:altinn:resource:${resourceId}`;
