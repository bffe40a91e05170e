import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type CatalogueFilters,
  catalogueQueryString,
  containsPattern,
  csvCell,
  describePeriod,
  type KnownValues,
  kronorForSpreadsheet,
  type ProjectSummary,
  pageCount,
  pageWindow,
  parseCatalogueQuery,
  projectsCsv,
  projectsJson,
  sectionOf,
  toCsv,
} from './rules.ts';

const known: KnownValues = {
  countyCodes: new Set(['05', '23']),
  years: new Set([2018, 2023]),
  municipalityCodes: new Set(['0581']),
  programmeCodes: new Set(['s37', 's37a']),
  purposeCodes: new Set(['establishment']),
};

test('reads every filter under its Swedish name', () => {
  const { filters, notes } = parseCatalogueQuery(
    { lan: '05', ar: '2023', kommun: '0581', bidrag: 's37', syfte: 'establishment', q: '  mammor ', sortering: 'titel', sida: '2' },
    known,
  );
  assert.deepEqual(notes, []);
  assert.deepEqual(filters, {
    countyCode: '05',
    year: 2023,
    municipalityCode: '0581',
    programmeCode: 's37',
    purposeCode: 'establishment',
    text: 'mammor',
    sort: 'title',
    page: 2,
  });
});

test('defaults to the newest first, page one, no filters', () => {
  assert.deepEqual(parseCatalogueQuery({}), { filters: { sort: 'newest', page: 1 }, notes: [] });
  assert.deepEqual(parseCatalogueQuery(undefined), { filters: { sort: 'newest', page: 1 }, notes: [] });
});

test('treats the empty values the form sends for "all" as no filter, without a note', () => {
  const { filters, notes } = parseCatalogueQuery({ lan: '', ar: '', kommun: '', q: '   ', sortering: '' }, known);
  assert.deepEqual(filters, { sort: 'newest', page: 1 });
  assert.deepEqual(notes, []);
});

test('ignores malformed values with a note each', () => {
  const { filters, notes } = parseCatalogueQuery({
    lan: '5',
    ar: 'abc',
    kommun: ['0581', '0580'],
    sida: '-1',
    sortering: 'random',
    bidrag: 'S37;',
  });
  assert.deepEqual(filters, { sort: 'newest', page: 1 });
  assert.deepEqual(
    notes.map((n) => `${n.param}:${n.reason}`),
    ['lan:invalid', 'ar:invalid', 'kommun:invalid', 'bidrag:invalid', 'sortering:invalid', 'sida:invalid'],
  );
});

test('ignores well-formed values that name nothing known', () => {
  const { filters, notes } = parseCatalogueQuery({ lan: '99', ar: '2031', bidrag: 's99' }, known);
  assert.deepEqual(filters, { sort: 'newest', page: 1 });
  assert.deepEqual(
    notes.map((n) => `${n.param}:${n.reason}`),
    ['lan:unknown', 'ar:unknown', 'bidrag:unknown'],
  );
});

test('refuses a free text longer than 200 characters', () => {
  const { filters, notes } = parseCatalogueQuery({ q: 'x'.repeat(201) });
  assert.equal(filters.text, undefined);
  assert.deepEqual(notes, [{ param: 'q', reason: 'invalid' }]);
});

test('builds one canonical query string, leaving defaults out', () => {
  const filters: CatalogueFilters = { countyCode: '05', year: 2023, text: 'a&b', sort: 'newest', page: 3 };
  assert.equal(catalogueQueryString(filters), '?lan=05&ar=2023&q=a%26b&sida=3');
  assert.equal(catalogueQueryString(filters, { page: 1 }), '?lan=05&ar=2023&q=a%26b');
  assert.equal(catalogueQueryString({ ...filters, sort: 'amount' }, { withPaging: false }), '?lan=05&ar=2023&q=a%26b&sortering=belopp');
  assert.equal(catalogueQueryString({ sort: 'newest', page: 1 }), '');
  const reparsed = parseCatalogueQuery(Object.fromEntries(new URLSearchParams(catalogueQueryString(filters))));
  assert.deepEqual(reparsed.filters, filters);
});

test('takes % _ and backslash literally in the free-text pattern', () => {
  assert.equal(containsPattern('100%_Ök\\'), '%100\\%\\_ök\\\\%');
  assert.equal(containsPattern("'; DROP TABLE projects; --"), "%'; drop table projects; --%");
});

test('counts pages and lists the page numbers around the current one', () => {
  assert.equal(pageCount(0), 1);
  assert.equal(pageCount(20), 1);
  assert.equal(pageCount(21), 2);
  assert.deepEqual(pageWindow(1, 1), [1]);
  assert.deepEqual(pageWindow(5, 10), [1, 'gap', 4, 5, 6, 'gap', 10]);
  assert.deepEqual(pageWindow(2, 3), [1, 2, 3]);
});

test('names a programme by the section its legal basis ends with', () => {
  assert.equal(sectionOf('Förordning (2010:1122) om statlig ersättning för insatser för vissa utlänningar, § 37 a'), '§ 37 a');
  assert.equal(sectionOf('Förordning (2010:1122), § 37'), '§ 37');
  assert.equal(sectionOf('Lokal föreskrift'), 'Lokal föreskrift');
});

test('shows the source wording when a period date is impossible', () => {
  assert.deepEqual(describePeriod({ startsOn: '2018-07-01', endsOn: '2018-12-31', periodSource: null, periodNote: null }), {
    kind: 'dates',
    startsOn: '2018-07-01',
    endsOn: '2018-12-31',
  });
  assert.deepEqual(
    describePeriod({
      startsOn: '2018-09-01',
      endsOn: null,
      periodSource: '1 september 2018—31 juni 2019',
      periodNote: 'Datumet finns inte.',
    }),
    { kind: 'source', wording: '1 september 2018—31 juni 2019', note: 'Datumet finns inte.' },
  );
  assert.deepEqual(describePeriod({ startsOn: null, endsOn: null, periodSource: null, periodNote: null }), { kind: 'missing' });
});

test('writes kronor the way Swedish Excel reads numbers', () => {
  assert.equal(kronorForSpreadsheet(580_000_000), '5800000');
  assert.equal(kronorForSpreadsheet(123_450), '1234,50');
  assert.equal(kronorForSpreadsheet(5), '0,05');
});

test('escapes CSV cells against formula injection and quoting', () => {
  for (const start of ['=', '+', '-', '@', '\t', '\r']) {
    assert.equal(csvCell(`${start}cmd`), `"'${start}cmd"`);
  }
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell('a;b\r\nc'), '"a;b\r\nc"');
  assert.equal(csvCell(null), '""');
  assert.equal(csvCell(2023), '"2023"');
});

test('writes CSV with a byte order mark, semicolons and CRLF', () => {
  const csv = toCsv(['A', 'B'], [['1', '2']]);
  assert.equal(csv, '\uFEFF"A";"B"\r\n"1";"2"\r\n');
});

const project: ProjectSummary = {
  id: 7,
  title: '=cmd',
  description: 'Beskrivning',
  countyCode: '05',
  countyName: 'Östergötlands län',
  programmeCode: 's37',
  programmeName: '§ 37',
  year: 2023,
  startsOn: '2023-11-01',
  endsOn: '2024-11-01',
  periodSource: null,
  periodNote: null,
  amountOre: null,
  isDemo: false,
  sourceRef: 'seed 003',
  sourceDate: null,
  municipalities: [{ code: '0581', name: 'Norrköping' }],
  partners: ['ABF'],
};

test('exports amounts in kronor to CSV and in öre and kronor to JSON', () => {
  const csv = projectsCsv([{ ...project, amountOre: 250_000_000 }], 'https://example.se');
  assert.ok(csv.includes(`"'=cmd"`));
  assert.ok(csv.includes('"2500000"'));
  assert.ok(csv.includes('"https://example.se/projekt/7"'));
  const json = projectsJson(
    [project, { ...project, id: 8, amountOre: 12_345 }],
    { countyCode: '05', sort: 'newest', page: 2 },
    {
      generated: new Date('2026-01-01T00:00:00Z'),
      source: 'test',
      baseUrl: 'https://example.se',
    },
  );
  assert.equal(json.count, 2);
  assert.deepEqual(json.filters, { lan: '05', sortering: 'nyast' });
  assert.equal(json.projects[0]?.amountKronor, null);
  assert.equal(json.projects[1]?.amountOre, 12_345);
  assert.equal(json.projects[1]?.amountKronor, 123.45);
  assert.deepEqual(json.projects[0]?.municipalities, [{ code: '0581', name: 'Norrköping' }]);
  // The source as a reader can look it up, in both formats; JSON keeps the stored reference too.
  assert.equal(json.projects[0]?.sourceRef, 'seed 003');
  assert.match(json.projects[0]?.source ?? '', /^Länsstyrelsen i Östergötlands län, "Bidrag för att utveckla kapacitet/);
  assert.ok(csv.includes('"Länsstyrelsen i Östergötlands län, ""Bidrag för att utveckla kapacitet'));
});
