import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HttpSession, hiddenInput } from '../../../test/http-session.ts';
import { startIdentityApp } from './testing.ts';

let app: Awaited<ReturnType<typeof startIdentityApp>>;
before(async () => {
  app = await startIdentityApp();
});
after(async () => app.close());

/** Logs in at the provider and follows its redirects up to, not into, the app's callback. */
async function upToCallback(persona: string): Promise<{ browser: HttpSession; location: URL }> {
  const browser = new HttpSession(app.baseUrl);
  const choice = await browser.get('/logga-in/e-legitimation');
  const html = await choice.response.text();
  let response = await browser.request(new URL(choice.url).pathname, { form: { _csrf: hiddenInput(html, '_csrf'), persona } });
  let location = new URL(response.headers.get('location')!, app.baseUrl);
  while (!location.pathname.startsWith('/logga-in/retur')) {
    response = await browser.request(location.href);
    location = new URL(response.headers.get('location')!, location);
  }
  return { browser, location };
}

test('logs in over OpenID Connect with the local provider, gets a new session and logs out of both', async () => {
  const browser = new HttpSession(app.baseUrl);
  // An anonymous visit already has a session (it holds the login state); login must replace it.
  const start = await browser.request('/logga-in/e-legitimation?tillbaka=%2Fmina-sidor');
  assert.equal(start.status, 303);
  const authorize = new URL(start.headers.get('location')!);
  assert.equal(authorize.origin + authorize.pathname, `${app.baseUrl}/lokal-idp/auth`);
  assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
  assert.ok(authorize.searchParams.get('state') && authorize.searchParams.get('nonce'));
  const sidBefore = browser.cookies.get('sid')?.value;
  assert.ok(sidBefore);

  const choice = await browser.follow(start, '/logga-in/e-legitimation');
  const choiceHtml = await choice.response.text();
  assert.match(choice.url, /\/lokal-idp\/inloggning\//);
  assert.match(choiceHtml, /19121212-1212/);
  assert.match(choiceHtml, /Demoläge/);

  const done = await browser.post(new URL(choice.url).pathname, { _csrf: hiddenInput(choiceHtml, '_csrf'), persona: 'sokande-linkoping' });
  assert.equal(done.response.status, 200);
  assert.equal(new URL(done.url).pathname, '/mina-sidor');
  const page = await done.response.text();
  // The header names who is logged in as text, and its link says where it goes.
  assert.match(
    page,
    /<span class="bp-header__user">Tolvan Tolvansson \(Linköping\)<\/span>\s*<a class="govuk-link" href="\/mina-sidor">Mina sidor<\/a>/,
  );
  assert.notEqual(browser.cookies.get('sid')?.value, sidBefore, 'the session id changes at login');

  const profile = await browser.get('/mina-sidor/profil');
  const profileHtml = await profile.response.text();
  assert.match(profileHtml, /19121212-\*\*\*\*/);
  assert.doesNotMatch(profileHtml, /191212121212|19121212-1212/);

  const logout = await browser.request('/logga-ut', { form: { _csrf: hiddenInput(profileHtml, '_csrf') } });
  assert.equal(logout.status, 303);
  const endSession = new URL(logout.headers.get('location')!);
  assert.equal(endSession.pathname, '/lokal-idp/session/end');
  assert.ok(endSession.searchParams.get('id_token_hint'));
  const confirm = await browser.follow(logout, '/logga-ut');
  const confirmHtml = await confirm.response.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(confirmHtml)?.[1];
  assert.ok(action, 'the provider asks to confirm the logout');
  const ended = await browser.post(action, { xsrf: hiddenInput(confirmHtml, 'xsrf'), logout: 'yes' });
  assert.equal(new URL(ended.url).pathname, '/utloggad');
  assert.ok(!browser.cookies.has('_session'), 'the provider session cookie is gone');

  const again = await browser.request('/mina-sidor');
  assert.equal(again.status, 303);
  assert.match(again.headers.get('location')!, /^\/logga-in/);
});

test('staff log in through the staff client and land on the staff start page', async () => {
  const browser = new HttpSession(app.baseUrl);
  const choice = await browser.get('/logga-in/personal?tillbaka=%2Fhandlaggning');
  const html = await choice.response.text();
  assert.match(html, /Handläggare, Länsstyrelsen Västra Götaland/);
  assert.doesNotMatch(html, /19121212-1212/, 'the staff login lists only staff personas');
  const done = await browser.post(new URL(choice.url).pathname, {
    _csrf: hiddenInput(html, '_csrf'),
    persona: 'handlaggare-vastra-gotaland',
  });
  assert.equal(new URL(done.url).pathname, '/handlaggning');
  assert.match(await done.response.text(), /Startsida för länsstyrelsen/);
});

test('refuses a callback whose state was tampered with', async () => {
  const { browser, location } = await upToCallback('sokande-norrkoping');
  location.searchParams.set('state', `${location.searchParams.get('state')}x`);
  const callback = await browser.request(location.href);
  assert.equal(callback.status, 400);
  assert.match(await callback.text(), /Inloggningen misslyckades/);
  const mine = await browser.request('/mina-sidor');
  assert.equal(mine.status, 303, 'still not logged in');
});

test('refuses a replayed authorisation code, in the app and at the provider', async () => {
  const { browser, location } = await upToCallback('sokande-goteborg');
  const cookiesBefore = new Map(browser.cookies);
  const first = await browser.request(location.href);
  assert.equal(first.status, 303);
  assert.equal(first.headers.get('location'), '/mina-sidor');

  // The same callback again, with the session that started the login: the state is used up.
  const replayer = new HttpSession(app.baseUrl);
  for (const [name, cookie] of cookiesBefore) replayer.cookies.set(name, cookie);
  const replay = await replayer.request(location.href);
  assert.equal(replay.status, 400);

  // The code pasted into a login of one's own: the provider refuses it (used, and the PKCE
  // verifier is not the one it was issued for).
  const attacker = new HttpSession(app.baseUrl);
  const own = new URL((await attacker.request('/logga-in/e-legitimation')).headers.get('location')!);
  const forged = new URL(location.href);
  forged.searchParams.set('state', own.searchParams.get('state')!);
  const refused = await attacker.request(forged.href);
  assert.equal(refused.status, 400);
  assert.equal((await attacker.request('/mina-sidor')).status, 303, 'the attacker is not logged in');
});

test('the test login without a chosen persona names the error beside the choice, which points to it', async () => {
  const browser = new HttpSession(app.baseUrl);
  const choice = await browser.get('/logga-in/e-legitimation');
  const html = await choice.response.text();
  const refused = await browser.request(new URL(choice.url).pathname, { form: { _csrf: hiddenInput(html, '_csrf') } });
  const page = await refused.text();
  assert.match(page, /<fieldset class="govuk-fieldset" aria-describedby="persona-error">/);
  assert.match(
    page,
    /<p class="govuk-error-message" id="persona-error"><span class="govuk-visually-hidden">Fel:<\/span> <span>Välj en testperson<\/span><\/p>/,
  );
  assert.match(page, /<title>Fel: /);
});
