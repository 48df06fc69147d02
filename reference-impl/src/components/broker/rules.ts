// The model rules of FileTransferInitalizeExt (docs/contracts/dialogporten-broker.md §B.2), gathered into one
// ValidationProblemDetails as ASP.NET's model validation gathers them. Shared by initialize (JSON) and
// initialize-and-upload (multipart).

import { isValidOrgNo } from '../../platform/orgno.ts';
import { modelValidation } from './problems.ts';
import type { InitializeInput } from './schemas.ts';

/** The initialize request after its rules: resource without prefix, parties as `0192:<orgno>`. */
export interface Initialize {
  resourceId: string;
  fileName: string;
  sendersFileTransferReference: string | null;
  sender: string;
  recipients: string[];
  propertyList: Record<string, string>;
  checksum: string | null;
  disableVirusScan: boolean;
}

const RESOURCE_ID = /^(?:urn:altinn:resource:)?[^:]{1,255}$/;
const PARTY = /^(?:(\d{4}):(\d{9})|urn:altinn:organization:identifier-no:(\d{9}))$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * docs/contracts/dialogporten-broker.md §B.2: `0192:<orgno>` or `urn:altinn:organization:identifier-no:<orgno>`, stored as
 * `0192:<orgno>`. Strict where Altinn is lax: the scheme must be 0192 (Norwegian organisation numbers)
 * and the number must pass mod 11.
 */
export function normaliseParty(value: string): string | undefined {
  const match = PARTY.exec(value);
  if (!match) return undefined;
  const icd = match[1] ?? '0192';
  const orgNo = match[2] ?? match[3] ?? '';
  if (icd !== '0192' || !isValidOrgNo(orgNo)) return undefined;
  return `0192:${orgNo}`;
}

/** The organisation number of `0192:<orgno>`. */
export const orgNoOf = (party: string): string => party.slice(5);

/** `prefix` is the multipart form's `Metadata.` (its keys are the form field names). */
export function checkInitialize(input: InitializeInput, prefix = ''): Initialize {
  const errors: Record<string, string[]> = {};
  const add = (key: string, message: string) => (errors[`${prefix}${key}`] ??= []).push(message);

  const resourceId = input.resourceId ?? '';
  if (resourceId === '') add('ResourceId', 'The ResourceId field is required.');
  else if (resourceId.length > 255 || !RESOURCE_ID.test(resourceId)) add('ResourceId', 'The ResourceId must be a resource identifier, optionally prefixed with urn:altinn:resource:.');

  const fileName = input.fileName ?? '';
  if (fileName === '') add('FileName', 'The FileName field is required.');
  else if (fileName.length > 255) add('FileName', 'The field FileName must be a string with a maximum length of 255.');
  // Strict where Altinn is lax: a file name with control characters cannot be sent in Content-Disposition.
  else if (CONTROL.test(fileName)) add('FileName', 'The FileName must not contain control characters.');

  const reference = input.sendersFileTransferReference ?? null;
  if (reference !== null && (reference.length < 1 || reference.length > 4096)) {
    add('SendersFileTransferReference', 'The field SendersFileTransferReference must be a string with a minimum length of 1 and a maximum length of 4096.');
  }

  const sender = input.sender ? normaliseParty(input.sender) : undefined;
  if (!input.sender) add('Sender', 'The Sender field is required.');
  else if (!sender) add('Sender', 'Sender must be an organisation number in the format 0192:<orgno> or urn:altinn:organization:identifier-no:<orgno>, with a valid check digit.');

  const recipients: string[] = [];
  if (!input.recipients || input.recipients.length === 0) add('Recipients', 'One or more recipients are required.');
  for (const [i, r] of (input.recipients ?? []).entries()) {
    const normalised = normaliseParty(r);
    if (!normalised) add(`Recipients[${i}]`, 'Each recipient must be an organisation number in the format 0192:<orgno> or urn:altinn:organization:identifier-no:<orgno>, with a valid check digit.');
    else if (!recipients.includes(normalised)) recipients.push(normalised);
  }

  const propertyList = input.propertyList ?? {};
  const entries = Object.entries(propertyList);
  if (entries.length > 10) add('PropertyList', 'PropertyList can contain at most 10 properties.');
  for (const [key, value] of entries) {
    if (key.length > 50) add('PropertyList', `PropertyList keys can be at most 50 characters long ('${key.slice(0, 20)}...').`);
    if (value.length > 3000) add('PropertyList', `PropertyList values can be at most 3000 characters long (key '${key}').`);
  }

  const checksum = input.checksum ?? null;
  if (checksum !== null) {
    if (checksum.length !== 32) add('Checksum', 'The checksum, if used, must be a MD5 hash with a length of 32 characters.');
    else if (checksum !== checksum.toLowerCase()) add('Checksum', 'The checksum, if used, must be a MD5 hash in lower case.');
    else if (!/^[0-9a-f]{32}$/.test(checksum)) add('Checksum', 'The checksum, if used, must be a MD5 hash in hexadecimal.');
  }

  if (Object.keys(errors).length > 0) throw modelValidation(errors);
  return {
    resourceId: resourceId.replace(/^urn:altinn:resource:/, ''),
    fileName,
    sendersFileTransferReference: reference,
    sender: sender as string,
    recipients,
    propertyList: { ...propertyList },
    checksum,
    disableVirusScan: input.disableVirusScan ?? false,
  };
}
