import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { z } from 'zod';
import { closeAfter } from '../../../test/cleanup.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { loadConfig } from '../../config.ts';
import { createJobRunner, defineJob, type JobDefinition, type JobRunner } from './runner.ts';

const logger = pino({ level: 'silent' });

async function withDatabase(t: TestContext): Promise<TestDatabase> {
  const database = await createTestDatabase();
  closeAfter(t, () => database.close());
  return database;
}

/** A runner on the test's database: PGlite in-process, or the test's own database on the server. */
async function startRunner(t: TestContext, database: TestDatabase, jobs: readonly JobDefinition[]): Promise<JobRunner> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SHUTDOWN_GRACE_MS: '5000',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
  });
  const runner = createJobRunner({ database, config, logger, jobs });
  closeAfter(t, () => runner.stop());
  await runner.start();
  return runner;
}

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(25);
  }
}

test('a job sent is handled with its payload', async (t) => {
  const database = await withDatabase(t);
  const seen: number[] = [];
  const echo = defineJob({
    name: 'test.echo',
    payload: z.object({ n: z.number().int() }),
    async handle({ n }) {
      seen.push(n);
    },
  });
  const runner = await startRunner(t, database, [echo]);

  assert.ok(await runner.send('test.echo', { n: 7 }));
  await until(() => seen.length === 1);
  assert.deepEqual(seen, [7]);
});

test('sending a payload that breaks the job schema, or an unknown job, is refused at once', async (t) => {
  const database = await withDatabase(t);
  const echo = defineJob({ name: 'test.echo', payload: z.object({ n: z.number() }), handle: async () => {} });
  const runner = await startRunner(t, database, [echo]);

  await assert.rejects(runner.send('test.echo', { n: 'seven' }));
  await assert.rejects(runner.send('test.unknown', {}), /Unknown job/);
});

test('two runners on one database handle each of 50 jobs exactly once', async (t) => {
  const database = await withDatabase(t);
  const handledBy = new Map<number, string[]>();
  const counted = (instance: string) =>
    defineJob({
      name: 'test.count',
      payload: z.object({ n: z.number().int() }),
      async handle({ n }) {
        handledBy.set(n, [...(handledBy.get(n) ?? []), instance]);
        await sleep(5);
      },
    });
  const a = await startRunner(t, database, [counted('a')]);
  await startRunner(t, database, [counted('b')]);

  for (let n = 0; n < 50; n++) await a.send('test.count', { n });
  await until(() => handledBy.size === 50, 60_000);
  await sleep(500);

  const calls = [...handledBy.values()].flat();
  assert.equal(calls.length, 50);
  assert.ok([...handledBy.values()].every((by) => by.length === 1));
});

test('a periodic job never runs on two instances at the same time', async (t) => {
  const database = await withDatabase(t);
  let running = 0;
  let mostAtOnce = 0;
  let runs = 0;
  const sweep = defineJob({
    name: 'test.sweep',
    payload: z.object({}),
    schedule: { everySeconds: 1 },
    async handle() {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      await sleep(700);
      running--;
      runs++;
    },
  });
  await startRunner(t, database, [sweep]);
  await startRunner(t, database, [sweep]);

  await until(() => runs >= 3, 30_000);
  assert.equal(mostAtOnce, 1);
});

test('cron schedules are registered in Europe/Stockholm, and a schedule no longer declared is removed', async (t) => {
  const database = await withDatabase(t);
  const nightly = defineJob({ name: 'test.nightly', payload: z.object({}), schedule: { cron: '0 3 * * *' }, handle: async () => {} });
  const hourly = defineJob({ name: 'test.hourly', payload: z.object({}), schedule: { cron: '17 * * * *' }, handle: async () => {} });
  const first = await startRunner(t, database, [nightly, hourly]);
  await first.stop();

  await startRunner(t, database, [hourly]);

  const schedules = await database.query<{ name: string; cron: string; timezone: string }>(
    'SELECT name, cron, timezone FROM pgboss.schedule',
  );
  assert.deepEqual(schedules, [{ name: 'test.hourly', cron: '17 * * * *', timezone: 'Europe/Stockholm' }]);
});

test('stop waits for a running handler to finish', async (t) => {
  const database = await withDatabase(t);
  let started = false;
  let finished = false;
  const slow = defineJob({
    name: 'test.slow',
    payload: z.object({}),
    async handle() {
      started = true;
      await sleep(800);
      finished = true;
    },
  });
  const runner = await startRunner(t, database, [slow]);
  await runner.send('test.slow', {});
  await until(() => started);

  await runner.stop();

  assert.equal(finished, true);
});

test('a job definition is checked when it is declared', () => {
  assert.throws(() => defineJob({ name: 'Not A Name', payload: z.object({}), handle: async () => {} }), /dotted lower-case/);
  assert.throws(
    () =>
      defineJob({
        name: 'test.needs-input',
        payload: z.object({ id: z.string() }),
        schedule: { cron: '0 * * * *' },
        handle: async () => {},
      }),
    /empty payload/,
  );
});
