import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest, FastifyServerFactory } from 'fastify';
import type { Database, DbOrTx } from '../db/client.ts';
import { stockholmDateOf } from './format.ts';

export const PUBLIC_CONTENT_CHANNEL = 'public_content_changed';

type Encoding = 'br' | 'gzip' | 'identity';

/** A stored page: its body in each encoding, and the response head for each, built once when stored. */
interface Entry {
  body: Record<Encoding, Buffer>;
  /** `writeHead` headers as a flat [name, value, name, value…] list, the form Node writes fastest. */
  head: Record<Encoding, string[]>;
  /** When the page is made again (ms since the epoch); Infinity for a page only a change notice clears. */
  expiresAt: number;
}

/**
 * Rendered public pages for anonymous visitors, keyed by date, language and URL (the date because
 * call status and days left change at midnight in Stockholm). Any write to public content calls
 * `notifyPublicContentChanged` inside its transaction; PostgreSQL delivers the notification on
 * commit to every instance listening, and each clears its cache.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  /**
   * The keys stored per path (the URL without its query): dropping one page (the statistics after
   * a case officer registers a letter) must not mean walking a full cache (5 000 pages: 109 µs).
   */
  private readonly keysByPath = new Map<string, Set<string>>();
  private serving = true;

  constructor(private readonly maxEntries: number) {}

  /** The stored page, unless it expired or the app is closing (then Fastify answers: 503 and close the connection). */
  get(key: string, now = Date.now()): Entry | undefined {
    const entry = this.serving ? this.entries.get(key) : undefined;
    if (entry && entry.expiresAt <= now) {
      this.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, entry: Entry): void {
    if (this.maxEntries === 0) return;
    if (!this.entries.has(key) && this.entries.size >= this.maxEntries) {
      // Map keeps insertion order: drop the oldest.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    this.entries.set(key, entry);
    const path = pathOfKey(key);
    const keys = this.keysByPath.get(path);
    if (keys) keys.add(key);
    else this.keysByPath.set(path, new Set([key]));
  }

  private delete(key: string): void {
    this.entries.delete(key);
    const path = pathOfKey(key);
    const keys = this.keysByPath.get(path);
    keys?.delete(key);
    if (keys?.size === 0) this.keysByPath.delete(path);
  }

  /** Drops every page, or only the pages of `path` (with any query string) when one is given. */
  clear(path = ''): void {
    if (path === '') {
      this.entries.clear();
      this.keysByPath.clear();
      return;
    }
    for (const key of this.keysByPath.get(path) ?? []) this.entries.delete(key);
    this.keysByPath.delete(path);
  }

  stopServing(): void {
    this.serving = false;
    this.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Tells every instance that public pages are stale; call it inside the writing transaction. With a
 * `path`, only that page is (e.g. the statistics after a submission): the rest of the cache and the
 * memoised data stay.
 */
export async function notifyPublicContentChanged(db: DbOrTx, path = ''): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${PUBLIC_CONTENT_CHANNEL}, ${path})`);
}

/**
 * This instance's view of `notifyPublicContentChanged`: one LISTEN per instance, fanned out to
 * the rendered-page cache and to data memoised by features (e.g. the catalogue's filter options).
 */
export class PublicContentChanges {
  private readonly subscribers: ((path: string) => void)[] = [];
  private generation = 0;
  /** Whether notifications arrive: while they may be missed, no page is stored. */
  private isListening = true;

  static async listen(database: Database): Promise<{ changes: PublicContentChanges; stop: () => Promise<void> }> {
    const changes = new PublicContentChanges();
    const stop = await database.listen(
      PUBLIC_CONTENT_CHANNEL,
      (path) => changes.changed(path),
      (listening) => changes.setListening(listening),
    );
    return { changes, stop };
  }

  get listening(): boolean {
    return this.isListening;
  }

  /** Notifications missed while the connection was down may have been any change. */
  setListening(listening: boolean): void {
    this.isListening = listening;
    this.changed();
  }

  /** Everything changed (`path` empty), or only the page at `path`: memoised data stays then. */
  changed(path = ''): void {
    if (path === '') this.generation++;
    for (const fn of this.subscribers) fn(path);
  }

  subscribe(fn: (path: string) => void): void {
    this.subscribers.push(fn);
  }

  /** `load` runs once and its result is kept until public content changes. */
  memo<T>(load: () => Promise<T>): () => Promise<T> {
    let kept: { generation: number; value: Promise<T> } | undefined;
    return () => {
      if (kept?.generation !== this.generation) {
        const value = load();
        kept = { generation: this.generation, value };
        // A failed load is not kept: the next call tries again.
        value.catch(() => {
          if (kept?.value === value) kept = undefined;
        });
      }
      return kept.value;
    };
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Cache the rendered page for anonymous visitors until public content changes, or, with
     * `maxAgeSeconds`, at most that long (for a page whose data change without a notice).
     */
    pageCache?: true | { maxAgeSeconds: number };
  }
}

let today = { date: '', until: 0 };
function stockholmToday(): string {
  const now = Date.now();
  if (now >= today.until) today = { date: stockholmDateOf(new Date(now)), until: now + 1_000 };
  return today.date;
}

/** The key under which an anonymous visitor's page at `url` (path and query) is stored today. */
export function anonymousPageKey(url: string, lang: 'sv' | 'en' = 'sv'): string {
  return `${stockholmToday()}|${lang}|${url}`;
}

/** The key of an anonymous GET or HEAD of `url`, or null when the request carries a session. */
function keyOfRaw(method: string | undefined, url: string | undefined, cookie: string | undefined): string | null {
  if ((method !== 'GET' && method !== 'HEAD') || url === undefined) return null;
  if (cookie === undefined) return anonymousPageKey(url);
  // A session means a personal page.
  if (/(?:^|;\s*)sid=/.test(cookie)) return null;
  return anonymousPageKey(url, /(?:^|;\s*)lang=en(?:;|$)/.test(cookie) ? 'en' : 'sv');
}

/** The path of a cache key's URL ("date|lang|url"), without its query string. */
function pathOfKey(key: string): string {
  const url = key.slice(key.indexOf('|', key.indexOf('|') + 1) + 1);
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** The cache key, or null when this request must not be served from or stored in the cache. */
function keyOf(request: FastifyRequest): string | null {
  if (!request.routeOptions.config.pageCache) return null;
  // The raw header: this runs before the cookie plugin.
  return keyOfRaw(request.method, request.url, request.headers.cookie);
}

function pickEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  if (/\bbr\b/.test(acceptEncoding)) return 'br';
  if (/\bgzip\b/.test(acceptEncoding)) return 'gzip';
  return 'identity';
}

/** The stored page for this request, if any. Only pages of `pageCache` routes are ever stored. */
function hitOf(cache: PageCache, req: IncomingMessage): Entry | undefined {
  const key = keyOfRaw(req.method, req.url, req.headers.cookie);
  return key === null ? undefined : cache.get(key);
}

function writeHit(req: IncomingMessage, res: ServerResponse, entry: Entry): void {
  const encoding = pickEncoding(req.headers['accept-encoding']);
  res.writeHead(200, entry.head[encoding]);
  res.end(req.method === 'HEAD' ? undefined : entry.body[encoding]);
}

/** Headers of the filling response that are not stored: they belong to that response or client only. */
const UNSTORED_HEADER = /^(?:content-length|set-cookie|retry-after|x-ratelimit-.*)$/;

function entryOf(payload: string, headers: Record<string, unknown>, expiresAt: number): Entry {
  const kept: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !UNSTORED_HEADER.test(name)) kept.push(name, String(value));
  }
  kept.push('vary', 'accept-encoding', 'x-page-cache', 'hit');
  const identity = Buffer.from(payload);
  const body: Record<Encoding, Buffer> = {
    identity,
    br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
    gzip: gzipSync(identity, { level: 9 }),
  };
  const headOf = (encoding: Encoding) => [
    ...kept,
    'content-length',
    String(body[encoding].length),
    ...(encoding === 'identity' ? [] : ['content-encoding', encoding]),
  ];
  return { body, head: { identity: headOf('identity'), br: headOf('br'), gzip: headOf('gzip') }, expiresAt };
}

interface FastifyHttpOptions {
  http?: http.ServerOptions;
  keepAliveTimeout: number;
  requestTimeout: number;
  connectionTimeout: number;
  maxRequestsPerSocket: number;
}

/**
 * The HTTP server for Fastify's `serverFactory`: a cache hit is answered here, before Fastify
 * parses, routes or runs a hook for it; every other request goes to Fastify. The server gets the
 * timeouts Fastify gives the servers it makes itself.
 */
export function pageCacheServerFactory(cache: PageCache): FastifyServerFactory {
  return (handler, options) => {
    // Fastify passes its options with these filled in (its defaults where the app sets none).
    const o = options as unknown as FastifyHttpOptions;
    const server = http.createServer(o.http ?? {}, (req, res) => {
      const entry = hitOf(cache, req);
      if (entry) writeHit(req, res, entry);
      else handler(req, res);
    });
    server.keepAliveTimeout = o.keepAliveTimeout;
    server.requestTimeout = o.requestTimeout;
    server.setTimeout(o.connectionTimeout);
    if (o.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = o.maxRequestsPerSocket;
    return server;
  };
}

/**
 * Must be registered before every other plugin. On a listening server the hits are answered by
 * `pageCacheServerFactory`; the first hook answers those that reach Fastify another way
 * (`app.inject`). The headers (security headers included) are stored from the response that
 * filled the entry, and each page is compressed once when stored rather than on every hit.
 */
export function registerPageCache(app: FastifyInstance, cache: PageCache | null): void {
  if (!cache) return;
  app.publicContent.subscribe((path) => cache.clear(path));
  app.addHook('preClose', (done) => {
    cache.stopServing();
    done();
  });

  app.addHook('onRequest', (request, reply, done) => {
    const entry = request.routeOptions.config.pageCache ? hitOf(cache, request.raw) : undefined;
    if (!entry) return done();
    reply.hijack();
    writeHit(request.raw, reply.raw, entry);
  });

  // Registered before the compression plugin, so the payload here is still the rendered string.
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const key = keyOf(request);
    if (!key) return payload;
    const rule = request.routeOptions.config.pageCache;
    const expiresAt = typeof rule === 'object' ? Date.now() + rule.maxAgeSeconds * 1000 : Number.POSITIVE_INFINITY;
    if (app.publicContent.listening) cache.set(key, entryOf(payload, reply.getHeaders(), expiresAt));
    reply.header('x-page-cache', 'miss');
    return payload;
  });
}
