import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { DbOrTx } from '../db/client.ts';

export const PUBLIC_CONTENT_CHANNEL = 'public_content_changed';

interface Entry {
  body: string;
  contentType: string;
}

/**
 * Rendered public pages for anonymous visitors, keyed by language and URL. Any write to public
 * content calls `notifyPublicContentChanged` inside its transaction; PostgreSQL delivers the
 * notification on commit to every instance listening, and each clears its cache.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries: number) {}

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) this.hits++;
    else this.misses++;
    return entry;
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

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Cache the rendered page for anonymous visitors. */
    pageCache?: boolean;
  }
}

const SESSION_COOKIE = 'sid';

export async function registerPageCache(app: FastifyInstance, cache: PageCache | null): Promise<void> {
  if (!cache) return;
  const stop = await app.database.listen(PUBLIC_CONTENT_CHANNEL, () => cache.clear());
  app.addHook('onClose', async () => stop());

  const keyOf = (request: import('fastify').FastifyRequest): string | null =>
    (request.method === 'GET' || request.method === 'HEAD') &&
    request.routeOptions.config.pageCache === true &&
    !request.cookies[SESSION_COOKIE]
      ? `${request.lang}|${request.url}`
      : null;

  app.addHook('onRequest', async (request, reply) => {
    const key = keyOf(request);
    if (!key) return;
    const entry = cache.get(key);
    if (entry) {
      reply.header('content-type', entry.contentType).header('x-page-cache', 'hit');
      return reply.send(entry.body);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 200 || typeof payload !== 'string' || reply.getHeader('x-page-cache')) return payload;
    const key = keyOf(request);
    if (key) {
      cache.set(key, { body: payload, contentType: String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8') });
      reply.header('x-page-cache', 'miss');
    }
    return payload;
  });
}
