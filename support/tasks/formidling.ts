// Tasks of the broker, formidlingstjenesten (seed scenario 5; docs/contracts/dialogporten-broker.md §B):
// Kartverket's broker resource for tinglysning, the vendor's system holding it as a single right
// (enkeltrettighet), the company's system user for it, the system sending a tinglysning (initialize
// with the MD5 checksum, then the upload as a stream), and Kartverket receiving it: the list of
// files waiting, the download read through an MD5, the confirmation and the final state.

import { randomUUID } from 'node:crypto';
import { assertTestable, requireSuccess } from '../assertions.ts';
import { requireResourcePolicy } from './autorisasjon.ts';
import { SAMPLE_RESOURCES } from '../target/resources.ts';
import { systemUserDecisionRequest } from '../clients/authorization.ts';
import { brokerParty, bytes, type FileTransferId, type FileTransferInitialize, type FileTransferOverview } from '../clients/broker.ts';
import { md5Of } from '../checksum.ts';
import { KARTVERKET_ORGCODE, type Kartverket } from '../actors/kartverket.ts';
import { MESSAGE_AND_FILE_SCOPES } from '../actors/vendor.ts';
import { ACCESS_PACKAGE_PREFIX, systemDescription } from './systemregister.ts';
import { acquireSystem, establishApproval, systemUserIdOf } from './systemuser.ts';
import { requestScopedSystemUserToken, requireScopedToken, type ScopedToken } from './systembrukertoken.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { Right } from '../clients/authentication.ts';
import type { TestResource } from '../clients/testdata.ts';
import type { Company } from '../actors/company.ts';
import type { Person } from '../actors/person.ts';
import type { Vendor } from '../actors/vendor.ts';

/** Kartverket's broker resource for tinglysning (the real Altinn 3 id is not public: docs/contracts/dialogporten-broker.md §B.9). */
export const TINGLYSING_RESOURCE_ID = SAMPLE_RESOURCES.tinglysing;
/** The access package the resource's policy names (docs/contracts/dialogporten-broker.md §B.9); the system gets the resource itself, as a single right. */
export const TINGLYSING_PACKAGE = 'tinglysing-eiendom';
/** The mandatory property of a tinglysning shipment (docs/contracts/dialogporten-broker.md §B.9, Kartverket's example client). */
export const TINGLYSING_OPERATION = 'sendTilTinglysing';

/** The single right on the broker resource, as the system and the request carry it (docs/contracts/dialogporten-broker.md §B.6, docs/contracts/altinn-authentication.md §2.2). */
export const tinglysingRight = (resource: string = TINGLYSING_RESOURCE_ID): Right => ({ resource: [{ id: 'urn:altinn:resource', value: resource }] });

/** The document a user sends: a small synthetic tinglysning, its MD5 and the shipment reference. */
export interface TinglysingDocument {
  fileName: string;
  content: Buffer;
  md5: string;
  reference: string;
}

/** What the system did with one company's tinglysning (kept in the vendor's notes about the company). */
export interface FileTransferNotes {
  token?: ScopedToken;
  document?: TinglysingDocument;
  /** The recipient the user chose. */
  recipientOrgNo?: string;
  initializeBody?: FileTransferInitialize;
  initialize?: ApiResponse<FileTransferId>;
  upload?: ApiResponse<FileTransferId>;
  /** The bytes actually uploaded (differ from the document when a scenario tampers with them). */
  uploaded?: { size: number; md5: string };
  /** The sender's own read of the transfer after sending (a question). */
  overview?: ApiResponse<FileTransferOverview>;
}

/** The vendor's broker notes about a company, made on first use. */
export function transferNotes(vendor: Vendor, company: Company): FileTransferNotes {
  const notes = vendor.customer(company);
  notes.fileTransfer ??= {};
  return notes.fileTransfer;
}

/** The system the company uses (set when it acquired it): the one that sent its tinglysning. */
function supplierOf(company: Company): Vendor {
  const vendor = company.notes.supplier;
  assertTestable(vendor, `${company.role} har ikke anskaffet noe system i dette scenarioet.`);
  return vendor;
}

/** The id of the file transfer the company's system initialized (the id a recipient is notified of). */
export function transferIdOf(company: Company): string {
  const id = supplierOf(company).customer(company).fileTransfer?.initialize?.data?.fileTransferId;
  assertTestable(typeof id === 'string' && id !== '', `systemet har ikke fått noen fileTransferId for tinglysningen fra ${company.role}.`);
  return id;
}

// ---- Kartverket's resource ----------------------------------------------------------------------------

export function tinglysingResource(kartverket: Kartverket): TestResource {
  return {
    title: { nb: 'Tinglysning via formidlingstjenesten (Samsvar)', nn: 'Tinglysing via formidlingstenesta (Samsvar)', en: 'Land registration via the broker (Samsvar)' },
    description: { nb: 'Formidlingstjeneste for elektronisk tinglysning, brukt av Samsvar.', en: 'Broker service for electronic land registration, used by Samsvar.' },
    resourceType: 'BrokerService',
    delegable: true,
    visible: true,
    hasCompetentAuthority: { organization: kartverket.orgNo, orgcode: KARTVERKET_ORGCODE, name: { nb: 'Kartverket (syntetisk)', en: 'Norwegian Mapping Authority (synthetic)' } },
    policy: { rules: [{ subjects: [`${ACCESS_PACKAGE_PREFIX}${TINGLYSING_PACKAGE}`], actions: ['read', 'write'] }] },
  };
}

/**
 * Given: Kartverket has defined the single resource that gives access to send tinglysning (seed
 * scenario 5, forutsetning 2). With the test data API it writes the BrokerService resource and its
 * policy (the same body every time); on every target the resource is then read back from the registry:
 * a BrokerService whose policy gives the package read and write.
 */
export async function publishTinglysingResource(kartverket: Kartverket): Promise<void> {
  await kartverket.ready();
  if (kartverket.usesTestdataApi) {
    requireSuccess(await kartverket.testdata.putResource(kartverket.resource('tinglysing'), tinglysingResource(kartverket)), `Å publisere formidlingsressursen ${kartverket.resource('tinglysing')} i testdata-API-et`, [200, 201]);
  }
  await requireResourcePolicy(kartverket.resourceRegistry, kartverket.resource('tinglysing'), [`${ACCESS_PACKAGE_PREFIX}${TINGLYSING_PACKAGE}`], ['read', 'write'], 'BrokerService');
}

// ---- The system and the system user -----------------------------------------------------------------

/** Given: the vendor has registered a tinglysning system that requires Kartverket's resource as a single right. */
export async function ensureTinglysingSystemRegistered(vendor: Vendor): Promise<string> {
  await vendor.ready();
  const system = {
    ...systemDescription(vendor, {}),
    name: { nb: 'Samsvar tinglysningssystem', nn: 'Samsvar tinglysingssystem', en: 'Samsvar land registration system' },
    description: { nb: 'System for å sende tinglysning via formidlingstjenesten, brukt av Samsvar.', nn: 'System for å sende tinglysing via formidlingstenesta.', en: 'Sends land registrations through the broker.' },
    rights: [tinglysingRight(vendor.resource('tinglysing'))],
    accessPackages: [],
    isVisible: true,
  };
  system.id = system.id.replace('_samsvar_mva_', '_samsvar_tinglysing_');
  vendor.notes.system = system;
  const response = await vendor.authentication.registerSystem(await vendor.platformToken(), system);
  vendor.notes.registration = response;
  requireSuccess(response, `Systemleverandørens registrering av et system med enkeltrettigheten ${vendor.resource('tinglysing')}`, [200]);
  vendor.notes.registeredSystemId = system.id;
  (vendor.notes.createdSystems ??= []).push(system.id);
  return system.id;
}

/** Given: the vendor has asked the company to accept a system user with the single right. */
export async function requestTinglysingSystemUser(vendor: Vendor, company: Company): Promise<void> {
  await Promise.all([vendor.ready(), company.ready()]);
  acquireSystem(company, vendor);
  const systemId = vendor.notes.registeredSystemId;
  assertTestable(systemId, 'systemleverandøren har ikke registrert noe system i dette scenarioet.');
  const body = { systemId, partyOrgNo: company.orgNo, rights: [tinglysingRight(vendor.resource('tinglysing'))] };
  const notes = vendor.customer(company);
  notes.requestBody = body;
  notes.request = await vendor.authentication.createRequest(await vendor.platformToken(), body);
  requireSuccess(notes.request, `Systemleverandørens forespørsel om systembruker med enkeltrettigheten for ${company.role}`, [201]);
}

/** Given: the company (through a person, its daglig leder) has accepted the vendor's request. */
export async function acceptSystemUser(company: Company, person: Person, vendor: Vendor): Promise<void> {
  await establishApproval(company, person, vendor);
  systemUserIdOf(company);
}

// ---- Sending ------------------------------------------------------------------------------------------

/** A small synthetic tinglysning (an innsending as Kartverket's example client writes one; no real data). */
export function tinglysingDocument(company: Company): TinglysingDocument {
  const reference = `samsvar-${randomUUID()}`;
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<innsending xmlns="http://samsvar.invalid/tinglysing">',
    `  <forsendelsereferanse>${reference}</forsendelsereferanse>`,
    `  <innsender organisasjonsnummer="${company.orgNo}">${company.name}</innsender>`,
    '  <dokument type="skjoete">',
    '    <eiendom kommunenummer="0301" gaardsnummer="208" bruksnummer="44"/>',
    '    <kjoeper foedselsnummer="(syntetisk)"/>',
    '    <vederlag valuta="NOK">4500000</vederlag>',
    '  </dokument>',
    '</innsending>',
    '',
  ].join('\n');
  const content = Buffer.from(xml.repeat(20), 'utf8');
  return { fileName: 'tinglysning.xml', content, md5: md5Of(content), reference };
}

/** Seed scenario 5, step 1 (Given): a user at the company uses the system to send a tinglysning to Kartverket. */
export async function prepareTinglysing(company: Company, kartverket: Kartverket): Promise<void> {
  await Promise.all([company.ready(), kartverket.ready()]);
  const notes = transferNotes(supplierOf(company), company);
  notes.document = tinglysingDocument(company);
  notes.recipientOrgNo = kartverket.orgNo;
}

/** The system asks Maskinporten for a system user token for the broker (scope altinn:broker.write) for the company (When). */
export async function fetchBrokerToken(vendor: Vendor, company: Company): Promise<ScopedToken> {
  const token = await requestScopedSystemUserToken(vendor, company, MESSAGE_AND_FILE_SCOPES.brokerWrite);
  transferNotes(vendor, company).token = token;
  return token;
}

/** Given: the system holds a system user token for the broker for the company. */
export async function obtainBrokerToken(vendor: Vendor, company: Company): Promise<string> {
  return requireScopedToken(await fetchBrokerToken(vendor, company), company);
}

/** The system user token the broker takes: as Maskinporten issued it, or exchanged where the profile says so (`access.broker`). */
async function brokerTokenOf(vendor: Vendor, company: Company): Promise<string> {
  const value = vendor.customer(company).fileTransfer?.token?.value;
  assertTestable(value, `systemet har ikke noe systembrukertoken for formidlingstjenesten for ${company.role}.`);
  return vendor.tokenFor('broker', value);
}

/** The content with its middle byte changed: same length, another MD5. */
export function tampered(content: Buffer): Buffer {
  const copy = Buffer.from(content);
  const at = Math.floor(copy.length / 2);
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  return copy;
}

/**
 * Seed scenario 5, step 3 (When): the system sends the tinglysning to Kartverket through the broker
 * with the company's system user token: initialize (sender the company, recipient Kartverket, the
 * resource, the MD5 checksum of the document, the operation property) and, when that is accepted,
 * the upload of the bytes as application/octet-stream. `tamper` changes a byte on the way (after the
 * checksum was computed), as a corrupted transfer would.
 */
export async function sendTinglysing(vendor: Vendor, kartverket: Kartverket, company: Company, options: { tamper?: boolean } = {}): Promise<void> {
  await kartverket.ready();
  const notes = transferNotes(vendor, company);
  const document = notes.document;
  assertTestable(document, `ingen bruker hos ${company.role} har valgt en tinglysning å sende.`);
  const token = await brokerTokenOf(vendor, company);
  const body: FileTransferInitialize = {
    resourceId: vendor.resource('tinglysing'),
    fileName: document.fileName,
    sendersFileTransferReference: document.reference,
    sender: brokerParty(company.orgNo),
    recipients: [brokerParty(kartverket.orgNo)],
    propertyList: { operation: TINGLYSING_OPERATION },
    checksum: document.md5,
  };
  notes.initializeBody = body;
  notes.initialize = await vendor.broker.initialize(token, body);
  const id = notes.initialize.status === 200 ? notes.initialize.data?.fileTransferId : undefined;
  if (typeof id !== 'string') return;
  const content = options.tamper ? tampered(document.content) : document.content;
  notes.uploaded = { size: content.length, md5: md5Of(content) };
  notes.upload = await vendor.broker.upload(token, id, bytes(content));
}

/** The sender reads its transfer (a question for the Then-steps). */
export async function readSentTransfer(vendor: Vendor, company: Company): Promise<void> {
  const notes = transferNotes(vendor, company);
  notes.overview = await vendor.broker.overview(await brokerTokenOf(vendor, company), transferIdOf(company));
}

// ---- Altinn Autorisasjon autoriserer tilgang --------------------------------------------------------

/**
 * Seed scenario 5, step 4 (When): Kartverket asks the PDP what the broker asks it at initialize
 * (docs/contracts/dialogporten-broker.md §B.4, §B.6): may the system user `systemUserOwner` approved `write` the resource for the party?
 */
export async function askPdpAboutTinglysing(kartverket: Kartverket, systemUserOwner: Company, party: Company): Promise<void> {
  await party.ready();
  const question = {
    systemUserId: systemUserIdOf(systemUserOwner),
    systemUserOwnerOrgNo: systemUserOwner.orgNo,
    partyOrgNo: party.orgNo,
    action: 'write',
    resource: kartverket.resource('tinglysing'),
  };
  const response = await kartverket.authorization.authorize(await kartverket.pdpToken(), systemUserDecisionRequest(question));
  kartverket.notes.decision = { question, response };
}

// ---- Kartverket receives ------------------------------------------------------------------------------

/** Kartverket lists the tinglysning files published for it (When). */
export async function listWaitingTransfers(kartverket: Kartverket): Promise<void> {
  kartverket.reception.list = await kartverket.broker.list(await kartverket.brokerToken(), {
    resourceId: kartverket.resource('tinglysing'),
    role: 'Recipient',
    status: 'Published',
  });
}

/** Kartverket reads the company's transfer (the checksum to compare with) and downloads it, hashing the bytes as they arrive (When). */
export async function downloadTinglysing(kartverket: Kartverket, company: Company): Promise<void> {
  const token = await kartverket.brokerToken();
  const id = transferIdOf(company);
  kartverket.reception.overviewBefore = await kartverket.broker.overview(token, id);
  kartverket.reception.download = await kartverket.broker.download(token, id);
}

/** Kartverket confirms the download, then reads the transfer's details (When). */
export async function confirmTinglysing(kartverket: Kartverket, company: Company): Promise<void> {
  const token = await kartverket.brokerToken();
  const id = transferIdOf(company);
  kartverket.reception.confirmation = await kartverket.broker.confirmDownload(token, id);
  kartverket.reception.detailsAfter = await kartverket.broker.details(token, id);
}
