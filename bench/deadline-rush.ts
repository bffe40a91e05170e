// Deadline-rush benchmark: every applicant submits to one call of one county board at once, through
// real HTTP to the app (a child process, as `npm start` runs it) on the PostgreSQL server in
// DATABASE_URL. Measures the fixed gap-free baseline first, then (after a warm-up) a burst of 200 simultaneous
// submissions and 20 s of 32 clients submitting in a closed loop, and checks that the registry
// numbers are unique and gap-free and that every submission has its mail. bench/README.md explains
// every figure.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import pg from 'pg';
import { Pool } from 'undici';
import { createCompleteDraft } from '../src/features/applications/testing.ts';
import { freePort, HttpSession, hiddenInput } from '../test/http-session.ts';

const root = join(import.meta.dirname, '..');
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** The benchmark's own database on that server, dropped and created again on every run. */
const BENCH_DATABASE = 'bidrag_bench_deadline';
const CALL_SLUG = 'demo-ostergotland-s37a';
/** Both Östergötland applicant personas, so that two municipalities apply to the same call. */
const PERSONAS = ['sokande-linkoping', 'sokande-norrkoping'] as const;
const BURST = 200;
const CLIENTS = 32;
const SUSTAINED_SECONDS = 20;
/**
 * The warm-up before the burst, a closed loop as long as the measured one: the server has been up
 * all day when the deadline comes. Node 22 runs V8 without its mid-tier compiler (Maglev), so code
 * run once per request reaches TurboFan only after thousands of requests; with a warm-up of 32
 * submissions V8 was still compiling the request path through all 20 measured seconds (8–15% of
 * the app's CPU samples in `perf`).
 */
const WARM_UP_SECONDS = SUSTAINED_SECONDS;
/**
 * App instances on the one database, one per core by default: how the app scales out (sessions,
 * jobs and page-cache invalidation are shared through PostgreSQL). BENCH_APP_INSTANCES=1 measures
 * one process alone.
 */
const INSTANCES = Number(process.env.BENCH_APP_INSTANCES ?? availableParallelism());
/**
 * Extra Node flags for each app instance, such as `--cpu-prof --cpu-prof-dir=.tmp/prof`: Node
 * refuses profiling flags in NODE_OPTIONS, so this is the way to profile the app under load.
 */
const APP_NODE_ARGS = (process.env.BENCH_APP_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
const ATTACHMENT_BYTES = 100 * 1024;
const MIN_SNAPSHOT_BYTES = 4096;
const CONFIRMATIONS = {
  'confirm.notForProfit': 'yes',
  'confirm.municipalityResponsible': 'yes',
  'confirm.municipalityParticipates': 'yes',
};

function databaseUrl(name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
const benchUrl = databaseUrl(BENCH_DATABASE);

function ms(since: number): number {
  return performance.now() - since;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

type CpuTime = { user: number; system: number };

/** CPU time (ms) a process has used so far in user and kernel mode, from /proc; null where there is no /proc. */
function cpuMs(pid: number): CpuTime | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
    return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
  } catch {
    return null;
  }
}

/** The sum of two CPU times; null when either is unknown. */
function addCpu(a: CpuTime, b: CpuTime): CpuTime;
function addCpu(a: CpuTime | null, b: CpuTime | null): CpuTime | null;
function addCpu(a: CpuTime | null, b: CpuTime | null): CpuTime | null {
  return a === null || b === null ? null : { user: a.user + b.user, system: a.system + b.system };
}

/**
 * The whole machine's CPU time so far by kind, in clock ticks, from the first line of /proc/stat;
 * null where there is none. `steal` is time the hypervisor gave to other machines.
 */
function machineTicks(): Record<'user' | 'system' | 'idle' | 'steal', number> | null {
  try {
    const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number) as number[];
    return { user: user! + nice!, system: system! + irq! + softirq!, idle: idle! + iowait!, steal: steal ?? 0 };
  } catch {
    return null;
  }
}

/**
 * CPU time (ms) of every PostgreSQL server process on this machine, from /proc; null where there is
 * none (no /proc, or the server runs elsewhere).
 */
function postgresCpuMs(): CpuTime | null {
  let total: CpuTime = { user: 0, system: 0 };
  let found = false;
  for (const entry of readdirSync('/proc', { withFileTypes: true })) {
    if (!entry.isDirectory() || !/^\d+$/.test(entry.name)) continue;
    try {
      if (readFileSync(`/proc/${entry.name}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    const ms = cpuMs(Number(entry.name));
    if (ms !== null) {
      total = addCpu(total, ms);
      found = true;
    }
  }
  return found ? total : null;
}

// ---------------------------------------------------------------------------------------------
// Database and processes

async function recreateBenchDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }
}

/** `../shared/bench/gapfree-baseline.sh`, called as it is; its output is printed and `baseline tps=T` read. */
function runBaseline(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, '../shared/bench/gapfree-baseline.sh'), [], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: benchUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const tps = /^baseline tps=([\d.]+)$/m.exec(out)?.[1];
      if (code !== 0 || !tps) return reject(new Error(`gapfree-baseline.sh failed (exit ${code}):\n${out}`));
      for (const line of out.trim().split('\n')) console.log(`  ${line}`);
      resolve(Number(tps));
    });
  });
}

interface App {
  child: ChildProcess;
  baseUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The app as `npm start` runs it: `node --import tsx src/main.ts`, on the benchmark's database.
 * Every instance gets the same data folder (its files and mail) and session secret, as instances
 * behind one load balancer share their file storage and configuration.
 */
async function startApp(dataDir: string, sessionSecret: string): Promise<App> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...APP_NODE_ARGS, '--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: benchUrl,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      LOG_LEVEL: 'warn',
      SESSION_SECRET: sessionSecret,
      RATE_LIMIT_MAX: '100000000',
      RATE_LIMIT_LOGIN_MAX: '100000000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode} before it was ready`);
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (ms(started) > 180_000) throw new Error('the app was not ready within 180 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    baseUrl,
    dataDir,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Setup: sessions and drafts

/** Logs in through the local identity provider's persona page, as a browser without JavaScript. */
async function logIn(baseUrl: string, persona: string): Promise<HttpSession> {
  const session = new HttpSession(baseUrl);
  const choice = await session.get(`/logga-in/e-legitimation?tillbaka=${encodeURIComponent('/mina-sidor')}`);
  const html = await choice.response.text();
  const done = await session.post(new URL(choice.url).pathname, { _csrf: hiddenInput(html, '_csrf'), persona });
  await done.response.arrayBuffer();
  if (done.response.status !== 200 || !session.cookies.has('sid')) throw new Error(`login as ${persona} failed: ${done.url}`);
  return session;
}

/** A real PDF of exactly `bytes` bytes: the padding is a PDF comment. */
function paddedPdf(label: string, bytes: number): Buffer {
  const head = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${label} `;
  const tail = '\ntrailer<</Root 1 0 R>>\n%%EOF\n';
  return Buffer.from(head + 'x'.repeat(bytes - head.length - tail.length) + tail);
}

/** Text of about `length` characters, as an official writes it: whole sentences. */
function prose(topic: string, length: number): string {
  const sentences = [
    `${topic} bygger på de behov som kommunens verksamheter och föreningslivet har beskrivit under året.`,
    'Deltagarna har själva varit med och formulerat vad som behövs, i samtal på språkcaféer och i skolan.',
    'Insatsen tar hänsyn till att kvinnor och män, flickor och pojkar har olika förutsättningar att delta.',
    'Lokalerna är tillgängliga för personer med funktionsnedsättning och aktiviteterna är avgiftsfria.',
    'Verksamheten följs upp varje termin med enkäter och uppföljningssamtal, och resultaten redovisas öppet.',
  ];
  const out: string[] = [];
  for (let i = 0; out.join(' ').length < length; i++) out.push(sentences[i % sentences.length] as string);
  return out.join(' ');
}

/** Every step's fields as the form posts them, complete and long enough for a realistic snapshot. */
function benchAnswers(year: number): Record<string, Record<string, string | string[]>> {
  return {
    insatsen: {
      title: 'Flyktingguider och familjekontakter i hela kommunen',
      projectStart: `${year}-09-01`,
      projectEnd: `${year + 1}-06-30`,
      purposeCodes: ['languageLearning', 'networks', 'establishment'],
      targetGroupCodes: ['newcomers'],
    },
    bakgrund: {
      background: prose('Bakgrunden', 900),
      genderAnalysis: prose('Jämställdhetsanalysen', 500),
      childAnalysis: prose('Barnperspektivet', 500),
      accessibilityAnalysis: prose('Tillgängligheten', 400),
      involvement: prose('Målgruppens delaktighet', 400),
    },
    samverkan: {
      'partners.0.organisation': 'Föreningen Mötesplats',
      'partners.0.orgNumber': '',
      'partners.0.role': 'Håller i träffarna och rekryterar frivilliga guider',
      'partners.0.receivesMoney': 'yes',
    },
    'syfte-och-mal': { aims: prose('Syftet', 500), goals: prose('Målen', 400) },
    tidplan: {
      'milestones.0.date': `${year}-12-15`,
      'milestones.0.description': 'Halvtidsavstämning med deltagare och samverkanspart',
      'milestones.1.date': `${year + 1}-04-15`,
      'milestones.1.description': 'Utvärdering och plan för fortsättningen',
      ending: prose('Avslutningen', 300),
    },
    genomforande: { implementation: prose('Genomförandet', 700), projectOrganisation: prose('Projektorganisationen', 300) },
    budget: { 'cost.personnel': '400 000', 'cost.premises': '60 000', ownFinancing: '60 000', amountApplied: '400 000' },
    kontaktpersoner: {
      'contacts.0.name': 'Tolvan Tolvansson',
      'contacts.0.email': 'tolvan@linkoping.example',
      'contacts.0.phone': '013-20 00 00',
    },
  };
}

/**
 * The model draft, made through the app's own pages (the applicant's helper in the tests): the
 * new-application form, every step with the long answers, and two 100 KB certificates uploaded.
 */
function createModelDraft(session: HttpSession, year: number): Promise<string> {
  return createCompleteDraft(session, CALL_SLUG, year, {
    answers: benchAnswers(year),
    certificate: (kind) => paddedPdf(kind, ATTACHMENT_BYTES),
  });
}

interface Draft {
  id: string;
  version: number;
}

/**
 * Copies the model draft `count` times for an organisation, in the database: the same answers
 * (title numbered), version and attachment rows. Each copy's attachments are stored under its own
 * storage keys in the app's local file storage, as hard links to the model's files (same bytes and
 * SHA-256, without writing gigabytes).
 */
async function copyDraft(
  db: pg.Client,
  dataDir: string,
  model: string,
  target: { organisationId: number; personId: string },
  count: number,
): Promise<Draft[]> {
  const drafts: Draft[] = [];
  const linkSources = new Map<string, string>();
  const files = (await db.query<{ storage_key: string }>('SELECT storage_key FROM attachments WHERE application_id = $1', [model])).rows;
  for (let done = 0; done < count; done += 1000) {
    const n = Math.min(1000, count - done);
    await db.query('BEGIN');
    const created = await db.query<{ id: string; version: number }>(
      `INSERT INTO applications (call_id, organisation_id, created_by, updated_by, status, version, answers, title)
       SELECT m.call_id, $2, $3, $3, 'draft', m.version,
              jsonb_set(m.answers, '{title}', to_jsonb(m.title || ' ' || g)), m.title || ' ' || g
       FROM applications m, generate_series($4::int, $5::int) g WHERE m.id = $1
       RETURNING id, version`,
      [model, target.organisationId, target.personId, done + 1, done + n],
    );
    const keys = await db.query<{ storage_key: string; model_key: string }>(
      `INSERT INTO attachments (application_id, kind, partner_index, filename, content_type, size_bytes, sha256, storage_key, scan_status, uploaded_by)
       SELECT c.id, a.kind, a.partner_index, a.filename, a.content_type, a.size_bytes, a.sha256,
              'applications/' || c.id || '/' || gen_random_uuid(), a.scan_status, $3
       FROM unnest($2::uuid[]) AS c(id), attachments a WHERE a.application_id = $1
       RETURNING storage_key, (SELECT storage_key FROM attachments m WHERE m.application_id = $1 AND m.kind = attachments.kind) AS model_key`,
      [model, created.rows.map((r) => r.id), target.personId],
    );
    await db.query('COMMIT');
    for (const k of keys.rows) {
      const path = join(dataDir, 'files', k.storage_key);
      mkdirSync(dirname(path), { recursive: true });
      const source = linkSources.get(k.model_key) ?? join(dataDir, 'files', k.model_key);
      try {
        linkSync(source, path);
      } catch (error) {
        // A file takes at most 65 000 links on ext4: a fast machine needs more copies than that.
        if ((error as NodeJS.ErrnoException).code !== 'EMLINK') throw error;
        copyFileSync(source, path);
        linkSources.set(k.model_key, path);
      }
    }
    drafts.push(...created.rows);
  }
  if (files.length !== 2) throw new Error(`the model draft has ${files.length} attachments, not 2`);
  return drafts;
}

// ---------------------------------------------------------------------------------------------
// The submitting browser: keep-alive connections, the session cookie, the form POST and the redirect

/**
 * Keep-alive connections per app instance. undici rather than node:http: the client shares the two
 * cores with the app and PostgreSQL, and a submission's two requests cost it 87-92 µs of CPU against
 * 130-170 µs with node:http (measured alone against a server sending fixed bytes).
 */
const pools = new Map<string, Pool>();

function poolFor(baseUrl: URL): Pool {
  let pool = pools.get(baseUrl.origin);
  if (!pool) {
    pool = new Pool(baseUrl.origin);
    pools.set(baseUrl.origin, pool);
  }
  return pool;
}

interface Applicant {
  persona: string;
  cookie: string;
  csrf: string;
  baseUrl: URL;
}

async function send(
  applicant: Applicant,
  method: 'GET' | 'POST',
  path: string,
  form?: Record<string, string>,
): Promise<{ status: number; location: string; body: string }> {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  const res = await poolFor(applicant.baseUrl).request({
    method,
    path,
    headers: {
      cookie: applicant.cookie,
      // As a browser asks: the receipt page comes compressed.
      'accept-encoding': 'br, gzip',
      ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(body ? { body } : {}),
  });
  const raw = Buffer.from(await res.body.arrayBuffer());
  const encoding = res.headers['content-encoding'];
  const bytes = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
  const location = res.headers.location;
  return { status: res.statusCode, location: typeof location === 'string' ? location : '', body: bytes.toString() };
}

interface Submitted {
  draftId: string;
  registryNumber: string;
  ms: number;
}

/** Presses "Skicka in": the form POST, then the redirect to the receipt page, which must show a registry number. */
async function submit(applicant: Applicant, draft: Draft): Promise<Submitted> {
  const started = performance.now();
  const posted = await send(applicant, 'POST', `/ansokningar/${draft.id}/skicka-in`, {
    _csrf: applicant.csrf,
    version: String(draft.version),
    ...CONFIRMATIONS,
  });
  if (posted.status !== 303 || !posted.location.endsWith(`/ansokningar/${draft.id}/kvitto`)) {
    throw new Error(`submit of ${draft.id} answered ${posted.status} ${posted.location}: ${posted.body.slice(0, 500)}`);
  }
  const receipt = await send(applicant, 'GET', new URL(posted.location, applicant.baseUrl).pathname);
  const registryNumber = /(?<![\w-])(\d{3}-\d+-\d{4})(?![\w-])/.exec(receipt.body)?.[1];
  if (receipt.status !== 200 || !registryNumber)
    throw new Error(`receipt of ${draft.id} answered ${receipt.status} without a registry number`);
  return { draftId: draft.id, registryNumber, ms: ms(started) };
}

/** The review page of a draft, as the applicant sees it before pressing the button: its CSRF token and version. */
async function review(applicant: Applicant, draft: Draft): Promise<{ csrf: string; version: number }> {
  const page = await send(applicant, 'GET', `/ansokningar/${draft.id}/skicka-in`);
  if (page.status !== 200) throw new Error(`review page of ${draft.id} answered ${page.status}`);
  return { csrf: hiddenInput(page.body, '_csrf'), version: Number(hiddenInput(page.body, 'version')) };
}

// ---------------------------------------------------------------------------------------------

const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 22) throw new Error(`run on Node 22 (npm run bench:deadline-rush); this is ${process.version}`);
console.log(
  `node ${process.version}; PostgreSQL server ${new URL(serverUrl).host}, database ${BENCH_DATABASE} (dropped and created again)`,
);

await recreateBenchDatabase();
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (other processes on the machine change every figure)`,
);
console.log('\nbaseline first, before the app starts: ../shared/bench/gapfree-baseline.sh');
const baselineTps = await runBaseline();

const dataDir = mkdtempSync(join(tmpdir(), 'bidragsportalen-deadline-rush-'));
const sessionSecret = randomBytes(32).toString('hex');
// One after another: the first migrates and seeds the empty database, the others find it ready.
const apps: App[] = [];
for (let i = 0; i < INSTANCES; i++) apps.push(await startApp(dataDir, sessionSecret));
const app = apps[0]!;
const db = new pg.Client({ connectionString: benchUrl });
await db.connect();
try {
  const setupStarted = performance.now();
  const year = Number(
    (await db.query<{ year: number }>('SELECT year FROM calls WHERE slug = $1', [CALL_SLUG])).rows[0]?.year ?? Number.NaN,
  );
  // One browser session per applicant: 200 for the burst, 32 for the sustained clients.
  const sessionCount = BURST + CLIENTS;
  const sessions: { persona: string; session: HttpSession }[] = [];
  for (let i = 0; i < sessionCount; i += 8) {
    const batch = Array.from({ length: Math.min(8, sessionCount - i) }, (_, j) => PERSONAS[(i + j) % PERSONAS.length] as string);
    sessions.push(...(await Promise.all(batch.map(async (persona) => ({ persona, session: await logIn(app.baseUrl, persona) })))));
  }
  const people = new Map<string, { personId: string; organisationId: number }>();
  for (const persona of PERSONAS) {
    const row = (
      await db.query<{ person_id: string; organisation_id: number }>(
        `SELECT p.id AS person_id, m.organisation_id FROM persons p JOIN memberships m ON m.person_id = p.id WHERE p.subject = $1`,
        [persona],
      )
    ).rows[0];
    if (!row) throw new Error(`persona ${persona} has no membership`);
    people.set(persona, { personId: row.person_id, organisationId: row.organisation_id });
  }

  // Drafts for the burst, and for as many warm-up and sustained submissions as the baseline's rate
  // would allow (a ratio of 1), so that no client runs out.
  const sustainedDrafts = Math.ceil(baselineTps * (SUSTAINED_SECONDS + WARM_UP_SECONDS)) + CLIENTS * 4;
  const model = await createModelDraft(sessions[0]!.session, year);
  const pools = new Map<string, Draft[]>();
  for (const persona of PERSONAS) {
    const share = Math.ceil((BURST + sustainedDrafts) / PERSONAS.length);
    pools.set(persona, await copyDraft(db, dataDir, model, people.get(persona)!, share));
  }
  const applicants: Applicant[] = sessions.map(({ persona, session }, i) => ({
    persona,
    cookie: [...session.cookies].map(([n, c]) => `${n}=${c.value}`).join('; '),
    csrf: '',
    // Each browser stays on one instance, as behind a load balancer; the sessions are in the database.
    baseUrl: new URL(apps[i % apps.length]!.baseUrl),
  }));
  const take = (persona: string): Draft | undefined => pools.get(persona)?.pop();

  // Each burst applicant has the review page of their draft open; each sustained client has a
  // token from its own review page.
  const burst = applicants.slice(0, BURST).map((applicant) => ({ applicant, draft: take(applicant.persona)! }));
  const clients = applicants.slice(BURST);
  await Promise.all(
    [...burst, ...clients.map((applicant) => ({ applicant, draft: pools.get(applicant.persona)!.at(-1)! }))].map(
      async ({ applicant, draft }) => {
        const page = await review(applicant, draft);
        applicant.csrf = page.csrf;
        draft.version = page.version;
      },
    ),
  );
  const drafts = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM applications WHERE status = 'draft'`);
  const sizes = await db.query<{ n: number; min: number; max: number }>(
    `SELECT count(*)::int AS n, min(size_bytes)::int AS min, max(size_bytes)::int AS max FROM attachments`,
  );
  console.log(
    `\nsetup (not timed, ${(ms(setupStarted) / 1000).toFixed(0)} s): ${sessionCount} sessions logged in through the local identity provider ` +
      `(${PERSONAS.join(', ')}); ${drafts.rows[0]?.n} complete drafts for ${CALL_SLUG} (one model made through the pages, ` +
      `copied in the database), ${sizes.rows[0]?.n} attachments of ${sizes.rows[0]?.min}–${sizes.rows[0]?.max} bytes`,
  );

  const received: Submitted[] = [];

  // Each client submits a fresh draft as soon as its last one is through, until `seconds` are over.
  const closedLoop = async (seconds: number) => {
    const done: Submitted[] = [];
    const failures: string[] = [];
    let exhausted = false;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      clients.map(async (applicant) => {
        while (performance.now() < deadline) {
          const draft = take(applicant.persona);
          if (!draft) {
            exhausted = true;
            return;
          }
          try {
            done.push(await submit(applicant, draft));
          } catch (err) {
            failures.push((err as Error).message);
          }
        }
      }),
    );
    received.push(...done);
    return { done, failures, exhausted, seconds: ms(started) / 1000 };
  };

  const warmUp = await closedLoop(WARM_UP_SECONDS);
  // A server up all day has no backlog of mail when the deadline comes: the warm-up's is sent
  // before the burst, so that the phases below drain only their own.
  const drainStarted = performance.now();
  const pendingMail = async () =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'pending'`)).rows[0]?.n ?? 0;
  while ((await pendingMail()) > 0) {
    if (ms(drainStarted) > 180_000) throw new Error('the outbox did not drain the warm-up mail within 3 minutes');
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(
    `\nwarm-up (not timed): ${CLIENTS} clients × ${warmUp.seconds.toFixed(1)} s closed loop as below, ${warmUp.done.length} submissions, errors=${warmUp.failures.length}; ` +
      `its mail sent by the running outbox drain ${(ms(drainStarted) / 1000).toFixed(1)} s later`,
  );

  // Burst: 200 applicants press the button at the same instant.
  const burstStarted = performance.now();
  const burstResults = await Promise.allSettled(burst.map(({ applicant, draft }) => submit(applicant, draft)));
  const burstMs = ms(burstStarted);
  const burstOk = burstResults.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  received.push(...burstOk);
  const burstLatencies = burstOk.map((r) => r.ms).sort((a, b) => a - b);
  console.log(
    `\nburst: ${BURST} simultaneous submissions in ${burstMs.toFixed(0)} ms wall time; ${burstOk.length} got a registry number; ` +
      `p50_ms=${percentile(burstLatencies, 50).toFixed(0)} max_ms=${(burstLatencies.at(-1) ?? Number.NaN).toFixed(0)}`,
  );
  for (const r of burstResults) if (r.status === 'rejected') console.log(`  failed: ${(r.reason as Error).message}`);

  // Sustained: 32 clients in a closed loop, a fresh draft each time.
  const counters = async () => {
    const commits = await db.query<{ n: string }>('SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = $1', [
      BENCH_DATABASE,
    ]);
    const own = process.cpuUsage();
    return {
      commits: Number(commits.rows[0]?.n),
      app: apps.reduce<CpuTime | null>((sum, a) => addCpu(sum, cpuMs(a.child.pid ?? 0)), { user: 0, system: 0 }),
      postgres: postgresCpuMs(),
      client: { user: own.user / 1000, system: own.system / 1000 },
      machine: machineTicks(),
    };
  };
  const before = await counters();
  const { done: sustained, failures, exhausted, seconds: sustainedSeconds } = await closedLoop(SUSTAINED_SECONDS);
  const after = await counters();
  // How far the outbox drain kept up: the mail it had not sent when the measured phase ended.
  const mailBehind = await pendingMail();
  const rate = sustained.length / sustainedSeconds;
  const latencies = sustained.map((r) => r.ms).sort((a, b) => a - b);
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  console.log(
    `sustained: ${CLIENTS} clients × ${sustainedSeconds.toFixed(1)} s closed loop: ${sustained.length} submissions, ` +
      `${rate.toFixed(1)} submissions/s, p50_ms=${p50.toFixed(0)} p99_ms=${p99.toFixed(0)}, errors=${failures.length}; ` +
      `${mailBehind} mails not yet sent at its end`,
  );
  const perSubmission = (a: number | null, b: number | null) =>
    a === null || b === null ? 'n/a' : ((b - a) / Math.max(1, sustained.length)).toFixed(1);
  // User and kernel time apart: on a virtual machine a wait and its wake-up can cost more in the
  // kernel than the work between them.
  const cpuPerSubmission = (a: CpuTime | null, b: CpuTime | null) =>
    a === null || b === null
      ? 'n/a'
      : `${perSubmission(a.user + a.system, b.user + b.system)} (kernel ${perSubmission(a.system, b.system)})`;
  console.log(
    `  per submission: ${perSubmission(before.commits, after.commits)} database transactions (every statement outside a transaction counts), ` +
      `app_cpu_ms=${cpuPerSubmission(before.app, after.app)} postgres_cpu_ms=${cpuPerSubmission(before.postgres, after.postgres)} ` +
      `(this benchmark's own client: ${cpuPerSubmission(before.client, after.client)}); load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  const [startTicks, endTicks] = [before.machine, after.machine];
  if (startTicks && endTicks) {
    const kinds = Object.keys(endTicks) as (keyof typeof endTicks)[];
    const all = kinds.reduce((sum, kind) => sum + endTicks[kind] - startTicks[kind], 0) || 1;
    console.log(
      `  the machine's CPU meanwhile: ${kinds.map((kind) => `${kind} ${((100 * (endTicks[kind] - startTicks[kind])) / all).toFixed(0)}%`).join(', ')}`,
    );
  }
  for (const f of failures.slice(0, 5)) console.log(`  failed: ${f}`);
  if (exhausted) console.log('  drafts ran out before the 20 s were over: the rate above is a lower bound');

  // Verification, read from the database after the load.
  const board = await db.query<{ n: number; distinct_n: number; max_seq: number | null; min_seq: number | null; board: string }>(
    `SELECT count(*)::int AS n, count(DISTINCT sequence)::int AS distinct_n, max(sequence) AS max_seq, min(sequence) AS min_seq,
            min(board_county_code) AS board
     FROM registry_cases`,
  );
  const boards = await db.query('SELECT DISTINCT board_county_code, year FROM registry_cases');
  const counts = board.rows[0]!;
  const duplicates = counts.n - counts.distinct_n;
  // Numbers missing from 1..max: with no duplicates, a gap-free sequence has exactly max numbers.
  const gaps = (counts.max_seq ?? 0) - counts.distinct_n;
  const submittedRows = await db.query<{ id: string; registry_number: string; mails: number; snapshot_bytes: number }>(
    // The mails grouped once by the application in their key: a lookup per application with LIKE
    // read the whole outbox each time (minutes for the 25 000 submissions of a fast machine).
    `WITH mails AS (
       SELECT split_part(dedupe_key, ':', 2) AS application_id, count(*)::int AS n FROM mail_outbox
       WHERE dedupe_key LIKE 'application:%:submitted:%' GROUP BY 1)
     SELECT a.id, r.registry_number, coalesce(m.n, 0) AS mails, octet_length(s.content) AS snapshot_bytes
     FROM applications a JOIN registry_cases r ON r.id = a.registry_case_id JOIN application_snapshots s ON s.application_id = a.id
       LEFT JOIN mails m ON m.application_id = a.id::text
     WHERE a.status = 'submitted'`,
  );
  const byId = new Map(submittedRows.rows.map((r) => [r.id, r]));
  const mismatched = received.filter((r) => byId.get(r.draftId)?.registry_number !== r.registryNumber).length;
  const withoutMail = submittedRows.rows.filter((r) => r.mails !== 1).length;
  const snapshotBytes = submittedRows.rows.map((r) => r.snapshot_bytes);
  const mail = await db.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM mail_outbox GROUP BY status ORDER BY status',
  );
  const sync = await db.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
  console.log(
    `\nverified: ${received.length} submissions reached a client, ${submittedRows.rows.length} submitted in the database, ` +
      `${counts.n} registry numbers on ${boards.rowCount} board/year sequence(s) (board ${counts.board}), ` +
      `numbers 1–${counts.max_seq}; duplicates=${duplicates} gaps=${gaps}; receipts not matching the database: ${mismatched}; ` +
      `submissions without exactly one outbox mail: ${withoutMail}`,
  );
  console.log(
    `honest conditions: baseline measured first, before the app started; ${apps.length} app instance(s) on the one database, clients spread over them; ` +
      `SHOW synchronous_commit on ${BENCH_DATABASE} (same URL and environment as the app's pool, the app sets nothing) = ${sync.rows[0]?.synchronous_commit}; ` +
      'every submission is the form POST with the session cookie and CSRF token, then the redirect to the receipt page; ' +
      `snapshots ${Math.min(...snapshotBytes)}–${Math.max(...snapshotBytes)} bytes (at least ${MIN_SNAPSHOT_BYTES}), ` +
      `two ${ATTACHMENT_BYTES / 1024} KB attachments per draft; outbox and jobs running in the app: mail ${mail.rows.map((r) => `${r.status}=${r.n}`).join(' ')}`,
  );
  if (Math.min(...snapshotBytes) < MIN_SNAPSHOT_BYTES) throw new Error('a snapshot is smaller than 4 KB');
  // The same baseline once more with the app stopped, for the reader only: how far the machine's
  // speed moved during the run. The ratio stays on the first one, measured before the app started.
  await Promise.all(apps.map((a) => a.stop()));
  console.log('\nthe baseline again, after the app stopped (not used in the ratio; shows how much the machine drifted):');
  const laterTps = await runBaseline();
  console.log(`  drift: ${((100 * (laterTps - baselineTps)) / baselineTps).toFixed(0)}% against the first baseline`);
  console.log(`submit/pgbench ratio=${(rate / baselineTps).toFixed(2)} p99_ms=${p99.toFixed(0)} duplicates=${duplicates} gaps=${gaps}`);
} finally {
  await db.end();
  await Promise.all([...pools.values()].map((pool) => pool.close()));
  await Promise.all(apps.map((a) => a.stop()));
  rmSync(dataDir, { recursive: true, force: true });
}
