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
  const sent = await newcomer.post('/mina-sidor/behorighet', { _csrf: hiddenInput(page, '_csrf'), organisationId, roles: 'applicant', motivation });
  assert.equal(sent.response.status, 400);
  const html = await sent.response.text();
  const summary = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  assert.deepEqual(
    [...summary.matchAll(/<a href="([^"]+)">([^<]+)</g)].map((m) => [m[1], m[2]]),
    [['#motivation', 'Beskrivningen får vara högst 2\u00a0000 tecken']],
  );
  assert.match(html, new RegExp(`<option value="${organisationId}" selected`));
  assert.match(html, /value="applicant" checked/);
  assert.ok(html.includes(motivation.trim()), 'the description typed is gone');
  const [row] = await app.database.query<{ n: number }>('SELECT count(*)::int AS n FROM access_requests');
  assert.equal(row?.n, 0);
});
