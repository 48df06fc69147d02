// Routes of the Dialogporten stand-in, under /dialogporten, with the paths the official OpenAPI writes
// (docs/contracts/dialogporten-broker.md §A.1). Token checks run in onRequest hooks, before the body is read.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import { endUserOf, requireEndUser, requireServiceOwner, serviceOwnerOf, SO_SEARCH_SCOPE } from './checks.ts';
import type { DialogTokenIssuer } from './dialogtoken.ts';
import { authorizedActions, LIMITS, readableDialog, recordSeen, searchDialogs } from './enduser.ts';
import { dialogView, searchItem, transmissionView } from './present.ts';
import { entityNotFound } from './problems.ts';
import { activity, createDialogBody, dialogParams, endUserContextQuery, searchQuery, serviceOwnerGetQuery, serviceOwnerSearchQuery, transmission, transmissionParams, type SearchQuery } from './schemas.ts';
import { ownDialogDetails, ownEndUserContexts, searchOwnDialogs, type ServiceOwnerSearchQuery } from './serviceowner-read.ts';
import { aspNetBinding } from '../../platform/aspnet-input.ts';
import { faultActive } from '../../faults.ts';
import { addActivity, addTransmission, createDialog, deleteDialog, type ActivityInput, type CreateDialogInput, type TransmissionInput } from './serviceowner.ts';
import type { DialogStore } from './store.ts';

export interface DialogportenRouteOptions extends ComponentOptions {
  dialogs: DialogStore;
  dialogTokens: DialogTokenIssuer;
}

type DialogRequest = FastifyRequest<{ Params: { dialogId: string } }>;
type TransmissionRequest = FastifyRequest<{ Params: { dialogId: string; transmissionId: string } }>;

/** docs/contracts/dialogporten-broker.md §A.4: Dialogporten's request body limit. */
const MAX_REQUEST_BODY = 20_000_000;

export async function dialogportenRoutes(app: FastifyInstance, opts: DialogportenRouteOptions): Promise<void> {
  const { config, services, issuers, dialogs, dialogTokens } = opts;
  const ctx = { services, dialogs, config };
  /**
   * docs/contracts/input-binding.md §1: Dialogporten binds member and query parameter names
   * case-insensitively and reads enum names case-insensitively (System.Text.Json web defaults through
   * FastEndpoints, JsonStringEnumConverter). Applied before the schema validates; output is untouched.
   * Fault dialogporten-streng-innlesing (selfcheck): names and enums are read exactly as sent.
   */
  const bind = (schemas: Parameters<typeof aspNetBinding>[0]) => {
    const hook = aspNetBinding(schemas, { enums: true });
    return async function bindAsDialogporten(request: FastifyRequest): Promise<void> {
      if (!faultActive(config, 'dialogporten-streng-innlesing')) await hook(request);
    };
  };
  const serviceOwner = requireServiceOwner(issuers);
  const serviceOwnerSearch = requireServiceOwner(issuers, [SO_SEARCH_SCOPE]);
  const endUser = requireEndUser(issuers);
  const base = () => `${config.publicUrl}/dialogporten/api/v1`;
  const ifMatch = (request: FastifyRequest): string | undefined => {
    const value = request.headers['if-match'];
    return typeof value === 'string' ? value : undefined;
  };

  // ---- Service owner (docs/contracts/dialogporten-broker.md §A.1, §A.4) -------------------------------------------------------

  app.post<{ Body: CreateDialogInput }>('/api/v1/serviceowner/dialogs', {
    onRequest: serviceOwner, bodyLimit: MAX_REQUEST_BODY, preValidation: bind({ body: createDialogBody }), schema: { body: createDialogBody },
  }, async function createDialogRoute(request: FastifyRequest<{ Body: CreateDialogInput }>, reply: FastifyReply) {
    const dialog = createDialog(ctx, serviceOwnerOf(request), request.body);
    return reply.code(201)
      .header('location', `${base()}/serviceowner/dialogs/${dialog.id}`)
      .header('etag', dialog.revision)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(dialog.id));
  });

  app.post<{ Params: { dialogId: string }; Body: TransmissionInput }>('/api/v1/serviceowner/dialogs/:dialogId/transmissions', {
    onRequest: serviceOwner, bodyLimit: MAX_REQUEST_BODY, preValidation: bind({ body: transmission }), schema: { params: dialogParams, body: transmission },
  }, async function createTransmissionRoute(request: FastifyRequest<{ Params: { dialogId: string }; Body: TransmissionInput }>, reply: FastifyReply) {
    const { dialog, transmission: created } = addTransmission(ctx, serviceOwnerOf(request), request.params.dialogId, ifMatch(request), request.body);
    return reply.code(201)
      .header('location', `${base()}/serviceowner/dialogs/${dialog.id}/transmissions/${created.id}`)
      .header('etag', dialog.revision)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(created.id));
  });

  // docs/contracts/dialogporten-serviceowner.md §1–§4: search, get, end-user contexts, activities.
  app.get<{ Querystring: ServiceOwnerSearchQuery }>('/api/v1/serviceowner/dialogs', {
    onRequest: serviceOwnerSearch, preValidation: bind({ querystring: serviceOwnerSearchQuery }), schema: { querystring: serviceOwnerSearchQuery },
  }, async function searchOwnDialogsRoute(request: FastifyRequest<{ Querystring: ServiceOwnerSearchQuery }>) {
    return searchOwnDialogs(ctx, serviceOwnerOf(request), request.query);
  });

  app.get<{ Querystring: { party?: string | string[]; label?: string | string[]; limit?: string } }>('/api/v1/serviceowner/dialogs/endusercontext', {
    onRequest: serviceOwnerSearch, preValidation: bind({ querystring: endUserContextQuery }), schema: { querystring: endUserContextQuery },
  }, async function endUserContextsRoute(request: FastifyRequest<{ Querystring: { party?: string | string[]; label?: string | string[]; limit?: string } }>) {
    return ownEndUserContexts(ctx, serviceOwnerOf(request), request.query);
  });

  app.get<{ Params: { dialogId: string }; Querystring: { endUserId?: string } }>('/api/v1/serviceowner/dialogs/:dialogId', {
    onRequest: serviceOwner, preValidation: bind({ querystring: serviceOwnerGetQuery }), schema: { params: dialogParams, querystring: serviceOwnerGetQuery },
  }, async function getOwnDialogRoute(request: FastifyRequest<{ Params: { dialogId: string }; Querystring: { endUserId?: string } }>, reply: FastifyReply) {
    const { dialog, view } = ownDialogDetails(ctx, serviceOwnerOf(request), request.params.dialogId, request.query.endUserId);
    return reply.header('etag', dialog.revision).send(view);
  });

  app.post<{ Params: { dialogId: string }; Body: ActivityInput }>('/api/v1/serviceowner/dialogs/:dialogId/activities', {
    onRequest: serviceOwner, bodyLimit: MAX_REQUEST_BODY, preValidation: bind({ body: activity }), schema: { params: dialogParams, body: activity },
  }, async function createActivityRoute(request: FastifyRequest<{ Params: { dialogId: string }; Body: ActivityInput }>, reply: FastifyReply) {
    const { dialog, activity: created } = addActivity(ctx, serviceOwnerOf(request), request.params.dialogId, ifMatch(request), request.body);
    return reply.code(201)
      .header('location', `${base()}/serviceowner/dialogs/${dialog.id}/activities/${created.id}`)
      .header('etag', dialog.revision)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(created.id));
  });

  app.delete<{ Params: { dialogId: string } }>('/api/v1/serviceowner/dialogs/:dialogId', {
    onRequest: serviceOwner, schema: { params: dialogParams },
  }, async function deleteDialogRoute(request: DialogRequest, reply: FastifyReply) {
    const dialog = deleteDialog(ctx, serviceOwnerOf(request), request.params.dialogId, ifMatch(request));
    return reply.code(204).header('etag', dialog.revision).send();
  });

  // ---- End user: a system user (docs/contracts/dialogporten-broker.md §A.2, §A.3) ---------------------------------------------

  app.get<{ Querystring: SearchQuery }>('/api/v1/enduser/dialogs', {
    onRequest: endUser, preValidation: bind({ querystring: searchQuery }), schema: { querystring: searchQuery },
  }, async function searchDialogsRoute(request: FastifyRequest<{ Querystring: SearchQuery }>) {
    const result = searchDialogs(ctx, endUserOf(request), request.query);
    return {
      items: result.page.map((d) => searchItem(d, result.access)),
      hasNextPage: result.hasNextPage,
      continuationToken: result.continuationToken,
      orderBy: result.orderBy,
    };
  });

  app.get<{ Params: { dialogId: string } }>('/api/v1/enduser/dialogs/:dialogId', {
    onRequest: endUser, schema: { params: dialogParams },
  }, async function getDialogRoute(request: DialogRequest, reply: FastifyReply) {
    const caller = endUserOf(request);
    const { dialog, access } = readableDialog(ctx, caller, request.params.dialogId);
    const token = await dialogTokens.sign(base(), dialog, caller, authorizedActions(dialog, access));
    const seen = recordSeen(ctx, caller, dialog);
    return reply.header('etag', seen.revision).send(dialogView(seen, access, token));
  });

  app.get<{ Params: { dialogId: string } }>('/api/v1/enduser/dialogs/:dialogId/transmissions', {
    onRequest: endUser, schema: { params: dialogParams },
  }, async function listTransmissionsRoute(request: DialogRequest) {
    const { dialog, access } = readableDialog(ctx, endUserOf(request), request.params.dialogId);
    return dialog.transmissions.map((t) => transmissionView(dialog, t, access));
  });

  app.get<{ Params: { dialogId: string; transmissionId: string } }>('/api/v1/enduser/dialogs/:dialogId/transmissions/:transmissionId', {
    onRequest: endUser, schema: { params: transmissionParams },
  }, async function getTransmissionRoute(request: TransmissionRequest) {
    const { dialog, access } = readableDialog(ctx, endUserOf(request), request.params.dialogId);
    const id = request.params.transmissionId.toLowerCase();
    const found = dialog.transmissions.find((t) => t.id === id);
    if (!found) throw entityNotFound('DialogTransmission', request.params.transmissionId);
    return transmissionView(dialog, found, access);
  });

  // ---- Anonymous metadata (docs/contracts/dialogporten-broker.md §A.1, §A.7, §A.9) ----------------------------------------------

  app.get('/api/v1/.well-known/jwks.json', async function dialogTokenKeys() {
    return dialogTokens.jwks();
  });

  app.get('/api/v1/metadata/limits', async function limits() {
    return {
      endUserSearch: { ...LIMITS },
      serviceOwnerSearch: { maxPartyFilterValues: 20, maxServiceResourceFilterValues: 20, maxExtendedStatusFilterValues: 20 },
    };
  });
}
