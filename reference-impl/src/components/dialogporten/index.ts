// Dialogporten (prefix /dialogporten): the service-owner API that creates dialogs and the end-user API a
// system user token reaches (docs/contracts/dialogporten-broker.md §A), with the paths of the official OpenAPI.

import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import { DialogTokenIssuer } from './dialogtoken.ts';
import { installProblemHandler } from './problems.ts';
import { dialogportenRoutes } from './routes.ts';
import { DialogStore } from './store.ts';

export async function dialogportenComponent(app: FastifyInstance, opts: ComponentOptions): Promise<void> {
  installProblemHandler(app);
  await dialogportenRoutes(app, { ...opts, dialogs: new DialogStore(), dialogTokens: await DialogTokenIssuer.create() });
}
