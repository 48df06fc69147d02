// A bare Fastify server for `npm run bench`: one POST route with a body schema and a small JSON
// answer, the baseline the PDP's throughput is measured against. Prints its URL like the reference.

import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.post(
  '/decide',
  { schema: { body: { type: 'object', required: ['Request'], properties: { Request: { type: 'object' } } } } },
  async () => ({ response: [{ decision: 'NotApplicable', status: { statusCode: { value: 'urn:oasis:names:tc:xacml:1.0:status:ok' } } }] }),
);
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`SAMSVAR_REFERENCE_URL=${address}`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
