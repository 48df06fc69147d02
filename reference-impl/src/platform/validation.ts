// The route schema validator of the whole app (app.ts installs it with setValidatorCompiler).
//
// Validation mirrors the contract one schema at a time: no coercion, no stripping, no defaults, and
// every violation reported (ASP.NET reports every model error). Reporting every violation with Ajv's
// `allErrors` is a denial-of-service risk, as Fastify's own default options warn: Ajv builds one error
// object for every bad value, and the body limit bounds only the bytes. The fuzz test found it: a
// 200 KB body `[1,1,...]` to a route expecting an array of objects took 0.8 s and a 7 MB answer, and an
// 18 MB Dialogporten body (its limit is 20 MB) of 9 million invalid transmissions took 30 s and 3.6 GB
// of memory (now 3.5 s and 0.6 GB, nearly all of it JSON.parse of the 18 MB).
//
// So each schema is checked in two steps. First Ajv stops at the first violation (valid input never
// costs more than that). Only for an invalid input of at most MAX_VALUES_FOR_ALL_ERRORS JSON values is
// it checked again for every violation; a larger invalid input is refused with its first violation.
// (ASP.NET stops collecting at 200 model errors, MvcOptions.MaxModelValidationErrors; the error
// handlers cap what they write at that number, MAX_VALIDATION_ERRORS in error-handler.ts.)

import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** No coercion, no stripping, no defaults (Fastify's defaults do all three). */
const OPTIONS: Options = { coerceTypes: false, removeAdditional: false, useDefaults: false };

/** Invalid input with more values than this is refused with its first violation only. */
export const MAX_VALUES_FOR_ALL_ERRORS = 10_000;

/** The number of JSON values in `data` (objects, arrays and scalars), counted up to `limit + 1`. */
export function countValues(data: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0 && count <= limit) {
    const value = stack.pop();
    count++;
    if (value !== null && typeof value === 'object') {
      for (const inner of Object.values(value as Record<string, unknown>)) stack.push(inner);
    }
  }
  return count;
}

/** A validator compiler: first violation for every input, every violation for small invalid inputs. */
export function routeValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const first = addFormats(new Ajv({ ...OPTIONS, allErrors: false }));
  const every = addFormats(new Ajv({ ...OPTIONS, allErrors: true }));
  const compile = (ajv: Ajv, schema: Record<string, unknown>): ValidateFunction =>
    (typeof schema.$id === 'string' ? ajv.getSchema(schema.$id) : undefined) ?? ajv.compile(schema);
  return ({ schema }) => {
    const quick = compile(first, schema as Record<string, unknown>);
    let full: ValidateFunction | undefined; // compiled when first needed
    const validate = (data: unknown) => {
      if (quick(data)) return true;
      validate.errors = quick.errors;
      if (countValues(data, MAX_VALUES_FOR_ALL_ERRORS) <= MAX_VALUES_FOR_ALL_ERRORS) {
        full ??= compile(every, schema as Record<string, unknown>);
        if (!full(data)) validate.errors = full.errors;
      }
      return false;
    };
    validate.errors = null as ValidateFunction['errors'];
    return validate;
  };
}
