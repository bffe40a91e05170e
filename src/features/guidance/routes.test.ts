import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/app.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const get = (url: string, lang: 'sv' | 'en' = 'sv') => t.app.inject({ method: 'GET', url, cookies: { lang } });
const headings = (html: string, level: number) =>
  [...html.matchAll(new RegExp(`<h${level}[^>]*>([^<]*)</h${level}>`, 'g'))].map((m) => m[1] ?? '');

test('shows the six parts of a project plan from Örebro’s guidance, in order, with the source named', async () => {
  const res = await get('/vagledning');
  assert.equal(res.statusCode, 200);
  const h3 = headings(res.body, 3);
  const plan = ['Bakgrund och behov', 'Syften och mål', 'Organisation', 'Tidplan', 'Genomförande', 'Resurser'];
  assert.deepEqual(h3.slice(0, 6), plan);
  assert.match(res.body, /Beskriv bakgrunden till insatsen och vilka behov som insatsen vill tillgodose\./);
  assert.match(
    res.body,
    /Källa: Länsstyrelsen i Örebro län, sidan ”Utveckla verksamhet med flyktingguider och familjekontakter”, avsnittet ”Viktiga delar i planeringen”/,
  );
});

test('shows Västra Götaland’s support for applicants, the assessment criteria and what follows a grant', async () => {
  const { body } = await get('/vagledning');
  for (const heading of ['Målgruppsanalys', 'Samverkan', 'Syfte &amp; mål', 'Tidsplan'])
    assert.ok(headings(body, 3).includes(heading), heading);
  assert.match(body, /att insatsen tar hänsyn till barn- och jämställdhetsperspektivet samt tillgänglighetsaspekter/);
  assert.match(
    body,
    /Alla ansökningar granskas utifrån ett jämställdhetsperspektiv, barnperspektiv och möjlighet för alla ur målgruppen att delta\./,
  );
  assert.match(body, /utdrag ur huvudboken ska bifogas slutrapporten/);
  assert.match(body, /Mottagare av medel är återbetalningsskyldig/);
  assert.match(body, /avsnittet ”Bedömning”/);
  assert.match(body, /href="\/vagledning\/checklistor"/);
});

test('shows both checklists, each saying it is built on the target-group analysis points', async () => {
  const res = await get('/vagledning/checklistor');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(headings(res.body, 2).slice(0, 2), ['Checklista för jämställdhetsperspektivet', 'Checklista för barnperspektivet']);
  const sentence = 'Checklistan bygger på punkterna under Målgruppsanalys i Länsstyrelsen Västra Götalands stöd för sökande';
  assert.equal(res.body.split(sentence).length - 1, 2);
  assert.match(res.body, /id="jamstalldhetsperspektivet"/);
  assert.match(res.body, /id="barnperspektivet"/);
  assert.match(res.body, /Ingår en prövning av barnets bästa i er analys\?/);
  assert.match(res.body, /\(punkt 2 under Målgruppsanalys\)/);
});

test('renders the guidance in English with a note that the Swedish text applies', async () => {
  const res = await get('/vagledning', 'en');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<html lang="en"/);
  assert.ok(headings(res.body, 3).includes('Background and needs'));
  assert.match(res.body, /the Swedish text applies/);
});
