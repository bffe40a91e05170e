import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, dumpPglite, migrationsFolder, openDatabase } from '../src/db/client.ts';

/**
 * A fresh database per test: on PGlite a copy of a migrated template (dumped once to a file and
 * shared by every test process), on the PostgreSQL server in TEST_DATABASE_URL a
 * `CREATE DATABASE … TEMPLATE`. With `seeded`, the template also holds the reference and demo data.
 */
export interface TestDatabaseOptions {
  seeded?: boolean;
  /** The date the demo calls are re-dated against (defaults to the real today). */
  today?: string;
}

export const serverUrl = process.env.TEST_DATABASE_URL;

function templateKey(seeded: boolean): string {
  const h = createHash('sha256');
  for (const dir of [migrationsFolder, ...(seeded ? [join(import.meta.dirname, '../seed')] : [])]) {
    for (const f of readdirSync(dir, { recursive: true }).map(String).sort()) {
      if (/\.(sql|json|ts|csv)$/.test(f) && !f.endsWith('.test.ts')) h.update(f).update(readFileSync(join(dir, f)));
    }
  }
  h.update(seeded ? 'seeded' : 'empty');
  return h.digest('hex').slice(0, 16);
}

async function populate(database: Database, seeded: boolean): Promise<void> {
  await database.migrate();
  if (seeded) {
    const { seedAll } = await import('../seed/index.ts');
    await seedAll(database, { today: new Date().toISOString().slice(0, 10) });
  }
}

async function pgliteTemplate(seeded: boolean): Promise<Blob> {
  const dir = join(tmpdir(), 'bidragsportalen-test-templates');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${templateKey(seeded)}.tar.gz`);
  if (!existsSync(file)) {
    const database = await openDatabase({ memory: true });
    await populate(database, seeded);
    const blob = await dumpPglite(database);
    await database.close();
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, file);
  }
  return new Blob([readFileSync(file)]);
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function serverTemplate(url: string, seeded: boolean): Promise<string> {
  const name = `bp_tpl_${templateKey(seeded)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(4242)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_build`;
      await admin.query(`DROP DATABASE IF EXISTS ${building}`);
      await admin.query(`CREATE DATABASE ${building}`);
      const database = await openDatabase({ url: withDatabase(url, building), poolSize: 2 });
      await populate(database, seeded);
      await database.close();
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(4242)').catch(() => {});
    await admin.end();
  }
  return name;
}

export interface TestDatabase extends Database {
  /** The connection string of this test's own database on the server; undefined on PGlite. */
  readonly url: string | undefined;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const seeded = options.seeded ?? false;
  if (!serverUrl) {
    const database = await openDatabase({ memory: true, loadDataDir: await pgliteTemplate(seeded) });
    if (seeded && options.today) await redate(database, options.today);
    return Object.assign(database, { url: undefined });
  }
  const template = await serverTemplate(serverUrl, seeded);
  const name = `bp_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const database = await openDatabase({ url, poolSize: 4 });
  if (seeded && options.today) await redate(database, options.today);
  const close = database.close.bind(database);
  return Object.assign(database, {
    url,
    async close() {
      await close();
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  });
}

async function redate(database: Database, today: string): Promise<void> {
  const { redateDemoCalls } = await import('../seed/index.ts');
  await redateDemoCalls(database.db, today);
}
