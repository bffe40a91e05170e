import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { assessedOn } from './content.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const get = (url: string, lang: 'sv' | 'en' = 'sv') => t.app.inject({ method: 'GET', url, cookies: { lang } });

test('states partial compliance with WCAG 2.1 AA, the assessment date and the method', async () => {
  const res = await get('/tillganglighet');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service/);
  assert.match(res.body, /WCAG 2\.1/);
  assert.equal(assessedOn, '2026-11-23');
  assert.match(res.body, /Senaste bedömningen gjordes den 23 november 2026\./);
  assert.match(res.body, /Självskattning/);
  assert.match(res.body, /axe-core/);
});

test('lists what is not yet verified and how to report a problem, with the route to DIGG', async () => {
  const { body } = await get('/tillganglighet');
  assert.match(body, /Ingen manuell kontroll med enbart tangentbord eller med skärmläsare är gjord och dokumenterad/);
  assert.match(body, /pdf-format/);
  assert.match(body, /Den engelska versionen är ofullständig/);
  assert.match(body, /kontakta den länsstyrelse som handlägger ditt ärende/);
  assert.match(body, /Myndigheten för digital förvaltning \(DIGG\)/);
  assert.match(body, /<a class="govuk-link" href="https:\/\/www\.digg\.se\/tdosanmalan"><span>Anmäl bristande tillgänglighet<\/span><\/a>/);
  assert.match(body, /<a class="govuk-link" href="\/bidrag">/);
});

test('renders the statement in English', async () => {
  const { body } = await get('/tillganglighet', 'en');
  assert.match(body, /Accessibility statement for Bidragsportalen/);
  assert.match(body, /partially compliant/);
  assert.match(body, /23 November 2026/);
});

test('keeps headings in order, without skipping a level, on every page of these features', async () => {
  const pages = [
    '/vagledning',
    '/vagledning/checklistor',
    '/vagledning/mallar',
    '/ansokan/fragor',
    '/ordlista',
    '/integrationsradet',
    '/integrationsradet/orebro',
    '/tillganglighet',
  ];
  for (const url of pages) {
    const { body } = await get(url);
    const main = body.slice(body.indexOf('<main'), body.indexOf('</main>'));
    const levels = [...main.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    assert.equal(levels[0], 1, url);
    for (let i = 1; i < levels.length; i++) assert.ok(levels[i]! <= levels[i - 1]! + 1, `${url}: h${levels[i - 1]} then h${levels[i]}`);
  }
});
