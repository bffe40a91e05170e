import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { EICAR, startTestClamd } from '../../../test/clamd.ts';
import { HttpSession } from '../../../test/http-session.ts';
import { createClamdScanner } from '../../platform/storage/clamd.ts';
import { createLocalFileStorage } from '../../platform/storage/local.ts';
import { logInAs, startIdentityApp } from '../identity/testing.ts';
import { purgeExpiredDrafts, removeExpiredFromMyPages, rescanQuarantined, warnDraftsBeforeDeletion } from './jobs.ts';
import { createCompleteDraft, samplePdf, submitDraft } from './testing.ts';

let t: Awaited<ReturnType<typeof startIdentityApp>>;
let session: HttpSession;
const year = new Date().getUTCFullYear();
const day = 86_400_000;

before(async () => {
  t = await startIdentityApp();
  session = new HttpSession(t.baseUrl);
  await logInAs(session, 'sokande-linkoping', { returnTo: '/mina-sidor' });
  // The warning goes to people with a verified address.
  await t.database.query(`UPDATE persons SET email = 'tolvan@linkoping.example', email_verified_at = now() WHERE given_name = 'Tolvan'`);
});
after(() => t.close());

async function ageDraft(id: string, days: number): Promise<Date> {
  const rows = await t.database.query<{ updated_at: Date }>(
    `UPDATE applications SET updated_at = now() - make_interval(hours => $2) WHERE id = $1 RETURNING updated_at`,
    [id, Math.round(days * 24)],
  );
  return rows[0]!.updated_at;
}

test('warns three days before a draft is deleted, once, and deletes it with its files after 14 days', async () => {
  const id = await createCompleteDraft(session, 'demo-ostergotland-s37a', year);
  const keys = (await t.database.query<{ storage_key: string }>('SELECT storage_key FROM attachments WHERE application_id = $1', [id])).map(
    (r) => r.storage_key,
  );
  assert.equal(keys.length, 2);
  for (const key of keys) assert.equal(await t.app.files.exists(key), true);

  await ageDraft(id, 10);
  assert.equal(await warnDraftsBeforeDeletion(t.database.db, new Date(), t.config.publicUrl), 0, 'not yet: 4 days left');
  await ageDraft(id, 11.5);
  assert.equal(await warnDraftsBeforeDeletion(t.database.db, new Date(), t.config.publicUrl), 1);
  assert.equal(await warnDraftsBeforeDeletion(t.database.db, new Date(), t.config.publicUrl), 0, 'warned once');
  const mails = await t.database.query<{ to_address: string; subject: string; text_body: string }>(
    `SELECT to_address, subject, text_body FROM mail_outbox WHERE subject LIKE 'Ditt utkast raderas%'`,
  );
  assert.equal(mails.length, 1);
  assert.equal(mails[0]!.to_address, 'tolvan@linkoping.example');
  assert.ok(mails[0]!.text_body.includes(`/ansokningar/${id}`));

  assert.equal(await purgeExpiredDrafts(t.database.db, t.app.files, new Date()), 0, 'not deleted before 14 days');
  await ageDraft(id, 14.1);
  assert.equal(await purgeExpiredDrafts(t.database.db, t.app.files, new Date()), 1);
  const left = await t.database.query('SELECT 1 FROM applications WHERE id = $1', [id]);
  assert.equal(left.length, 0);
  for (const key of keys) assert.equal(await t.app.files.exists(key), false);
});

test('a submitted application is never purged, and leaves Mina sidor after a year but stays in the registry', async () => {
  const id = await createCompleteDraft(session, 'demo-ostergotland-s37a', year);
  await submitDraft(session, id);
  await t.database.query(`UPDATE applications SET updated_at = now() - interval '400 days' WHERE id = $1`, [id]);
  assert.equal(await purgeExpiredDrafts(t.database.db, t.app.files, new Date()), 0);
  const [row] = await t.database.query<{ registry_number: string }>(
    'SELECT c.registry_number FROM applications a JOIN registry_cases c ON c.id = a.registry_case_id WHERE a.id = $1',
    [id],
  );
  const number = row!.registry_number;
  assert.ok((await (await session.get('/mina-sidor')).response.text()).includes(number));
  assert.equal(await removeExpiredFromMyPages(t.database.db, new Date(Date.now() + 300 * day)), 0, 'still within a year');
  assert.ok((await removeExpiredFromMyPages(t.database.db, new Date(Date.now() + 366 * day))) >= 1);
  assert.ok(!(await (await session.get('/mina-sidor')).response.text()).includes(number));
  const registry = await t.database.query('SELECT 1 FROM registry_cases WHERE registry_number = $1', [number]);
  assert.equal(registry.length, 1);
});

let clamd: Awaited<ReturnType<typeof startTestClamd>>;
let folder: string;
before(async () => {
  clamd = await startTestClamd();
  folder = mkdtempSync(join(tmpdir(), 'bp-quarantine-'));
});
after(async () => {
  await clamd.close();
  rmSync(folder, { recursive: true, force: true });
});

test('files kept in quarantine are released when clean and removed, with a mail, when infected', async () => {
  const files = createLocalFileStorage(folder);
  const id = await createCompleteDraft(session, 'demo-ostergotland-s37a', year);
  const [person] = await t.database.query<{ id: string }>(`SELECT id FROM persons WHERE given_name = 'Tolvan'`);
  const insert = async (name: string, content: Buffer) => {
    const key = `applications/${id}/${name}`;
    await files.put(key, content);
    await t.database.query(
      `INSERT INTO attachments (application_id, kind, filename, content_type, size_bytes, sha256, storage_key, scan_status, uploaded_by)
       VALUES ($1, 'other', $2, 'application/pdf', $3, repeat('0', 64), $4, 'pending', $5)`,
      [id, name, content.length, key, person!.id],
    );
    return key;
  };
  const cleanKey = await insert('ren.pdf', samplePdf());
  const infectedKey = await insert('smittad.pdf', Buffer.from(EICAR));

  const unreachable = createClamdScanner({ host: '127.0.0.1', port: 1, timeoutMs: 2000 });
  assert.deepEqual(await rescanQuarantined(t.database.db, files, unreachable, t.config.publicUrl), { clean: 0, infected: 0 });

  const scanner = createClamdScanner({ host: clamd.host, port: clamd.port });
  assert.deepEqual(await rescanQuarantined(t.database.db, files, scanner, t.config.publicUrl), { clean: 1, infected: 1 });
  const rows = await t.database.query<{ filename: string; scan_status: string }>(
    `SELECT filename, scan_status FROM attachments WHERE application_id = $1 AND kind = 'other'`,
    [id],
  );
  assert.deepEqual(rows, [{ filename: 'ren.pdf', scan_status: 'clean' }]);
  assert.equal(await files.exists(cleanKey), true);
  assert.equal(await files.exists(infectedKey), false);
  const mails = await t.database.query<{ text_body: string }>(
    `SELECT text_body FROM mail_outbox WHERE subject = 'En bilaga har tagits bort'`,
  );
  assert.equal(mails.length, 1);
  assert.match(mails[0]!.text_body, /smittad\.pdf/);
});

test('an infected file sent with a supplement is removed from the supplement too', async () => {
  const files = createLocalFileStorage(folder);
  const id = await createCompleteDraft(session, 'demo-ostergotland-s37a', year);
  await submitDraft(session, id);
  const key = `applications/${id}/svar.pdf`;
  await files.put(key, Buffer.from(EICAR));
  const [attachment] = await t.database.query<{ id: string }>(
    `INSERT INTO attachments (application_id, kind, filename, content_type, size_bytes, sha256, storage_key, scan_status)
     VALUES ($1, 'other', 'svar.pdf', 'application/pdf', 68, repeat('0', 64), $2, 'pending') RETURNING id`,
    [id, key],
  );
  const [supplement] = await t.database.query<{ id: string }>(
    `INSERT INTO supplements (application_id, statement) VALUES ($1, 'Svar på fråga') RETURNING id`,
    [id],
  );
  await t.database.query('INSERT INTO supplement_attachments (supplement_id, attachment_id) VALUES ($1, $2)', [
    supplement!.id,
    attachment!.id,
  ]);

  const scanner = createClamdScanner({ host: clamd.host, port: clamd.port });
  assert.deepEqual(await rescanQuarantined(t.database.db, files, scanner, t.config.publicUrl), { clean: 0, infected: 1 });
  assert.deepEqual(await t.database.query('SELECT 1 FROM attachments WHERE id = $1', [attachment!.id]), []);
  assert.deepEqual(await t.database.query('SELECT 1 FROM supplement_attachments WHERE supplement_id = $1', [supplement!.id]), []);
  // The supplement and its statement stay: only the file is gone.
  assert.equal((await t.database.query('SELECT 1 FROM supplements WHERE id = $1', [supplement!.id])).length, 1);
  assert.equal(await files.exists(key), false);
});
