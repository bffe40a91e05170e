import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { stockholmDateOf } from '../src/platform/format.ts';
import { notifyPublicContentChanged } from '../src/platform/page-cache.ts';
import { seedAll, seedSummary } from './index.ts';

/**
 * `npm run seed`: migrates the configured database (DATABASE_URL, else the PGlite folder DATA_DIR)
 * and loads the reference and demo data again. Safe on a database in use by people, but not while
 * the server holds the PGlite folder: PGlite allows one process per folder.
 */

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.DATA_DIR });
  try {
    await database.migrate();
    const today = stockholmDateOf(new Date());
    await seedAll(database, { today });
    // App instances on the same server drop their cached public pages and memoised reference data.
    await notifyPublicContentChanged(database.db);
    const summary = await seedSummary(database.db);
    const where = config.DATABASE_URL ? 'the PostgreSQL server in DATABASE_URL' : `the PGlite folder ${config.DATA_DIR}`;
    console.log(`Seeded ${where} (demo calls dated from ${today}):`);
    for (const [what, n] of Object.entries(summary)) console.log(`  ${what}: ${n}`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(`Seeding failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
