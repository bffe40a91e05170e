import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/app.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(async () => {
  await t.close();
});

function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

async function get(url: string) {
  return t.app.inject({ method: 'GET', url });
}

test('lists both programmes with the counties presenting each', async () => {
  const res = await get('/bidrag');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /href="\/bidrag\/s37a"/);
  assert.match(res.body, /href="\/bidrag\/s37"/);
  for (const county of ['stockholm', 'vastra-gotaland', 'jamtland', 'orebro']) {
    assert.match(res.body, new RegExp(`href="/bidrag/s37a/${county}"`));
  }
  assert.match(res.body, /href="\/bidrag\/s37\/ostergotland"/);
  assert.doesNotMatch(res.body, /href="\/bidrag\/s37\/stockholm"/);
});

test('§ 37 a is open to municipalities only, not to municipal federations', async () => {
  const res = await get('/bidrag/s37a');
  assert.equal(res.statusCode, 200);
  const text = textOf(res.body);
  assert.match(text, /Får söka: Kommuner \./);
  assert.match(text, /Kommunalförbund kan inte söka bidraget\./);
  assert.match(text, /Förordning \(2010:1122\)/);
});

test('§ 37 is open to municipalities and municipal federations', async () => {
  const res = await get('/bidrag/s37');
  const text = textOf(res.body);
  assert.match(text, /Får söka: Kommuner, Kommunalförbund \./);
  assert.doesNotMatch(text, /Kommunalförbund kan inte söka bidraget/);
});

test('shows purposes and target groups with their year validity', async () => {
  const text = textOf((await get('/bidrag/s37a')).body);
  assert.match(text, /Stödja språkinlärning/);
  assert.match(text, /Personer på flykt från Ukraina som omfattas av massflyktsdirektivet \(från 2022\)/);
  assert.doesNotMatch(text, /Nyanlända invandrare \(/);
});

test('a county page always states the reporting and repayment duties', async () => {
  const res = await get('/bidrag/s37a/stockholm');
  assert.equal(res.statusCode, 200);
  const text = textOf(res.body);
  assert.match(text, /oftast sex månader efter beslut/);
  assert.match(text, /undertecknad slutredovisning ska ha kommit in senast två månader efter att insatsen avslutats/);
  assert.match(text, /särredovisade och utdrag ur huvudboken/);
  assert.match(text, /återbetalningsskyldig/);
});

test('a county page shows its priorities per stored year, contacts, calls link and source', async () => {
  const res = await get('/bidrag/s37a/stockholm');
  const text = textOf(res.body);
  assert.match(res.body, /<h3 class="govuk-heading-s">Prioriteringar 2022<\/h3>/);
  assert.doesNotMatch(res.body, /Prioriteringar 2021/);
  assert.match(res.body, /href="\/utlysningar\?lan=stockholm&(amp;)?bidrag=s37a"/);
  assert.match(text, /Källa: Länsstyrelsen i Stockholms län, &#34;Bidrag för flyktingguider och familjekontakter&#34;/);
  assert.doesNotMatch(text, /seed \d/);
});

test('a county contact shows name, phone and e-mail', async () => {
  const vg = textOf((await get('/bidrag/s37a/vastra-gotaland')).body);
  assert.match(vg, /Daniel Uddling Telefon: 010-22 44 471/);
  const stockholm = await get('/bidrag/s37a/stockholm');
  assert.match(stockholm.body, /href="mailto:[^"]+@lansstyrelsen\.se"/);
});

test('an unknown programme or county is a Swedish 404', async () => {
  for (const url of ['/bidrag/s38', '/bidrag/s37a/atlantis', '/bidrag/s37/stockholm']) {
    const res = await get(url);
    assert.equal(res.statusCode, 404, url);
    assert.match(res.body, /Sidan kunde inte hittas/);
  }
});

test('renders the programme in English, marking Swedish-only text', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/bidrag/s37a', cookies: { lang: 'en' } });
  assert.match(res.body, /Grants for refugee guides and family contacts/);
  assert.match(res.body, /Municipal federations cannot apply for this grant\./);
  assert.match(res.body, /<p class="govuk-body" lang="sv">Ansökan kan endast göras av kommuner/);
});

test('marks the Swedish legal basis and contact titles with lang="sv" on English pages', async () => {
  const en = { cookies: { lang: 'en' } };
  const list = await t.app.inject({ method: 'GET', url: '/bidrag', ...en });
  assert.match(list.body, /<p class="govuk-body govuk-hint" lang="sv">Förordning \(2010:1122\)/);
  const jamtland = await t.app.inject({ method: 'GET', url: '/bidrag/s37a/jamtland', ...en });
  assert.match(jamtland.body, /Madeleine Graff<\/span>, <span lang="sv">Handläggare<\/span>/);
  const sv = textOf((await get('/bidrag/s37a/jamtland')).body);
  assert.match(sv, /Madeleine Graff , Handläggare/);
});
