// Route schemas of the resource registry (shape only).

export const identifierParams = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
  required: ['id'],
  additionalProperties: false,
} as const;

const booleanString = { type: 'string', enum: ['true', 'false'] } as const;

export const resourceListQuery = {
  type: 'object',
  properties: {
    includeApps: booleanString,
    includeAltinn2: booleanString,
    includeMigratedApps: booleanString,
  },
  additionalProperties: false,
} as const;
