// Samsvar's test data API (docs/samsvar-apis.md §1): builds each scenario's world. It keeps no state
// of its own; everything it creates lives in the stores of the components that own it.

import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import { testdataRoutes } from './routes.ts';

export async function testdataComponent(app: FastifyInstance, opts: ComponentOptions): Promise<void> {
  testdataRoutes(app, opts);
}
