import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/client.ts';
import { stockholmDateOf } from './platform/format.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/**
 * Opens the database (PGlite under DATA_DIR, or the server in DATABASE_URL), applies the
 * migrations, seeds the demo data into an empty database, and builds the app. Used by main and by
 * tests and benchmarks that need the whole service.
 */
export async function startServer(config: Config, logger?: import('fastify').FastifyServerOptions['logger']): Promise<RunningServer> {
  const database = await openDatabase(
    config.DATABASE_URL ? { url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE } : { dataDir: config.DATA_DIR },
  );
  try {
    await database.migrate();
    if (config.SEED_DEMO) {
      const { isSeeded, seedAll, redateDemoCalls } = await import('../seed/index.ts');
      const today = stockholmDateOf(new Date());
      if (await isSeeded(database.db)) await redateDemoCalls(database.db, today);
      else await seedAll(database, { today });
    }
    const app = await buildApp({ config, database, ...(logger === undefined ? {} : { logger }) });
    return {
      app,
      database,
      async close() {
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
