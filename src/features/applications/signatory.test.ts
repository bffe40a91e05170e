import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { EICAR, startTestClamd } from '../../../test/clamd.ts';
import { HttpSession, hiddenInput } from '../../../test/http-session.ts';
import { pdfPages } from '../../platform/pdf/poppler.ts';
import { logInAs, startIdentityApp } from '../identity/testing.ts';
import { createCompleteDraft, postMultipart, samplePdf } from './testing.ts';

let t: Awaited<ReturnType<typeof startIdentityApp>>;
let clamd: Awaited<ReturnType<typeof startTestClamd>>;
const year = new Date().getUTCFullYear();
const call = 'demo-ostergotland-s37a';

before(async () => {
  clamd = await startTestClamd();
  t = await startIdentityApp({ CLAMD_HOST: clamd.host, CLAMD_PORT: String(clamd.port) });
});
after(async () => {
  await t.close();
  await clamd.close();
});

async function logIn(persona: string): Promise<HttpSession> {
  const session = new HttpSession(t.baseUrl);
  await logInAs(session, persona, { returnTo: '/mina-sidor' });
  return session;
}

test('a signatory approves the exact content after logging in again; the approval replaces the certificate', async () => {
  const applicant = await logIn('sokande-linkoping');
  const id = await createCompleteDraft(applicant, call, year);
  // Without the signatory certificate the application needs the signatory's approval.
  const [certificate] = await t.database.query<{ id: string }>(
    `SELECT id FROM attachments WHERE application_id = $1 AND kind = 'signatoryCertificate'`,
    [id],
  );
  const page = await (await applicant.get(`/ansokningar/${id}/bilagor`)).response.text();
  await applicant.post(`/ansokningar/${id}/bilagor/${certificate!.id}/ta-bort`, { _csrf: hiddenInput(page, '_csrf') });

  // The applicant ticks the confirmations first: submitting then stops at the missing signatory, and the ticks are saved.
  const firstReview = await (await applicant.get(`/ansokningar/${id}/skicka-in`)).response.text();
  const stopped = await applicant.request(`/ansokningar/${id}/skicka-in`, {
    form: {
      _csrf: hiddenInput(firstReview, '_csrf'),
      version: hiddenInput(firstReview, 'version'),
      'confirm.notForProfit': 'yes',
      'confirm.municipalityResponsible': 'yes',
      'confirm.municipalityParticipates': 'yes',
    },
  });
  assert.equal(stopped.status, 400);
  assert.match(await stopped.text(), /be en firmatecknare i er organisation att godkänna/);

  const signatory = await logIn('firmatecknare-linkoping');
  const before = await (await signatory.get(`/ansokningar/${id}/godkann`)).response.text();
  assert.match(before, /Logga in igen och godkänn/);
  const sha = /([0-9a-f]{64})/.exec(before)?.[1];
  assert.ok(sha);
  // Posting without a fresh login is refused.
  const stale = await signatory.request(`/ansokningar/${id}/godkann`, { form: { _csrf: hiddenInput(before, '_csrf'), sha256: sha } });
  assert.equal(stale.status, 403);

  // max_age=0: the provider asks again even though its session is alive.
  const again = await signatory.get(`/logga-in/e-legitimation?igen=1&tillbaka=${encodeURIComponent(`/ansokningar/${id}/godkann`)}`);
  const choice = await again.response.text();
  assert.match(again.url, /lokal-idp/);
  const back = await signatory.post(new URL(again.url).pathname, {
    _csrf: hiddenInput(choice, '_csrf'),
    persona: 'firmatecknare-linkoping',
  });
  const fresh = await back.response.text();
  assert.match(fresh, /name="sha256"/);
  const approved = await signatory.post(`/ansokningar/${id}/godkann`, { _csrf: hiddenInput(fresh, '_csrf'), sha256: sha });
  assert.match(await approved.response.text(), /Du har godkänt ansökan/);

  const attachmentsPage = await (await applicant.get(`/ansokningar/${id}/bilagor`)).response.text();
  assert.match(
    attachmentsPage,
    /Intyg firmatecknare \(behövs inte om[^<]*<\/dt>\s*<dd[^>]*>Behövs inte – ansökan är godkänd av firmatecknare i e-tjänsten/,
  );
  const review = await (await applicant.get(`/ansokningar/${id}/skicka-in`)).response.text();
  assert.match(review, /Fia Firmasson har godkänt ansökan i e-tjänsten/);
  const submitted = await applicant.post(`/ansokningar/${id}/skicka-in`, {
    _csrf: hiddenInput(review, '_csrf'),
    version: hiddenInput(review, 'version'),
    'confirm.notForProfit': 'yes',
    'confirm.municipalityResponsible': 'yes',
    'confirm.municipalityParticipates': 'yes',
  });
  assert.match(submitted.url, /\/kvitto$/);
  const [snapshot] = await t.database.query<{ sha256: string }>('SELECT sha256 FROM application_snapshots WHERE application_id = $1', [id]);
  const [approval] = await t.database.query<{ content_sha256: string }>(
    'SELECT content_sha256 FROM signatory_approvals WHERE application_id = $1',
    [id],
  );
  assert.equal(approval!.content_sha256, sha);
  assert.equal(snapshot!.sha256, sha, 'the submitted snapshot is exactly the approved content');
  const receipt = Buffer.from(await (await applicant.request(`/ansokningar/${id}/kvitto.pdf`)).arrayBuffer());
  const text = pdfPages(receipt).join('\n');
  assert.match(text, /Fia Firmasson/);
  assert.ok(text.replace(/\s/g, '').includes(sha ?? ''), 'the approved hash is printed on the receipt');
});

test('a signatory is not offered an approval that could not last: the draft must first be complete', async () => {
  const applicant = await logIn('sokande-linkoping');
  const id = await createCompleteDraft(applicant, call, year);
  // Every answer is given, but the confirmations are not yet ticked, and the title is then removed.
  const step = await (await applicant.get(`/ansokningar/${id}/insatsen`)).response.text();
  await applicant.post(`/ansokningar/${id}/insatsen`, {
    _csrf: hiddenInput(step, '_csrf'),
    version: hiddenInput(step, 'version'),
    title: '',
    intent: 'save',
  });
  const signatory = await logIn('firmatecknare-linkoping');
  const again = await signatory.get(`/logga-in/e-legitimation?igen=1&tillbaka=${encodeURIComponent(`/ansokningar/${id}/godkann`)}`);
  const back = await signatory.post(new URL(again.url).pathname, {
    _csrf: hiddenInput(await again.response.text(), '_csrf'),
    persona: 'firmatecknare-linkoping',
  });
  const page = await back.response.text();
  assert.match(page, /Ansökan är inte klar att godkänna/);
  const listed = /<div id="not-ready">[\s\S]*?<\/ul>/.exec(page)?.[0] ?? '';
  assert.match(listed, /<li>Fyll i insatsens namn\.<\/li>/);
  assert.match(listed, /<li>Bekräfta att insatsen bedrivs utan vinstsyfte\./);
  assert.doesNotMatch(page, /name="sha256"/, 'an approval is offered');
  assert.doesNotMatch(page, /Logga in igen och godkänn/);

  // An approval posted anyway, of the content as it is, is refused and not recorded.
  const sha = /([0-9a-f]{64})/.exec(page)?.[1];
  const forced = await signatory.request(`/ansokningar/${id}/godkann`, { form: { _csrf: hiddenInput(page, '_csrf'), sha256: sha ?? '' } });
  assert.equal(forced.status, 409);
  assert.match(await forced.text(), /Ansökan är inte klar att godkänna/);
  const [row] = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM signatory_approvals WHERE application_id = $1', [id]);
  assert.equal(row?.n, 0);
});

test('an infected upload is refused and named; an unreachable scanner keeps the file in quarantine', async () => {
  const applicant = await logIn('sokande-linkoping');
  const id = await createCompleteDraft(applicant, call, year);
  const csrf = hiddenInput(await (await applicant.get(`/ansokningar/${id}/bilagor`)).response.text(), '_csrf');
  const url = `/ansokningar/${id}/bilagor`;
  const eicarPdf = Buffer.concat([samplePdf(), Buffer.from(`\n${EICAR}\n`)]);
  const infected = await postMultipart(
    applicant,
    url,
    { _csrf: csrf, kind: 'other' },
    { name: 'virus.pdf', content: eicarPdf, type: 'application/pdf' },
  );
  assert.equal(infected.status, 422);
  assert.match(await infected.text(), /virus\.pdf innehåller skadlig kod/);

  await clamd.close();
  const quarantined = await postMultipart(
    applicant,
    url,
    { _csrf: csrf, kind: 'projectPlan' },
    { name: 'plan.pdf', content: samplePdf('plan'), type: 'application/pdf' },
  );
  assert.equal(quarantined.status, 303);
  const page = await (await applicant.get(`/ansokningar/${id}/bilagor`)).response.text();
  assert.match(page, /plan\.pdf är uppladdad men kunde inte viruskontrolleras/);
  const [row] = await t.database.query<{ id: string; scan_status: string }>(
    `SELECT id, scan_status FROM attachments WHERE application_id = $1 AND filename = 'plan.pdf'`,
    [id],
  );
  assert.equal(row?.scan_status, 'pending');
  // Until it is scanned, nobody opens it: it is listed without a link, and its address is not found.
  assert.match(page, /<td class="govuk-table__cell bp-break"><span>plan\.pdf<\/span><\/td>/);
  assert.equal((await applicant.request(`/ansokningar/${id}/bilagor/${row?.id}/fil`)).status, 404);
  clamd = await startTestClamd();
});

test('a new draft can start from an earlier application’s answers', async () => {
  const applicant = await logIn('sokande-linkoping');
  const source = await createCompleteDraft(applicant, call, year);
  const page = await applicant.get(`/ansokningar/ny?utlysning=demo-ostergotland-s37`);
  const html = await page.response.text();
  assert.match(html, /Vill ni utgå från en tidigare ansökan/);
  const created = await applicant.post(`/ansokningar?utlysning=demo-ostergotland-s37`, {
    _csrf: hiddenInput(html, '_csrf'),
    idempotencyKey: hiddenInput(html, 'idempotencyKey'),
    organisationId: /name="organisationId"[^>]*value="(\d+)"/.exec(html)?.[1] ?? '',
    copyFrom: source,
  });
  const id = /\/ansokningar\/([0-9a-f-]{36})/.exec(created.url)?.[1];
  const [copy] = await t.database.query<{ title: string; copied_from_id: string; n: number }>(
    `SELECT title, copied_from_id, (SELECT count(*)::int FROM attachments WHERE application_id = a.id) AS n FROM applications a WHERE id = $1`,
    [id],
  );
  assert.equal(copy?.title, 'Språkcafé för nyanlända föräldrar');
  assert.equal(copy?.copied_from_id, source);
  assert.equal(copy?.n, 0, 'attachments are not copied');
});

test('a signatory who is not an applicant sees the draft’s overview with a way to approve it and no links that refuse her', async () => {
  const applicant = await logIn('sokande-linkoping');
  const id = await createCompleteDraft(applicant, call, year);
  const linksOf = async (session: HttpSession) => {
    const html = await (await session.get(`/ansokningar/${id}`)).response.text();
    const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
    return [...main.matchAll(/href="\/ansokningar\/[0-9a-f-]{36}\/([^"#]+)"/g)].map((m) => m[1]);
  };
  const signatory = await logIn('firmatecknare-linkoping');
  const links = await linksOf(signatory);
  assert.deepEqual(links, ['godkann']);
  for (const path of links) assert.equal((await signatory.request(`/ansokningar/${id}/${path}`)).status, 200, path);
  assert.ok((await linksOf(applicant)).includes('radera'), 'the applicant lost the overview’s links');
});

test('a signatory who is not an applicant reads the review page without change links or a submit button that would refuse her', async () => {
  const applicant = await logIn('sokande-linkoping');
  const id = await createCompleteDraft(applicant, call, year);
  const review = async (session: HttpSession) => {
    const html = await (await session.get(`/ansokningar/${id}/skicka-in`)).response.text();
    const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
    return {
      main,
      links: [...main.matchAll(/href="\/ansokningar\/[0-9a-f-]{36}\/([^"#]+)[^"]*"/g)].map((m) => m[1]),
      submitForm: main.includes(`action="/ansokningar/${id}/skicka-in"`),
    };
  };
  const signatory = await review(await logIn('firmatecknare-linkoping'));
  assert.equal(signatory.submitForm, false, 'the signatory is offered the submit button');
  assert.match(signatory.main, /Den ändras och skickas in av en sökande i er organisation/);
  const session = await logIn('firmatecknare-linkoping');
  for (const path of new Set(signatory.links)) assert.equal((await session.request(`/ansokningar/${id}/${path}`)).status, 200, path);
  const own = await review(applicant);
  assert.ok(own.submitForm, 'the applicant lost the submit button');
  assert.ok(own.links.includes('insatsen'), 'the applicant lost the change links');
});
