// The reference portal's session over plain HTTP (--end-user api, and a copied session's replay):
// log in through the test login form, log out with the header's form, and read what a page answered.
// The forms carry the portal's CSRF token in a hidden `_csrf` field; the portal answers a page without
// a session with a redirect to its login page.

import { Broken, type ApiResponse } from '../../../clients/http.ts';
import type { PageState, PortalHttp } from '../../portal.ts';
import { classify, errorCodesIn, onPortal } from './view.ts';

const decode = (text: string): string =>
  text.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n))).replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function csrfOf(response: ApiResponse<string>, what: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(response.text)?.[1];
  if (!token) throw new Broken(`Portalens side (${what}) har ikke skjemaets CSRF-token: ${response.status} ${response.text.slice(0, 200)}`);
  return decode(token);
}

async function send(http: PortalHttp, method: 'GET' | 'POST', url: string, form?: Record<string, string>): Promise<ApiResponse<string>> {
  const response = method === 'GET' ? await http.client.page(url, http.jar.header()) : await http.client.submit(url, http.jar.header(), form ?? {});
  http.jar.take(response);
  return response;
}

const portalPath = (portalUrl: string, path: string): string => `${portalUrl.replace(/\/+$/, '')}${path}`;

/** Logs in through the test login form, coming back to `url` (a page of the portal). */
export async function logInOverHttp(http: PortalHttp, pid: string, url: string): Promise<void> {
  const form = await send(http, 'GET', portalPath(http.portalUrl, '/login'));
  const target = new URL(url);
  const base = new URL(http.portalUrl);
  const returnTo = `${target.pathname}${target.search}`.replace(base.pathname.replace(/\/+$/, ''), '/portal');
  const login = await send(http, 'POST', portalPath(http.portalUrl, '/login'), { _csrf: csrfOf(form, 'innlogging'), pid, returnTo });
  if (login.status !== 303) throw new Broken(`Innloggingen i portalen ble avvist for ${pid}: ${login.status} ${login.text.slice(0, 200)}`);
}

/** Logs out with the form every logged-in page has in its header. */
export async function logOutOverHttp(http: PortalHttp): Promise<ApiResponse<string>> {
  const start = await send(http, 'GET', portalPath(http.portalUrl, ''));
  return send(http, 'POST', portalPath(http.portalUrl, '/logout'), { _csrf: csrfOf(start, 'utlogging') });
}

/** What a page answered over HTTP shows: a redirect to the login page is `login`; a page is read by its headings. */
export function shownOverHttp(response: ApiResponse<string>, url: string, portalUrl: string): PageState {
  if (response.status >= 300 && response.status < 400) {
    const location = new URL(response.headers.location ?? '', url).href;
    if (!onPortal(location, portalUrl)) return 'left-portal';
    return new URL(location).pathname.endsWith('/login') ? 'login' : 'other';
  }
  if (response.status === 401) return 'login';
  const heading = decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(response.text)?.[1]?.replace(/<[^>]+>/g, '').trim() ?? '');
  const notices = [...response.text.matchAll(/role="(?:alert|status)"[\s\S]*?<h2[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => decode((m[1] ?? '').replace(/<[^>]+>/g, '').trim()));
  const codeLine = /data-testid="feilkode"[^>]*>([\s\S]*?)</.exec(response.text)?.[1];
  return classify({ url, heading, notices, errorCodes: codeLine ? errorCodesIn(codeLine) : [] }, portalUrl);
}
