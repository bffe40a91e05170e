import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { applications, calls, decisions, organisations } from '../../db/schema/index.ts';

let t: TestApp;

before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

/** Cells of the table row whose header cell is `rowHeader` and whose cells include `year`. */
function rowCells(html: string, caption: string, rowHeader: string, year: number): string[] {
  const table = html.slice(html.indexOf(caption));
  const rows = [...table.slice(0, table.indexOf('</table>')).matchAll(/<tr class="govuk-table__row">(.*?)<\/tr>/g)].map((m) => m[1] ?? '');
  const row = rows.find((r) => r.includes(`>${rowHeader}<`) && r.includes(`>${year}<`));
  assert.ok(row, `no row ${rowHeader} ${year}`);
  return [...row.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '').replace(/\u00a0/g, ' '));
}

test('shows Örebro’s recorded figures for 2018 and 2017', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/statistik' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(rowCells(res.body, 'per län och år', 'Örebro län', 2018), [
    'Örebro län',
    '2018',
    '8',
    '3 400 000 kr',
    '7',
    '2 500 000 kr',
    'Publicerad uppgift',
  ]);
  assert.deepEqual(rowCells(res.body, 'per län och år', 'Örebro län', 2017), [
    'Örebro län',
    '2017',
    '8',
    '6 100 000 kr',
    '6',
    '2 600 000 kr',
    'Publicerad uppgift',
  ]);
  assert.match(res.body, /role="img"/);
  assert.match(res.body, /aria-labelledby="statistics-chart-title statistics-chart-desc"/);
  assert.ok(!/<svg[\s\S]*style=/.test(res.body), 'no inline style in the chart');
  assert.match(res.body, /Av åtta stycken inkomna ansökningar/);
});

test('adds this service’s submitted applications and grants, and shows no applied total over a missing amount', async () => {
  const db = t.database.db;
  const [call] = await db
    .select({ id: calls.id, countyCode: calls.countyCode, year: calls.year })
    .from(calls)
    .where(eq(calls.isDemo, true))
    .limit(1);
  assert.ok(call);
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.countyCode, call.countyCode), eq(organisations.kind, 'municipality')))
    .limit(1);
  assert.ok(org);
  const apps = await db
    .insert(applications)
    .values([
      { callId: call.id, organisationId: org.id, status: 'decided', title: 'A', amountAppliedOre: 100_000_00 },
      { callId: call.id, organisationId: org.id, status: 'submitted', title: 'B', amountAppliedOre: 50_000_00 },
      { callId: call.id, organisationId: org.id, status: 'draft', title: 'Utkast', amountAppliedOre: 999_999_00 },
    ])
    .returning({ id: applications.id });
  await db.insert(decisions).values({
    applicationId: apps[0]!.id,
    outcome: 'partlyGranted',
    amountOre: 80_000_00,
    reasons: 'Test',
    appealInformation: 'Test',
    decidingBoard: '06',
    decidedOn: '2026-01-01',
  });
  const url = `/statistik?lan=${call.countyCode}`;
  const res = await t.app.inject({ method: 'GET', url });
  assert.equal(res.statusCode, 200);
  const [countyName] = /<option value="\d\d" selected>([^<]+)</.exec(res.body)?.slice(1) ?? [];
  assert.ok(countyName);
  const cells = rowCells(res.body, 'per län och år', countyName, call.year);
  assert.deepEqual(cells.slice(2, 6), ['2', '150 000 kr', '1', '80 000 kr']);

  await db.insert(applications).values({ callId: call.id, organisationId: org.id, status: 'submitted', title: 'Utan belopp' });
  const again = await t.app.inject({ method: 'GET', url: `${url}&bidrag=` });
  assert.deepEqual(rowCells(again.body, 'per län och år', countyName, call.year).slice(2, 6), ['3', 'Uppgift saknas', '1', '80 000 kr']);
});

test('filters by county and notes a malformed filter', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/statistik?lan=05&bidrag=%3Cscript%3E' });
  assert.equal(res.statusCode, 200);
  assert.ok(!res.body.includes('>Örebro län</th>'));
  assert.match(res.body, /Filtret .{1,6}bidrag.{1,6} hade ett ogiltigt värde och användes inte/);
  assert.ok(!res.body.includes('<script>'));
});

test('lists recorded amounts with their source text', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/statistik' });
  const figures = res.body.slice(res.body.indexOf('Redovisade belopp med källa'));
  assert.match(figures, /8\s480\s000\skr/);
  assert.match(figures, /förmedlat 8 480 000 kronor/);
});

/** The per-call table's body rows, as HTML. */
function perCallRows(html: string, caption: string): string[] {
  const table = html.slice(html.indexOf(`>${caption}</caption>`));
  return [...table.slice(0, table.indexOf('</table>')).matchAll(/<tr class="govuk-table__row">(.*?)<\/tr>/g)]
    .map((m) => m[1] ?? '')
    .filter((r) => r.includes('scope="row"'));
}

test('names the grant in English in the English per-call table, and marks Swedish call titles', async () => {
  const en = await t.app.inject({ method: 'GET', url: '/statistik', cookies: { lang: 'en' } });
  const rows = perCallRows(en.body, 'Applications and grants per call');
  assert.ok(rows.length > 0);
  for (const row of rows) {
    const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1] ?? '');
    assert.match(cells[2] ?? '', /^Grants? /, 'grant column in English');
  }
  assert.ok(rows.some((r) => /<th scope="row" class="govuk-table__header" lang="sv">/.test(r)));
  const sv = await t.app.inject({ method: 'GET', url: '/statistik' });
  for (const row of perCallRows(sv.body, 'Ansökningar och beviljade bidrag per utlysning')) {
    const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1] ?? '');
    assert.match(cells[2] ?? '', /^Bidrag /);
    assert.doesNotMatch(row, /lang="sv"/);
  }
});
