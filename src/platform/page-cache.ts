import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database, DbOrTx } from '../db/client.ts';
import { stockholmDateOf } from './format.ts';

export const PUBLIC_CONTENT_CHANNEL = 'public_content_changed';

interface Entry {
  headers: Record<string, string>;
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

/**
 * Rendered public pages for anonymous visitors, keyed by date, language and URL (the date because
 * call status and days left change at midnight in Stockholm). Any write to public content calls
 * `notifyPublicContentChanged` inside its transaction; PostgreSQL delivers the notification on
 * commit to every instance listening, and each clears its cache.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries: number) {}

  get(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: Entry): void {
    if (this.maxEntries === 0) return;
    if (this.entries.size >= this.maxEntries) {
      // Map keeps insertion order: drop the oldest.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, entry);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Tells every instance that public pages are stale; call it inside the writing transaction. */
export async function notifyPublicContentChanged(db: DbOrTx): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${PUBLIC_CONTENT_CHANNEL}, '')`);
}

/**
 * This instance's view of `notifyPublicContentChanged`: one LISTEN per instance, fanned out to
 * the rendered-page cache and to data memoised by features (e.g. the catalogue's filter options).
 */
export class PublicContentChanges {
  private readonly subscribers: (() => void)[] = [];
  private generation = 0;

  static async listen(database: Database): Promise<{ changes: PublicContentChanges; stop: () => Promise<void> }> {
    const changes = new PublicContentChanges();
    const stop = await database.listen(PUBLIC_CONTENT_CHANNEL, () => changes.changed());
    return { changes, stop };
  }

  changed(): void {
    this.generation++;
    for (const fn of this.subscribers) fn();
  }

  subscribe(fn: () => void): void {
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
    /** Cache the rendered page for anonymous visitors. */
    pageCache?: boolean;
  }
}

let today = { date: '', until: 0 };
function stockholmToday(): string {
  const now = Date.now();
  if (now >= today.until) today = { date: stockholmDateOf(new Date(now)), until: now + 1_000 };
  return today.date;
}

/** The cache key, or null when this request must not be served from or stored in the cache. */
function keyOf(request: FastifyRequest): string | null {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || request.routeOptions.config.pageCache !== true) return null;
  // Read the raw header: this runs before the cookie plugin, and a session means a personal page.
  const cookie = request.headers.cookie ?? '';
  if (/(?:^|;\s*)sid=/.test(cookie)) return null;
  const lang = /(?:^|;\s*)lang=en(?:;|$)/.test(cookie) ? 'en' : 'sv';
  return `${stockholmToday()}|${lang}|${request.url}`;
}

function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' {
  if (!acceptEncoding) return 'identity';
  if (/\bbr\b/.test(acceptEncoding)) return 'br';
  if (/\bgzip\b/.test(acceptEncoding)) return 'gzip';
  return 'identity';
}

/**
 * Must be registered before every other plugin: a hit is written straight to the socket from the
 * first hook, with the headers (security headers included) stored from the response that filled
 * the entry, and compressed once when stored rather than on every hit.
 */
export function registerPageCache(app: FastifyInstance, cache: PageCache | null): void {
  if (!cache) return;
  app.publicContent.subscribe(() => cache.clear());

  app.addHook('onRequest', (request, reply, done) => {
    const key = keyOf(request);
    const entry = key ? cache.get(key) : undefined;
    if (!entry) return done();
    const encoding = pickEncoding(request.headers['accept-encoding']);
    const body = entry[encoding];
    reply.hijack();
    reply.raw.writeHead(200, {
      ...entry.headers,
      vary: 'accept-encoding',
      'x-page-cache': 'hit',
      'content-length': String(body.length),
      ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
    });
    reply.raw.end(request.method === 'HEAD' ? undefined : body);
  });

  // Registered before the compression plugin, so the payload here is still the rendered string.
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const key = keyOf(request);
    if (!key) return payload;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined && name !== 'content-length' && name !== 'set-cookie') headers[name] = String(value);
    }
    const identity = Buffer.from(payload);
    cache.set(key, {
      headers,
      identity,
      br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
      gzip: gzipSync(identity, { level: 9 }),
    });
    reply.header('x-page-cache', 'miss');
    return payload;
  });
}
