import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/app.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const get = (lang: 'sv' | 'en' = 'sv') => t.app.inject({ method: 'GET', url: '/ordlista', cookies: { lang } });
const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

test('lists at least 30 glossary entries alphabetically in a description list', async () => {
  const res = await get();
  assert.equal(res.statusCode, 200);
  const terms = [...res.body.matchAll(/<dt[^>]* id="([^"]+)"[^>]*>([^<]*)<\/dt>/g)].map((m) => ({ id: m[1], term: m[2] ?? '' }));
  assert.ok(terms.length >= 30, `${terms.length} entries`);
  assert.deepEqual(
    terms.map((x) => x.term),
    terms.map((x) => x.term).sort(collator.compare),
  );
  assert.ok(terms.some((x) => x.id === 'asylsokande' && x.term === 'Asylsökande'));
  assert.match(res.body, /<dl>/);
});

test('marks editorial headwords with the editorial note and names the source', async () => {
  const { body } = await get();
  assert.match(body, /Uppslagsord tillagt redaktionellt<\/strong>: <span>Uppslagsordet har lagts till redaktionellt/);
  assert.match(body, /Ordförklaringar enligt Migrationsverkets ordlista och lagars definitioner/);
  assert.match(body, /Länsstyrelsen i Örebro län/);
});

test('links the letters that have entries and leaves the others as plain text', async () => {
  const { body } = await get();
  assert.match(body, /<a class="govuk-link govuk-!-font-weight-bold" href="#bokstav-a">A<\/a>/);
  assert.match(body, /<h2 class="govuk-heading-m" id="bokstav-a">/);
  assert.match(body, /<li class="govuk-footer__inline-list-item"><span>Q<\/span><\/li>/);
  assert.doesNotMatch(body, /href="#bokstav-q"/);
});

test('marks the Swedish-only entries as Swedish on the English page', async () => {
  const { body } = await get('en');
  assert.match(body, /<h1 class="govuk-heading-l">Glossary<\/h1>/);
  assert.match(body, /id="asylsokande" lang="sv">Asylsökande<\/dt>/);
  assert.match(body, /Headword added editorially/);
});

test('leaves the copied page’s link-icon labels out of the definitions', async () => {
  const { body } = await get();
  assert.match(body, /Lag \(2016:38\) om mottagande av vissa nyanlända invandrare för bosättning innebär/);
  assert.match(body, /\(2010:197\) innehåller bestämmelser/);
  assert.doesNotMatch(body, /länk till annan webbplats/);
});
