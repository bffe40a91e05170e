import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { pino } from 'pino';
import { closeAfter } from '../../../test/cleanup.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { startTestSmtp } from '../../../test/smtp.ts';
import { loadConfig } from '../../config.ts';
import { mailOutbox } from '../../db/schema/index.ts';
import { createJobRunner } from '../jobs/runner.ts';
import { drainOutbox, drainOutboxJob } from './drain.ts';
import { claimDueMails, enqueueMail, markMailsSent } from './outbox.ts';
import { MAX_MAIL_ATTEMPTS } from './rules.ts';
import { createMailer, type Mailer } from './transport.ts';

const MAIL_FROM = 'Länsstyrelsen <noreply@bidragsportalen.localhost>';

/** A logger that keeps what it was told, so a test can check what an operator would see. */
function recordingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines };
}

const quiet = pino({ level: 'silent' });

/**
 * The drain's clock for mails queued just before: the database stamps a mail's first attempt in
 * microseconds, a Date has milliseconds, so a Date taken within the same millisecond is earlier.
 */
const justAfterQueueing = () => new Date(Date.now() + 1);

async function withDatabase(t: import('node:test').TestContext): Promise<TestDatabase> {
  const database = await createTestDatabase();
  closeAfter(t, () => database.close());
  return database;
}

function smtpMailer(t: import('node:test').TestContext, port: number): Mailer {
  const mailer = createMailer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM, DATA_DIR: '/nonexistent' });
  closeAfter(t, () => mailer.close());
  return mailer;
}

async function rowsOf(database: TestDatabase) {
  return database.db.select().from(mailOutbox).orderBy(mailOutbox.createdAt);
}

const confirmation = {
  to: 'handlaggare@vaxjo.se',
  subject: 'Bekräftelse: ansökan mottagen – Åmål, Älmhult och Örebro',
  text: 'Hej!\n\nVi har tagit emot er ansökan om stöd enligt § 37 a. Diarienummer 851-123-2026.\n\nMed vänliga hälsningar\nLänsstyrelsen',
};

test('a queued mail arrives over SMTP with subject, body and å ä ö intact, and is marked sent', async (t) => {
  const database = await withDatabase(t);
  const smtp = await startTestSmtp();
  closeAfter(t, () => smtp.close());
  await database.db.transaction(async (tx) => {
    await enqueueMail(tx, confirmation);
  });

  const result = await drainOutbox(database.db, smtpMailer(t, smtp.port), { now: justAfterQueueing(), logger: quiet });

  assert.deepEqual(result, { sent: 1, retrying: 0, failed: 0 });
  assert.equal(smtp.received.length, 1);
  const [mail] = smtp.received;
  assert.equal(mail?.subject, confirmation.subject);
  assert.equal(mail?.text?.trim(), confirmation.text);
  assert.deepEqual(mail?.from?.value[0], { name: 'Länsstyrelsen', address: 'noreply@bidragsportalen.localhost' });
  const [row] = await rowsOf(database);
  assert.equal(row?.status, 'sent');
  assert.equal(row?.attempts, 1);
  assert.ok(row?.sentAt);
  assert.equal(row?.messageId, `<${row?.id}@bidragsportalen.localhost>`);
  assert.equal(mail?.messageId, row?.messageId);
});

test('a mail queued in a transaction that rolls back is never sent', async (t) => {
  const database = await withDatabase(t);
  await assert.rejects(
    database.db.transaction(async (tx) => {
      await enqueueMail(tx, confirmation);
      throw new Error('the use case failed after queueing');
    }),
    /use case failed/,
  );
  assert.equal((await rowsOf(database)).length, 0);
});

test('the same dedupe key queues a mail once, so a retried use case sends one mail', async (t) => {
  const database = await withDatabase(t);
  const smtp = await startTestSmtp();
  closeAfter(t, () => smtp.close());
  const first = await enqueueMail(database.db, { ...confirmation, dedupeKey: 'application:42:submitted' });
  const second = await enqueueMail(database.db, { ...confirmation, dedupeKey: 'application:42:submitted' });
  const other = await enqueueMail(database.db, { ...confirmation, dedupeKey: 'application:43:submitted' });

  assert.ok(first);
  assert.equal(second, null);
  assert.ok(other);
  await drainOutbox(database.db, smtpMailer(t, smtp.port), { now: justAfterQueueing(), logger: quiet });
  assert.equal(smtp.received.length, 2);
});

test('refuses a mail whose subject would inject a header', async (t) => {
  const database = await withDatabase(t);
  await assert.rejects(enqueueMail(database.db, { ...confirmation, subject: 'Hej\r\nBcc: alla@example.com' }));
  await assert.rejects(enqueueMail(database.db, { ...confirmation, to: 'not an address' }));
});

test('while SMTP is down a mail stays pending with a later retry, and is delivered once when it is back', async (t) => {
  const database = await withDatabase(t);
  // A port with nothing listening: start a server to get a free port, then stop it.
  const probe = await startTestSmtp();
  const port = probe.port;
  await probe.close();
  const mailer = smtpMailer(t, port);
  await enqueueMail(database.db, confirmation);
  const now = justAfterQueueing();

  const down = await drainOutbox(database.db, mailer, { now, logger: quiet });

  assert.deepEqual(down, { sent: 0, retrying: 1, failed: 0 });
  const [pending] = await rowsOf(database);
  assert.equal(pending?.status, 'pending');
  assert.equal(pending?.attempts, 1);
  assert.ok(pending?.lastError);
  assert.ok(pending && pending.nextAttemptAt.getTime() > now.getTime(), 'next attempt is in the future');
  assert.equal((await drainOutbox(database.db, mailer, { now, logger: quiet })).retrying, 0, 'not retried before its time');

  const smtp = await startTestSmtp(port);
  closeAfter(t, () => smtp.close());
  const later = new Date(now.getTime() + 60_000);
  assert.equal((await drainOutbox(database.db, mailer, { now: later, logger: quiet })).sent, 1);
  assert.equal((await drainOutbox(database.db, mailer, { now: new Date(later.getTime() + 3_600_000), logger: quiet })).sent, 0);

  assert.equal(smtp.received.length, 1);
  assert.equal(smtp.received[0]?.subject, confirmation.subject);
  const [sent] = await rowsOf(database);
  assert.equal(sent?.status, 'sent');
  assert.equal(sent?.attempts, 2);
});

test('a mail out of attempts is marked failed, kept, and reported as an error', async (t) => {
  const database = await withDatabase(t);
  const probe = await startTestSmtp();
  await probe.close();
  const id = await enqueueMail(database.db, confirmation);
  assert.ok(id);
  await database.db
    .update(mailOutbox)
    .set({ attempts: MAX_MAIL_ATTEMPTS - 1 })
    .where(eq(mailOutbox.id, id));
  const { logger, lines } = recordingLogger();

  const result = await drainOutbox(database.db, smtpMailer(t, probe.port), { now: justAfterQueueing(), logger });

  assert.deepEqual(result, { sent: 0, retrying: 0, failed: 1 });
  const [row] = await rowsOf(database);
  assert.equal(row?.status, 'failed');
  assert.equal(row?.attempts, MAX_MAIL_ATTEMPTS);
  assert.ok(row?.lastError);
  assert.ok(lines.some((l) => l.level === 50 && /given up/.test(l.msg)));
});

test('two drains at once send every mail exactly once', async (t) => {
  const database = await withDatabase(t);
  const smtp = await startTestSmtp();
  closeAfter(t, () => smtp.close());
  for (let i = 0; i < 45; i++) await enqueueMail(database.db, { ...confirmation, subject: `Ärende ${i}` });
  const mailer = smtpMailer(t, smtp.port);
  const now = justAfterQueueing();

  const results = await Promise.all([
    drainOutbox(database.db, mailer, { now, logger: quiet }),
    drainOutbox(database.db, mailer, { now, logger: quiet }),
  ]);

  // A send may fail transiently under two concurrent pooled connections; it stays pending, and a
  // later drain (past its backoff) must deliver it once, never twice.
  let sent = results[0].sent + results[1].sent;
  for (let round = 0; sent < 45 && round < 3; round++) {
    sent += (await drainOutbox(database.db, mailer, { now: new Date(Date.now() + 3_600_000 * (round + 1)), logger: quiet })).sent;
  }
  assert.equal(sent, 45);
  const subjects = smtp.received.map((m) => m.subject).sort();
  assert.equal(subjects.length, 45);
  assert.equal(new Set(subjects).size, 45);
  const [counts] = await database.query<{ sent: number }>(`SELECT count(*)::int AS sent FROM mail_outbox WHERE status = 'sent'`);
  assert.equal(counts?.sent, 45);
});

test('mails marked sent in one statement each get their own Message-ID; a mail no longer pending is left alone', async (t) => {
  const database = await withDatabase(t);
  for (let i = 0; i < 3; i++) await enqueueMail(database.db, { ...confirmation, subject: `Ärende ${i}` });
  const claimed = await claimDueMails(database.db, justAfterQueueing(), 10);
  assert.equal(claimed.length, 3);
  const given = claimed[0]!;
  await database.db.update(mailOutbox).set({ status: 'failed' }).where(eq(mailOutbox.id, given.id));
  const now = new Date();

  await markMailsSent(
    database.db,
    claimed.map((m) => ({ id: m.id, messageId: `<${m.subject}@test>` })),
    now,
  );

  for (const row of await rowsOf(database)) {
    if (row.id === given.id) {
      assert.equal(row.status, 'failed');
      assert.equal(row.messageId, null);
    } else {
      assert.equal(row.status, 'sent');
      assert.equal(row.messageId, `<${row.subject}@test>`);
      assert.equal(row.sentAt?.getTime(), now.getTime());
    }
  }
});

test('without SMTP_URL the mail is written as an .eml file under DATA_DIR/mail', async (t) => {
  const database = await withDatabase(t);
  const dataDir = mkdtempSync(join(tmpdir(), 'bp-mail-'));
  closeAfter(t, () => rmSync(dataDir, { recursive: true, force: true }));
  const mailer = createMailer({ MAIL_FROM, DATA_DIR: dataDir });
  closeAfter(t, () => mailer.close());
  const id = await enqueueMail(database.db, confirmation);

  assert.equal((await drainOutbox(database.db, mailer, { now: justAfterQueueing(), logger: quiet })).sent, 1);

  const files = readdirSync(join(dataDir, 'mail'));
  assert.equal(files.length, 1);
  assert.match(files[0] ?? '', new RegExp(`^\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z-${id}\\.eml$`));
  const parsed = await simpleParser(readFileSync(join(dataDir, 'mail', files[0] ?? '')));
  assert.equal(parsed.subject, confirmation.subject);
  assert.equal(parsed.text?.trim(), confirmation.text);
  assert.equal(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : undefined, confirmation.to);
  const [row] = await rowsOf(database);
  assert.equal(row?.status, 'sent');
});

test('the job runner drains the outbox on its own within seconds', async (t) => {
  const database = await withDatabase(t);
  const dataDir = mkdtempSync(join(tmpdir(), 'bp-mail-'));
  closeAfter(t, () => rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, ...(database.url ? { DATABASE_URL: database.url } : {}) });
  const mailer = createMailer(config);
  const runner = createJobRunner({ database, config, logger: quiet, jobs: [drainOutboxJob(mailer)] });
  closeAfter(t, () => mailer.close());
  closeAfter(t, () => runner.stop());
  await runner.start();

  await database.db.transaction((tx) => enqueueMail(tx, confirmation));

  const deadline = Date.now() + 20_000;
  while ((await rowsOf(database))[0]?.status !== 'sent') {
    assert.ok(Date.now() < deadline, 'mail not sent in time');
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(readdirSync(join(dataDir, 'mail')).length, 1);
});
