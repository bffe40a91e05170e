import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { type Database, openConfiguredDatabase } from './db/client.ts';
import { configuredProviders } from './platform/auth/settings.ts';
import { stockholmDateOf } from './platform/format.ts';
import type { JobRunner } from './platform/jobs/runner.ts';
import type { Mailer } from './platform/mail/transport.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  listen(options: { host: string; port: number }): Promise<void>;
  /**
   * Starts the job runner; when it cannot start, closes everything and rejects. Separate from
   * `listen` so that main can start it after the first requests: its modules (the mail transport
   * among them, about 0.1 s to load) and queue set-up would otherwise hold them up.
   */
  startJobs(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the database (PGlite under DATA_DIR, or the server in DATABASE_URL), applies the
 * migrations, seeds the demo data into an empty database, and builds the app; `listen` and
 * `startJobs` then start it. Used by main and by tests and benchmarks that need the whole service.
 * `opening`: the database main began to open (`openConfiguredDatabase`) while this module loaded.
 */
export async function startServer(
  config: Config,
  logger?: import('fastify').FastifyServerOptions['logger'],
  opening?: Promise<Database>,
): Promise<RunningServer> {
  // Fails before anything opens when production lacks its identity providers (main checks first too).
  configuredProviders(config);
  const database = await (opening ?? openConfiguredDatabase(config));
  try {
    await database.migrate();
    if (config.SEED_DEMO) {
      const { isSeeded, seedAll, redateDemoCalls } = await import('../seed/index.ts');
      const today = stockholmDateOf(new Date());
      if (await isSeeded(database.db)) await redateDemoCalls(database.db, today);
      else await seedAll(database, { today });
    }
    const app = await buildApp({ config, database, ...(logger === undefined ? {} : { logger }) });
    let mailer: Mailer | undefined;
    let jobs: JobRunner | undefined;
    let closing = false;
    const close = async () => {
      closing = true;
      // Requests first, then running jobs (which may still write), then the database they use.
      await app.close();
      await jobs?.stop();
      mailer?.close();
      await database.close();
    };
    return {
      app,
      database,
      async listen(options) {
        await app.listen(options);
      },
      async startJobs() {
        const [
          { createJobRunner },
          { createMailer },
          { drainOutboxJob },
          { purgeExpiredSessionsJob },
          { purgeExpiredDraftsJob, rescanQuarantinedJob },
        ] = await Promise.all([
          import('./platform/jobs/runner.ts'),
          import('./platform/mail/transport.ts'),
          import('./platform/mail/drain.ts'),
          import('./platform/jobs/purge-sessions.ts'),
          import('./features/applications/jobs.ts'),
        ]);
        if (closing) return;
        mailer = createMailer(config);
        jobs = createJobRunner({
          database,
          config,
          logger: app.log,
          jobs: [
            drainOutboxJob(mailer, config.MAIL_CLAIM_LEASE_SECONDS),
            purgeExpiredSessionsJob,
            purgeExpiredDraftsJob,
            rescanQuarantinedJob,
          ],
        });
        try {
          await jobs.start();
        } catch (err) {
          await jobs.stop().catch(() => {});
          await close();
          throw err;
        }
      },
      close,
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
