import { loadConfig } from './config.ts';
import { openConfiguredDatabase } from './db/client.ts';
import { DataDirLockedError } from './db/lock.ts';
import { configuredProviders } from './platform/auth/settings.ts';

/**
 * How long after listening the job runner starts. Loading pg-boss and setting up its queues takes
 * about half a second of CPU (on PGlite, on the one connection requests use too): the first
 * visitors are answered before that. The jobs are background sweeps; a second's wait costs nothing.
 */
const JOBS_START_DELAY_MS = 1000;

const config = loadConfig();
// Fails before anything opens when production lacks its identity providers.
configuredProviders(config);
// The database opens (PGlite compiles its WebAssembly on background threads) while the app's
// modules load; startServer waits for it. The catch only keeps an early failure from counting as
// unhandled: startServer awaits the same promise and gets the error.
const opening = openConfiguredDatabase(config);
opening.catch(() => {});
const { startServer } = await import('./server.ts');
let server: Awaited<ReturnType<typeof startServer>>;
try {
  server = await startServer(config, undefined, opening);
} catch (err) {
  if (err instanceof DataDirLockedError) {
    console.error(`Bidragsportalen cannot start: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
const { app } = server;

// Graceful shutdown: stop accepting, let in-flight requests finish, then close the database
// (which also releases the data-folder lock). A second signal or the grace period forces exit.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    setTimeout(() => {
      app.log.error('shutdown grace period passed; exiting');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS).unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'error during shutdown');
        process.exit(1);
      },
    );
  });
}

await server.listen({ host: config.HOST, port: config.PORT });
setTimeout(() => {
  if (stopping) return;
  server.startJobs().catch((err: unknown) => {
    app.log.fatal({ err }, 'the job runner could not start');
    process.exit(1);
  });
}, JOBS_START_DELAY_MS).unref();
