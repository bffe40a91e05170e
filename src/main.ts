import { loadConfig } from './config.ts';
import { DataDirLockedError } from './db/lock.ts';
import { startServer } from './server.ts';

const config = loadConfig();
let server: Awaited<ReturnType<typeof startServer>>;
try {
  server = await startServer(config);
} catch (err) {
  if (err instanceof DataDirLockedError) {
    console.error(`Bidragsportalen cannot start: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
const { app } = server;
await app.listen({ host: config.HOST, port: config.PORT });

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
