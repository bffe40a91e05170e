import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { Config } from '../config.ts';
import { lockDataDir } from './lock.ts';
import type * as schemaModule from './schema/index.ts';

export type Schema = typeof schemaModule;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What a query function takes: the database, or the transaction of the use case that called it. */
export type DbOrTx = Db | Tx;

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Plain SQL with parameters, for the few places outside Drizzle (job queue, health check). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements without parameters (the job queue's schema set-up). */
  exec(text: string): Promise<void>;
  /**
   * Calls `onPayload` for each notification on `channel`. On a server the listening connection
   * can drop: notifications sent meanwhile are lost, so `onListening(false)` tells the caller to
   * trust nothing it keeps, and `onListening(true)` that notifications arrive again (after a
   * reconnect, retried with backoff). Resolves once the first LISTEN is in place.
   */
  listen(channel: string, onPayload: (payload: string) => void, onListening?: (listening: boolean) => void): Promise<() => Promise<void>>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseOptions = { url: string; poolSize?: number } | { dataDir: string } | { memory: true; loadDataDir?: Blob | File };

/** A lost LISTEN connection is retried after 1 s, then twice as long each time, up to 30 s. */
const LISTEN_RETRY_FIRST_MS = 1_000;
const LISTEN_RETRY_MAX_MS = 30_000;
/** How the listening connection shows in `pg_stat_activity`. */
export const LISTENER_APPLICATION_NAME = 'bidragsportalen-listen';

/** Arbitrary constant that serialises migrations between app instances sharing one server. */
const MIGRATION_LOCK_KEY = 72_511_037;

/**
 * Whether the database has every committed migration, by the rule drizzle's migrator applies:
 * a migration is pending when its journal time is later than the last one recorded. Lets a start
 * on an up-to-date database skip the migrator (reading and hashing every file, its DDL checks).
 */
async function migrationsApplied(query: (text: string) => Promise<Record<string, unknown>[]>): Promise<boolean> {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { when: number }[] };
  const latest = Math.max(...journal.entries.map((e) => e.when));
  const [table] = await query("SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present");
  if (table?.present !== true) return false;
  const [last] = await query('SELECT max(created_at) AS created_at FROM drizzle.__drizzle_migrations');
  return last?.created_at !== null && last?.created_at !== undefined && Number(last.created_at) >= latest;
}

// Each kind loads its driver (and the schema) when opened: a start on PGlite never loads pg and the
// reverse, and main can begin to open the database while the rest of the app loads.
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return 'url' in options ? openPostgres(options.url, options.poolSize ?? 10) : openPglite(options);
}

/** The database the configuration names: the server in DATABASE_URL, else PGlite under DATA_DIR. */
export function openConfiguredDatabase(config: Pick<Config, 'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'DATA_DIR'>): Promise<Database> {
  return openDatabase(
    config.DATABASE_URL ? { url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE } : { dataDir: config.DATA_DIR },
  );
}

/**
 * One LISTEN connection for every channel: PostgreSQL wakes each listening backend in the database
 * on every notification, whatever its channel, so a connection per channel doubled that work on
 * each submission (its statistics notice). The connection is made by the first subscriber; when it
 * drops, every subscriber hears `false`, and after the reconnect (with backoff) `true`.
 */
function sharedListener(pg: typeof import('pg').default, url: string): Database['listen'] {
  interface Subscriber {
    channel: string;
    onPayload: (payload: string) => void;
    onListening: ((listening: boolean) => void) | undefined;
    /** What it was last told: each change is told once. */
    listening?: boolean;
  }
  const subscribers = new Set<Subscriber>();
  /** The live connection and the channels it listens on. */
  let current: { client: InstanceType<typeof pg.Client>; channels: Set<string> } | undefined;
  let connecting: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let delayMs = LISTEN_RETRY_FIRST_MS;
  const tell = (s: Subscriber, listening: boolean) => {
    if (s.listening === listening) return;
    s.listening = listening;
    s.onListening?.(listening);
  };
  const listenStatement = (channels: Iterable<string>) => [...channels].map((c) => `LISTEN "${c.replace(/"/g, '')}"`).join('; ');

  const connect = async () => {
    // Keepalive probes after 10 s idle: a connection that silently went away (a firewall, a
    // fail-over) is noticed, not trusted for hours; a connect that hangs is given up.
    const client = new pg.Client({
      connectionString: url,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: 10_000,
      application_name: LISTENER_APPLICATION_NAME,
    });
    client.on('notification', (msg) => {
      for (const s of subscribers) if (s.channel === msg.channel) s.onPayload(msg.payload ?? '');
    });
    client.on('error', () => lost(client));
    client.on('end', () => lost(client));
    const channels = new Set([...subscribers].map((s) => s.channel));
    try {
      await client.connect();
      await client.query(listenStatement(channels));
    } catch (err) {
      await client.end().catch(() => {});
      throw err;
    }
    if (subscribers.size === 0) {
      await client.end().catch(() => {});
      return;
    }
    current = { client, channels };
    delayMs = LISTEN_RETRY_FIRST_MS;
    // One that came while the LISTEN was on its way is not in `channels`: its own call adds it.
    for (const s of subscribers) if (channels.has(s.channel)) tell(s, true);
  };
  const attempt = () => {
    connecting = connect().finally(() => {
      connecting = undefined;
    });
    return connecting;
  };
  const reconnect = () => {
    if (retry || subscribers.size === 0) return;
    retry = setTimeout(() => {
      retry = undefined;
      attempt().catch(() => {
        delayMs = Math.min(delayMs * 2, LISTEN_RETRY_MAX_MS);
        reconnect();
      });
    }, delayMs);
    retry.unref();
  };
  const endIfUnused = async () => {
    if (subscribers.size > 0) return;
    clearTimeout(retry);
    retry = undefined;
    const client = current?.client;
    current = undefined;
    await client?.end().catch(() => {});
  };
  const lost = (client: InstanceType<typeof pg.Client>) => {
    if (current?.client !== client) return;
    current = undefined;
    client.end().catch(() => {});
    for (const s of subscribers) tell(s, false);
    reconnect();
  };

  return async (channel, onPayload, onListening) => {
    const subscriber: Subscriber = { channel, onPayload, onListening };
    subscribers.add(subscriber);
    if (!current && !connecting && !retry) {
      // The first connection: a failure is the caller's (the app does not start). A second
      // subscriber waiting on the same attempt is told `false` instead and listens after the retry.
      try {
        await attempt();
      } catch (err) {
        subscribers.delete(subscriber);
        reconnect();
        throw err;
      }
    } else await connecting?.catch(() => {});
    const live = current;
    if (live && !live.channels.has(channel)) {
      try {
        await live.client.query(listenStatement([channel]));
      } catch (err) {
        subscribers.delete(subscriber);
        await endIfUnused();
        throw err;
      }
      // Only on the connection it was sent on: one lost meanwhile is replaced by a reconnect that listens to every channel.
      if (current === live) live.channels.add(channel);
    }
    // Down (a reconnect is pending): the reconnect listens on this channel too and says `true`.
    tell(subscriber, current?.channels.has(channel) === true);
    return async () => {
      subscribers.delete(subscriber);
      // The channel stays listened to while the connection lives: a notification nobody wants is dropped above.
      await endIfUnused();
    };
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const [{ default: pg }, { drizzle: drizzlePg }, schema] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('./schema/index.ts'),
  ]);
  // Connections stay open (idleTimeoutMillis 0): a server app uses them all day, and pg-pool
  // otherwise arms and clears an idle timer on every checkout and release, about a quarter of a
  // short query's client CPU (SELECT 1 measured 187 against 250 µs, and 107 against 142).
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 0 });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async query(text, params) {
      return (await pool.query(text, params as unknown[])).rows;
    },
    async exec(text) {
      await pool.query(text);
    },
    listen: sharedListener(pg, url),
    async migrate() {
      if (await migrationsApplied(async (text) => (await pool.query(text)).rows)) return;
      // A dedicated connection holds the advisory lock for the whole run, so that two instances
      // starting together apply each migration once.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('SET client_min_messages = warning');
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        const { migrate } = await import('drizzle-orm/node-postgres/migrator');
        await migrate(drizzlePg(client), { migrationsFolder });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        await client.end();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

async function openPglite(options: { dataDir: string } | { memory: true; loadDataDir?: Blob | File }): Promise<Database> {
  // The lock first: a second process on the folder stops before loading anything.
  let release = () => {};
  if ('dataDir' in options) {
    mkdirSync(options.dataDir, { recursive: true });
    release = lockDataDir(options.dataDir).release;
  }
  let client: PGlite | undefined;
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    // Drizzle and the schema load while PGlite compiles and starts.
    const loading = Promise.all([import('drizzle-orm/pglite'), import('./schema/index.ts')]);
    loading.catch(() => {});
    if ('dataDir' in options) client = await PGlite.create(join(options.dataDir, 'pg'));
    else client = await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
    const [{ drizzle: drizzlePglite }, schema] = await loading;
    return pgliteDatabase(client, drizzlePglite(client, { schema }) as unknown as Db, release);
  } catch (err) {
    await client?.close().catch(() => {});
    release();
    throw err;
  }
}

function pgliteDatabase(client: PGlite, db: Db, release: () => void): Database {
  return {
    kind: 'pglite',
    db,
    async query(text, params) {
      return (await client.query(text, params as unknown[])).rows as never[];
    },
    async exec(text) {
      await client.exec(text);
    },
    async listen(channel, onPayload, onListening) {
      // In-process: nothing can be lost between the database and its listener.
      const unsubscribe = await client.listen(channel, onPayload);
      onListening?.(true);
      // Like the server's listener, safe to stop after the database was closed.
      return async () => {
        if (!client.closed) await unsubscribe();
      };
    },
    async migrate() {
      if (await migrationsApplied(async (text) => (await client.query<Record<string, unknown>>(text)).rows)) return;
      await client.exec('SET client_min_messages = warning');
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(db as unknown as Parameters<typeof migrate>[0], { migrationsFolder });
    },
    async close() {
      await client.close();
      release();
    },
  };
}

/** Dumps an in-memory or on-disk PGlite database, for the per-test template. */
export async function dumpPglite(database: Database): Promise<Blob> {
  const client = (database.db as unknown as { $client: PGlite }).$client;
  return client.dumpDataDir('gzip');
}
