import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { HttpSession, hiddenInput, pageBody } from '../../../test/http-session.ts';
import { formatDate, stockholmDateOf } from '../../platform/format.ts';
import { anonymousPageKey } from '../../platform/page-cache.ts';
import { logInAs, startIdentityApp } from '../identity/testing.ts';
import { STATISTICS_MAX_AGE_SECONDS } from '../statistics/rules.ts';
import { findApplication } from './queries.ts';
import { submitApplication } from './submit.ts';
import { createCompleteDraft, postMultipart, samplePdf, submitDraft, submitForm } from './testing.ts';

let t: Awaited<ReturnType<typeof startIdentityApp>>;
before(async () => {
  // Each test logs in afresh, more often than the per-minute login limit allows one address.
  t = await startIdentityApp({ RATE_LIMIT_LOGIN_MAX: '1000' });
});
after(() => t.close());

const year = Number(stockholmDateOf(new Date()).slice(0, 4));
const call = 'demo-ostergotland-s37a';

async function applicant(persona = 'sokande-linkoping'): Promise<HttpSession> {
  const session = new HttpSession(t.baseUrl);
  await logInAs(session, persona, { returnTo: '/mina-sidor' });
  return session;
}

async function newDraft(session: HttpSession): Promise<string> {
  const page = await session.get(`/ansokningar/ny?utlysning=${call}`);
  const html = await page.response.text();
  const organisationId = /name="organisationId"[^>]*value="(\d+)"/.exec(html)?.[1] ?? '';
  const created = await session.post(`/ansokningar?utlysning=${call}`, {
    _csrf: hiddenInput(html, '_csrf'),
    idempotencyKey: hiddenInput(html, 'idempotencyKey'),
    organisationId,
  });
  const id = /\/ansokningar\/([0-9a-f-]{36})/.exec(created.url)?.[1];
  assert.ok(id, created.url);
  return id;
}

async function formOf(session: HttpSession, path: string): Promise<{ html: string; csrf: string; version: string }> {
  const page = await session.get(path);
  const html = await page.response.text();
  return { html, csrf: hiddenInput(html, '_csrf'), version: hiddenInput(html, 'version') };
}

test('a double click on "create draft" creates one draft', async () => {
  const session = await applicant();
  const page = await session.get(`/ansokningar/ny?utlysning=${call}`);
  const html = await page.response.text();
  const form = {
    _csrf: hiddenInput(html, '_csrf'),
    idempotencyKey: hiddenInput(html, 'idempotencyKey'),
    organisationId: /name="organisationId"[^>]*value="(\d+)"/.exec(html)?.[1] ?? '',
  };
  const [a, b] = await Promise.all([
    session.request(`/ansokningar?utlysning=${call}`, { form }),
    session.request(`/ansokningar?utlysning=${call}`, { form }),
  ]);
  assert.equal(a.headers.get('location'), b.headers.get('location'));
  const rows = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1`, [
    `draft:${form.idempotencyKey}`,
  ]);
  assert.equal(rows[0]?.n, 1);
});

test('the confirmation after a submission is shown to the organisation and the call’s boards only; a draft has none', async () => {
  const owner = await applicant();
  const id = await createCompleteDraft(owner, call, year);
  const draft = await owner.request(`/ansokningar/${id}/kvitto`);
  assert.equal(draft.status, 303);
  assert.equal(draft.headers.get('location'), `/ansokningar/${id}`);
  const submitted = await submitDraft(owner, id);
  const html = await submitted.response.text();
  assert.equal(submitted.response.status, 200, html);
  // The supplement form is on the application's own page, not on the confirmation.
  assert.doesNotMatch(html, /komplettering" enctype/);
  assert.match(await (await owner.request(`/ansokningar/${id}`)).text(), /action="\/ansokningar\/[0-9a-f-]+\/komplettering" enctype/);

  // The call names no preparing board: the county board that receives it (Östergötland) prepares it.
  const board = new HttpSession(t.baseUrl);
  await logInAs(board, 'administrator', { staff: true, returnTo: '/handlaggning' });
  assert.equal((await board.request(`/ansokningar/${id}/kvitto`)).status, 200);
  const otherBoard = new HttpSession(t.baseUrl);
  await logInAs(otherBoard, 'handlaggare-vastra-gotaland', { staff: true, returnTo: '/handlaggning' });
  assert.equal((await otherBoard.request(`/ansokningar/${id}/kvitto`)).status, 404);
  assert.equal((await owner.request('/ansokningar/inte-ett-id/kvitto')).status, 404);
  const anonymous = await new HttpSession(t.baseUrl).request(`/ansokningar/${id}/kvitto`);
  assert.equal(anonymous.status, 303);
  assert.match(anonymous.headers.get('location') ?? '', /^\/logga-in/);
});

test('a draft is invisible to staff and to other organisations, and anonymous visitors must log in', async () => {
  const owner = await applicant();
  const id = await newDraft(owner);
  const staff = new HttpSession(t.baseUrl);
  await logInAs(staff, 'administrator', { staff: true, returnTo: '/handlaggning' });
  assert.equal((await staff.request(`/ansokningar/${id}`)).status, 404);
  const other = await applicant('sokande-norrkoping');
  assert.equal((await other.request(`/ansokningar/${id}/insatsen`)).status, 404);
  const anonymous = await new HttpSession(t.baseUrl).request(`/ansokningar/${id}`);
  assert.equal(anonymous.status, 303);
  assert.match(anonymous.headers.get('location') ?? '', /^\/logga-in/);
});

test('saving over a newer version is refused, the typed answers are kept and both versions are stored', async () => {
  const first = await applicant();
  const id = await newDraft(first);
  const second = await applicant();
  const a = await formOf(first, `/ansokningar/${id}/insatsen`);
  const b = await formOf(second, `/ansokningar/${id}/insatsen`);
  const savedA = await first.post(`/ansokningar/${id}/insatsen`, {
    _csrf: a.csrf,
    version: a.version,
    action: 'save',
    title: 'Version från A',
  });
  assert.equal(savedA.response.status, 200);
  const refused = await second.request(`/ansokningar/${id}/insatsen`, {
    form: { _csrf: b.csrf, version: b.version, action: 'save', title: 'Version från B' },
  });
  const html = await refused.text();
  assert.equal(refused.status, 409);
  assert.match(html, /Någon annan har sparat en nyare version/);
  assert.match(html, /value="Version från B"/);
  const [row] = await t.database.query<{ title: string }>('SELECT title FROM applications WHERE id = $1', [id]);
  assert.equal(row?.title, 'Version från A');
  const kept = await t.database.query<{ answers: { title: string } }>('SELECT answers FROM draft_conflicts WHERE application_id = $1', [
    id,
  ]);
  assert.deepEqual(
    kept.map((k) => k.answers.title),
    ['Version från B'],
  );
  // The overview says what taking the kept version would change, before anyone chooses it.
  const overview = await (await second.get(`/ansokningar/${id}`)).response.text();
  const changes = /<details class="govuk-details[^"]*">([\s\S]*?)<\/details>/.exec(overview)?.[1] ?? '';
  assert.match(changes, /Svar som skiljer sig från utkastet nu: Insatsen</);
  assert.match(changes, /<dd class="govuk-summary-list__value">Version från B<\/dd>/);
  assert.doesNotMatch(changes, /Version från A/);
  // Saving again from the conflict page replaces the newer version deliberately.
  const again = await second.post(`/ansokningar/${id}/insatsen`, {
    _csrf: hiddenInput(html, '_csrf'),
    version: hiddenInput(html, 'version'),
    action: 'save',
    title: 'Version från B',
  });
  assert.equal(again.response.status, 200);
  const [after] = await t.database.query<{ title: string }>('SELECT title FROM applications WHERE id = $1', [id]);
  assert.equal(after?.title, 'Version från B');
});

test('a step saved with errors is titled by the name just saved; a new application without an organisation says what to do', async () => {
  const session = await applicant();
  const id = await newDraft(session);
  const form = await formOf(session, `/ansokningar/${id}/insatsen`);
  const saved = await session.request(`/ansokningar/${id}/insatsen`, {
    form: { _csrf: form.csrf, version: form.version, action: 'save', title: 'Nytt namn', projectStart: 'i höst' },
  });
  const html = await saved.text();
  assert.equal(saved.status, 200);
  assert.match(html, /<title>Fel: Insatsen – Nytt namn – Bidragsportalen<\/title>/);

  const start = await (await session.get(`/ansokningar/ny?utlysning=${call}`)).response.text();
  const refused = await session.request(`/ansokningar?utlysning=${call}`, {
    form: { _csrf: hiddenInput(start, '_csrf'), idempotencyKey: hiddenInput(start, 'idempotencyKey') },
  });
  assert.equal(refused.status, 400);
  assert.match(await refused.text(), /<a href="#organisationId">Välj vilken organisation som söker\.<\/a>/);
});

test('the overview says which certificates are still missing, and how many files are attached once none is', async () => {
  const session = await applicant();
  const status = async (id: string) => {
    const html = await (await session.get(`/ansokningar/${id}`)).response.text();
    return {
      text: /<div class="govuk-task-list__status" id="attachments-status">([\s\S]*?)<\/div>/
        .exec(html)?.[1]
        ?.replace(/<[^>]+>/g, '')
        .trim(),
      linked: html.includes('aria-describedby="attachments-status"'),
    };
  };
  assert.deepEqual(await status(await newDraft(session)), { text: '1 intyg saknas', linked: true });
  // A complete draft: the signatory's and the paid partner's certificates.
  assert.deepEqual(await status(await createCompleteDraft(session, call, year)), { text: '2 bilagor', linked: true });
});

test('a save without a readable version saves nothing, keeps no version and shows what was typed', async () => {
  const session = await applicant();
  const id = await newDraft(session);
  const form = await formOf(session, `/ansokningar/${id}/insatsen`);
  for (const version of [undefined, 'abc']) {
    const posted = await session.request(`/ansokningar/${id}/insatsen`, {
      form: { _csrf: form.csrf, ...(version === undefined ? {} : { version }), action: 'save', title: 'Skrivet men inte sparat' },
    });
    const html = await posted.text();
    assert.equal(posted.status, 400);
    assert.match(html, /Formuläret kom inte fram helt, så inget har sparats/);
    assert.doesNotMatch(html, /Någon annan har sparat en nyare version/);
    assert.match(html, /value="Skrivet men inte sparat"/);
    assert.equal(hiddenInput(html, 'version'), form.version);
    const autosaved = await session.request(`/ansokningar/${id}/autospara/insatsen`, {
      form: { _csrf: form.csrf, ...(version === undefined ? {} : { version }), title: 'Skrivet men inte sparat' },
    });
    assert.equal(autosaved.status, 400);
  }
  const [row] = await t.database.query<{ title: string; version: number }>('SELECT title, version FROM applications WHERE id = $1', [id]);
  assert.deepEqual({ ...row }, { title: '', version: Number(form.version) });
  const kept = await t.database.query('SELECT 1 FROM draft_conflicts WHERE application_id = $1', [id]);
  assert.equal(kept.length, 0);
});

test('errors are shown in Swedish next to their fields and nothing typed is lost', async () => {
  const session = await applicant();
  const id = await newDraft(session);
  const form = await formOf(session, `/ansokningar/${id}/budget`);
  const response = await session.request(`/ansokningar/${id}/budget`, {
    form: { _csrf: form.csrf, version: form.version, action: 'next', 'cost.personnel': 'tio tusen', amountApplied: '5 000' },
  });
  const html = await response.text();
  assert.equal(response.status, 400);
  assert.match(html, /Personalkostnader måste vara ett belopp i kronor/);
  assert.match(html, /href="#cost-personnel"/);
  assert.match(html, /value="tio tusen"/);
  const [row] = await t.database.query<{ answers: Record<string, string> }>('SELECT answers FROM applications WHERE id = $1', [id]);
  assert.equal(row?.answers['cost.personnel'], 'tio tusen');
});

test('markup typed into a field is stored as text and shown inert', async () => {
  const session = await applicant();
  const id = await newDraft(session);
  const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const form = await formOf(session, `/ansokningar/${id}/insatsen`);
  await session.post(`/ansokningar/${id}/insatsen`, { _csrf: form.csrf, version: form.version, action: 'save', title: payload });
  for (const path of [`/ansokningar/${id}`, `/ansokningar/${id}/insatsen`, `/ansokningar/${id}/skicka-in`, '/mina-sidor']) {
    const html = await (await session.get(path)).response.text();
    // Inside a quoted attribute value markup is inert; everywhere else it must be escaped.
    const outsideAttributes = html.replace(/="[^"]*"/g, '=""');
    assert.ok(!outsideAttributes.includes('<script>alert(1)'), path);
    assert.ok(!outsideAttributes.includes('<img src=x'), path);
    assert.match(html, /&lt;script>alert\(1\)&lt;\/script>/, path);
  }
});

test('a field of 1 MB is refused with a Swedish message and the saved answer is kept', async () => {
  const session = await applicant();
  const id = await newDraft(session);
  const form = await formOf(session, `/ansokningar/${id}/bakgrund`);
  await session.post(`/ansokningar/${id}/bakgrund`, {
    _csrf: form.csrf,
    version: form.version,
    action: 'save',
    background: 'Sparad bakgrund',
  });
  const again = await formOf(session, `/ansokningar/${id}/bakgrund`);
  const huge = await session.request(`/ansokningar/${id}/bakgrund`, {
    form: { _csrf: again.csrf, version: again.version, action: 'save', background: 'x'.repeat(1_000_000) },
  });
  const html = await huge.text();
  assert.equal(huge.status, 400);
  assert.match(html, /Bakgrund och behov får vara högst 10\s000 tecken/);
  assert.match(html, /har inte sparats/);
  const [row] = await t.database.query<{ answers: Record<string, string> }>('SELECT answers FROM applications WHERE id = $1', [id]);
  assert.equal(row?.answers.background, 'Sparad bakgrund');
  const tooBig = await session.request(`/ansokningar/${id}/bakgrund`, {
    form: { _csrf: again.csrf, version: again.version, action: 'save', background: 'x'.repeat(3_000_000) },
  });
  assert.equal(tooBig.status, 413);
  const tooBigPage = await tooBig.text();
  assert.match(tooBigPage, /lang="sv"/);
  // Typed text, not a file: the page says so, and what was saved before is still there.
  assert.match(tooBigPage, /<h1[^>]*>Formuläret är för stort<\/h1>/);
  assert.match(tooBigPage, /större än 2,0 MB/);
  const [kept] = await t.database.query<{ answers: Record<string, string> }>('SELECT answers FROM applications WHERE id = $1', [id]);
  assert.equal(kept?.answers.background, 'Sparad bakgrund');
});

test('refuses an .exe named .pdf, a 25 MB file and a broken upload with Swedish messages', async () => {
  const session = await applicant();
  const id = await newDraft(session);
  const csrf = hiddenInput(await (await session.get(`/ansokningar/${id}/bilagor`)).response.text(), '_csrf');
  const url = `/ansokningar/${id}/bilagor`;
  const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(4096, 1)]);
  // Neither kind nor file chosen: both are named at once.
  const empty = await postMultipart(session, url, { _csrf: csrf, kind: '' });
  assert.equal(empty.status, 400);
  const emptyPage = await empty.text();
  assert.match(emptyPage, /Välj vilken sorts bilaga det är\./);
  assert.match(emptyPage, /Välj en fil att ladda upp\./);
  const refusedExe = await postMultipart(session, url, { _csrf: csrf, kind: 'other' }, { name: 'intyg.pdf', content: exe });
  assert.equal(refusedExe.status, 415);
  assert.match(await refusedExe.text(), /Filtypen går inte att ta emot/);
  const big = Buffer.concat([samplePdf(), Buffer.alloc(25 * 1024 * 1024, 32)]);
  const refusedBig = await postMultipart(session, url, { _csrf: csrf, kind: 'other' }, { name: 'stor.pdf', content: big });
  assert.equal(refusedBig.status, 413);
  assert.match(await refusedBig.text(), /större än 20 MB/);
  const cookie = [...session.cookies].map(([n, c]) => `${n}=${c.value}`).join('; ');
  const truncated = await fetch(new URL(url, t.baseUrl), {
    method: 'POST',
    headers: { cookie, 'content-type': 'multipart/form-data; boundary=XYZ' },
    body: `--XYZ\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--XYZ\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 half a fi`,
    redirect: 'manual',
  });
  assert.equal(truncated.status, 400);
  assert.match(await truncated.text(), /Uppladdningen avbröts/);
  const stored = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments WHERE application_id = $1', [id]);
  assert.equal(stored[0]?.n, 0);
});

test('two submits at once give one registry number; Mina sidor lists the submission', async () => {
  const session = await applicant();
  const id = await createCompleteDraft(session, call, year);
  const form = await submitForm(session, id);
  const [a, b] = await Promise.all([
    session.request(`/ansokningar/${id}/skicka-in`, { form }),
    session.request(`/ansokningar/${id}/skicka-in`, { form }),
  ]);
  assert.deepEqual([a.status, b.status].sort(), [303, 303]);
  const cases = await t.database.query<{ registry_number: string }>(
    'SELECT c.registry_number FROM registry_cases c JOIN applications a ON a.registry_case_id = c.id WHERE a.id = $1',
    [id],
  );
  assert.equal(cases.length, 1);
  const myPages = await (await session.get('/mina-sidor')).response.text();
  assert.ok(myPages.includes(cases[0]!.registry_number));
});

test('submissions at once, one of them twice, get consecutive numbers, each with one case, mail and audit event', async () => {
  const sessions = [await applicant(), await applicant('sokande-norrkoping')];
  const drafts: { session: HttpSession; id: string; form: Record<string, string> }[] = [];
  for (let i = 0; i < 6; i++) {
    const session = sessions[i % 2]!;
    const id = await createCompleteDraft(session, call, year);
    drafts.push({ session, id, form: await submitForm(session, id) });
  }
  const first = drafts[0]!;
  const posts = [...drafts, first].map((d) => d.session.request(`/ansokningar/${d.id}/skicka-in`, { form: d.form }));
  assert.deepEqual(
    (await Promise.all(posts)).map((r) => r.status),
    drafts.map(() => 303).concat(303),
  );
  const ids = drafts.map((d) => d.id);
  const rows = await t.database.query<{ id: string; sequence: number; cases: number; mails: number; audits: number }>(
    `SELECT a.id, c.sequence,
       (SELECT count(*)::int FROM registry_cases x JOIN registry_documents d ON d.case_id = x.id WHERE x.id = a.registry_case_id) AS cases,
       (SELECT count(*)::int FROM mail_outbox m WHERE m.dedupe_key LIKE 'application:' || a.id || ':submitted:%' AND m.text_body LIKE '%' || c.registry_number || '%') AS mails,
       (SELECT count(*)::int FROM audit_events e WHERE e.entity_id = a.id::text AND e.action = 'application.submit') AS audits
     FROM applications a JOIN registry_cases c ON c.id = a.registry_case_id WHERE a.id = ANY($1::uuid[])`,
    [ids],
  );
  assert.equal(rows.length, drafts.length);
  for (const row of rows) assert.deepEqual([row.cases, row.mails, row.audits], [1, 1, 1], row.id);
  const sequences = rows.map((r) => r.sequence).sort((a, b) => a - b);
  assert.equal(sequences.at(-1)! - sequences[0]! + 1, drafts.length, `not consecutive: ${sequences.join(', ')}`);
  const [{ highest } = { highest: 0 }] = await t.database.query<{ highest: number }>(
    'SELECT max(sequence)::int AS highest FROM registry_cases WHERE board_county_code = (SELECT board_county_code FROM registry_cases WHERE id = (SELECT registry_case_id FROM applications WHERE id = $1))',
    [first.id],
  );
  assert.equal(highest, sequences.at(-1), 'no number was taken beyond those given');
});

test('a submission that waited with others and lost its version to a save is refused alone; the rest are registered', async () => {
  const session = await applicant();
  const ids = [];
  for (let i = 0; i < 3; i++) ids.push(await createCompleteDraft(session, call, year));
  const db = t.app.database.db;
  const details = await Promise.all(ids.map((id) => findApplication(db, id)));
  // Someone saves the third draft after it was loaded for submission.
  await t.database.query('UPDATE applications SET version = version + 1 WHERE id = $1', [ids[2]]);
  const submit = (detail: (typeof details)[number]) =>
    submitApplication(db, {
      application: detail!,
      confirmations: { 'confirm.notForProfit': true, 'confirm.municipalityResponsible': true, 'confirm.municipalityParticipates': true },
      version: detail!.version,
      personId: detail!.updatedBy!,
      now: new Date(),
      caseCode: t.config.REGISTRY_CASE_CODE,
      publicUrl: t.config.publicUrl,
    });
  // The first runs alone; the other two wait for it and go to the database together.
  const [first, second, stale] = await Promise.all(details.map(submit));
  assert.ok(first?.ok && second?.ok, JSON.stringify([first, second]));
  assert.deepEqual(stale, { ok: false, reason: 'changed' });
  const sequence = (n: string) => Number(n.split('-')[1]);
  assert.equal(sequence(second.registryNumber), sequence(first.registryNumber) + 1);
  const [row] = await t.database.query<{ status: string; cases: number }>(
    'SELECT status, (SELECT count(*)::int FROM registry_cases WHERE sequence > $2) AS cases FROM applications WHERE id = $1',
    [ids[2], sequence(second.registryNumber)],
  );
  assert.deepEqual(row, { status: 'draft', cases: 0 });
});

test('an application is received after the call closed, registered and flagged late', async () => {
  const session = await applicant();
  const id = await createCompleteDraft(session, call, year);
  await t.database.query(
    `UPDATE calls SET closes_on = current_date - 2, opens_on = current_date - 30, decision_announced_on = current_date + 30 WHERE slug = $1`,
    [call],
  );
  try {
    const review = await (await session.get(`/ansokningar/${id}/skicka-in`)).response.text();
    assert.match(review, /kan komma att avvisas/);
    const submitted = await submitDraft(session, id);
    assert.match(await submitted.response.text(), /markerad som sen/);
    const [row] = await t.database.query<{ is_late: boolean }>(
      'SELECT d.is_late FROM registry_documents d JOIN applications a ON a.registry_case_id = d.case_id WHERE a.id = $1',
      [id],
    );
    assert.equal(row?.is_late, true);
  } finally {
    await t.database.query(`UPDATE calls SET closes_on = current_date + 20, opens_on = current_date - 5 WHERE slug = $1`, [call]);
  }
});

test('Mina sidor gives each draft its call’s last day, or says the call has closed', async () => {
  const session = await applicant();
  const id = await newDraft(session);
  const [row] = await t.database.query<{ closes_on: string }>('SELECT closes_on::text FROM calls WHERE slug = $1', [call]);
  const draftRow = async () => {
    const html = await (await session.get('/mina-sidor')).response.text();
    const start = html.lastIndexOf('<tr', html.indexOf(`/ansokningar/${id}"`));
    return html.slice(start, html.indexOf('</tr>', start));
  };
  assert.match(await draftRow(), new RegExp(`Sista ansökningsdag ${formatDate(row!.closes_on, 'sv')}`));
  // How far the draft has come: none of the parts is complete in a new draft, all in a complete one.
  assert.match(await draftRow(), /0 av 8 delar/);
  const complete = await createCompleteDraft(session, call, year);
  const myPages = await (await session.get('/mina-sidor')).response.text();
  const completeStart = myPages.lastIndexOf('<tr', myPages.indexOf(`/ansokningar/${complete}"`));
  assert.match(myPages.slice(completeStart, myPages.indexOf('</tr>', completeStart)), /8 av 8 delar/);
  await t.database.query('UPDATE calls SET closes_on = current_date - 1 WHERE slug = $1', [call]);
  try {
    const closed = await draftRow();
    assert.match(closed, /Utlysningen har stängt/);
    assert.doesNotMatch(closed, /Sista ansökningsdag/);
  } finally {
    await t.database.query('UPDATE calls SET closes_on = $2 WHERE slug = $1', [call, row!.closes_on]);
  }
});

test('a supplement is registered under the same registry number; the functional mailbox is told and the applicant gets a receipt', async () => {
  const session = await applicant();
  const id = await createCompleteDraft(session, call, year);
  await submitDraft(session, id);
  const page = await (await session.get(`/ansokningar/${id}`)).response.text();
  const csrf = hiddenInput(page, '_csrf');
  const response = await postMultipart(
    session,
    `/ansokningar/${id}/komplettering`,
    { _csrf: csrf, statement: 'Vi bifogar det reviderade intyget.' },
    { name: 'intyg-reviderat.pdf', content: samplePdf('reviderat'), type: 'application/pdf' },
  );
  assert.equal(response.status, 303);
  const docs = await t.database.query<{ document_number: number; kind: string }>(
    'SELECT d.document_number, d.kind FROM registry_documents d JOIN applications a ON a.registry_case_id = d.case_id WHERE a.id = $1 ORDER BY 1',
    [id],
  );
  assert.deepEqual(
    docs.map((d) => `${d.document_number}:${d.kind}`),
    ['1:application', '2:supplement'],
  );
  const mails = await t.database.query<{ subject: string; text_body: string }>(
    `SELECT subject, text_body FROM mail_outbox WHERE subject LIKE 'Komplettering inkommen%' ORDER BY id`,
  );
  assert.ok(mails.length >= 1);
  assert.match(mails.at(-1)?.subject ?? '', /^Komplettering inkommen – \d{3}-\d+-\d{4} \(Länsstyrelsen i Östergötlands län\)$/);
  // The board reads what arrived: the statement itself, and which file with its checksum.
  const [stored] = await t.database.query<{ sha256: string }>(
    `SELECT sha256 FROM attachments WHERE application_id = $1 AND filename = 'intyg-reviderat.pdf'`,
    [id],
  );
  assert.ok(stored);
  const toBoard = mails.at(-1)?.text_body ?? '';
  assert.match(toBoard, /\nYttrandet:\n\nVi bifogar det reviderade intyget\.$/);
  assert.ok(toBoard.includes(`Fil: intyg-reviderat.pdf (`) && toBoard.includes(`kontrollsumma (SHA-256) ${stored.sha256}`), toBoard);
  const [{ registry_number: number } = { registry_number: '' }] = await t.database.query<{ registry_number: string }>(
    'SELECT r.registry_number FROM registry_cases r JOIN applications a ON a.registry_case_id = r.id WHERE a.id = $1',
    [id],
  );
  const [contacts] = await t.database.query<{ answers: { contacts: { email: string }[] } }>(
    'SELECT answers FROM applications WHERE id = $1',
    [id],
  );
  const receipts = await t.database.query<{ to_address: string; subject: string; text_body: string }>(
    `SELECT to_address, subject, text_body FROM mail_outbox WHERE dedupe_key LIKE 'supplement:%:%' AND subject LIKE $1`,
    [`%${number}%`],
  );
  assert.ok(receipts.length > 0, 'no receipt mail to the applicant');
  assert.deepEqual(
    receipts.map((m) => m.to_address).sort(),
    [...new Set(contacts?.answers.contacts.map((c) => c.email.toLowerCase()))].sort(),
  );
  assert.equal(receipts[0]?.subject, `Komplettering mottagen – diarienummer ${number} (Länsstyrelsen i Östergötlands län)`);
  assert.match(
    receipts[0]?.text_body ?? '',
    new RegExp(`Diarienummer: ${number} \\(Länsstyrelsen i Östergötlands län\\), handling nummer 2`),
  );
  // The applicant's receipt names what arrived too.
  assert.match(receipts[0]?.text_body ?? '', /Skriftligt yttrande: 34 tecken\nFil: intyg-reviderat\.pdf \(/);
  assert.ok(receipts[0]?.text_body.includes(stored.sha256));
  // The page the redirect leads to says in a success banner what was registered, and so does a reload.
  assert.equal(response.headers.get('location'), `/ansokningar/${id}?komplettering=2`);
  const confirmed = await (await session.get(`/ansokningar/${id}?komplettering=2`)).response.text();
  const banner =
    /<div\s+class="govuk-notification-banner govuk-notification-banner--success"[\s\S]*?<\/div>\s*<\/div>/.exec(confirmed)?.[0] ?? '';
  assert.match(banner, /Kompletteringen är inskickad och diarieförd/);
  assert.match(banner, new RegExp(`diarieförd som handling 2 i ärende ${number}\\.`));
  // A number that is no supplement of this application shows nothing.
  assert.doesNotMatch(await (await session.get(`/ansokningar/${id}?komplettering=1`)).response.text(), /notification-banner--success/);
  // The application page lists the supplement with its statement and file.
  const shown = await (await session.get(`/ansokningar/${id}`)).response.text();
  const listed = shown.slice(shown.indexOf('Kompletteringar'));
  assert.match(listed, /Vi bifogar det reviderade intyget\./);
  assert.match(listed, /intyg-reviderat\.pdf/);
});

test('a supplement statement too long for its field comes back whole with the limit; one over 1 MB is refused as such', async () => {
  const session = await applicant();
  const id = await createCompleteDraft(session, call, year);
  await submitDraft(session, id);
  const csrf = hiddenInput(await (await session.get(`/ansokningar/${id}`)).response.text(), '_csrf');
  const url = `/ansokningar/${id}/komplettering`;
  const long = `Början ${'lång text '.repeat(20_000)}slutet`;
  const refused = await postMultipart(session, url, { _csrf: csrf, statement: long });
  assert.equal(refused.status, 400);
  const page = await refused.text();
  assert.ok(/högst 20\s000 tecken/.test(page), 'the limit is named');
  assert.ok(page.includes('lång text slutet</textarea>'), 'the whole statement is shown again');
  const tooLarge = await postMultipart(session, url, { _csrf: csrf, statement: 'x'.repeat(1024 * 1024 + 1) });
  const tooLargePage = await tooLarge.text();
  assert.equal(tooLarge.status, 413);
  assert.ok(tooLargePage.includes('Texten är för lång för att tas emot, mer än 1,0 MB'), 'the size is named');
  const supplements = await t.database.query('SELECT 1 FROM supplements WHERE application_id = $1', [id]);
  assert.equal(supplements.length, 0);
});

test('the language link on a form shown again after a post leads back to the form, without the CSRF token', async () => {
  const session = await applicant();
  const id = await createCompleteDraft(session, call, year);
  await submitDraft(session, id);
  const csrf = hiddenInput(await (await session.get(`/ansokningar/${id}`)).response.text(), '_csrf');
  const refused = await postMultipart(session, `/ansokningar/${id}/komplettering`, { _csrf: csrf, statement: '' });
  assert.equal(refused.status, 400);
  const link = /href="(\/sprak\/en\?tillbaka=[^"]+)"/.exec(await refused.text())?.[1]?.replaceAll('&amp;', '&') ?? '';
  assert.equal(decodeURIComponent(link.split('tillbaka=')[1] ?? ''), `/ansokningar/${id}/komplettering`);
  const english = await session.get(link);
  assert.equal(english.response.status, 200);
  assert.equal(new URL(english.url).pathname, `/ansokningar/${id}`);
  assert.match(await english.response.text(), /<html lang="en"/);

  const start = await (await session.get(`/ansokningar/ny?utlysning=${call}`)).response.text();
  const newRefused = await session.request(`/ansokningar?utlysning=${call}`, {
    form: { _csrf: hiddenInput(start, '_csrf'), idempotencyKey: hiddenInput(start, 'idempotencyKey') },
  });
  assert.equal(newRefused.status, 400);
  const back = await session.get(`/ansokningar?utlysning=${call}`);
  assert.equal(back.response.status, 200);
  assert.equal(`${new URL(back.url).pathname}${new URL(back.url).search}`, `/ansokningar/ny?utlysning=${call}`);
});

test('two files in one upload are refused with "one file at a time"', async () => {
  const session = await applicant();
  const id = await newDraft(session);
  const csrf = hiddenInput(await (await session.get(`/ansokningar/${id}/bilagor`)).response.text(), '_csrf');
  const form = new FormData();
  form.append('_csrf', csrf);
  form.append('kind', 'other');
  for (const name of ['a.pdf', 'b.pdf'])
    form.append('file', new Blob([new Uint8Array(samplePdf(name))], { type: 'application/pdf' }), name);
  const cookie = [...session.cookies].map(([n, c]) => `${n}=${c.value}`).join('; ');
  const response = await fetch(new URL(`/ansokningar/${id}/bilagor`, t.baseUrl), {
    method: 'POST',
    body: form,
    headers: { cookie },
    redirect: 'manual',
  });
  assert.equal(response.status, 400);
  assert.match(await response.text(), /Ladda upp en fil i taget/);
});

test('a table column says how to write its value under its label, tied to the input, and the label stays short', async () => {
  const session = await applicant();
  const id = await newDraft(session);
  const html = await (await session.get(`/ansokningar/${id}/samverkan`)).response.text();
  const input = /<input[^>]*name="partners\.0\.orgNumber"[^>]*>/.exec(html)?.[0] ?? '';
  const hintId = /aria-describedby="([^"]+)"/.exec(input)?.[1] ?? '';
  assert.match(hintId, /-hint$/);
  assert.match(html, new RegExp(`id="${hintId}" class="govuk-hint">10 siffror, NNNNNN-NNNN\\.`));
  assert.doesNotMatch(html, /om det finns/);
});

test('the attachments page lists the certificates the draft needs and whether each is there', async () => {
  const session = await applicant();
  const id = await newDraft(session);
  const needed = async () => {
    const html = await (await session.get(`/ansokningar/${id}/bilagor`)).response.text();
    const list = html.slice(html.indexOf('Intyg som behövs'), html.indexOf('</dl>', html.indexOf('Intyg som behövs')));
    return {
      html,
      rows: [...list.matchAll(/<dt[^>]*>([^<]*)<\/dt>\s*<dd[^>]*>([^<]*)<\/dd>/g)].map((m) => `${m[1]!.trim()}: ${m[2]!.trim()}`),
    };
  };
  const before = await needed();
  assert.deepEqual(before.rows, ['Intyg firmatecknare (behövs inte om en firmatecknare godkänner ansökan i e-tjänsten): Saknas']);
  const csrf = hiddenInput(before.html, '_csrf');
  const step = await (await session.get(`/ansokningar/${id}/samverkan`)).response.text();
  const saved = await session.post(`/ansokningar/${id}/samverkan`, {
    _csrf: csrf,
    version: hiddenInput(step, 'version'),
    'partners.0.organisation': 'Föreningen Mötesplats',
    'partners.0.role': 'Håller i träffarna',
    'partners.0.receivesMoney': 'yes',
    // A partner not yet named is shown by its row.
    'partners.1.organisation': '',
    'partners.1.role': 'Lånar ut lokaler',
    'partners.1.receivesMoney': 'yes',
  });
  await saved.response.arrayBuffer();
  const file = { name: 'intyg.pdf', content: samplePdf('intyg'), type: 'application/pdf' };
  const uploaded = await postMultipart(session, `/ansokningar/${id}/bilagor`, { _csrf: csrf, kind: 'signatoryCertificate' }, file);
  assert.equal(uploaded.status, 303);
  assert.deepEqual((await needed()).rows, [
    'Intyg firmatecknare (behövs inte om en firmatecknare godkänner ansökan i e-tjänsten): Bifogat',
    'Intyg från samverkanspart: Föreningen Mötesplats (tar del av medlen): Saknas',
    'Intyg från samverkanspart: Samverkanspart 2 (tar del av medlen): Saknas',
  ]);
});

test('when a partner row is removed, the certificates follow their partners: the next partner keeps its own, the removed one’s counts for nobody', async () => {
  const session = await applicant();
  const id = await newDraft(session);
  const savePartners = async (fields: Record<string, string>) => {
    const step = await (await session.get(`/ansokningar/${id}/samverkan`)).response.text();
    const saved = await session.post(`/ansokningar/${id}/samverkan`, {
      _csrf: hiddenInput(step, '_csrf'),
      version: hiddenInput(step, 'version'),
      ...fields,
    });
    await saved.response.arrayBuffer();
  };
  const partner = (i: number, organisation: string) => ({
    [`partners.${i}.organisation`]: organisation,
    [`partners.${i}.role`]: 'Håller i träffarna',
    [`partners.${i}.receivesMoney`]: 'yes',
  });
  await savePartners({ ...partner(0, 'Föreningen A'), ...partner(1, 'Föreningen B') });
  const csrf = hiddenInput(await (await session.get(`/ansokningar/${id}/bilagor`)).response.text(), '_csrf');
  for (const [index, name] of [
    ['0', 'a'],
    ['1', 'b'],
  ] as const) {
    const file = { name: `intyg-${name}.pdf`, content: samplePdf(name), type: 'application/pdf' };
    const uploaded = await postMultipart(
      session,
      `/ansokningar/${id}/bilagor`,
      { _csrf: csrf, kind: 'partnerCertificate', partnerIndex: index },
      file,
    );
    assert.equal(uploaded.status, 303);
  }
  // The applicant removes Föreningen A: B moves up to the first row.
  await savePartners({ ...partner(0, ''), 'partners.0.role': '', 'partners.0.receivesMoney': '', ...partner(1, 'Föreningen B') });
  const rows = await t.database.query<{ filename: string; partner_index: number | null }>(
    'SELECT filename, partner_index FROM attachments WHERE application_id = $1 ORDER BY filename',
    [id],
  );
  assert.deepEqual(
    rows.map((r) => `${r.filename}:${r.partner_index}`),
    ['intyg-a.pdf:null', 'intyg-b.pdf:0'],
  );
  const page = await (await session.get(`/ansokningar/${id}/bilagor`)).response.text();
  assert.match(page, /Intyg från samverkanspart: Föreningen B \(tar del av medlen\)<\/dt>\s*<dd[^>]*>Bifogat/);
});

test('the same file again as the same kind of attachment is refused by name, also when both arrive at once; as another kind it is taken', async () => {
  const session = await applicant();
  const id = await newDraft(session);
  const csrf = hiddenInput(await (await session.get(`/ansokningar/${id}/bilagor`)).response.text(), '_csrf');
  const url = `/ansokningar/${id}/bilagor`;
  const file = (name: string) => ({ name, content: samplePdf('plan'), type: 'application/pdf' });
  const both = await Promise.all(
    ['plan.pdf', 'plan.pdf'].map((name) => postMultipart(session, url, { _csrf: csrf, kind: 'projectPlan' }, file(name))),
  );
  assert.deepEqual(both.map((r) => r.status).sort(), [303, 409]);
  const again = await postMultipart(session, url, { _csrf: csrf, kind: 'projectPlan' }, file('plan-kopia.pdf'));
  assert.equal(again.status, 409);
  assert.match(await again.text(), /Filen är redan bifogad som samma typ av bilaga \(plan\.pdf\)/);
  assert.equal((await postMultipart(session, url, { _csrf: csrf, kind: 'other' }, file('plan.pdf'))).status, 303);
  const rows = await t.database.query<{ kind: string }>('SELECT kind FROM attachments WHERE application_id = $1 ORDER BY kind', [id]);
  assert.deepEqual(
    rows.map((r) => r.kind),
    ['other', 'projectPlan'],
  );
});

test('an upload or supplement is taken only with the CSRF token as its first field', async () => {
  const session = await applicant();
  const id = await newDraft(session);
  const csrf = hiddenInput(await (await session.get(`/ansokningar/${id}/bilagor`)).response.text(), '_csrf');
  const url = `/ansokningar/${id}/bilagor`;
  const file = { name: 'plan.pdf', content: samplePdf('plan'), type: 'application/pdf' };
  const cookie = [...session.cookies].map(([n, c]) => `${n}=${c.value}`).join('; ');
  const raw = (body: string, boundary = 'XYZ') =>
    fetch(new URL(url, t.baseUrl), {
      method: 'POST',
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      redirect: 'manual',
    });
  const part = (name: string, value: string, filename?: string) =>
    `--XYZ\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"\r\nContent-Type: application/pdf` : ''}\r\n\r\n${value}\r\n`;
  const refusals = {
    'in the address': postMultipart(session, `${url}?_csrf=${encodeURIComponent(csrf)}`, { kind: 'projectPlan' }, file),
    'after another field': postMultipart(session, url, { kind: 'projectPlan', _csrf: csrf }, file),
    'after the file': raw(`${part('file', '%PDF-1.4 plan', 'plan.pdf')}${part('_csrf', csrf)}--XYZ--\r\n`),
    wrong: postMultipart(session, url, { _csrf: `${csrf.slice(0, -2)}xx`, kind: 'projectPlan' }, file),
    'an empty form': postMultipart(session, url, {}),
    'a body that breaks before it': raw(`${part('_csrf', csrf)}--XYZ--\r\n`, 'OTHER'),
  };
  for (const [name, refused] of Object.entries(refusals)) {
    const response = await refused;
    assert.equal(response.status, 403, name);
    assert.match(await response.text(), /Formuläret har gått ut/, name);
  }
  const [stored] = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments WHERE application_id = $1', [id]);
  assert.equal(stored?.n, 0);
  const taken = await postMultipart(session, url, { _csrf: csrf, kind: 'projectPlan' }, file);
  assert.equal(taken.status, 303);

  const submittedId = await createCompleteDraft(session, call, year);
  await submitDraft(session, submittedId);
  const supplement = await postMultipart(session, `/ansokningar/${submittedId}/komplettering`, { statement: 'Utan token' }, file);
  assert.equal(supplement.status, 403);
  const supplements = await t.database.query('SELECT 1 FROM supplements WHERE application_id = $1', [submittedId]);
  assert.equal(supplements.length, 0);
});

test('a submission is counted in the public statistics once the cached page reaches its maximum age; other pages stay cached', async () => {
  const statistics = async () => {
    const response = await fetch(new URL('/statistik?lan=05', t.baseUrl));
    return { cache: response.headers.get('x-page-cache'), html: await response.text() };
  };
  const home = async () => (await fetch(new URL('/', t.baseUrl))).headers.get('x-page-cache');
  await statistics();
  await home();
  const cached = await statistics();
  assert.equal(cached.cache, 'hit');
  const session = await applicant();
  await submitDraft(session, await createCompleteDraft(session, call, year));
  // No notice: the stored page is served until its maximum age, however many submissions come.
  assert.equal((await statistics()).html, cached.html);
  const key = anonymousPageKey('/statistik?lan=05');
  const stored = t.app.pageCache?.get(key);
  assert.ok(stored && stored.expiresAt <= Date.now() + STATISTICS_MAX_AGE_SECONDS * 1000);
  // Asked at that time, the cache drops it, and the next visitor gets the page made again.
  assert.equal(t.app.pageCache?.get(key, stored.expiresAt), undefined);
  const fresh = await statistics();
  assert.equal(fresh.cache, 'miss');
  assert.notEqual(fresh.html, cached.html);
  assert.equal(await home(), 'hit');
});

test('autosave answers with the answers it did not store, so the page does not say "saved" for them', async () => {
  const session = await applicant();
  const id = await newDraft(session);
  const form = await formOf(session, `/ansokningar/${id}/bakgrund`);
  const autosave = async (version: string, background: string) => {
    const response = await session.request(`/ansokningar/${id}/autospara/bakgrund`, { form: { _csrf: form.csrf, version, background } });
    assert.equal(response.status, 200);
    return (await response.json()) as { version: number; refused: string[] };
  };
  const fine = await autosave(form.version, 'Kort bakgrund');
  assert.deepEqual(fine.refused, []);
  const tooLong = await autosave(String(fine.version), 'x'.repeat(10_001));
  assert.deepEqual(tooLong.refused, ['background']);
  const [row] = await t.database.query<{ answers: Record<string, string> }>('SELECT answers FROM applications WHERE id = $1', [id]);
  assert.equal(row?.answers.background, 'Kort bakgrund');
});

test('the review page lists the files that go with the application', async () => {
  const session = await applicant();
  const id = await createCompleteDraft(session, call, year);
  const review = await session.get(`/ansokningar/${id}/skicka-in`);
  const html = await review.response.text();
  const section = html.slice(html.indexOf('<h2 class="govuk-heading-m">Bilagor</h2>'));
  assert.match(section, /signatoryCertificate\.pdf/);
  assert.match(section, /partnerCertificate\.pdf/);
});

test('tells a municipal federation why it cannot apply for § 37 a, and a municipality why not in another county', async () => {
  const federation = await applicant('representant-forbund');
  const refused = await federation.get(`/ansokningar/ny?utlysning=${call}`);
  assert.equal(refused.response.status, 403);
  const html = await refused.response.text();
  assert.match(html, /Ett kommunalförbund kan inte söka § 37 a-medel\. Endast kommuner får söka\./);
  // Asking for permission would not change the rule.
  assert.doesNotMatch(html, /href="\/mina-sidor\/behorighet"[^>]*>\s*Begär behörighet/);
  const allowed = await federation.get('/ansokningar/ny?utlysning=demo-ostergotland-s37');
  assert.equal(allowed.response.status, 200);

  const otherCounty = await (await applicant()).get('/ansokningar/ny?utlysning=demo-vastra-gotaland-s37a');
  assert.equal(otherCounty.response.status, 403);
  const otherCountyHtml = await otherCounty.response.text();
  assert.match(otherCountyHtml, /Linköping ligger inte i det län som utlysningen gäller/);
  // Not a dead end: the way on to the calls and to Mina sidor.
  assert.match(otherCountyHtml, /<a class="govuk-link" href="\/utlysningar">Se alla utlysningar<\/a>/);
  assert.match(otherCountyHtml, /<a class="govuk-link" href="\/mina-sidor">Till Mina sidor<\/a>/);
});

test('the draft’s pages lead to the submitted application, not to a refusal, once it is submitted', async () => {
  const session = await applicant();
  const id = await createCompleteDraft(session, call, year);
  const csrf = hiddenInput(await (await session.get(`/ansokningar/${id}/bilagor`)).response.text(), '_csrf');
  await submitDraft(session, id);
  const signatory = await applicant('firmatecknare-linkoping');
  for (const [who, path] of [
    [session, 'bilagor'],
    [session, 'radera'],
    [session, 'insatsen'],
    [signatory, 'godkann'],
  ] as const) {
    const response = await who.request(`/ansokningar/${id}/${path}`);
    assert.equal(response.status, 303, `GET ${path}`);
    assert.equal(response.headers.get('location'), `/ansokningar/${id}`, `GET ${path}`);
  }
  // A delete sent from a page left open before the submission changes nothing either.
  const deleted = await session.request(`/ansokningar/${id}/radera`, { form: { _csrf: csrf } });
  assert.equal(deleted.headers.get('location'), `/ansokningar/${id}`);
  const page = await session.get(`/ansokningar/${id}`);
  assert.equal(page.response.status, 200);
});

test('the pages to delete and to approve a draft name it in their title and above their heading', async () => {
  const session = await applicant();
  const id = await createCompleteDraft(session, call, year);
  const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  const name = titleOf(await (await session.get(`/ansokningar/${id}`)).response.text()).replace(/ – Bidragsportalen$/, '');
  assert.ok(name.length > 0);
  const signatory = await applicant('firmatecknare-linkoping');
  for (const [who, path, page] of [
    [session, 'radera', 'Radera utkastet'],
    [signatory, 'godkann', 'Godkänn ansökan som firmatecknare'],
  ] as const) {
    const html = await (await who.get(`/ansokningar/${id}/${path}`)).response.text();
    assert.equal(titleOf(html), `${page} – ${name} – Bidragsportalen`, path);
    assert.ok(html.includes(`<span class="govuk-caption-l">${name}</span>`), `${path}: no caption naming the draft`);
  }
});

test('an attached file opens from the attachments page for the organisation, and for no one else while it is a draft', async () => {
  const session = await applicant();
  const id = await createCompleteDraft(session, call, year);
  const page = await (await session.get(`/ansokningar/${id}/bilagor`)).response.text();
  const links = [...page.matchAll(/<a class="govuk-link" href="(\/ansokningar\/[^"]+\/bilagor\/[^"]+\/fil)">([^<]+)<\/a>/g)];
  assert.equal(links.length, 2, 'both certificates are linked');
  const [, href = '', name = ''] = links[0] ?? [];
  const [stored] = await t.database.query<{ sha256: string; size_bytes: string }>(
    'SELECT sha256, size_bytes FROM attachments WHERE application_id = $1 AND filename = $2',
    [id, name],
  );
  const file = await session.request(href);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('cache-control'), 'private, no-store');
  const bytes = Buffer.from(await file.arrayBuffer());
  assert.equal(bytes.length, Number(stored?.size_bytes));
  assert.equal(createHash('sha256').update(bytes).digest('hex'), stored?.sha256);
  // Another municipality's applicant, and staff (a draft is the organisation's own), get the 404 page.
  assert.equal((await (await applicant('sokande-norrkoping')).request(href)).status, 404);
  const officer = new HttpSession(t.baseUrl);
  await logInAs(officer, 'administrator', { staff: true, returnTo: '/handlaggning' });
  assert.equal((await officer.request(href)).status, 404);
  assert.equal((await session.request(href.replace(/[0-9a-f-]{36}\/fil$/, `${randomUUID()}/fil`))).status, 404);
});

test('on an English page the message beside a field is announced as "Error:", not "Fel:"', async () => {
  const session = await applicant();
  session.cookies.set('lang', { value: 'en', path: '/' });
  const id = await newDraft(session);
  const form = await formOf(session, `/ansokningar/${id}/insatsen`);
  const sent = await session.post(`/ansokningar/${id}/insatsen`, { _csrf: form.csrf, version: form.version, action: 'next' });
  const html = await sent.response.text();
  const prefixes = [...html.matchAll(/class="govuk-error-message"[^>]*>\s*<span class="govuk-visually-hidden">([^<]*)<\/span>/g)].map(
    (m) => m[1],
  );
  assert.ok(prefixes.length > 0, 'no message beside a field');
  assert.deepEqual(new Set(prefixes), new Set(['Error:']));
});

test('on an English page the Swedish source of a guidance text is marked as Swedish', async () => {
  const session = await applicant();
  session.cookies.set('lang', { value: 'en', path: '/' });
  const id = await newDraft(session);
  const html = await (await session.get(`/ansokningar/${id}/bakgrund`)).response.text();
  const sources = [...html.matchAll(/<p class="bp-source">([\s\S]*?)<\/p>/g)].map((m) => m[1] ?? '');
  assert.ok(sources.length > 1, 'the step shows no sources');
  for (const source of sources) assert.match(source, /^Source: <span lang="sv">Länsstyrelsen[^<]*<\/span>$/);
});

test('autosave on the budget step answers with the total of the costs typed, for the page to show', async () => {
  const session = await applicant();
  const id = await newDraft(session);
  const form = await formOf(session, `/ansokningar/${id}/budget`);
  const response = await session.request(`/ansokningar/${id}/autospara/budget`, {
    form: { _csrf: form.csrf, version: form.version, 'cost.personnel': '12 500,50 kr', 'cost.premises': '1 000' },
  });
  assert.equal(response.status, 200);
  assert.equal(((await response.json()) as { budgetTotal?: string }).budgetTotal, '13\u00a0500,50 kr');
});

test('a form shown again with its errors says so first in its title, in the page language', async () => {
  const session = await applicant();
  const id = await newDraft(session);
  const titleOf = async () => {
    const form = await formOf(session, `/ansokningar/${id}/insatsen`);
    assert.doesNotMatch(/<title>([^<]*)<\/title>/.exec(form.html)?.[1] ?? '', /^(Fel|Error):/);
    const sent = await session.post(`/ansokningar/${id}/insatsen`, { _csrf: form.csrf, version: form.version, action: 'next' });
    return /<title>([^<]*)<\/title>/.exec(await sent.response.text())?.[1];
  };
  assert.equal(await titleOf(), 'Fel: Insatsen – Ansökan utan namn – Bidragsportalen');
  session.cookies.set('lang', { value: 'en', path: '/' });
  assert.equal(await titleOf(), 'Error: The project – Untitled application – Bidragsportalen');
});

test('removing or using a kept version says what happened to it, and a draft saved meanwhile is not overwritten', async () => {
  const first = await applicant();
  const id = await newDraft(first);
  const second = await applicant();
  // Two conflicting saves from the second person: two kept versions.
  for (const title of ['Version B1', 'Version B2']) {
    const a = await formOf(first, `/ansokningar/${id}/insatsen`);
    const b = await formOf(second, `/ansokningar/${id}/insatsen`);
    await first.post(`/ansokningar/${id}/insatsen`, { _csrf: a.csrf, version: a.version, action: 'save', title: `A före ${title}` });
    await second.request(`/ansokningar/${id}/insatsen`, { form: { _csrf: b.csrf, version: b.version, action: 'save', title } });
  }
  const overview = await (await first.get(`/ansokningar/${id}`)).response.text();
  const kept = [...overview.matchAll(/action="(\/ansokningar\/[0-9a-f-]{36}\/versioner\/\d+)"/g)].map((m) => m[1] ?? '');
  assert.equal(kept.length, 2);
  const noticeOf = (html: string) => /<div class="govuk-inset-text"[^>]*><span>([^<]*)<\/span>/.exec(html)?.[1];

  const removed = await first.post(kept[0]!, {
    _csrf: hiddenInput(overview, '_csrf'),
    version: hiddenInput(overview, 'version'),
    action: 'discard',
  });
  assert.equal(noticeOf(await removed.response.text()), 'Den sparade versionen är borttagen. Utkastet är oförändrat.');

  // The overview was opened before someone saved: using the version must not overwrite that save.
  const a = await formOf(first, `/ansokningar/${id}/insatsen`);
  await first.post(`/ansokningar/${id}/insatsen`, { _csrf: a.csrf, version: a.version, action: 'save', title: 'Senaste' });
  const stale = await first.post(kept[1]!, {
    _csrf: hiddenInput(overview, '_csrf'),
    version: hiddenInput(overview, 'version'),
    action: 'use',
  });
  assert.equal(
    noticeOf(await stale.response.text()),
    'Någon sparade utkastet nyss, så versionen användes inte. Titta på utkastet och försök igen.',
  );
  const [row] = await t.database.query<{ title: string }>('SELECT title FROM applications WHERE id = $1', [id]);
  assert.equal(row?.title, 'Senaste');

  const [remaining] = await t.database.query<{ title: string }>(
    `SELECT answers->>'title' AS title FROM draft_conflicts WHERE application_id = $1`,
    [id],
  );
  const fresh = await (await first.get(`/ansokningar/${id}`)).response.text();
  const used = await first.post(kept[1]!, { _csrf: hiddenInput(fresh, '_csrf'), version: hiddenInput(fresh, 'version'), action: 'use' });
  assert.equal(noticeOf(await used.response.text()), 'Den sparade versionen används nu i utkastet.');
  const [after] = await t.database.query<{ title: string }>('SELECT title FROM applications WHERE id = $1', [id]);
  assert.equal(after?.title, remaining?.title);
  assert.match(after?.title ?? '', /^Version B/);
});

test('on an English page the amount fields and the budget total are in SEK, as every amount in English is, never kr', async () => {
  const session = await applicant();
  session.cookies.set('lang', { value: 'en', path: '/' });
  const id = await newDraft(session);
  const form = await formOf(session, `/ansokningar/${id}/budget`);
  const saved = await session.post(`/ansokningar/${id}/budget`, {
    _csrf: form.csrf,
    version: form.version,
    action: 'save',
    'cost.personnel': '12 500',
  });
  const html = await saved.response.text();
  const units = [...html.matchAll(/class="govuk-input__suffix"[^>]*>\s*([^<]*?)\s*</g)].map((m) => m[1]);
  assert.ok(units.length > 0, 'the budget step shows no amount field');
  assert.deepEqual(new Set(units), new Set(['SEK']));
  assert.match(html, /data-budget-total>12,500 SEK</);
  assert.doesNotMatch(html, /\bkr\b/);
});

test('on an English page the Swedish call and application titles are marked as Swedish, and the page’s own texts are not', async () => {
  const [row] = await t.database.query<{ title: string }>('SELECT title FROM calls WHERE slug = $1', [call]);
  const callTitle = row?.title ?? '';
  const title = 'Språkcafé för nyanlända föräldrar';
  const session = await applicant();
  const id = await newDraft(session);
  const form = await formOf(session, `/ansokningar/${id}/insatsen`);
  await session.post(`/ansokningar/${id}/insatsen`, { _csrf: form.csrf, version: form.version, action: 'save', title });
  for (const path of [`/ansokningar/${id}`, `/ansokningar/${id}/insatsen`, '/mina-sidor']) {
    const html = await (await session.get(path)).response.text();
    assert.doesNotMatch(pageBody(html), /lang="sv"/, `a Swedish page marks nothing: ${path}`);
  }

  session.cookies.set('lang', { value: 'en', path: '/' });
  const overview = await (await session.get(`/ansokningar/${id}`)).response.text();
  assert.ok(overview.includes(`<span class="govuk-caption-l" lang="sv">${callTitle} · `), 'the call title above the heading');
  assert.ok(overview.includes(`<h1 class="govuk-heading-l" lang="sv">${title}</h1>`), 'the heading');
  assert.ok(overview.includes(`<li class="govuk-breadcrumbs__list-item"><span lang="sv">${title}</span></li>`), 'the breadcrumb');
  const step = await (await session.get(`/ansokningar/${id}/insatsen`)).response.text();
  assert.ok(step.includes(`href="/ansokningar/${id}"><span lang="sv">${title}</span></a>`), 'the breadcrumb back to the application');
  assert.ok(step.includes('<li class="govuk-breadcrumbs__list-item"><span>The project</span></li>'), 'the step’s own name is not marked');
  const myPages = await (await session.get('/mina-sidor')).response.text();
  assert.ok(myPages.includes(`<a class="govuk-link" href="/ansokningar/${id}" lang="sv">${title}</a>`), 'the title on Mina sidor');
  assert.ok(myPages.includes(`<span lang="sv">${callTitle}</span>`), 'the call on Mina sidor');
  const untitled = await (await session.get(`/ansokningar/${await newDraft(session)}`)).response.text();
  assert.ok(untitled.includes('<h1 class="govuk-heading-l">Untitled application</h1>'), 'our own fallback title is not marked');
});
