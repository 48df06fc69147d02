// Route schemas of the register component (shape only).

export const orgNoParams = {
  type: 'object',
  properties: { orgNo: { type: 'string', minLength: 1 } },
  required: ['orgNo'],
  additionalProperties: false,
} as const;

export const partyIdParams = {
  type: 'object',
  // Altinn binds {partyId} as an int: anything else is a 400 from model binding.
  properties: { partyId: { type: 'string', pattern: '^[0-9]{1,10}$' } },
  required: ['partyId'],
  additionalProperties: false,
} as const;

export const partyUuidParams = {
  type: 'object',
  properties: { partyUuid: { type: 'string', format: 'uuid' } },
  required: ['partyUuid'],
  additionalProperties: false,
} as const;
