// The portal's pages over plain HTTP, as a browser without JavaScript fetches them: HTML, cookies sent
// back as the portal set them, redirects not followed (a step reads where the portal sends the
// browser). Used to replay a copied session and, in --end-user api, to log in and out of the portal.

import { HttpClient, type ApiResponse, type HttpContext } from './http.ts';

/** A browser's cookies for one site: name → value, from Set-Cookie headers (expired ones removed). */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  /** Takes the Set-Cookie headers of a response (joined with ", " by the HTTP layer). */
  take(response: ApiResponse<unknown>): void {
    const header = response.headers['set-cookie'];
    if (!header) return;
    // A comma separates cookies only where a new `name=` follows (an Expires date has ", " too).
    for (const cookie of header.split(/,(?=\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+=)/)) {
      const [pair = '', ...attributes] = cookie.split(';').map((p) => p.trim());
      const eq = pair.indexOf('=');
      if (eq < 1) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const expired = value === '' || attributes.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) <= Date.now()));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** The Cookie header a browser sends ("" when the jar is empty). */
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export class PortalClient extends HttpClient {
  constructor(portalUrl: string, context: HttpContext) {
    super('portal', portalUrl, context);
  }

  /** GET of an absolute portal URL with these cookies (a Cookie header value, "" for none). */
  page(url: string, cookies: string): Promise<ApiResponse<string>> {
    return this.send({ method: 'GET', path: '', url, headers: { accept: 'text/html', ...(cookies ? { cookie: cookies } : {}) } });
  }

  /** POST of a form to an absolute portal URL with these cookies. */
  submit(url: string, cookies: string, form: Record<string, string>): Promise<ApiResponse<string>> {
    return this.send({ method: 'POST', path: '', url, form, headers: { accept: 'text/html', ...(cookies ? { cookie: cookies } : {}) } });
  }
}
