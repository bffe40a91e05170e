import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HttpSession } from '../../../test/http-session.ts';
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
