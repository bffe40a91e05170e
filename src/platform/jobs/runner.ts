import type { PGlite } from '@electric-sql/pglite';
import type { FastifyBaseLogger } from 'fastify';
import type { ConstructorOptions, Job, PgBoss } from 'pg-boss';
import type { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';

/** Cron schedules are written in the county boards' own time, so "0 3 * * *" is 03:00 in Sweden all year. */
export const SCHEDULE_TIME_ZONE = 'Europe/Stockholm';

/** The smallest heartbeat pg-boss allows. */
const HEARTBEAT_SECONDS = 10;

export type JobLogger = Pick<FastifyBaseLogger, 'debug' | 'info' | 'warn' | 'error'>;

export interface JobContext {
  database: Database;
  config: Config;
  logger: JobLogger;
  jobId: string;
  /** Aborted when the job's claim is lost (timeout, forced shutdown): long loops should stop on it. */
  signal: AbortSignal;
}

/**
 * `cron`: at fixed times (five-field cron in Europe/Stockholm), one run per occurrence across all
 * instances. `everySeconds`: a periodic sweep; each instance asks for a run at this interval and the
 * queue keeps at most one waiting and one running, so instances never run it side by side.
 */
export type JobSchedule = { cron: string } | { everySeconds: number };

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  /** Queue name, e.g. "mail.drain-outbox". */
  name: string;
  payload: S;
  handle(payload: z.output<S>, context: JobContext): Promise<void>;
  schedule?: JobSchedule;
  /** Retries after a thrown error, with exponential backoff from `retryDelaySeconds`. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A run still active after this long is failed (and retried), so a hung handler cannot block its queue. */
  timeoutSeconds?: number;
}

const JOB_NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

export function defineJob<S extends z.ZodType>(job: JobDefinition<S>): JobDefinition<S> {
  if (!JOB_NAME.test(job.name)) throw new Error(`Job name "${job.name}" must be dotted lower-case words`);
  if (job.schedule && !job.payload.safeParse({}).success) {
    throw new Error(`Scheduled job "${job.name}" must accept an empty payload: schedules send {}`);
  }
  if (job.schedule && 'everySeconds' in job.schedule && !(job.schedule.everySeconds >= 1)) {
    throw new Error(`Job "${job.name}": everySeconds must be at least 1`);
  }
  return job;
}

export interface JobRunner {
  start(): Promise<void>;
  /** Stops taking new jobs and waits (up to the shutdown grace period) for running handlers. */
  stop(): Promise<void>;
  /** Queues a run of a declared job; the payload is checked against the job's schema here. */
  send(name: string, payload: unknown, options?: { startAfter?: Date; singletonKey?: string }): Promise<string | null>;
  /** Sets (or replaces) a cron schedule for a declared job, in Europe/Stockholm. */
  schedule(name: string, cron: string, payload?: object): Promise<void>;
}

export interface JobRunnerOptions {
  database: Database;
  config: Config;
  logger: JobLogger;
  jobs: readonly JobDefinition[];
}

/**
 * pg-boss connection: on PGlite through pg-boss's own PGlite adapter on the app's single embedded
 * connection (it runs multi-statement blocks with `exec` and keeps the rows of every statement, and
 * rolls back a block that failed half-way, which a plain `Database.exec` cannot); on a PostgreSQL
 * server through a small pool of its own, so queue polling never waits behind request queries.
 */
function connectionOptions(database: Database, config: Config, fromPglite: typeof import('pg-boss').fromPglite): ConstructorOptions {
  if (database.kind === 'pglite') {
    // Drizzle keeps the PGlite instance it was built on; the same handle dumpPglite uses.
    const client = (database.db as unknown as { $client: PGlite }).$client;
    return { db: fromPglite(client), backend: 'pglite' };
  }
  if (!config.DATABASE_URL) throw new Error('The job runner on PostgreSQL needs DATABASE_URL');
  return { connectionString: config.DATABASE_URL, max: 3, application_name: 'bidragsportalen-jobs' };
}

const ONE_HOUR = 3600;

export function createJobRunner({ database, config, logger, jobs }: JobRunnerOptions): JobRunner {
  const byName = new Map<string, JobDefinition>();
  for (const job of jobs) {
    if (byName.has(job.name)) throw new Error(`Job "${job.name}" is declared twice`);
    byName.set(job.name, job);
  }
  // pg-boss is loaded and made by `start`, which the server runs once it answers requests:
  // the module and its schema check would otherwise lengthen every start.
  let boss: PgBoss | undefined;
  const timers: NodeJS.Timeout[] = [];
  let started = false;

  function queue(): PgBoss {
    if (!boss || !started) throw new Error('The job runner has not been started');
    return boss;
  }

  function declared(name: string): JobDefinition {
    const job = byName.get(name);
    if (!job) throw new Error(`Unknown job "${name}"`);
    return job;
  }

  async function run(job: JobDefinition, [claimed]: Job<unknown>[]): Promise<void> {
    if (!claimed) return;
    const parsed = job.payload.safeParse(claimed.data);
    if (!parsed.success) {
      logger.error({ job: job.name, jobId: claimed.id, issues: parsed.error.issues }, 'job payload does not match its schema');
      throw new Error(`Invalid payload for job ${job.name}`);
    }
    const began = Date.now();
    try {
      await job.handle(parsed.data, { database, config, logger, jobId: claimed.id, signal: claimed.signal });
      logger.debug({ job: job.name, jobId: claimed.id, ms: Date.now() - began }, 'job done');
    } catch (err) {
      logger.warn({ err, job: job.name, jobId: claimed.id, retry: claimed.retryCount }, 'job failed; pg-boss retries it');
      throw err;
    }
  }

  async function startJob(boss: PgBoss, job: JobDefinition): Promise<void> {
    const periodic = job.schedule !== undefined;
    const queueOptions = {
      retryLimit: job.retryLimit ?? (periodic ? 0 : 5),
      retryDelay: job.retryDelaySeconds ?? 30,
      retryBackoff: true,
      expireInSeconds: job.timeoutSeconds ?? 15 * 60,
      // A run whose process died (kill -9) stops sending heartbeats and is failed within seconds,
      // instead of blocking its queue until it expires: the mail drain would otherwise stop for minutes.
      heartbeatSeconds: HEARTBEAT_SECONDS,
      // A sweep every few seconds would otherwise leave thousands of finished rows a day.
      deleteAfterSeconds: periodic ? ONE_HOUR : 7 * 24 * ONE_HOUR,
    };
    await boss.createQueue(job.name, { ...queueOptions, policy: periodic ? 'stately' : 'standard', retryDelayMax: ONE_HOUR });
    await boss.updateQueue(job.name, queueOptions);
    // After a handled job, fetch again at once rather than after the polling interval: a backlog
    // drains at handler speed, while an idle queue is still polled only every two seconds.
    let workerId = '';
    workerId = await boss.work(job.name, { batchSize: 1 }, async (batch) => {
      try {
        await run(job, batch);
      } finally {
        if (batch.length > 0) boss.notifyWorker(workerId);
      }
    });
    if (!job.schedule) return;
    if ('cron' in job.schedule) {
      await runner.schedule(job.name, job.schedule.cron);
      return;
    }
    const tick = async () => {
      try {
        // The stately queue refuses a second waiting run (null), so every instance may ask.
        if ((await boss.send(job.name, {})) !== null) boss.notifyWorker(workerId);
      } catch (err) {
        logger.warn({ err, job: job.name }, 'could not queue a periodic job');
      }
    };
    timers.push(setInterval(tick, job.schedule.everySeconds * 1000));
    await tick();
  }

  const runner: JobRunner = {
    async start() {
      if (started) return;
      const { PgBoss, fromPglite } = await import('pg-boss');
      const instance = new PgBoss({
        ...connectionOptions(database, config, fromPglite),
        schema: 'pgboss',
        instanceName: 'bidragsportalen',
        // How often runs that stopped sending heartbeats are looked for.
        superviseIntervalSeconds: HEARTBEAT_SECONDS,
        monitorIntervalSeconds: HEARTBEAT_SECONDS,
      });
      instance.on('error', (err) => logger.error({ err }, 'job queue error'));
      instance.on('warning', (warning) => logger.warn({ warning }, 'job queue warning'));
      boss = instance;
      await instance.start();
      started = true;
      const cronJobs = new Set(jobs.filter((j) => j.schedule && 'cron' in j.schedule).map((j) => j.name));
      // A schedule whose job was removed from the code (or lost its cron) would keep queueing runs nobody takes.
      for (const schedule of await instance.getSchedules()) {
        if (!cronJobs.has(schedule.name)) await instance.unschedule(schedule.name, schedule.key);
      }
      for (const job of jobs) await startJob(instance, job);
      logger.info({ jobs: jobs.map((j) => j.name), database: database.kind }, 'job runner started');
    },
    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      if (!boss || !started) return;
      started = false;
      await boss.stop({ graceful: true, timeout: Math.max(config.SHUTDOWN_GRACE_MS, 1000) });
    },
    async send(name, payload, options = {}) {
      const job = declared(name);
      const data = job.payload.parse(payload) as object;
      return queue().send(name, data, {
        ...(options.startAfter ? { startAfter: options.startAfter } : {}),
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      });
    },
    async schedule(name, cron, payload = {}) {
      const job = declared(name);
      await queue().schedule(name, cron, job.payload.parse(payload) as object, { tz: SCHEDULE_TIME_ZONE });
    },
  };
  return runner;
}
