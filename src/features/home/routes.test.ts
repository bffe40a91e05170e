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

/** The HTML between the heading `heading` and the next h2. */
function section(html: string, heading: string): string {
  const start = html.indexOf(`>${heading}</h2>`);
  assert.ok(start >= 0, `no section "${heading}"`);
  const next = html.indexOf('<h2', start);
  return html.slice(start, next === -1 ? undefined : next);
}

const links = (html: string): string[] => [...html.matchAll(/href="\/utlysningar\/([^"]+)"/g)].map((m) => m[1] ?? '');

test('the home page lists the three open demo calls and the coming one, labelled Demo', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/' });
  assert.equal(res.statusCode, 200);
  const open = section(res.body, 'Öppna utlysningar');
  assert.deepEqual(links(open).sort(), ['demo-ostergotland-s37', 'demo-ostergotland-s37a', 'demo-vastra-gotaland-s37a']);
  assert.equal(open.match(/govuk-tag--yellow">Demo</g)?.length, 3);
  assert.match(open, /21 dagar kvar/);
  const coming = section(res.body, 'Kommande utlysningar');
  assert.deepEqual(links(coming), ['demo-stockholm-s37a-kommande']);
  assert.match(coming, /Öppnar om 14 dagar/);
  assert.doesNotMatch(res.body, /\/utlysningar\/stockholm-s37a-2022-hosten/);
});

test('the home page shows each call’s budget or says it is missing', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/' });
  const open = section(res.body, 'Öppna utlysningar').replace(/\s/g, ' ');
  assert.match(open, /500 000 kr/);
  assert.match(open, /Uppgift saknas/);
  assert.match(section(res.body, 'Kommande utlysningar').replace(/\s/g, ' '), /5 800 000 kr/);
});

test('the home page links to both programmes and every public section', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/' });
  // The footer repeats some links; the page itself must carry them all.
  const main = res.body.slice(res.body.indexOf('<main'), res.body.indexOf('</main>'));
  for (const href of [
    '/bidrag/s37a',
    '/bidrag/s37',
    '/bidrag',
    '/utlysningar',
    '/projekt',
    '/statistik',
    '/vagledning',
    '/ordlista',
    '/integrationsradet',
    '/tillganglighet',
    '/oppna-data',
  ]) {
    assert.match(main, new RegExp(`href="${href}"`), href);
  }
});

test('the home page is cached for anonymous visitors', async () => {
  await t.app.inject({ method: 'GET', url: '/' });
  const again = await t.app.inject({ method: 'GET', url: '/' });
  assert.equal(again.headers['x-page-cache'], 'hit');
});

test('marks the Swedish call titles with lang="sv" on the English home page', async () => {
  const en = await t.app.inject({ method: 'GET', url: '/', cookies: { lang: 'en' } });
  const titles = [...en.body.matchAll(/<a class="govuk-link" href="\/utlysningar\/[^"]+"([^>]*)>/g)].map((m) => m[1]);
  assert.ok(titles.length > 0);
  for (const attributes of titles) assert.equal(attributes, ' lang="sv"');
  const sv = await t.app.inject({ method: 'GET', url: '/' });
  assert.doesNotMatch(sv.body, /href="\/utlysningar\/[^"]+" lang="sv"/);
});

test('the home page is titled with the service’s name once, and other pages add it after their own', async () => {
  const titleOf = async (url: string) => /<title>([^<]*)<\/title>/.exec((await t.app.inject({ method: 'GET', url })).body)?.[1];
  assert.equal(await titleOf('/'), 'Bidragsportalen');
  assert.equal(await titleOf('/utlysningar'), 'Utlysningar – Bidragsportalen');
});
