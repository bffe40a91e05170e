import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HttpSession, hiddenInput } from '../../../test/http-session.ts';
import { stockholmDateOf } from '../../platform/format.ts';
import { pdfPages } from '../../platform/pdf/poppler.ts';
import { logInAs, startIdentityApp } from '../identity/testing.ts';
import { findApplication, findApplicationReceipt, receiptOfSubmission } from './queries.ts';
import { createCompleteDraft, submitDraft } from './testing.ts';

let t: Awaited<ReturnType<typeof startIdentityApp>>;
before(async () => {
  t = await startIdentityApp();
});
after(() => t.close());

const year = Number(stockholmDateOf(new Date()).slice(0, 4));

test('an applicant fills in, attaches and submits a draft, and gets a registry number, a mail and a receipt', async () => {
  const session = new HttpSession(t.baseUrl);
  await logInAs(session, 'sokande-linkoping', { returnTo: '/mina-sidor' });
  const id = await createCompleteDraft(session, 'demo-ostergotland-s37a', year);
  // A decision date and a mailbox, for the confirmation to say what happens next.
  await t.database.query(
    `UPDATE calls SET decision_announced_on = '${year + 1}-03-01', functional_mailbox = 'integration@ostergotland.example' WHERE slug = 'demo-ostergotland-s37a'`,
  );
  const submitted = await submitDraft(session, id);
  const html = await submitted.response.text();
  assert.equal(submitted.response.status, 200, html);
  assert.match(submitted.url, new RegExp(`/ansokningar/${id}/kvitto$`));
  const number = /(?<![\w-])(\d{3}-\d+-\d{4})(?![\w-])/.exec(html)?.[1];
  assert.ok(number, 'the receipt page shows a registry number');
  assert.match(html, new RegExp(`<title>Ansökan är inskickad: ${number} – [^<]+ – Bidragsportalen</title>`));
  assert.match(html, /<a class="govuk-link" href="[^"]+\/kvitto\.pdf" hreflang="sv">/);
  assert.match(html, /Länsstyrelsen/);
  // The confirmation shows the frozen content's checksum and leads on to the application's own page.
  const [frozen] = await t.database.query<{ sha256: string }>('SELECT sha256 FROM application_snapshots WHERE application_id = $1', [id]);
  assert.ok(html.includes(frozen!.sha256), 'the confirmation does not show the checksum');
  assert.match(
    html,
    /<summary class="govuk-details__summary">\s*<span class="govuk-details__summary-text">Vad är kontrollsumman\?<\/span>/,
  );
  // The application's answers, with the confirmations ticked on the review page, are the frozen ones.
  const [stored] = await t.database.query<{ same: boolean; confirmed: boolean }>(
    `SELECT a.answers = (s.content::jsonb)->'answers' AS same, a.answers->>'confirm.notForProfit' = 'true' AS confirmed
     FROM applications a JOIN application_snapshots s ON s.application_id = a.id WHERE a.id = $1`,
    [id],
  );
  assert.deepEqual(stored, { same: true, confirmed: true });
  // What the submission hands to the confirmation page is what the page's own query reads back.
  const detail = await findApplication(t.database.db, id);
  assert.ok(detail?.submittedAt && detail.boardName);
  const handed = receiptOfSubmission(detail, {
    registryNumber: number,
    boardName: detail.boardName,
    submittedAt: detail.submittedAt,
    isLate: detail.isLate,
    sha256: frozen!.sha256,
    mailedTo: ['tolvan@linkoping.example'],
  });
  assert.deepEqual(handed, await findApplicationReceipt(t.database.db, id));
  assert.match(html, new RegExp(`<a class="govuk-link" href="/ansokningar/${id}">Se ansökan`));
  assert.match(html, /En bekräftelse har skickats till tolvan@linkoping\.example\./);
  assert.match(html, new RegExp(`1 mars ${year + 1}`));
  assert.match(html, /integration@ostergotland\.example/);
  // That page is made from what the submission wrote; a reload reads the database and shows the same.
  const reloaded = await session.request(`/ansokningar/${id}/kvitto`);
  const withoutTokens = (page: string) => page.replace(/name="_csrf" value="[^"]*"/g, '');
  assert.equal(withoutTokens(await reloaded.text()), withoutTokens(html));
  // To another organisation the confirmation does not exist.
  const other = new HttpSession(t.baseUrl);
  await logInAs(other, 'sokande-norrkoping', { returnTo: '/mina-sidor' });
  assert.equal((await other.request(`/ansokningar/${id}/kvitto`)).status, 404);

  const rows = await t.database.query<{ to_address: string; subject: string; text_body: string }>(
    'SELECT to_address, subject, text_body FROM mail_outbox',
  );
  assert.deepEqual(
    rows.map((r) => r.to_address),
    ['tolvan@linkoping.example'],
  );
  assert.equal(rows[0]!.subject, `Ansökan mottagen – diarienummer ${number} (Länsstyrelsen i Östergötlands län)`);
  // The mail points to the PDF, the receipt that holds the answers and the attachments' checksums.
  assert.match(rows[0]!.text_body, new RegExp(`/ansokningar/${id}/kvitto\\.pdf$`, 'm'));

  const first = await session.request(`/ansokningar/${id}/kvitto.pdf`);
  const second = await session.request(`/ansokningar/${id}/kvitto.pdf`);
  assert.equal(first.headers.get('content-type'), 'application/pdf');
  const a = Buffer.from(await first.arrayBuffer());
  const b = Buffer.from(await second.arrayBuffer());
  assert.ok(a.subarray(0, 5).equals(Buffer.from('%PDF-')));
  assert.ok(a.equals(b), 'the receipt is byte-identical each time');
  const receipt = pdfPages(a).join('\n');
  assert.match(receipt, /Bekräftelser/);
  for (const confirmation of ['Insatsen bedrivs utan vinstsyfte.', 'Den sökande kommunen är ansvarig för genomförandet av insatsen.'])
    assert.ok(receipt.replace(/\s+/g, ' ').includes(`${confirmation} Ja`), confirmation);
  assert.match(receipt.replace(/\s+/g, ' '), /Intyg samverkanspart: Föreningen Mötesplats/);
  const [attached] = await t.database.query<{ sha256: string }>(
    `SELECT sha256 FROM attachments WHERE application_id = $1 AND kind = 'partnerCertificate'`,
    [id],
  );
  const sha = attached!.sha256;
  assert.ok(receipt.includes(`${sha.slice(0, 16)} ${sha.slice(16, 32)}`), 'the checksum is printed in groups of 16');

  // Submitting again (a double click or a retry) gives the same submission.
  const again = await session.request(`/ansokningar/${id}/skicka-in`, { form: { _csrf: hiddenInput(html, '_csrf'), version: '1' } });
  assert.equal(again.status, 303);
  assert.match(again.headers.get('location') ?? '', new RegExp(`/ansokningar/${id}/kvitto$`));
  const cases = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM registry_cases');
  assert.equal(cases[0]!.n, 1);
});
