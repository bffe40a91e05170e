import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createTestDatabase } from './db.ts';

const root = join(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'bp-server-test-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

// Below Linux's ephemeral range (32768-60999): a port there can be the local end of any outgoing
// connection on the machine (the PostgreSQL pools of parallel tests), which made a start fail with
// EADDRINUSE now and then. 20000-25000 is clear of the services a machine here runs.
let nextPort = 20_000 + (process.pid % 5_000);

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `src/main.ts` as `npm start` would, on the embedded database in `dataDir`. */
function startMain(env: Record<string, string> = {}): Started {
  const port = nextPort++;
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, port, output: () => out, exited };
}

// A readiness wait, not a speed check (that is bench:public-pages' cold_start_ms): generous for a loaded CI machine.
async function waitHealthy(s: Started, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (s.child.exitCode !== null) throw new Error(`server exited early:\n${s.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${s.port}/healthz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not healthy in time:\n${s.output()}`);
}

test('a second process on the same data folder refuses to start with a clear message', async () => {
  const first = startMain();
  try {
    await waitHealthy(first);
    const health = (await (await fetch(`http://127.0.0.1:${first.port}/healthz`)).json()) as Record<string, string>;
    assert.deepEqual(health, { status: 'ok', database: 'ok' });
    const second = startMain();
    const code = await second.exited;
    assert.equal(code, 1);
    assert.match(second.output(), /in use by another process \(pid \d+\)/);
  } finally {
    first.child.kill('SIGTERM');
    await first.exited;
  }
});

test('a lock left by a process killed with -9 is taken over at the next start', async () => {
  const first = startMain();
  await waitHealthy(first);
  first.child.kill('SIGKILL');
  await first.exited;
  const again = startMain();
  try {
    await waitHealthy(again);
  } finally {
    again.child.kill('SIGTERM');
  }
  assert.equal(await again.exited, 0, again.output());
});

test('SIGTERM shuts down cleanly and releases the lock', async () => {
  const s = startMain();
  await waitHealthy(s);
  s.child.kill('SIGTERM');
  assert.equal(await s.exited, 0, s.output());
  const next = startMain();
  await waitHealthy(next);
  next.child.kill('SIGTERM');
  assert.equal(await next.exited, 0);
});

test('closing the app lets an in-flight request finish', async () => {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(32), DATA_DIR: dataDir, SEED_DEMO: 'false' });
  const app = await buildApp({ config, database, logger: false });
  let release = () => {};
  app.get('/slow', async () => {
    await new Promise<void>((r) => {
      release = r;
    });
    return 'done';
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  assert.ok(address && typeof address === 'object');
  const pending = fetch(`http://127.0.0.1:${address.port}/slow`);
  await new Promise((r) => setTimeout(r, 100));
  const closing = app.close();
  setTimeout(() => release(), 200);
  const res = await pending;
  assert.equal(res.status, 200);
  assert.equal(await res.text(), 'done');
  // Its connection ends with it, so closing does not wait for the keep-alive timeout.
  assert.equal(res.headers.get('connection'), 'close');
  await closing;
  await database.close();
});

test('the health check reports an unreachable database as 503', async () => {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: 'x'.repeat(32),
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    PAGE_CACHE: 'false',
  });
  const app = await buildApp({ config, database, logger: false });
  assert.equal((await app.inject('/healthz')).statusCode, 200);
  await database.close();
  const res = await app.inject('/healthz');
  assert.equal(res.statusCode, 503);
  await app.close();
});
