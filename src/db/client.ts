import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './lock.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
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
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseOptions = { url: string; poolSize?: number } | { dataDir: string } | { memory: true; loadDataDir?: Blob | File };

/** Arbitrary constant that serialises migrations between app instances sharing one server. */
const MIGRATION_LOCK_KEY = 72_511_037;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return 'url' in options ? openPostgres(options.url, options.poolSize ?? 10) : openPglite(options);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
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
    async listen(channel, onPayload) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      client.on('notification', (msg) => {
        if (msg.channel === channel) onPayload(msg.payload ?? '');
      });
      client.on('error', () => {});
      await client.query(`LISTEN "${channel.replace(/"/g, '')}"`);
      return async () => {
        await client.end().catch(() => {});
      };
    },
    async migrate() {
      // A dedicated connection holds the advisory lock for the whole run, so that two instances
      // starting together apply each migration once.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('SET client_min_messages = warning');
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg(client), { migrationsFolder });
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
  let release = () => {};
  let client: PGlite;
  if ('dataDir' in options) {
    mkdirSync(options.dataDir, { recursive: true });
    release = lockDataDir(options.dataDir).release;
    try {
      client = await PGlite.create(join(options.dataDir, 'pg'));
    } catch (err) {
      release();
      throw err;
    }
  } else {
    client = await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async query(text, params) {
      return (await client.query(text, params as unknown[])).rows as never[];
    },
    async exec(text) {
      await client.exec(text);
    },
    async listen(channel, onPayload) {
      const unsubscribe = await client.listen(channel, onPayload);
      // Like the server's listener, safe to stop after the database was closed.
      return async () => {
        if (!client.closed) await unsubscribe();
      };
    },
    async migrate() {
      await client.exec('SET client_min_messages = warning');
      await migratePglite(drizzlePglite(client), { migrationsFolder });
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
