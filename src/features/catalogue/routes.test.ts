import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, isNotNull } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { projectContacts, projectMunicipalities, projectPartners, projects } from '../../db/schema/index.ts';

let t: TestApp;
let injectedId: number;

before(async () => {
  t = await buildTestApp();
  // A title a spreadsheet would run as a formula, with a contact whose e-mail must never be exported.
  const [row] = await t.database.db
    .insert(projects)
    .values({
      countyCode: '05',
      programmeCode: 's37',
      year: 2023,
      title: '=cmd|calc',
      description: 'Testinsats för export.',
      searchText: '=cmd|calc testinsats för export.',
      amountOre: 12_345_600,
    })
    .returning({ id: projects.id });
  injectedId = row!.id;
  await t.database.db.insert(projectMunicipalities).values({ projectId: injectedId, municipalityCode: '0581' });
  await t.database.db.insert(projectContacts).values({ projectId: injectedId, name: 'Test Person', email: 'test.person@example.se' });
});
after(() => t.close());

async function get(url: string) {
  return t.app.inject({ method: 'GET', url });
}

function titlesOn(html: string): string[] {
  return [...html.matchAll(/<a href="\/projekt\/\d+">([^<]*)<\/a>/g)].map((m) => m[1] ?? '');
}

test('lists the Östergötland projects for county 05 and none of Jämtland’s', async () => {
  const res = await get('/projekt?lan=05');
  assert.equal(res.statusCode, 200);
  const titles = titlesOn(res.body);
  // Six from the source page, plus the one this test file inserted.
  assert.equal(titles.length, 7, titles.join(' | '));
  assert.ok(titles.includes('Stadsdelsmammor'));
  assert.ok(!titles.includes('Föräldrautbildning'));
  assert.match(res.body, /Visar 1–7 av 7 projekt/);
  const jamtland = titlesOn((await get('/projekt?lan=23')).body);
  assert.ok(jamtland.includes('Föräldrautbildning'));
  assert.ok(!jamtland.includes('Stadsdelsmammor'));
});

test('leaves out the columns a filter fixes and keys the programme sections once', async () => {
  const filtered = (await get('/projekt?lan=05')).body;
  const headers = (html: string) => [...html.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
  assert.deepEqual(headers(filtered), ['Projekt', 'Kommuner', 'År', 'Bidrag', 'Belopp']);
  assert.match(filtered, /<td>§ 37<\/td>/);
  assert.match(filtered, /§ 37: Bidrag för att utveckla kapacitet/);
  assert.deepEqual(headers((await get('/projekt')).body), ['Projekt', 'Kommuner', 'Län', 'År', 'Bidrag', 'Belopp']);
  const narrow = (await get('/projekt?lan=05&ar=2023&bidrag=s37')).body;
  assert.deepEqual(headers(narrow), ['Projekt', 'Kommuner', 'Belopp']);
  assert.doesNotMatch(narrow, /§ 37: /);
});

test('explains demo data once, and tags each demo row only in a list that mixes them with real ones', async () => {
  const row = (title: string, isDemo: boolean) => ({
    countyCode: '01',
    programmeCode: 's37a',
    year: 2020,
    title,
    description: 'Demotest',
    searchText: 'demotest',
    isDemo,
  });
  await t.database.db.insert(projects).values([row('Demotest A', true), row('Demotest B', true)]);
  const allDemo = (await get('/projekt?lan=01')).body;
  assert.match(allDemo, /Alla projekt i listan är demodata/);
  assert.doesNotMatch(allDemo, /govuk-tag--yellow">Demo</);
  await t.database.db.insert(projects).values(row('Verkligt test', false));
  // Another URL: the page above stays cached, as nothing announced the write.
  const mixed = (await get('/projekt?lan=01&sortering=titel')).body;
  assert.match(mixed, /Projekt märkta Demo är demodata/);
  assert.equal([...mixed.matchAll(/<strong class="govuk-tag govuk-tag--yellow">Demo<\/strong>/g)].length, 2);
});

test('finds one project by free text', async () => {
  const res = await get('/projekt?q=Stadsdelsmammor');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(titlesOn(res.body), ['Stadsdelsmammor']);
});

test('ignores a malformed year with a note instead of failing', async () => {
  const res = await get('/projekt?ar=abc');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Filtret ”år” hade ett ogiltigt värde och användes inte/);
  assert.match((await getEnglish('/projekt?lan=99')).body, /The filter “county” named something that does not exist and was not used/);
});

test('treats SQL in the free text as plain text', async () => {
  const res = await get(`/projekt?q=${encodeURIComponent("'; DROP TABLE projects; --")}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Inga projekt/);
  const wildcard = await get(`/projekt?q=${encodeURIComponent('%')}`);
  assert.equal(titlesOn(wildcard.body).length, 0, 'a % is a literal character, not a wildcard');
  const all = await get('/projekt');
  assert.ok(titlesOn(all.body).length > 0, 'the projects table is still there');
});

test('pages through the list 20 at a time', async () => {
  // Norrbotten has no seeded projects: 25 numbered ones make two pages.
  await t.database.db.insert(projects).values(
    Array.from({ length: 25 }, (_, i) => ({
      countyCode: '25',
      programmeCode: 's37a',
      year: 2022,
      title: `Sidtest ${String(i + 1).padStart(2, '0')}`,
      description: 'Sidtest',
      searchText: 'sidtest',
    })),
  );
  const first = await get('/projekt?lan=25&sortering=titel');
  assert.match(first.body, /Visar 1–20 av 25 projekt/);
  assert.equal(titlesOn(first.body)[0], 'Sidtest 01');
  assert.equal(titlesOn(first.body).length, 20);
  assert.match(first.body, /href="\/projekt\?lan=25&sortering=titel&sida=2" rel="next"/);
  const second = await get('/projekt?lan=25&sortering=titel&sida=2');
  assert.deepEqual(titlesOn(second.body), ['Sidtest 21', 'Sidtest 22', 'Sidtest 23', 'Sidtest 24', 'Sidtest 25']);
  assert.match(second.body, /Visar 21–25 av 25 projekt/);
  assert.match(second.body, /aria-current="page"[^>]*>2</);
  const beyond = await get('/projekt?lan=25&sida=9');
  assert.equal(beyond.statusCode, 200);
  assert.match(beyond.body, /Sidan finns inte/);
});

test('sorts by amount and keeps the filters in page and export links', async () => {
  const res = await get('/projekt?lan=05&sortering=belopp');
  assert.equal(titlesOn(res.body)[0], '=cmd|calc');
  assert.match(res.body, /href="\/projekt\.csv\?lan=05&sortering=belopp"/);
  assert.match(res.body, /<option value="belopp" selected>/);
});

test('exports CSV for Swedish Excel with formula cells escaped', async () => {
  const res = await get('/projekt.csv?lan=05');
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/csv/);
  assert.match(String(res.headers['content-disposition']), /^attachment; filename="[^"]+\.csv"$/);
  assert.ok(res.body.startsWith('\uFEFF"Id";"Titel";'), res.body.slice(0, 40));
  const lines = res.body.slice(1).split('\r\n');
  assert.equal(lines.length, 1 + 7 + 1, 'header, seven projects, final empty line');
  assert.ok(res.body.includes(`"'=cmd|calc"`));
  assert.ok(res.body.includes('"123456"'), 'amount in kronor');
  assert.ok(!res.body.includes('@'), 'no e-mail addresses');
});

test('exports JSON with amounts and municipality codes, without contact e-mails', async () => {
  const res = await get('/projekt.json?lan=05');
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-disposition']), /^attachment; filename="[^"]+\.json"$/);
  const doc = JSON.parse(res.body);
  assert.equal(doc.count, 7);
  assert.deepEqual(doc.filters, { lan: '05', sortering: 'nyast' });
  assert.ok(typeof doc.generated === 'string' && typeof doc.source === 'string');
  const injected = doc.projects.find((p: { id: number }) => p.id === injectedId);
  assert.equal(injected.amountOre, 12_345_600);
  assert.equal(injected.amountKronor, 123_456);
  assert.deepEqual(injected.municipalities, [{ code: '0581', name: 'Norrköping' }]);
  assert.ok(!res.body.includes('@'), 'no e-mail addresses at all');
  assert.ok(!res.body.includes('Test Person'));
  const all = await get('/projekt.json');
  assert.ok(!all.body.includes('@'));
});

test('shows a project with its contacts and the source’s wording of an impossible date', async () => {
  const res = await get(`/projekt/${injectedId}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /test\.person@example\.se/);
  assert.match(res.body, /123\s456\skr/);
  const [impossible] = await t.database.db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.title, 'Träffpunkt i byarna del 2'));
  assert.ok(impossible);
  const page = await get(`/projekt/${impossible.id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /31 juni 2019/);
});

test('shows the contacts’ phone column, as call links, only when a contact has a number', async () => {
  const withoutPhones = await get(`/projekt/${injectedId}`);
  assert.match(withoutPhones.body, />Test Person</);
  assert.doesNotMatch(withoutPhones.body, />Telefon</);
  const [phoned] = await t.database.db
    .insert(projects)
    .values({ countyCode: '05', programmeCode: 's37', year: 2023, title: 'Kontakt med telefon', description: '', searchText: '' })
    .returning({ id: projects.id });
  await t.database.db.insert(projectContacts).values([
    { projectId: phoned!.id, name: 'Med Telefon', phone: '013-20 00 00', sortOrder: 0 },
    { projectId: phoned!.id, name: 'Utan Telefon', sortOrder: 1 },
  ]);
  const page = await get(`/projekt/${phoned!.id}`);
  assert.match(page.body, />Telefon</);
  assert.match(page.body, /<a class="govuk-link" href="tel:013200000">013-20 00 00<\/a>/);
  // Every row keeps a cell in the column, so the table stays rectangular.
  const rows = [...page.body.matchAll(/<tr class="govuk-table__row"><th scope="row"[\s\S]*?<\/tr>/g)].map((m) => m[0]);
  assert.equal(rows.length, 2);
  for (const row of rows) assert.equal(row.match(/<td /g)?.length, 3, row);
});

test('answers 404 for an unknown or non-numeric project id', async () => {
  for (const id of ['999999', 'abc', '1e3', '99999999999', '-1']) {
    const res = await get(`/projekt/${id}`);
    assert.equal(res.statusCode, 404, id);
    assert.match(res.body, /Sidan kunde inte hittas/);
  }
});

test('describes the exports on the open-data page', async () => {
  const res = await get('/oppna-data');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /href="\/projekt\.csv"/);
  assert.match(res.body, /href="\/projekt\.json"/);
  assert.match(res.body, /CC0/);
});

async function getEnglish(url: string) {
  return t.app.inject({ method: 'GET', url, cookies: { lang: 'en' } });
}

/** A seeded project with partners, contacts with titles and a named programme. */
async function projectWithContactTitles(): Promise<number> {
  const [row] = await t.database.db
    .select({ id: projects.id })
    .from(projects)
    .innerJoin(projectContacts, eq(projectContacts.projectId, projects.id))
    .where(isNotNull(projectContacts.title))
    .limit(1);
  assert.ok(row);
  return row.id;
}

test('marks the project’s Swedish texts with lang="sv" on the English page', async () => {
  const id = await projectWithContactTitles();
  const en = await getEnglish(`/projekt/${id}`);
  assert.match(en.body, /<h1 class="govuk-heading-l" lang="sv">/);
  assert.match(en.body, /<h2 class="govuk-heading-m">Description<\/h2><p class="govuk-body" lang="sv">/);
  assert.match(en.body, /<td class="govuk-table__cell" lang="sv">[^<]+<\/td>/, 'contact title');
  const sv = await get(`/projekt/${id}`);
  assert.doesNotMatch(sv.body, /<main[\s\S]*lang="sv"[\s\S]*<\/main>/);
});

test('marks the partners and the source’s period wording with lang="sv" on the English page', async () => {
  const [impossible] = await t.database.db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.title, 'Träffpunkt i byarna del 2'));
  assert.ok(impossible);
  const en = await getEnglish(`/projekt/${impossible.id}`);
  assert.match(en.body, /<span lang="sv">[^<]*31 juni 2019/);
  const [partnered] = await t.database.db.select({ id: projectPartners.projectId }).from(projectPartners).limit(1);
  assert.ok(partnered);
  const withPartners = await getEnglish(`/projekt/${partnered.id}`);
  assert.match(
    withPartners.body,
    /<dt class="govuk-summary-list__key">Partners<\/dt><dd class="govuk-summary-list__value"><span lang="sv">/,
  );
});

test('names the grant in English on the English project page', async () => {
  const en = await getEnglish(`/projekt/${injectedId}`);
  assert.match(en.body, /<dt class="govuk-summary-list__key">Grant<\/dt><dd class="govuk-summary-list__value"><span>Grants? [^<]+<\/span>/);
  assert.doesNotMatch(en.body, /<span>Bidrag för/);
  const sv = await get(`/projekt/${injectedId}`);
  assert.match(sv.body, /<dt class="govuk-summary-list__key">Bidrag<\/dt><dd class="govuk-summary-list__value"><span>Bidrag [^<]+<\/span>/);
});

test('marks the Swedish project title in the English breadcrumbs with lang="sv", and only there', async () => {
  const crumb = /<li class="govuk-breadcrumbs__list-item"><span( lang="sv")?>[^<]+<\/span><\/li>/;
  assert.equal(crumb.exec((await getEnglish(`/projekt/${injectedId}`)).body)?.[1], ' lang="sv"');
  const sv = crumb.exec((await get(`/projekt/${injectedId}`)).body);
  assert.ok(sv, 'the Swedish page has the breadcrumb');
  assert.equal(sv[1], undefined);
});

test('marks project titles in the English results with lang="sv"', async () => {
  const en = await getEnglish('/projekt');
  assert.match(en.body, /<a href="\/projekt\/\d+" lang="sv">/);
});

test('lists in the JSON export the filters it ignored', async () => {
  const unknown = JSON.parse((await get('/projekt.json?lan=99')).body);
  assert.deepEqual(unknown.filters, { sortering: 'nyast' });
  assert.deepEqual(unknown.ignoredFilters, ['lan']);
  const malformed = JSON.parse((await get('/projekt.json?lan=05&ar=abc&sida=x')).body);
  assert.deepEqual(malformed.filters, { lan: '05', sortering: 'nyast' });
  assert.deepEqual(malformed.ignoredFilters, ['ar', 'sida']);
  const clean = JSON.parse((await get('/projekt.json?lan=05')).body);
  assert.deepEqual(clean.ignoredFilters, []);
});

test('the CSV export stays plain CSV when a filter is ignored', async () => {
  const res = await get('/projekt.csv?lan=99');
  assert.equal(res.statusCode, 200);
  const all = await get('/projekt.csv');
  assert.equal(res.body, all.body);
});
