// The Access Management problem and validation descriptors this component uses, with code, status and
// exact title as AM's contracts library defines them (Altinn.Authorization.Api.Contracts Errors/Problems.cs
// and Errors/ValidationErrors.cs; docs/contracts/altinn-authorization.md §0, §4.4, §5). AM validation errors name the
// query parameter as `QUERY/<name>` in `paths` and carry one extension member, as AM writes them.

import { AltinnProblem, ValidationProblem, type ValidationErrorItem } from '../../platform/errors.ts';

const AM_PROBLEMS = {
  'AM-00022': [400, 'Operation can not be completed, because it requires an existing connection between the parties.'],
} as const satisfies Record<string, readonly [number, string]>;

export type AmProblemCode = keyof typeof AM_PROBLEMS;

export function amProblem(code: AmProblemCode, detail?: string): AltinnProblem {
  const [status, title] = AM_PROBLEMS[code];
  return new AltinnProblem(status, code, title, {}, detail);
}

const AM_VLD_TITLES = {
  'AM.VLD-00006': 'Entity do not exists.',
  'AM.VLD-00009': 'One or more query parameters are invalid.',
  'AM.VLD-00010': 'Assignment is active in one or more connections.',
  'AM.VLD-00011': 'Package do not exists.',
  'AM.VLD-00026': 'User not authorized for operation.',
  'AM.VLD-00028': 'One or more packages is not assignable to receipient.',
  'AM.VLD-00048': 'One or more packages is not assignable.',
} as const;

export type AmVldCode = keyof typeof AM_VLD_TITLES;

/** One AM validation error: code, title, the parameter path and its extension member(s). */
export function amVld(code: AmVldCode, path: string, extensions: Record<string, string> = {}): ValidationErrorItem {
  return { code, title: AM_VLD_TITLES[code], paths: [path], ...extensions };
}

/** STD.VLD-00000 "The field is required." (ProblemDetails StdValidationErrors.Required), over several paths. */
export function stdRequired(paths: string[], extensions: Record<string, string> = {}): ValidationErrorItem {
  return { code: 'STD.VLD-00000', title: 'The field is required.', paths, ...extensions };
}

/** A 400 STD-00000 problem carrying AM validation errors. */
export function amValidation(...errors: ValidationErrorItem[]): ValidationProblem {
  return new ValidationProblem(errors);
}
