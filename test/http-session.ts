import { createServer } from 'node:net';

/** A free TCP port on loopback, for an app that must know its own URL before it listens. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface StoredCookie {
  value: string;
  path: string;
}

/**
 * A browser without JavaScript: real HTTP with fetch, a cookie jar that honours cookie paths, and
 * redirects followed by hand so that a test sees every hop.
 */
export class HttpSession {
  readonly cookies = new Map<string, StoredCookie>();

  constructor(readonly baseUrl: string) {}

  private cookieHeader(path: string): string {
    return [...this.cookies]
      .filter(([, c]) => path.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  private store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const expired = attributes.some((a) => /^max-age=0$/i.test(a) || /^expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
  }

  /** One request, no redirect following. */
  async request(url: string, init: { method?: string; form?: Record<string, string | string[]> } = {}): Promise<Response> {
    const target = new URL(url, this.baseUrl);
    const headers: Record<string, string> = { cookie: this.cookieHeader(target.pathname) };
    let body: string | undefined;
    if (init.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(init.form)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
      body = params.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const response = await fetch(target, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      redirect: 'manual',
      ...(body === undefined ? {} : { body }),
    });
    this.store(response);
    return response;
  }

  /** Follows redirects (as GET) until a page answers; returns it and the URL it came from. */
  async follow(response: Response, from: string): Promise<{ response: Response; url: string }> {
    let current = response;
    let url = new URL(from, this.baseUrl).href;
    for (let hops = 0; current.status >= 300 && current.status < 400; hops++) {
      if (hops > 10) throw new Error('too many redirects');
      url = new URL(current.headers.get('location') ?? '', url).href;
      await current.arrayBuffer();
      current = await this.request(url);
    }
    return { response: current, url };
  }

  async get(url: string): Promise<{ response: Response; url: string }> {
    return this.follow(await this.request(url), url);
  }

  async post(url: string, form: Record<string, string | string[]>): Promise<{ response: Response; url: string }> {
    return this.follow(await this.request(url, { form }), url);
  }
}

/** The value of a named hidden input in a page. */
export function hiddenInput(html: string, name: string): string {
  const match = new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html) ?? new RegExp(`value="([^"]*)"[^>]*name="${name}"`).exec(html);
  if (!match) throw new Error(`no input ${name}`);
  return match[1]!;
}

/** A page without its header (whose language link is marked as the other language): navigation, breadcrumbs and main. */
export function pageBody(html: string): string {
  return html.slice(html.indexOf('</header>'), html.indexOf('</main>'));
}
