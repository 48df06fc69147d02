// Dialogporten (contracts dialogporten-broker §A): the service owner's create-dialog call and the
// end-user API a system user token reaches (search, get one dialog, its transmissions). Paths are
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
  searchDialogs: { method: 'GET', path: '/api/v1/enduser/dialogs' },
  getDialog: { method: 'GET', path: '/api/v1/enduser/dialogs/{dialogId}' },
  listTransmissions: { method: 'GET', path: '/api/v1/enduser/dialogs/{dialogId}/transmissions' },
  getTransmission: { method: 'GET', path: '/api/v1/enduser/dialogs/{dialogId}/transmissions/{transmissionId}' },
} as const satisfies Record<string, DialogportenOperation>;

/** A Dialogporten answer and the operation it answers. */
export type DialogportenResponse<T> = ApiResponse<T> & { operation: DialogportenOperation };

/** Localization and ContentValue (contracts §A.3). */
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

/** V1ServiceOwnerDialogsCommandsCreate_Dialog, the members Samsvar sends (contracts §A.4). */
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

/** PaginatedListOfV1EndUserDialogsQueriesSearch_Dialog (contracts §A.2). */
export interface DialogSearchResult {
  items: DialogSearchItem[];
  hasNextPage: boolean;
  continuationToken: string | null;
  orderBy: string;
}

/** The members of a dialog the suite reads (V1EndUserDialogsQueriesGet_Dialog, contracts §A.3). */
export interface EndUserDialog extends Omit<DialogSearchItem, 'content'> {
  revision: string;
  content: { title: ContentValue; summary?: ContentValue | null };
  transmissions: Transmission[];
}

/** The search filters Samsvar uses (contracts §A.2: party or serviceResource is required). */
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

  /** POST serviceowner/dialogs (scope digdir:dialogporten.serviceprovider): 201, the id as a JSON string, Location, ETag. */
  createDialog(token: string, dialog: CreateDialog): Promise<DialogportenResponse<string>> {
    return this.call(OPERATIONS.createDialog, `${BASE}/serviceowner/dialogs`, token, { json: dialog });
  }

  /** DELETE serviceowner/dialogs/{dialogId} (scope digdir:dialogporten.serviceprovider): 204; the service owner's cleanup. */
  deleteDialog(token: string, dialogId: string): Promise<DialogportenResponse<unknown>> {
    return this.call(OPERATIONS.deleteDialog, `${BASE}/serviceowner/dialogs/${encodeURIComponent(dialogId)}`, token);
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

/** `urn:altinn:organization:identifier-no:<orgno>`: a dialog's party (contracts §A.2, §A.4). */
export const organisationParty = (orgNo: string): string => `urn:altinn:organization:identifier-no:${orgNo}`;

/** `urn:altinn:resource:<id>`: a dialog's service resource. */
export const serviceResourceUrn = (resourceId: string): string => `urn:altinn:resource:${resourceId}`;
