// How an ASP.NET Core service reads JSON input (docs/contracts/input-binding.md): System.Text.Json with
// the web defaults matches member names case-insensitively, and JsonStringEnumConverter reads enum names
// case-insensitively. Both are applied here, driven by the route's own JSON Schema, before the schema
// validates; output is never touched. Wrong types and members the schema refuses stay refused.

export type JsonSchema = {
  type?: string | readonly string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  enum?: readonly unknown[];
  anyOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
};

export interface BindOptions {
  /** Read enum strings case-insensitively (a JsonStringEnumConverter is registered for the component). */
  enums?: boolean;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** System.Text.Json's default MaxDepth; deeper input is left for the schema (and the parser) to refuse. */
const MAX_DEPTH = 64;

/** The enum spelling a string matches case-insensitively, if the schema (or one of its branches) declares one. */
function enumSpelling(value: string, schema: JsonSchema): string | undefined {
  const candidates = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  const lower = value.toLowerCase();
  for (const candidate of candidates) {
    const match = candidate.enum?.find((e): e is string => typeof e === 'string' && e.toLowerCase() === lower);
    if (match !== undefined) return match;
  }
  return undefined;
}

/**
 * Renames the members of `value` to the spelling the schema declares, matching case-insensitively
 * (`Title`/`title`, `allowedredirecturls`/`allowedRedirectUrls`), recursively through declared objects,
 * array items and `anyOf`/`oneOf` branches. Undeclared members keep their name (the schema decides
 * whether they are refused). When two members differ only in case, the last one wins, as
 * System.Text.Json does. With `enums`, a string that matches a declared enum value case-insensitively
 * takes the declared spelling (`notApplicable` → `NotApplicable`); any other string is left as sent.
 */
export function bindAsAspNet(value: unknown, schema: JsonSchema | undefined, options: BindOptions = {}, depth = 0): unknown {
  if (!schema || depth > MAX_DEPTH) return value;
  if (typeof value === 'string') {
    return options.enums ? enumSpelling(value, schema) ?? value : value;
  }
  if (Array.isArray(value)) {
    const items = schema.items ?? [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].find((s) => s.items)?.items;
    return items ? value.map((item) => bindAsAspNet(item, items, options, depth + 1)) : value;
  }
  if (!isPlainObject(value)) return value;
  const properties = schema.properties ?? [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].find((s) => s.properties)?.properties;
  if (!properties) return value;
  const declared = new Map(Object.keys(properties).map((name) => [name.toLowerCase(), name]));
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (key === '__proto__') continue; // never let input reach an object's prototype
    const canonical = declared.get(key.toLowerCase());
    if (canonical === undefined) {
      out[key] = member;
    } else {
      out[canonical] = bindAsAspNet(member, properties[canonical], options, depth + 1);
    }
  }
  return out;
}

/** A preValidation hook applying `bindAsAspNet` to the body and the query string of a route. */
export function aspNetBinding(schemas: { body?: object; querystring?: object }, options: BindOptions = {}) {
  const body = schemas.body as JsonSchema | undefined;
  const querystring = schemas.querystring as JsonSchema | undefined;
  return async function aspNetBindingHook(request: { body?: unknown; query?: unknown }): Promise<void> {
    if (body && request.body !== undefined) request.body = bindAsAspNet(request.body, body, options);
    if (querystring && request.query !== undefined) request.query = bindAsAspNet(request.query, querystring, options);
  };
}
