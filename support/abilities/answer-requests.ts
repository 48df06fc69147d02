// The ability of a person to answer a system user request (approve or reject; standard, agent, or a
// change request on a standard system user),
// with interchangeable implementations: the approval UI's backend (Altinn's Access Management BFF,
// when the target declares `am-bff`), Authentication's end-user routes, or the approval page in the
// browser. Tasks call `answerRequestsFor(person)` and read one answer shape (`RequestAnswer`); which
// surface answered is part of the answer (`via`) and of the report. How a platform refusal shows on
// each surface (the BFF turns Authentication's problems into its own AMUI codes) is the surface's
// business too: `refusal()` (docs/contracts/am-bff.md §3).

import type { BffRequestKind } from '../clients/am-bff.ts';
import { inPortal, isPortalAnswer, portalFlavour, type PageState, type PersonAnswer, type PortalAnswer } from '../browser/portal.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { Person } from '../actors/person.ts';

export type Reply = 'approve' | 'reject';
export type Surface = 'am-bff' | 'authentication' | 'browser';

/**
 * The request a person answers: kind, the party it is answered in (read only by the HTTP surfaces:
 * the page answers in the request's own party), its id and the page the vendor sent.
 */
export interface RequestToAnswer {
  kind: BffRequestKind;
  partyId: () => Promise<number>;
  requestId: string;
  confirmUrl: string;
}

/** What the person's answer gave, whichever surface took it. */
export interface RequestAnswer {
  via: Surface;
  reply: Reply;
  /** The HTTP answer (BFF or Authentication) or what the page showed (browser). */
  outcome: PersonAnswer<boolean>;
  /** True when the answer went through: 200 `true`, or the page's receipt or the vendor's redirect. */
  done: boolean;
}

/** How a refusal of the platform reaches the person on a surface: its status and error code. */
export interface Refusal {
  status: number;
  code: string;
}

export interface AnswerRequests {
  readonly via: Surface;
  answer(person: Person, request: RequestToAnswer, reply: Reply): Promise<RequestAnswer>;
  /** The refusal this surface shows for Authentication's `status` + `code` (docs/contracts/am-bff.md §3). */
  refusal(status: number, code: string): Refusal;
}

/** The states of the page after an answer that went through (the receipt, or the vendor's site). */
export const DONE_IN_PORTAL: Readonly<Record<Reply, readonly PageState[]>> = {
  approve: ['approved', 'left-portal'],
  reject: ['rejected', 'left-portal'],
};

function apiAnswer(via: Surface, reply: Reply, response: ApiResponse<boolean>): RequestAnswer {
  return { via, reply, outcome: response, done: response.status === 200 && response.body === true };
}

const sameRefusal = (status: number, code: string): Refusal => ({ status, code });

/** Authentication's end-user routes (docs/contracts/altinn-authentication.md §3.5): its own problems. */
const authentication: AnswerRequests = {
  via: 'authentication',
  async answer(person, request, reply) {
    const token = await person.token();
    const client = person.authentication;
    const { kind, requestId } = request;
    const partyId = await request.partyId();
    const calls = {
      standard: { approve: client.approveRequest, reject: client.rejectRequest },
      agent: { approve: client.approveAgentRequest, reject: client.rejectAgentRequest },
      change: { approve: client.approveChangeRequest, reject: client.rejectChangeRequest },
    }[kind];
    const response = await calls[reply].call(client, token, partyId, requestId);
    return apiAnswer('authentication', reply, response);
  },
  refusal: sameRefusal,
};

/**
 * The AUTH codes the BFF maps to its own (AMUI-000NN with the same number and the BFF's status); every
 * other Authentication problem becomes 400 AMUI-00005 (docs/contracts/am-bff.md §3).
 */
const BFF_MAPPED: Readonly<Record<string, number>> = {
  'AUTH-00001': 400, 'AUTH-00002': 400, 'AUTH-00003': 400, 'AUTH-00004': 400, 'AUTH-00011': 404,
  'AUTH-00014': 403, 'AUTH-00016': 403, 'AUTH-00018': 403, 'AUTH-00019': 403, 'AUTH-00020': 403,
  'AUTH-00028': 400, 'AUTH-00050': 400, 'AUTH-00051': 400, 'AUTH-00053': 400, 'AUTH-00066': 403,
  'AUTH-00068': 403, 'AUTH-00069': 403, 'AUTH-00070': 403, 'AUTH-00071': 403,
};

export function bffRefusal(status: number, code: string): Refusal {
  if (!code.startsWith('AUTH-')) return { status, code };
  const mapped = BFF_MAPPED[code];
  return mapped !== undefined ? { status: mapped, code: code.replace('AUTH-', 'AMUI-') } : { status: 400, code: 'AMUI-00005' };
}

/** The Access Management BFF at the profile's `amUi` endpoint, with the same person token. */
const amBff: AnswerRequests = {
  via: 'am-bff',
  async answer(person, request, reply) {
    return apiAnswer('am-bff', reply, await person.amBff.answer(await person.token(), request.kind, await request.partyId(), request.requestId, reply));
  },
  refusal: bffRefusal,
};

/** The approval page at the request's confirmUrl, in the person's own browser context. */
const browser: AnswerRequests = {
  via: 'browser',
  async answer(person, request, reply) {
    const page: PortalAnswer = await portalFlavour().answerRequest(await inPortal(person), request.confirmUrl, reply);
    return { via: 'browser', reply, outcome: page, done: page.offered && DONE_IN_PORTAL[reply].includes(page.view.shows) };
  },
  // The page shows the platform's code as the portal got it (the reference portal calls Authentication).
  refusal: sameRefusal,
};

/**
 * The surface over HTTP: the BFF when the target declares `am-bff`, else Authentication's end-user
 * routes. Used in --end-user api, and for answers no page can give (a party the page never offers).
 */
export function answerRequestsOverHttp(person: Person): AnswerRequests {
  return person.hasAmBff ? amBff : authentication;
}

/** The surface this person answers requests on in this run: the browser where persons act there, else over HTTP. */
export function answerRequestsFor(person: Person): AnswerRequests {
  return person.actsInBrowser ? browser : answerRequestsOverHttp(person);
}

/** One line for the report: which surface took the answer. */
export function describeSurface(answer: RequestAnswer): string {
  const where = { 'am-bff': 'Access Management BFF (amUi)', authentication: "Authentications sluttbruker-API (platform)", browser: 'godkjenningssiden i nettleseren (portal)' }[answer.via];
  return `Personen svarte (${answer.reply === 'approve' ? 'godkjenning' : 'avvisning'}) via ${where}.`;
}

/** The HTTP answer of an API surface; undefined for the browser (any person's answer: requests, delegations). */
export function httpOutcome<T>(answer: { outcome: PersonAnswer<T> } | undefined): ApiResponse<T> | undefined {
  return answer && !isPortalAnswer(answer.outcome) ? answer.outcome : undefined;
}

/** What the page showed; undefined for an API surface. */
export function pageOutcome(answer: { outcome: PersonAnswer<unknown> } | undefined): PortalAnswer | undefined {
  return answer && isPortalAnswer(answer.outcome) ? answer.outcome : undefined;
}

/** The surface by name (to read how a refusal shows where an answer was given). */
export function surface(via: Surface): AnswerRequests {
  return { 'am-bff': amBff, authentication, browser }[via];
}

/** Where the Then-steps look for a person's answer (a company's or an accountant's notes). */
export interface AnswerNotes {
  answer?: RequestAnswer;
  approval?: ApiResponse<boolean>;
  rejection?: ApiResponse<boolean>;
  approvalInPortal?: PortalAnswer;
  rejectionInPortal?: PortalAnswer;
  answeredBy?: string;
  lastAnswer?: 'approval' | 'rejection';
}

/** Notes the answer once, for every Then-step that reads it. */
export function noteAnswer(notes: AnswerNotes, person: Person, answer: RequestAnswer): void {
  notes.answer = answer;
  notes.answeredBy = person.role;
  if (answer.reply === 'approve') {
    notes.lastAnswer = 'approval';
    notes.approval = httpOutcome(answer);
    notes.approvalInPortal = pageOutcome(answer);
  } else {
    notes.lastAnswer = 'rejection';
    notes.rejection = httpOutcome(answer);
    notes.rejectionInPortal = pageOutcome(answer);
  }
}
