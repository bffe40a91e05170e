import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { type Database, openDatabase } from '../src/db/client.ts';
import { createCompleteDraft } from '../src/features/applications/testing.ts';
import { logInAs } from '../src/features/identity/testing.ts';
import { stockholmDateOf } from '../src/platform/format.ts';
import { closeAfter } from './cleanup.ts';
import { createTestDatabase, serverUrl, type TestDatabase } from './db.ts';
import { freePort, HttpSession, hiddenInput } from './http-session.ts';
import { startTestSmtp } from './smtp.ts';

// Kills the server with SIGKILL in the middle of a storm of submissions, starts it again on the same
// data (the PGlite folder, or the test's own database on the PostgreSQL server with
// TEST_DATABASE_URL) and checks that nothing a client was told is lost, that nothing is registered
// twice, and that the confirmation mails reach a real SMTP server.

const root = join(import.meta.dirname, '..');
const CALL_SLUG = 'demo-ostergotland-s37a';
const DRAFTS = 24;
/** Submitted before the storm: the first wave's mails are delivered, the second's keep the drain busy when the server dies. */
const FIRST_WAVE = 4;
const SECOND_WAVE = 4;
const SESSIONS = 4;
/**
 * A short claim lease, so that the mails the killed server's drain had claimed are sent again
 * within the test (the default is ten minutes).
 */
const CLAIM_LEASE_SECONDS = 15;

const dataDir = mkdtempSync(join(tmpdir(), 'bp-crash-test-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

interface Server {
  child: ChildProcess;
  output: () => string;
  exited: Promise<void>;
}

/** `src/main.ts` as `npm start` runs it. */
function startMain(env: Record<string, string>): Server {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '100000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, output: () => out, exited };
}

async function waitHealthy(server: Server, baseUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not healthy in time:\n${server.output()}`);
}

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  await server.exited;
}

interface Draft {
  id: string;
  session: HttpSession;
  csrf: string;
  version: number;
}

/** Presses "Skicka in" on the review page the applicant has open; resolves with the receipt's registry number. */
async function submit(draft: Draft): Promise<string> {
  const done = await draft.session.post(`/ansokningar/${draft.id}/skicka-in`, {
    _csrf: draft.csrf,
    version: String(draft.version),
    'confirm.notForProfit': 'yes',
    'confirm.municipalityResponsible': 'yes',
    'confirm.municipalityParticipates': 'yes',
  });
  const html = await done.response.text();
  const number = /(?<![\w-])(\d{3}-\d+-\d{4})(?![\w-])/.exec(html)?.[1];
  if (done.response.status === 409 && done.url.endsWith('/skicka-in')) {
    // "Changed since you reviewed it": the page is shown again with the current version.
    throw Object.assign(new Error(`submitting ${draft.id}: changed since review`), {
      review: { csrf: hiddenInput(html, '_csrf'), version: Number(hiddenInput(html, 'version')) },
    });
  }
  if (done.response.status !== 200 || !done.url.endsWith(`/ansokningar/${draft.id}/kvitto`) || !number) {
    throw new Error(`submitting ${draft.id} ended at ${done.url} with ${done.response.status}`);
  }
  return number;
}

/**
 * Presses the button again after the request broke off, as an applicant does; when the page says the
 * application changed since the review, presses it once more on the page shown. Tells whether it had to.
 */
async function retry(draft: Draft): Promise<{ number: string; pressedAgain: boolean }> {
  try {
    return { number: await submit(draft), pressedAgain: false };
  } catch (err) {
    const review = (err as { review?: { csrf: string; version: number } }).review;
    if (!review) throw err;
    return { number: await submit({ ...draft, ...review }), pressedAgain: true };
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

test('after kill -9 in a submission storm, every receipt a client got exists once, numbers stay gap-free, and each confirmation is delivered once or held by what the killed server left', async (t) => {
  const smtp = await startTestSmtp();
  closeAfter(t, () => smtp.close());
  const testDatabase: TestDatabase | null = serverUrl ? await createTestDatabase({ seeded: true }) : null;
  closeAfter(t, () => testDatabase?.close());
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    DATA_DIR: dataDir,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    MAIL_CLAIM_LEASE_SECONDS: String(CLAIM_LEASE_SECONDS),
    ...(testDatabase?.url ? { DATABASE_URL: testDatabase.url } : {}),
  };
  const year = Number(stockholmDateOf(new Date()).slice(0, 4));

  const first = startMain(env);
  closeAfter(t, () => stop(first));
  await waitHealthy(first, baseUrl);

  // Applicants with complete drafts, each on the review page with the button in front of them.
  const sessions = await Promise.all(
    Array.from({ length: SESSIONS }, async () => {
      const session = new HttpSession(baseUrl);
      await logInAs(session, 'sokande-linkoping', { returnTo: '/mina-sidor' });
      return session;
    }),
  );
  const drafts: Draft[] = [];
  await Promise.all(
    sessions.map(async (session, s) => {
      for (let i = s; i < DRAFTS; i += SESSIONS) {
        const id = await createCompleteDraft(session, CALL_SLUG, year);
        const review = await session.get(`/ansokningar/${id}/skicka-in`);
        const html = await review.response.text();
        drafts.push({ id, session, csrf: hiddenInput(html, '_csrf'), version: Number(hiddenInput(html, 'version')) });
      }
    }),
  );

  // The first applicants get their receipts and confirmations; then the SMTP server turns slow and
  // the mail drain hangs on the next ones.
  const receipts = new Map<string, string>();
  const submitAll = async (wave: Draft[]) => {
    for (const [i, number] of (await Promise.all(wave.map(submit))).entries()) receipts.set(wave[i]!.id, number);
  };
  await submitAll(drafts.slice(0, FIRST_WAVE));
  assert.ok(await until(() => smtp.received.length === FIRST_WAVE, 15_000), 'the first confirmations are delivered');
  smtp.holdReplies();
  await submitAll(drafts.slice(FIRST_WAVE, FIRST_WAVE + SECOND_WAVE));
  assert.ok(await until(() => smtp.held > 0, 15_000), 'the drain started sending');

  // The storm: the others press the button at once; the server dies at the first receipt.
  const storm = drafts.slice(FIRST_WAVE + SECOND_WAVE);
  let killedAt = 0;
  const outcomes = await Promise.allSettled(
    storm.map(async (draft) => {
      const number = await submit(draft);
      // Responses already on their way still arrive after the signal: those receipts reached clients too.
      receipts.set(draft.id, number);
      if (killedAt === 0) {
        killedAt = Date.now();
        first.child.kill('SIGKILL');
      }
      return number;
    }),
  );
  await first.exited;
  assert.equal(first.child.signalCode, 'SIGKILL', 'the server was killed, not stopped');
  const cutOff = storm.filter((_, i) => outcomes[i]?.status === 'rejected');
  assert.ok(cutOff.length > 0, 'submissions were in flight when the server was killed');

  // Started again on the same data; applicants whose request broke off press the button again.
  smtp.replyAgain();
  const second = startMain(env);
  closeAfter(t, () => stop(second));
  await waitHealthy(second, baseUrl);
  const restartedAt = Date.now();
  // Reloading the review page tells whether the broken-off request had been registered.
  const registeredBeforeKill = new Set(receipts.keys());
  for (const draft of cutOff) {
    const review = await draft.session.request(`/ansokningar/${draft.id}/skicka-in`);
    await review.arrayBuffer();
    if (review.status === 303) {
      assert.equal(review.headers.get('location'), `/ansokningar/${draft.id}`);
      registeredBeforeKill.add(draft.id);
    } else assert.equal(review.status, 200);
  }
  const numbers = new Map<string, string>();
  let pressedAgain = 0;
  for (const draft of drafts) {
    const retried = await retry(draft);
    if (receipts.has(draft.id)) assert.equal(retried.number, receipts.get(draft.id), 'a retried submission shows the first receipt');
    numbers.set(draft.id, retried.number);
    if (retried.pressedAgain) pressedAgain++;
  }
  // What the killed server registered is exactly the start of the sequence, and the rest follows it.
  const sequenceOf = (number: string) => Number(number.split('-')[1]);
  const before = [...registeredBeforeKill].map((id) => sequenceOf(numbers.get(id) ?? '')).sort((a, b) => a - b);
  assert.deepEqual(
    before,
    Array.from({ length: before.length }, (_, i) => i + 1),
  );

  // Confirmations flow again: those the killed server's drain had claimed once its claim lease
  // ends (and pg-boss has failed its drain run: heartbeat 10 s, checked every 10 s).
  const delivered = () => new Set(smtp.received.map((m) => /(\d{3}-\d+-\d{4})/.exec(m.subject ?? '')?.[1]));
  await until(() => drafts.every((d) => delivered().has(numbers.get(d.id))), 90_000);
  await stop(second);

  const database: Database = testDatabase ?? (await openDatabase({ dataDir }));
  try {
    const rows = await database.query<{ id: string; status: string; registry_number: string | null }>(
      `SELECT a.id, a.status, r.registry_number
       FROM applications a LEFT JOIN registry_cases r ON r.id = a.registry_case_id WHERE a.id = ANY($1::uuid[])`,
      [drafts.map((d) => d.id)],
    );
    assert.equal(rows.length, DRAFTS);
    for (const row of rows) {
      assert.equal(row.status, 'submitted');
      assert.equal(row.registry_number, numbers.get(row.id), 'the number the applicant was shown is the registered one');
    }
    const [sequence] = await database.query<{ n: number; distinct_n: number; max_seq: number; linked: number; linked_distinct: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT sequence)::int AS distinct_n, max(sequence)::int AS max_seq,
              (SELECT count(*)::int FROM applications WHERE registry_case_id IS NOT NULL) AS linked,
              (SELECT count(DISTINCT registry_case_id)::int FROM applications WHERE registry_case_id IS NOT NULL) AS linked_distinct
       FROM registry_cases`,
    );
    assert.deepEqual(sequence, { n: DRAFTS, distinct_n: DRAFTS, max_seq: DRAFTS, linked: DRAFTS, linked_distinct: DRAFTS });

    const mails = await database.query<{ id: string; dedupe_key: string; attempts: number }>(
      'SELECT id, dedupe_key, attempts FROM mail_outbox',
    );
    for (const draft of drafts) {
      assert.equal(mails.filter((m) => m.dedupe_key.startsWith(`application:${draft.id}:submitted:`)).length, 1);
    }
    // The Message-ID is the outbox row's id, so a mail sent twice is recognised as the same mail.
    const deliveries = new Map<string, number>();
    for (const m of smtp.received) {
      const id = /^<([0-9a-f-]{36})@/.exec(m.messageId ?? '')?.[1] ?? '';
      deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
    }
    const [deadDrain] = await database.query<{ expires: Date }>(
      `SELECT started_on + expire_seconds * interval '1 second' AS expires FROM pgboss.job
       WHERE name = 'mail.drain-outbox' AND state = 'active' AND started_on < $1`,
      [new Date(killedAt)],
    );
    const afterRestart = smtp.receivedAt.filter((at) => at >= restartedAt);
    const claimedByKilled = mails.filter((m) => m.attempts >= 2);
    const twice = [...deliveries].filter(([, times]) => times > 1);
    for (const m of mails) {
      assert.ok(deliveries.has(m.id), `mail ${m.id} was not delivered`);
    }
    // At least once: a mail the killed server handed over but had not yet marked is sent again,
    // with the same Message-ID; nothing else is sent twice.
    for (const [id] of twice) {
      assert.ok(
        claimedByKilled.some((m) => m.id === id),
        `mail ${id} was delivered twice though the killed server never claimed it`,
      );
    }
    // The killed server's drain run stops sending heartbeats and is failed, so it blocks no later drain.
    assert.equal(deadDrain, undefined, "the killed server's drain run is still active and blocks the outbox");
    t.diagnostic(
      `${database.kind}: ${receipts.size} receipts reached their clients, ${cutOff.length} requests were cut off by the kill ` +
        `(${registeredBeforeKill.size - receipts.size} of them had been registered before the kill; the retry showed their receipt; ` +
        `${pressedAgain} retries were told the application had changed since the review and pressed again); ` +
        `mails: ${deliveries.size} of ${mails.length} delivered (${afterRestart.length} after the restart` +
        `${afterRestart.length > 0 ? `, the first ${((afterRestart[0] as number) - restartedAt) / 1000} s after it` : ''}), ` +
        `${claimedByKilled.length} had been claimed by the killed server's drain (sent again after the ${CLAIM_LEASE_SECONDS}-s claim lease), ` +
        `${twice.length} delivered twice with the same Message-ID`,
    );
  } finally {
    if (!testDatabase) await database.close();
  }
});
