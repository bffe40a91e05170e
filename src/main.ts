import { enableCompileCache, type ResolveFnOutput, registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

// Start-up time is mostly module loading (tsx compiles TypeScript, Node compiles JavaScript). Both
// settings below come first, before any module of the app loads: the app's modules are imported
// dynamically further down for that reason.
//
// V8 keeps the compiled code of every module on disk and reuses it while the source is unchanged
// (0.05-0.1 s of a start). If the folder cannot be written, Node carries on without it.
enableCompileCache(fileURLToPath(new URL('../node_modules/.cache/node-compile-cache', import.meta.url)));

// drizzle-orm's package.json is 175 KB, nearly all of it its `exports` map, and Node 22 parses that
// map again for every file it resolves in or into the package: about 0.25 s of a 1.7 s start, for
// its 100-odd files and the app's imports of it. Its own relative imports are plain files of an
// ES-module package, resolved here without that lookup; the app's imports of it are resolved once
// per entry point (the app's modules all see the one installed copy). Every other specifier goes
// to Node (and tsx) unchanged.
const drizzleRoot = new URL('../node_modules/drizzle-orm/', import.meta.url).href;
const drizzleEntries = new Map<string, ResolveFnOutput>();
registerHooks({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL ?? '';
    if (parent.startsWith(drizzleRoot) && /^\.\.?\/.*\.js$/.test(specifier)) {
      return { url: new URL(specifier, parent).href, format: 'module', shortCircuit: true };
    }
    if (!/^drizzle-orm(?:\/|$)/.test(specifier) || parent.includes('/node_modules/')) return nextResolve(specifier, context);
    const key = `${specifier}|${context.conditions.join()}`;
    let resolved = drizzleEntries.get(key);
    if (!resolved) {
      resolved = { ...nextResolve(specifier, context), shortCircuit: true };
      drizzleEntries.set(key, resolved);
    }
    return resolved;
  },
});

const [{ loadConfig }, { openConfiguredDatabase }, { DataDirLockedError }, { configuredProviders }] = await Promise.all([
  import('./config.ts'),
  import('./db/client.ts'),
  import('./db/lock.ts'),
  import('./platform/auth/settings.ts'),
]);

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
