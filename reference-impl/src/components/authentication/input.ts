// Input conventions of Altinn Authentication (docs/contracts/altinn-authentication.md §0): ASP.NET binds JSON member
// names and query parameter names case-insensitively, and the create/update endpoints trim string
// inputs. Both are done here, driven by the route's own JSON Schema, before the schema validates.

import type { FastifyRequest } from 'fastify';
import { bindAsAspNet, type JsonSchema } from '../../platform/aspnet-input.ts';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Member names matched case-insensitively to the schema's (platform/aspnet-input.ts). Authentication registers no JsonStringEnumConverter globally. */
export function canonicalNames(value: unknown, schema: JsonSchema | undefined): unknown {
  return bindAsAspNet(value, schema);
}

/**
 * Trims string members the way Altinn's TrimStringsActionFilter does (docs/contracts/altinn-authentication.md §0):
 * string properties of the body object and of nested plain objects; never inside lists, and never the
 * values of dictionaries (name/description maps have no declared properties).
 */
export function trimStrings(value: unknown, schema: JsonSchema | undefined): unknown {
  if (!schema?.properties || !isPlainObject(value)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const [name, memberSchema] of Object.entries(schema.properties)) {
    const member = out[name];
    if (typeof member === 'string') out[name] = member.trim();
    else if (isPlainObject(member) && memberSchema.properties) out[name] = trimStrings(member, memberSchema);
  }
  return out;
}

export interface InputOptions {
  body?: JsonSchema;
  querystring?: JsonSchema;
  /** Trim string inputs (create/update endpoints only). */
  trim?: boolean;
}

/** A preValidation hook applying the conventions above to the body and the query string. */
export function aspNetInput(options: InputOptions) {
  return async function aspNetInputHook(request: FastifyRequest): Promise<void> {
    if (options.body && request.body !== undefined) {
      let body = canonicalNames(request.body, options.body);
      if (options.trim) body = trimStrings(body, options.body);
      request.body = body;
    }
    if (options.querystring && request.query !== undefined) {
      request.query = canonicalNames(request.query, options.querystring);
    }
  };
}
