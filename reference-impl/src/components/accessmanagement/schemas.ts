// Route schemas of the access management metadata routes (shape only).

export const idParams = {
  type: 'object',
  // ASP.NET binds {id} as a Guid: anything else is a 400.
  properties: { id: { type: 'string', format: 'uuid' } },
  required: ['id'],
  additionalProperties: false,
} as const;

export const urnParams = {
  type: 'object',
  properties: { urn: { type: 'string', minLength: 1, maxLength: 300 } },
  required: ['urn'],
  additionalProperties: false,
} as const;
