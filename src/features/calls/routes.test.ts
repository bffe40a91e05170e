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

/** The page's visible text with tags removed and every kind of space made one plain space. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');
}

/** The text of the summary-list row whose key is `label`. */
function rowValue(html: string, label: string): string {
  const match = new RegExp(`<dt class="govuk-summary-list__key">${label}</dt>\\s*<dd[^>]*>([\\s\\S]*?)</dd>`).exec(html);
  assert.ok(match, `no row "${label}"`);
  return textOf(match[1] ?? '').trim();
}

async function get(url: string) {
  return t.app.inject({ method: 'GET', url });
}

test('the Stockholm autumn 2022 call shows its budget and its period 1–29 September 2022', async () => {
  const res = await get('/utlysningar/stockholm-s37a-2022-hosten');
  assert.equal(res.statusCode, 200);
  assert.equal(rowValue(res.body, 'Belopp att fördela'), '5 800 000 kr');
  assert.equal(rowValue(res.body, 'Ansökningsperiod'), '1–29 september 2022');
  assert.match(res.body, /<time datetime="2022-09-01">1<\/time>–<time datetime="2022-09-29">29 september 2022<\/time>/);
  assert.equal(rowValue(res.body, 'Status'), 'Stängd');
});

test('a closed call warns that late applications may be dismissed and offers no Ansök link', async () => {
  const res = await get('/utlysningar/stockholm-s37a-2022-hosten');
  assert.match(textOf(res.body), /efter sista ansökningsdag kan komma att avvisas/);
  assert.doesNotMatch(res.body, /\/ansokningar\/ny/);
});

test('the Västra Götaland call shows Jönköping as deciding and paying board', async () => {
  const res = await get('/utlysningar/vastra-gotaland-s37a-2022-hosten');
  assert.equal(res.statusCode, 200);
  assert.equal(rowValue(res.body, 'Ansökan bereds av'), 'Länsstyrelsen i Västra Götalands län');
  assert.equal(rowValue(res.body, 'Beslut fattas av'), 'Länsstyrelsen i Jönköpings län');
  assert.equal(rowValue(res.body, 'Utbetalning görs av'), 'Länsstyrelsen i Jönköpings län');
  assert.match(rowValue(res.body, 'Beslut meddelas'), /^18 november 2022 ?Enligt källan: .*meddelar sökande den 18 november 2022/);
  assert.match(textOf(res.body), /att budgeten är grundligt genomarbetad/);
});

test('a call without a stated board or budget says "Uppgift saknas"', async () => {
  const res = await get('/utlysningar/stockholm-s37a-2022-hosten');
  assert.equal(rowValue(res.body, 'Beslut fattas av'), 'Uppgift saknas');
  const ostergotland = await get('/utlysningar/demo-ostergotland-s37a');
  assert.equal(rowValue(ostergotland.body, 'Belopp att fördela'), 'Uppgift saknas');
});

test('the Örebro 2018 call shows the source wording of its partial period', async () => {
  const res = await get('/utlysningar/orebro-s37a-2018');
  assert.equal(res.statusCode, 200);
  const period = rowValue(res.body, 'Ansökningsperiod');
  assert.match(period, /^Uppgift saknas/);
  assert.match(period, /Källan anger bara månad/);
  assert.match(period, /Ansökningsperioden för 2018 avslutades i april\./);
  assert.match(rowValue(res.body, 'Utbetalning senast'), /^21 juni 2018 ?Enligt källan/);
  assert.match(res.body, /href="mailto:utvecklingsmedel.orebro@lansstyrelsen.se"/);
});

test('the Örebro 2018 call, its decisions announced in June 2018, is closed, not of unknown status', async () => {
  assert.equal(rowValue((await get('/utlysningar/orebro-s37a-2018')).body, 'Status'), 'Stängd');
  const list = (await get('/utlysningar')).body;
  const closed = list.slice(list.indexOf('Avslutade utlysningar'));
  assert.match(closed, /href="\/utlysningar\/orebro-s37a-2018"/);
  assert.doesNotMatch(list, /Utlysningar med ofullständiga datum/);
});

test('an open demo call links to the application with the call slug and counts days left', async () => {
  const res = await get('/utlysningar/demo-vastra-gotaland-s37a');
  assert.equal(res.statusCode, 200);
  assert.match(
    res.body,
    /<a href="\/ansokningar\/ny\?utlysning=demo-vastra-gotaland-s37a" class="govuk-button govuk-button--start"[^>]*>\s*Ansök\s*<\/a>/,
  );
  assert.equal(rowValue(res.body, 'Tid kvar'), '21 dagar kvar');
  assert.match(textOf(res.body), /Demo/);
  assert.doesNotMatch(textOf(res.body), /kan komma att avvisas/);
});

test('shows the priorities stored for the call’s county, programme and year', async () => {
  const res = await get('/utlysningar/stockholm-s37a-2022-hosten');
  assert.match(res.body, /<h2 class="govuk-heading-m">Prioriteringar 2022<\/h2>/);
  assert.match(textOf(res.body), /föräldralediga och andra personer med små barn/);
});

test('shows recorded figures for the call’s county and year with their source text', async () => {
  const res = await get('/utlysningar/stockholm-s37a-2022-hosten');
  assert.match(textOf(res.body), /Länsstyrelsen Stockholm har under våren 2022 förmedlat 8 480 000 kronor/);
});

test('an unknown call is a Swedish 404', async () => {
  const res = await get('/utlysningar/finns-inte');
  assert.equal(res.statusCode, 404);
  assert.match(res.body, /Sidan kunde inte hittas/);
});

test('lists calls grouped as open, coming and closed', async () => {
  const res = await get('/utlysningar');
  assert.equal(res.statusCode, 200);
  const open = res.body.indexOf('Öppna utlysningar');
  const coming = res.body.indexOf('Kommande utlysningar');
  const closed = res.body.indexOf('Avslutade utlysningar');
  assert.ok(open > 0 && open < coming && coming < closed);
  assert.ok(res.body.indexOf('demo-stockholm-s37a-kommande') > coming);
  assert.ok(res.body.indexOf('/utlysningar/stockholm-s37a-2022-hosten') > closed);
});

test('filters calls by county and programme', async () => {
  const res = await get('/utlysningar?lan=ostergotland&bidrag=s37');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /\/utlysningar\/demo-ostergotland-s37"/);
  assert.match(res.body, /\/utlysningar\/ostergotland-s37-2023-andra"/);
  assert.doesNotMatch(res.body, /\/utlysningar\/demo-ostergotland-s37a"/);
  assert.doesNotMatch(res.body, /\/utlysningar\/stockholm-s37a-2022-hosten"/);
  assert.match(res.body, /<option value="ostergotland" selected>/);
});

test('ignores a malformed filter with a visible note instead of failing', async () => {
  const res = await get('/utlysningar?lan=%3Cb%3Eatlantis&bidrag=s99&bidrag=s37');
  assert.equal(res.statusCode, 200);
  const text = textOf(res.body);
  assert.match(text, /Filtret kunde inte användas/);
  assert.match(res.body, /Det finns inget län som heter ”&lt;b>atlantis”/);
  assert.match(text, /Det finns inget bidrag som heter ”s99, s37”/);
  assert.match(res.body, /\/utlysningar\/stockholm-s37a-2022-hosten"/);
});

test('renders the calls in English with the same facts', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/utlysningar/stockholm-s37a-2022-hosten', cookies: { lang: 'en' } });
  assert.equal(res.statusCode, 200);
  assert.match(textOf(res.body), /1–29 September 2022/);
  assert.match(textOf(res.body), /5,800,000 SEK/);
});

test('links a call to its county’s programme page only when the county presents the programme', async () => {
  const ostergotland = await get('/utlysningar/demo-ostergotland-s37a');
  assert.doesNotMatch(ostergotland.body, /href="\/bidrag\/s37a\/ostergotland"/);
  assert.match(ostergotland.body, /<a class="govuk-link" href="\/bidrag\/s37a">Läs mer om bidraget<\/a>/);
  const stockholm = await get('/utlysningar/stockholm-s37a-2022-hosten');
  assert.match(stockholm.body, /<a class="govuk-link" href="\/bidrag\/s37a\/stockholm">Läs mer om bidraget i länet<\/a>/);
});

test('every programme link on every call page leads to a page that exists', async () => {
  const list = await get('/utlysningar');
  const slugs = [...new Set([...list.body.matchAll(/href="\/utlysningar\/([^"?]+)"/g)].map((m) => m[1] ?? ''))];
  assert.ok(slugs.length > 5);
  for (const slug of slugs) {
    const page = await get(`/utlysningar/${slug}`);
    for (const [, href] of page.body.matchAll(/<a class="govuk-link" href="(\/bidrag\/[^"]+)"/g)) {
      assert.equal((await get(href ?? '')).statusCode, 200, `${slug} links to ${href}`);
    }
  }
});

test('marks the Swedish call titles with lang="sv" on English pages, and not on Swedish ones', async () => {
  const en = { cookies: { lang: 'en' } };
  const page = await t.app.inject({ method: 'GET', url: '/utlysningar/stockholm-s37a-2022-hosten', ...en });
  assert.match(page.body, /<h1 class="govuk-heading-l" lang="sv">/);
  const list = await t.app.inject({ method: 'GET', url: '/utlysningar', ...en });
  assert.match(list.body, /<a class="govuk-link" href="\/utlysningar\/stockholm-s37a-2022-hosten" lang="sv">/);
  const sv = await get('/utlysningar');
  assert.doesNotMatch(sv.body, /<main[\s\S]*lang="sv"[\s\S]*<\/main>/);
});

test('puts each call table in its own focusable, labelled scroll region', async () => {
  const res = await get('/utlysningar');
  const tables = res.body.match(/<table/g)?.length ?? 0;
  const wrapped = res.body.match(/<section class="bp-table-scroll" tabindex="0" aria-label="[^"]+"><table/g)?.length ?? 0;
  assert.ok(tables > 0);
  assert.equal(wrapped, tables);
});

test('names the source page, not its internal reference, and marks it and its Swedish date note with lang="sv" on English pages', async () => {
  const page = await t.app.inject({ method: 'GET', url: '/utlysningar/stockholm-s37a-2022-hosten', cookies: { lang: 'en' } });
  assert.match(
    page.body,
    /Source: <span lang="sv">Länsstyrelsen i Stockholms län, &#34;Bidrag för flyktingguider och familjekontakter&#34;<\/span><span lang="sv">\. Texten avser hösten 2022/,
  );
  const sv = await get('/utlysningar/stockholm-s37a-2022-hosten');
  assert.match(
    textOf(sv.body),
    /Källa: Länsstyrelsen i Stockholms län, &#34;Bidrag för flyktingguider och familjekontakter&#34;\. Texten avser hösten 2022/,
  );
  assert.doesNotMatch(sv.body, /seed \d/);
});
