import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/app.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const get = (url: string, lang: 'sv' | 'en' = 'sv') => t.app.inject({ method: 'GET', url, cookies: { lang } });

test('lists the councils in the database, linking to each county’s page', async () => {
  const res = await get('/integrationsradet');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<a class="govuk-link" href="\/integrationsradet\/orebro">Integrationsrådet i Örebro län<\/a>/);
  assert.equal([...res.body.matchAll(/href="\/integrationsradet\/[^"]+"/g)].length, 1);
});

test('shows Örebro’s council with its 28 members, mission and contact', async () => {
  const res = await get('/integrationsradet/orebro');
  assert.equal(res.statusCode, 200);
  const members = res.body.slice(res.body.indexOf('>Ledamöter</h2>'), res.body.indexOf('>Möten</h2>'));
  assert.equal([...members.matchAll(/<li>/g)].length, 28);
  assert.match(members, /I Integrationsrådet ingår 28 ledamöter\./);
  assert.match(members, /<span>Maria Larsson<\/span>, <span>Landshövding och rådets ordförande<\/span>/);
  assert.match(res.body, /Samordna tidiga insatser för asylsökande/);
  assert.match(res.body, /Anna Wiktorsson/);
  assert.match(res.body, /010-224 86 16/);
  assert.match(res.body, /Källa: <span>Länsstyrelsen i Örebro län, &#34;Utveckla verksamhet med flyktingguider och familjekontakter&#34;/);
  assert.doesNotMatch(res.body, /seed \d/);
});

test('links the contact’s phone number for calling, as the county pages do', async () => {
  const { body } = await get('/integrationsradet/orebro');
  assert.match(body, /<a class="govuk-link" href="tel:0102248616">010-224 86 16<\/a>/);
});

test('shows both meetings with the source’s wording and the note that the weekday is wrong', async () => {
  const { body } = await get('/integrationsradet/orebro');
  assert.match(body, /19 september 2018/);
  assert.match(body, /<q>Tisdag 19 september 2018 klockan 13-16<\/q>/);
  assert.match(body, /Källan anger tisdag, men 19 september 2018 var en onsdag/);
  assert.match(body, /Källan anger tisdag, men 14 november 2018 var en onsdag/);
});

test('marks the Swedish source content as Swedish on the English page', async () => {
  const { body } = await get('/integrationsradet/orebro', 'en');
  assert.match(body, /The integration council in Örebro län/);
  assert.match(body, /<p class="govuk-body" lang="sv">Källan anger tisdag/);
  assert.match(body, /The integration council has 28 members\./);
});

test('answers 404 for an unknown county and for a county without a council', async () => {
  assert.equal((await get('/integrationsradet/atlantis')).statusCode, 404);
  const stockholm = await get('/integrationsradet/stockholm');
  assert.equal(stockholm.statusCode, 404);
  assert.match(stockholm.body, /Sidan kunde inte hittas/);
});
