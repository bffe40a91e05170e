import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { HttpSession, hiddenInput, pageBody } from '../../../test/http-session.ts';
import { addDays, stockholmDateOf } from '../../platform/format.ts';
import { pdfPages } from '../../platform/pdf/poppler.ts';
import { createCompleteDraft, postMultipart, samplePdf, submitDraft } from '../applications/testing.ts';
import { logInAs, startIdentityApp } from '../identity/testing.ts';
import { stockholmInstant } from './rules.ts';

let t: Awaited<ReturnType<typeof startIdentityApp>>;
before(async () => {
  t = await startIdentityApp();
});
after(() => t.close());

const today = stockholmDateOf(new Date());
const year = Number(today.slice(0, 4));
const VG_CALL = 'demo-vastra-gotaland-s37a';

async function staffSession(persona = 'handlaggare-vastra-gotaland'): Promise<HttpSession> {
  const session = new HttpSession(t.baseUrl);
  await logInAs(session, persona, { staff: true, returnTo: '/handlaggning' });
  return session;
}

async function organisationId(name: string): Promise<string> {
  const [row] = await t.database.query<{ id: number }>('SELECT id FROM organisations WHERE name = $1', [name]);
  assert.ok(row, name);
  return String(row.id);
}

async function caseCount(): Promise<number> {
  const [row] = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM registry_cases');
  return row?.n ?? 0;
}

/** Opens the registration form and posts it as a browser does, with the form's own CSRF token and one-time key. */
async function register(
  session: HttpSession,
  fields: Record<string, string>,
  file: { name: string; content: Buffer } | null = { name: 'ansokan.pdf', content: samplePdf('Inskannad ansökan') },
  key?: string,
): Promise<{ response: Response; key: string }> {
  const form = await session.get('/handlaggning/registrera');
  const html = await form.response.text();
  assert.equal(form.response.status, 200, html);
  const idempotencyKey = key ?? hiddenInput(html, 'idempotencyKey');
  const response = await postMultipart(
    session,
    `/handlaggning/registrera`,
    { _csrf: hiddenInput(html, '_csrf'), idempotencyKey, ...fields },
    file ? { ...file, type: 'application/pdf' } : undefined,
  );
  return { response, key: idempotencyKey };
}

// Not inside a token: a random CSRF or idempotency key may hold digits and dashes in that shape.
function registryNumberIn(html: string): { code: string; sequence: number; year: number; text: string } {
  const match = /(?<![\w-])(\d{3})-(\d+)-(\d{4})(?![\w-])/.exec(html);
  assert.ok(match, 'a registry number is shown');
  return { code: match[1]!, sequence: Number(match[2]), year: Number(match[3]), text: match[0] };
}

const postFields = async () => ({
  callSlug: VG_CALL,
  organisationId: await organisationId('Borås'),
  channel: 'post',
  receivedDate: today,
  receivedTime: '00:01',
  title: 'Språkvänner i Borås',
  amountApplied: '150 000',
  note: 'Kom i ett kuvert med två bilagor.',
});

const shared: { eServiceId?: string; eServiceNumber?: string; postId?: string; postNumber?: string } = {};

test('an application received by post gets the next number in the same sequence as the e-service, and the same receipt', async () => {
  const applicant = new HttpSession(t.baseUrl);
  await logInAs(applicant, 'sokande-goteborg', { returnTo: '/mina-sidor' });
  const draftId = await createCompleteDraft(applicant, VG_CALL, year);
  const submitted = await submitDraft(applicant, draftId);
  const eService = registryNumberIn(await submitted.response.text());

  const officer = await staffSession();
  const pdf = samplePdf('Inskannad ansökan från Borås');
  const { response, key } = await register(officer, await postFields(), { name: 'ansokan-boras.pdf', content: pdf });
  assert.equal(response.status, 303, await response.clone().text());
  const location = response.headers.get('location') ?? '';
  const id = /^\/handlaggning\/ansokningar\/([0-9a-f-]{36})\/kvitto\?registrerad=1$/.exec(location)?.[1];
  assert.ok(id, location);
  const page = await officer.follow(response, '/handlaggning/registrera');
  const html = await page.response.text();
  assert.equal(page.response.status, 200, html);
  const manual = registryNumberIn(html);
  assert.match(html, /Ansökan är registrerad/);
  assert.match(html, /Länsstyrelsen/);
  assert.ok(html.includes(`/handlaggning/ansokningar/${id}/kvitto.pdf`));
  // The officer can open the scanned letter just registered, byte for byte, saved under its name.
  const [, fileHref] = /<a class="govuk-link" href="(\/ansokningar\/[^"]+\/fil)">ansokan-boras\.pdf<\/a>/.exec(html) ?? [];
  assert.ok(fileHref, 'the registered file is listed with a link');
  const opened = await officer.request(fileHref);
  assert.equal(opened.status, 200);
  assert.equal(opened.headers.get('content-type'), 'application/pdf');
  assert.match(
    opened.headers.get('content-disposition') ?? '',
    /^attachment; filename="ansokan-boras\.pdf"; filename\*=UTF-8''ansokan-boras\.pdf$/,
  );
  assert.ok(Buffer.from(await opened.arrayBuffer()).equals(pdf));
  // The applicant's confirmation page of a letter claims no confirmation mail: none was sent.
  const confirmation = await officer.request(`/ansokningar/${id}/kvitto`);
  const confirmationHtml = await confirmation.text();
  assert.equal(confirmation.status, 200, confirmationHtml);
  assert.doesNotMatch(confirmationHtml, /En bekräftelse har skickats/);

  assert.equal(manual.code, eService.code);
  assert.equal(manual.year, eService.year);
  assert.equal(manual.sequence, eService.sequence + 1);
  const cases = await t.database.query<{ registry_number: string; board_county_code: string; year: number }>(
    'SELECT registry_number, board_county_code, year FROM registry_cases WHERE registry_number IN ($1, $2) ORDER BY sequence',
    [eService.text, manual.text],
  );
  assert.deepEqual(
    cases.map((c) => [c.registry_number, c.board_county_code, c.year]),
    [
      [eService.text, '14', year],
      [manual.text, '14', year],
    ],
  );

  const [row] = await t.database.query<{
    status: string;
    channel: string;
    submitted_at: Date;
    is_late: boolean;
    amount_applied_ore: number;
    title: string;
    created_by: string;
  }>('SELECT status, channel, submitted_at, is_late, amount_applied_ore::int, title, created_by FROM applications WHERE id = $1', [id]);
  assert.equal(row?.status, 'submitted');
  assert.equal(row?.channel, 'post');
  assert.equal(row?.submitted_at.toISOString(), stockholmInstant(today, '00:01')?.toISOString());
  assert.equal(row?.is_late, false);
  assert.equal(row?.amount_applied_ore, 15_000_000);
  assert.equal(row?.title, 'Språkvänner i Borås');

  const sha = createHash('sha256').update(pdf).digest('hex');
  const [snapshot] = await t.database.query<{ content: string; sha256: string }>(
    'SELECT content, sha256 FROM application_snapshots WHERE application_id = $1',
    [id],
  );
  assert.ok(snapshot);
  assert.equal(createHash('sha256').update(snapshot.content).digest('hex'), snapshot.sha256);
  const frozen = JSON.parse(snapshot.content) as { attachments: { filename: string; sha256: string }[]; amounts: { appliedOre: number } };
  assert.deepEqual(
    frozen.attachments.map((a) => [a.filename, a.sha256]),
    [['ansokan-boras.pdf', sha]],
  );
  assert.equal(frozen.amounts.appliedOre, 15_000_000);
  const attachments = await t.database.query<{ sha256: string }>('SELECT sha256 FROM attachments WHERE application_id = $1', [id]);
  assert.deepEqual(
    attachments.map((a) => a.sha256),
    [sha],
  );

  const [document] = await t.database.query<{ kind: string; sender: string; description: string; received_at: Date }>(
    `SELECT d.kind, d.sender, d.description, d.received_at FROM registry_documents d
       JOIN registry_cases c ON c.id = d.case_id WHERE c.registry_number = $1`,
    [manual.text],
  );
  assert.equal(document?.kind, 'application');
  assert.equal(document?.sender, 'Borås');
  assert.match(document?.description ?? '', /, inkommen med post$/);
  assert.equal(document?.received_at.toISOString(), row?.submitted_at.toISOString());
  const audit = await t.database.query<{ actor_role: string; actor_person_id: string }>(
    "SELECT actor_role, actor_person_id FROM audit_events WHERE action = 'application.registerReceived' AND entity_id = $1",
    [id],
  );
  assert.deepEqual(
    audit.map((a) => [a.actor_role, a.actor_person_id]),
    [['caseOfficer', row?.created_by]],
  );

  // A double click, or a retry after a timeout, posts the same one-time key: one registration.
  const before = await caseCount();
  const again = await register(officer, await postFields(), { name: 'ansokan-boras.pdf', content: pdf }, key);
  assert.equal(again.response.status, 303);
  assert.equal(again.response.headers.get('location'), location);
  assert.equal(await caseCount(), before);

  // The receipt: the same bytes every time, and for the e-service application the applicant's own bytes.
  const first = await officer.request(`/handlaggning/ansokningar/${id}/kvitto.pdf`);
  const second = await officer.request(`/handlaggning/ansokningar/${id}/kvitto.pdf`);
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('content-type'), 'application/pdf');
  const a = Buffer.from(await first.arrayBuffer());
  const b = Buffer.from(await second.arrayBuffer());
  assert.ok(a.subarray(0, 5).equals(Buffer.from('%PDF-')));
  assert.ok(a.equals(b), 'the receipt is byte-identical on two requests');
  // A letter gave no confirmations in the e-service: its receipt claims none, neither yes nor no.
  const letter = pdfPages(a).join('\n');
  assert.doesNotMatch(letter, /Bekräftelser|vinstsyfte/);
  // Nor does it list the form's questions as unanswered: it gives what the officer stated.
  assert.doesNotMatch(letter, /Inte besvarat/);
  const flat = letter.replace(/\s+/g, ' ');
  assert.match(flat, /Insatsens namn Språkvänner i Borås/);
  assert.match(flat, /Inkom med post/);
  assert.match(flat, /Anteckning vid registreringen Kom i ett kuvert med två bilagor\./);
  assert.match(flat, /Ansökan kom in med post och registrerades av länsstyrelsen\./);
  const staffCopy = Buffer.from(await (await officer.request(`/handlaggning/ansokningar/${draftId}/kvitto.pdf`)).arrayBuffer());
  const applicantCopy = Buffer.from(await (await applicant.request(`/ansokningar/${draftId}/kvitto.pdf`)).arrayBuffer());
  assert.ok(staffCopy.subarray(0, 5).equals(Buffer.from('%PDF-')));
  assert.ok(staffCopy.equals(applicantCopy), "staff get the applicant's receipt byte for byte");
  assert.match(pdfPages(staffCopy).join('\n'), /Bekräftelser/);

  Object.assign(shared, { eServiceId: draftId, eServiceNumber: eService.text, postId: id, postNumber: manual.text });
});

test('an application received after the call closed is registered and flagged late', async () => {
  const officer = await staffSession();
  const { response } = await register(officer, {
    ...(await postFields()),
    callSlug: 'vastra-gotaland-s37a-2022-hosten',
    channel: 'email',
    title: 'Sen ansökan om familjekontakter',
  });
  assert.equal(response.status, 303, await response.clone().text());
  const page = await officer.follow(response, '/handlaggning/registrera');
  const html = await page.response.text();
  assert.match(html, /efter sista ansökningsdag och är markerad som sen/);
  const number = registryNumberIn(html).text;
  const [row] = await t.database.query<{ is_late: boolean; description: string }>(
    `SELECT d.is_late, d.description FROM registry_documents d JOIN registry_cases c ON c.id = d.case_id WHERE c.registry_number = $1`,
    [number],
  );
  assert.equal(row?.is_late, true);
  assert.match(row?.description ?? '', /, inkommen med e-post$/);
  const registry = await (await officer.get('/handlaggning/diarium')).response.text();
  assert.ok(registry.includes(number));
  assert.match(registry, /Ja, efter sista ansökningsdag/);
});

test('a letter registered today that came last year gets a number in this year’s series, opened today', async () => {
  const officer = await staffSession();
  const thisYear = Number(today.slice(0, 4));
  const { response } = await register(officer, {
    ...(await postFields()),
    receivedDate: `${thisYear - 1}-12-30`,
    receivedTime: '15:00',
    title: 'Ansökan som låg kvar i postrummet',
  });
  assert.equal(response.status, 303, await response.clone().text());
  const number = registryNumberIn(await (await officer.follow(response, '/handlaggning/registrera')).response.text());
  assert.equal(number.year, thisYear);
  const [row] = await t.database.query<{ opened_on: string; received_on: string }>(
    `SELECT to_char(c.opened_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS opened_on,
       to_char(d.received_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS received_on
     FROM registry_cases c JOIN registry_documents d ON d.case_id = c.id WHERE c.registry_number = $1`,
    [number.text],
  );
  assert.deepEqual({ ...row }, { opened_on: today, received_on: `${thisYear - 1}-12-30` });
});

test('the registry lists the entries, newest first, and never what the applications say', async () => {
  assert.ok(shared.eServiceNumber && shared.postNumber, 'runs after the registration test');
  const officer = await staffSession();
  const page = await officer.get('/handlaggning/diarium');
  const html = await page.response.text();
  assert.equal(page.response.status, 200, html);
  assert.match(html, /Diarium – Länsstyrelsen/);
  const eServiceAt = html.indexOf(shared.eServiceNumber);
  const postAt = html.indexOf(shared.postNumber);
  assert.ok(eServiceAt > 0 && postAt > 0);
  assert.ok(postAt < eServiceAt, 'the later registration comes first');
  for (const shown of ['Göteborg', 'Borås', 'Ansökan om bidrag enligt förordning (2010:1122)', 'inkommen med post']) {
    assert.ok(html.includes(shown), shown);
  }
  for (const answer of [
    'Språkcafé för nyanlända föräldrar',
    'Många nyanlända föräldrar saknar mötesplatser',
    'Tolvan Tolvansson',
    'Språkvänner i Borås',
    'Kom i ett kuvert',
    '150 000',
  ]) {
    assert.ok(!html.includes(answer), `the registry does not show "${answer}"`);
  }
  assert.ok(html.includes(`/handlaggning/ansokningar/${shared.postId}/kvitto.pdf`));

  const thisYear = await (await officer.get(`/handlaggning/diarium?ar=${year}`)).response.text();
  assert.ok(thisYear.includes(shared.postNumber));
  const otherYear = await (await officer.get('/handlaggning/diarium?ar=2019')).response.text();
  assert.ok(!otherYear.includes(shared.postNumber));
  assert.match(otherYear, /Det finns inga registrerade ärenden att visa/);
});

test('bad input is shown again with Swedish messages beside the fields, and nothing is registered', async () => {
  const officer = await staffSession();
  const before = await caseCount();
  const script = '<script>alert("x")</script>';
  const { response } = await register(officer, {
    ...(await postFields()),
    channel: '',
    receivedDate: addDays(today, 1),
    receivedTime: '10:00',
    title: '',
    amountApplied: '12 abc',
    note: script,
  });
  const html = await response.text();
  assert.equal(response.status, 400);
  for (const message of [
    'Välj om ansökan kom in med e-post eller med post.',
    'Tiden då ansökan kom in kan inte ligga i framtiden. Kontrollera datum och klockslag.',
    'Ange insatsens namn som det står i ansökan.',
    'Skriv beloppet i kronor med siffror, till exempel 250 000 eller 250 000,50.',
    'Filen behöver väljas igen',
  ]) {
    assert.ok(html.includes(message), message);
  }
  assert.match(html, /govuk-error-summary/);
  assert.match(html, /href="#amountApplied"/);
  assert.match(html, /id="amountApplied-error"[\s\S]*?Skriv beloppet/);
  assert.match(html, /name="amountApplied"[^>]*value="12 abc"/);
  assert.ok(html.includes(`value="${addDays(today, 1)}"`));
  assert.ok(html.includes('&lt;script>alert(&#34;x&#34;)&lt;/script>'), 'the note is kept, escaped');
  assert.ok(!html.includes(script));

  const federation = await register(officer, {
    ...(await postFields()),
    organisationId: await organisationId('Demoförbundet Östgöta integration (demo)'),
  });
  const federationHtml = await federation.response.text();
  assert.equal(federation.response.status, 400);
  assert.match(federationHtml, /Ett kommunalförbund kan inte söka § 37 a-medel\. Endast kommuner får söka\./);
  assert.match(federationHtml, /Språkvänner i Borås/, 'the typed values are kept');

  const renamed = await register(officer, await postFields(), {
    name: 'ansokan.pdf',
    content: Buffer.from('MZ\x90\x00 this is a program'),
  });
  assert.equal(renamed.response.status, 415);
  assert.match(await renamed.response.text(), /ansokan\.pdf: Filtypen går inte att ta emot/);

  const missing = await register(officer, await postFields(), null);
  assert.equal(missing.response.status, 400);
  assert.match(await missing.response.text(), /Välj filen med den inkomna ansökan\./);

  assert.equal(await caseCount(), before);
});

test('a registration without the CSRF token as the first field is refused, and nothing is registered', async () => {
  const officer = await staffSession();
  const before = await caseCount();
  const html = await (await officer.get('/handlaggning/registrera')).response.text();
  const fields = { idempotencyKey: hiddenInput(html, 'idempotencyKey'), ...(await postFields()) };
  const file = { name: 'ansokan.pdf', content: samplePdf(), type: 'application/pdf' };
  for (const form of [fields, { ...fields, _csrf: hiddenInput(html, '_csrf') }]) {
    const response = await postMultipart(officer, '/handlaggning/registrera', form, file);
    assert.equal(response.status, 403);
  }
  assert.equal(await caseCount(), before);
});

test('a case officer of another county board may not register for the call or read its registry', async () => {
  await t.database.query(
    `UPDATE staff_memberships SET roles = ARRAY['decisionMaker', 'caseOfficer']
      WHERE board_county_code = '06' AND person_id = (SELECT id FROM persons WHERE subject = 'beslutsfattare-jonkoping')`,
  );
  const other = await staffSession('beslutsfattare-jonkoping');
  const before = await caseCount();
  const form = await other.get('/handlaggning/registrera');
  const html = await form.response.text();
  assert.equal(form.response.status, 200);
  assert.ok(!html.includes(`value="${VG_CALL}"`), "another board's calls are not offered");
  const response = await postMultipart(
    other,
    `/handlaggning/registrera`,
    { _csrf: hiddenInput(html, '_csrf'), idempotencyKey: 'k'.repeat(24), ...(await postFields()) },
    { name: 'ansokan.pdf', content: samplePdf(), type: 'application/pdf' },
  );
  assert.equal(response.status, 403);
  assert.equal(await caseCount(), before);
  assert.equal((await other.request('/handlaggning/diarium?myndighet=14')).status, 403);
  const own = await other.get('/handlaggning/diarium');
  assert.equal(own.response.status, 200);
  const ownHtml = await own.response.text();
  assert.ok(shared.postNumber && !ownHtml.includes(shared.postNumber), "another board's registry is not shown");
});

test('an applicant may not register applications, read the registry or fetch staff receipts', async () => {
  const applicant = new HttpSession(t.baseUrl);
  await logInAs(applicant, 'sokande-goteborg', { returnTo: '/mina-sidor' });
  assert.equal((await applicant.request('/handlaggning/registrera')).status, 403);
  assert.equal((await applicant.request('/handlaggning/diarium')).status, 403);
  const myPages = await applicant.get('/mina-sidor');
  const csrf = hiddenInput(await myPages.response.text(), '_csrf');
  const before = await caseCount();
  const response = await postMultipart(
    applicant,
    `/handlaggning/registrera`,
    { _csrf: csrf, idempotencyKey: 'a'.repeat(24), ...(await postFields()) },
    { name: 'ansokan.pdf', content: samplePdf(), type: 'application/pdf' },
  );
  assert.equal(response.status, 403);
  assert.equal(await caseCount(), before);
  assert.ok(shared.eServiceId);
  assert.equal((await applicant.request(`/handlaggning/ansokningar/${shared.eServiceId}/kvitto.pdf`)).status, 403);
});

test('a visitor who is not logged in is sent to log in', async () => {
  const visitor = new HttpSession(t.baseUrl);
  for (const path of ['/handlaggning/diarium', '/handlaggning/registrera']) {
    const response = await visitor.request(path);
    assert.equal(response.status, 303);
    assert.match(response.headers.get('location') ?? '', /^\/logga-in\?tillbaka=/);
  }
});

test('for a call that names no preparing board, the county board that registers an application may open its receipt', async () => {
  const [call] = await t.database.query<{ preparing_board: string | null }>(
    `SELECT preparing_board FROM calls WHERE slug = 'demo-ostergotland-s37a'`,
  );
  assert.equal(call?.preparing_board, null, 'the demo call names no preparing board');
  const admin = await staffSession('administrator');
  const { response } = await register(admin, {
    ...(await postFields()),
    callSlug: 'demo-ostergotland-s37a',
    organisationId: await organisationId('Linköping'),
    title: 'Flyktingguider i Linköping',
  });
  assert.equal(response.status, 303);
  const location = response.headers.get('location') ?? '';
  const receipt = await admin.get(location);
  assert.equal(receipt.response.status, 200, 'the receipt of what was just registered');
  const pdf = location.replace(/\/kvitto\?registrerad=1$/, '/kvitto.pdf');
  const registry = await (await admin.get('/handlaggning/diarium?myndighet=05')).response.text();
  assert.ok(registry.includes(`href="${pdf}"`), 'the registry links the receipt');
  assert.equal((await admin.request(pdf)).status, 200);
  // Another board's case officer still reads nothing of it.
  const other = await staffSession();
  assert.equal((await other.request(location)).status, 404);
});

test('the staff start page links each application the staff member reaches to its page', async () => {
  const officer = await staffSession();
  const start = await (await officer.get('/handlaggning')).response.text();
  const links = [...start.matchAll(/href="(\/handlaggning\/ansokningar\/[0-9a-f-]{36}\/kvitto)"/g)].map((m) => m[1] ?? '');
  assert.ok(links.length > 0, 'the start page lists no application as a link');
  for (const link of links) assert.equal((await officer.request(link)).status, 200, link);
});

test('the registration form names the demo federation once, as its stored name already says demo', async () => {
  const form = await (await (await staffSession('administrator')).get('/handlaggning/registrera')).response.text();
  assert.match(form, />Demoförbundet Östgöta integration \(demo\)</);
  assert.doesNotMatch(form, /\(demo\) \(demo\)/);
});

test('the staff start page lists a call that names no preparing board among the calls its county board prepares', async () => {
  const start = await (await (await staffSession('administrator')).get('/handlaggning')).response.text();
  assert.match(start, /href="\/utlysningar\/demo-ostergotland-s37a"/);
});

test('the registration form’s error summary has the title every form of the service has, in both languages', async () => {
  const officer = await staffSession();
  const titleOf = async () => {
    const { response } = await register(officer, { ...(await postFields()), channel: '' });
    assert.equal(response.status, 400);
    return /<h2 class="govuk-error-summary__title">([^<]*)<\/h2>/.exec(await response.text())?.[1];
  };
  assert.equal(await titleOf(), 'Det finns ett problem');
  officer.cookies.set('lang', { value: 'en', path: '/' });
  assert.equal(await titleOf(), 'There is a problem');
});

test('on an English page the registration form gives the amount in SEK, as every amount in English is, never kr', async () => {
  const officer = await staffSession();
  officer.cookies.set('lang', { value: 'en', path: '/' });
  const html = await (await officer.get('/handlaggning/registrera')).response.text();
  assert.match(html, /class="govuk-input__suffix"[^>]*>SEK</);
  assert.doesNotMatch(html, /\bkr\b/);
});

test('the staff page of an application confirms a registration only on arrival from the form; later it names the application', async () => {
  const officer = await staffSession();
  const { response } = await register(officer, { ...(await postFields()), title: 'Läxhjälp i Borås' });
  const arrived = await (await officer.follow(response, '/handlaggning/registrera')).response.text();
  assert.match(arrived, /<title>Ansökan är registrerad – Bidragsportalen<\/title>/);
  assert.match(arrived, /Skicka det till sökande med e-post eller post\./);
  // What the officer typed is repeated, to be checked against the letter.
  assert.match(
    arrived,
    /<dt class="govuk-summary-list__key">Insatsens namn<\/dt><dd class="govuk-summary-list__value">Läxhjälp i Borås<\/dd>/,
  );
  const later = await (await officer.get((response.headers.get('location') ?? '').replace('?registrerad=1', ''))).response.text();
  const number = registryNumberIn(arrived).text;
  assert.match(later, new RegExp(`<title>Ansökan ${number} – Läxhjälp i Borås – Bidragsportalen</title>`));
  assert.match(later, new RegExp(`<h1 class="govuk-heading-l">Ansökan ${number}</h1>`));
  assert.doesNotMatch(later, /Ansökan är registrerad|Skicka det till sökande|Registrera en till ansökan/);
  // An e-service application was never registered by staff: no confirmation, whatever the address says.
  assert.ok(shared.eServiceId);
  const eService = await (await officer.get(`/handlaggning/ansokningar/${shared.eServiceId}/kvitto?registrerad=1`)).response.text();
  assert.doesNotMatch(eService, /Ansökan är registrerad|Skicka det till sökande/);
});

test('on English staff pages the Swedish call titles, registry entries and application titles are marked as Swedish', async () => {
  const [row] = await t.database.query<{ title: string }>('SELECT title FROM calls WHERE slug = $1', [VG_CALL]);
  const callTitle = row?.title ?? '';
  const officer = await staffSession();
  const { response } = await register(officer, await postFields());
  assert.equal(response.status, 303);
  const receipt = response.headers.get('location') ?? '';
  const pages = [receipt, `/handlaggning/diarium?ar=${year}`, '/handlaggning', '/handlaggning/registrera'];
  for (const path of pages) {
    const html = await (await officer.get(path)).response.text();
    assert.doesNotMatch(pageBody(html), /lang="sv"/, `a Swedish page marks nothing: ${path}`);
  }

  officer.cookies.set('lang', { value: 'en', path: '/' });
  // One after another: the pages share one session, whose cookie a response may renew.
  const english: string[] = [];
  for (const path of pages) english.push(await (await officer.get(path)).response.text());
  const [registered, registry, start, form] = english;
  assert.ok(registered?.includes(`<dd class="govuk-summary-list__value" lang="sv">${callTitle}</dd>`), 'the call on the receipt page');
  assert.ok(registry?.includes(`<span class="govuk-caption-m" lang="sv">Ansökan om bidrag: ${callTitle}</span>`), 'the case subject');
  assert.match(registry ?? '', /<td class="govuk-table__cell" lang="sv">Ansökan om bidrag enligt förordning/, 'the document description');
  assert.ok(start?.includes(`href="/utlysningar/${VG_CALL}" lang="sv">${callTitle}</a>`), 'the call on the start page');
  assert.ok(
    start?.includes(`${receipt.replace('?registrerad=1', '')}" lang="sv">Språkvänner i Borås</a>`),
    'the application on the start page',
  );
  assert.ok(start?.includes(`<td class="govuk-table__cell" lang="sv">${callTitle}</td>`), 'the application’s call on the start page');
  assert.match(form ?? '', new RegExp(`<option value="${VG_CALL}" lang="sv">`), 'the call to register for');
  assert.doesNotMatch(start ?? '', /<h1[^>]*lang=/, 'the page’s own heading is not marked');
});
