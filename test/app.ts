import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  close(): Promise<void>;
}

/** The configuration every test app runs with, plus `env`. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: './.tmp/test-data',
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    RATE_LIMIT_MAX: '100000',
    SEED_DEMO: 'false',
    ...env,
  });
}

/** The whole app on its own fresh database, for `app.inject()` or real HTTP (`app.listen`). */
export async function buildTestApp(options: TestDatabaseOptions & { env?: Record<string, string> } = { seeded: true }): Promise<TestApp> {
  const database = await createTestDatabase({ seeded: options.seeded ?? true, ...(options.today ? { today: options.today } : {}) });
  const config = testConfig(options.env);
  const app = await buildApp({ config, database, logger: false });
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
