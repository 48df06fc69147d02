// Dialogporten's official OpenAPI (the npm package @digdir/dialogporten-schema, swagger.verified.json,
// the file Dialogporten itself publishes; docs/contracts/dialogporten-broker.md §A.0) as ajv validators, so the
// suite checks every Dialogporten response it receives against the official shapes, whatever the
// target. The suite's own reading of the spec: it shares no code with the reference implementation.
//
// The spec is OpenAPI 3.0, which ajv does not read as it is: the file starts with a UTF-8 BOM, and
// `nullable: true` is an OpenAPI keyword (JSON Schema says `type: [..., "null"]`). `format: "guid"` is
// .NET's name for a UUID. Everything else (additionalProperties: false on every end-user model, enums,
// required members, date-time formats) is checked as the spec writes it.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Where the spec's schemas sit once added to ajv. */
const SPEC_ID = 'dialogporten-openapi';

/** What the suite found when it checked one response against the official schema. */
export interface SchemaCheck {
  /** The schema the body was checked against (a components.schemas name, or the operation's inline schema). */
  schema: string;
  valid: boolean;
  /** ajv's errors as readable lines (instance path, message); empty when valid. */
  errors: string[];
}

interface OpenApiResponse {
  content?: Record<string, { schema?: unknown }>;
}

interface OpenApiSpec {
  paths: Record<string, Record<string, { responses?: Record<string, OpenApiResponse> }>>;
  components: { schemas: Record<string, unknown> };
}

/**
 * OpenAPI 3.0 → JSON Schema, member by member: `nullable: true` makes a typed schema accept null
 * (`type: [t, "null"]`) and wraps one without a type (a `$ref`, a `oneOf`) in `anyOf: [it, {type: null}]`;
 * `example` and `x-` extensions are dropped. Member names under `properties` are data, never keywords.
 */
export function openApiToJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(openApiToJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const source = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable' || key === 'example' || key.startsWith('x-')) continue;
    if ((key === 'properties' || key === 'schemas') && value !== null && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, member]) => [name, openApiToJsonSchema(member)]));
    } else {
      out[key] = openApiToJsonSchema(value);
    }
  }
  if (source.nullable !== true) return out;
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
  return { anyOf: [out, { type: 'null' }] };
}

/** The spec as the package ships it, without the BOM. */
export function readOfficialSpec(): OpenApiSpec {
  const require = createRequire(import.meta.url);
  const path = require.resolve('@digdir/dialogporten-schema/swagger.verified.json');
  return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as OpenApiSpec;
}

/** One ajv instance over the official spec; validators compiled on first use and kept (they are pure). */
export class DialogportenSchemas {
  private readonly ajv: Ajv;
  private readonly byName = new Map<string, ValidateFunction>();

  constructor(private readonly spec: OpenApiSpec = readOfficialSpec()) {
    // strict: false — the spec uses formats and keywords (int32, double, description in odd places)
    // that strict mode would refuse; they do not change what a valid response is.
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addFormat('guid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    this.ajv.addSchema({ $id: SPEC_ID, components: { schemas: openApiToJsonSchema(spec.components.schemas) } });
  }

  /** The names of the spec's component schemas. */
  get schemaNames(): string[] {
    return Object.keys(this.spec.components.schemas);
  }

  /** Checks `value` against a component schema by name (e.g. V1EndUserDialogsQueriesGet_Dialog). */
  check(name: string, value: unknown): SchemaCheck {
    if (!(name in this.spec.components.schemas)) throw new Error(`Dialogportens OpenAPI har ikke skjemaet ${name}.`);
    let validate = this.byName.get(name);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${SPEC_ID}#/components/schemas/${name}` });
      this.byName.set(name, validate);
    }
    return verdict(name, validate, value);
  }

  /**
   * Checks a response body against what the operation declares for that status (`method` and the
   * spec's path template, e.g. GET /api/v1/enduser/dialogs/{dialogId}). The spec declares no body for
   * 403 (and none for 401), but Dialogporten answers an authenticated refusal with ProblemDetails
   * (docs/contracts/dialogporten-broker.md §A.6, §A.8): a JSON error body is checked as ProblemDetails. Returns undefined when the
   * operation declares no JSON body for the status and the body is not a JSON error object (an empty
   * 401, a text 503): there is no official shape to check.
   */
  checkResponse(method: string, pathTemplate: string, status: number, body: unknown): SchemaCheck | undefined {
    const operation = this.spec.paths[pathTemplate]?.[method.toLowerCase()];
    if (!operation) throw new Error(`Dialogportens OpenAPI har ingen operasjon ${method.toUpperCase()} ${pathTemplate}.`);
    const response = operation.responses?.[String(status)] ?? operation.responses?.default;
    const content = response?.content ?? {};
    const declared = content['application/json']?.schema ?? content['application/problem+json']?.schema;
    if (declared !== undefined) {
      const ref = (declared as { $ref?: unknown }).$ref;
      if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) return this.check(ref.slice('#/components/schemas/'.length), body);
      return this.checkInline(`${method.toUpperCase()} ${pathTemplate} ${status}`, declared, body);
    }
    if (status >= 400 && body !== null && typeof body === 'object' && !Array.isArray(body)) return this.check('ProblemDetails', body);
    return undefined;
  }

  private checkInline(name: string, schema: unknown, value: unknown): SchemaCheck {
    let validate = this.byName.get(name);
    if (!validate) {
      // Inline schemas point into components with local refs: rewrite them to the added spec.
      const rebased = JSON.parse(JSON.stringify(openApiToJsonSchema(schema)).replaceAll('"#/components/schemas/', `"${SPEC_ID}#/components/schemas/`));
      validate = this.ajv.compile(rebased as object);
      this.byName.set(name, validate);
    }
    return verdict(name, validate, value);
  }
}

function verdict(name: string, validate: ValidateFunction, value: unknown): SchemaCheck {
  const valid = validate(value) === true;
  return { schema: name, valid, errors: valid ? [] : describeErrors(validate.errors ?? []) };
}

/** ajv errors as one line each: where, what, and the offending member for additionalProperties. */
export function describeErrors(errors: ErrorObject[]): string[] {
  return errors.slice(0, 20).map((e) => {
    const where = e.instancePath || '(roten)';
    const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: unknown }).additionalProperty)})` : '';
    return `${where}: ${e.message ?? e.keyword}${extra}`;
  });
}

let shared: DialogportenSchemas | undefined;

/** The suite's one instance (reading and compiling the spec once per process; validators are stateless). */
export function dialogportenSchemas(): DialogportenSchemas {
  shared ??= new DialogportenSchemas();
  return shared;
}
