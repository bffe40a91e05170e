import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HttpSession, hiddenInput } from '../../../test/http-session.ts';
import { logInAs, startIdentityApp } from './testing.ts';

let app: Awaited<ReturnType<typeof startIdentityApp>>;
before(async () => {
  app = await startIdentityApp();
});
after(() => app.close());

async function loggedIn(persona: string, staff = false): Promise<HttpSession> {
  const session = new HttpSession(app.baseUrl);
  await logInAs(session, persona, { staff, returnTo: '/mina-sidor' });
  return session;
}

/** The error summary's links as [href, text] pairs, in order. */
function errorsOf(html: string): [string | undefined, string | undefined][] {
  const summary = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...summary.matchAll(/<a href="([^"]+)">([^<]+)</g)].map((m) => [m[1], m[2]]);
}

test('the demo federation is named once on Mina sidor and in the access request’s list: its name says "(demo)"', async () => {
  const federation = await loggedIn('representant-forbund');
  for (const path of ['/mina-sidor', '/mina-sidor/behorighet']) {
    const html = await (await federation.get(path)).response.text();
    assert.match(html, /Demoförbundet Östgöta integration \(demo\)/, path);
    assert.doesNotMatch(html, /\(demo\) \(demo\)/, path);
  }
});

test('an access request with a too long description keeps what was typed and says what is wrong beside the field', async () => {
  const newcomer = await loggedIn('ny-sokande');
  const page = await (await newcomer.get('/mina-sidor/behorighet')).response.text();
  const organisationId = /<option value="(\d+)"[^>]*>Linköping</.exec(page)?.[1] ?? '';
  const motivation = 'Jag samordnar flyktingguiderna i kommunen. '.repeat(60);
  const sent = await newcomer.post('/mina-sidor/behorighet', {
    _csrf: hiddenInput(page, '_csrf'),
    organisationId,
    roles: 'applicant',
    motivation,
  });
  assert.equal(sent.response.status, 400);
  const html = await sent.response.text();
  assert.deepEqual(errorsOf(html), [['#motivation', 'Beskrivningen får vara högst 2\u00a0000 tecken']]);
  // A screen reader reads the message with the field.
  assert.match(html, /<p class="govuk-error-message" id="motivation-error">/);
  assert.match(html, /<textarea[^>]*id="motivation"[^>]*aria-describedby="motivation-error"/);
  assert.match(html, new RegExp(`<option value="${organisationId}" selected`));
  assert.match(html, /value="applicant" checked/);
  assert.ok(html.includes(motivation.trim()), 'the description typed is gone');
  const [row] = await app.database.query<{ n: number }>('SELECT count(*)::int AS n FROM access_requests');
  assert.equal(row?.n, 0);
});

test('an answer to an access request sent without a decision, or too long, is kept with the message beside its field', async () => {
  const newcomer = await loggedIn('ny-sokande');
  const page = await (await newcomer.get('/mina-sidor/behorighet')).response.text();
  const organisationId = /<option value="(\d+)"[^>]*>Norrköping</.exec(page)?.[1] ?? '';
  await newcomer.post('/mina-sidor/behorighet', { _csrf: hiddenInput(page, '_csrf'), organisationId, roles: 'signatory', motivation: '' });

  const admin = await loggedIn('administrator', true);
  const list = await (await admin.get('/handlaggning/behorigheter')).response.text();
  const action = /action="(\/handlaggning\/behorigheter\/(\d+))"/.exec(list);
  assert.ok(action, 'no pending request');
  const id = action[2];

  const answer = 'Välkommen, kontakta oss om <något> är oklart.';
  const undecided = await admin.post(action[1]!, { _csrf: hiddenInput(list, '_csrf'), answer });
  assert.equal(undecided.response.status, 400);
  const undecidedHtml = await undecided.response.text();
  assert.deepEqual(errorsOf(undecidedHtml), [[`#decision-${id}`, 'Välj godkänn eller avslå']]);
  assert.match(undecidedHtml, new RegExp(`<fieldset class="govuk-fieldset" aria-describedby="decision-${id}-error">`));
  assert.match(undecidedHtml, new RegExp(`<p class="govuk-error-message" id="decision-${id}-error">`));
  const shown = /<textarea[^>]*answer[^>]*>([^<]*)</.exec(undecidedHtml)?.[1];
  assert.equal(shown, answer.replace('<', '&lt;'), 'the answer typed is not kept');

  const long = 'Vi behöver ett intyg från kommunen. '.repeat(60);
  const tooLong = await admin.post(action[1]!, { _csrf: hiddenInput(list, '_csrf'), decision: 'refuse', answer: long });
  assert.equal(tooLong.response.status, 400);
  const tooLongHtml = await tooLong.response.text();
  assert.deepEqual(errorsOf(tooLongHtml), [[`#answer-${id}`, 'Meddelandet får vara högst 2\u00a0000 tecken']]);
  assert.match(tooLongHtml, new RegExp(`id="decision-${id}-refuse"[^>]*checked`));
  assert.ok(tooLongHtml.includes(long.trim()), 'the answer typed is gone');
  const [row] = await app.database.query<{ status: string }>('SELECT status FROM access_requests WHERE id = $1', [Number(id)]);
  assert.equal(row?.status, 'pending');
});

test('a decision on an access request that was answered meanwhile says so instead of "saved"', async () => {
  const newcomer = await loggedIn('ny-sokande');
  const page = await (await newcomer.get('/mina-sidor/behorighet')).response.text();
  const organisationId = /<option value="(\d+)"[^>]*>Motala</.exec(page)?.[1] ?? '';
  await newcomer.post('/mina-sidor/behorighet', { _csrf: hiddenInput(page, '_csrf'), organisationId, roles: 'applicant', motivation: '' });

  // The same administrator in two tabs, both opened before either decision.
  const admin = await loggedIn('administrator', true);
  const list = await (await admin.get('/handlaggning/behorigheter')).response.text();
  const [, action, id] = /action="(\/handlaggning\/behorigheter\/(\d+))"/.exec(list) ?? [];
  assert.ok(action && id, 'no pending request');
  const approved = await admin.post(action, { _csrf: hiddenInput(list, '_csrf'), decision: 'approve', answer: '' });
  assert.match(await approved.response.text(), /Beslutet är sparat\./);
  const refused = await admin.post(action, { _csrf: hiddenInput(list, '_csrf'), decision: 'refuse', answer: 'Nej' });
  const html = await refused.response.text();
  assert.doesNotMatch(html, /Beslutet är sparat\./);
  assert.match(html, /Begäran hade redan besvarats, så ditt beslut sparades inte\./);
  const [row] = await app.database.query<{ status: string }>('SELECT status FROM access_requests WHERE id = $1', [Number(id)]);
  assert.equal(row?.status, 'approved');
});
