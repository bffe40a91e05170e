import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import organisationsnummerModule from 'organisationsnummer';
import * as t from '../src/db/schema/index.ts';
import { createTestDatabase, type TestDatabase } from '../test/db.ts';
import { isSeeded, redateDemoCalls, seedAll, seedSummary } from './index.ts';

// The package's types declare an ES default export, but it ships CommonJS `module.exports = class`.
const Organisationsnummer = organisationsnummerModule as unknown as typeof organisationsnummerModule.default;

const TODAY = '2025-03-10';

async function seededDatabase(ctx: TestContext): Promise<TestDatabase> {
  const database = await createTestDatabase();
  ctx.after(() => database.close());
  await seedAll(database, { today: TODAY });
  return database;
}

test('an empty database is not seeded; seedAll makes it so', async (ctx) => {
  const database = await createTestDatabase();
  ctx.after(() => database.close());
  assert.equal(await isSeeded(database.db), false);
  await seedAll(database, { today: TODAY });
  assert.equal(await isSeeded(database.db), true);
});

test('loads all 21 counties and 290 municipalities under their short names', async (ctx) => {
  const { db } = await seededDatabase(ctx);
  const counties = await db.select().from(t.counties).orderBy(asc(t.counties.code));
  assert.equal(counties.length, 21);
  assert.deepEqual(
    counties.filter((c) => ['05', '14', '18', '23'].includes(c.code)).map((c) => c.slug),
    ['ostergotland', 'vastra-gotaland', 'orebro', 'jamtland'],
  );
  const municipalities = await db.select().from(t.organisations).where(eq(t.organisations.kind, 'municipality'));
  assert.equal(municipalities.length, 290);
  const byCode = new Map(municipalities.map((m) => [m.municipalityCode, m]));
  assert.equal(byCode.get('0180')?.name, 'Stockholm');
  assert.equal(byCode.get('0880')?.name, 'Kalmar');
  assert.equal(byCode.get('2514')?.name, 'Kalix');
  assert.ok(municipalities.every((m) => !/ (kommun|stad)$/.test(m.name) && m.orgNumber === null));
});

test('names one county board per county and gives an org number only where a seed does', async (ctx) => {
  const { db } = await seededDatabase(ctx);
  const boards = await db.select().from(t.countyBoards).orderBy(asc(t.countyBoards.countyCode));
  assert.equal(boards.length, 21);
  const byCounty = new Map(boards.map((b) => [b.countyCode, b]));
  assert.equal(byCounty.get('01')?.name, 'Länsstyrelsen i Stockholms län');
  assert.equal(byCounty.get('14')?.name, 'Länsstyrelsen i Västra Götalands län');
  const ostergotland = byCounty.get('05');
  assert.equal(ostergotland?.orgNumber, '202100-2270');
  assert.equal(Organisationsnummer.valid(ostergotland?.orgNumber ?? ''), true);
  assert.deepEqual(
    boards.filter((b) => b.orgNumber !== null).map((b) => b.countyCode),
    ['05'],
  );
  assert.equal(byCounty.get('18')?.functionalMailbox, 'utvecklingsmedel.orebro@lansstyrelsen.se');

  const [federation] = await db.select().from(t.organisations).where(eq(t.organisations.kind, 'municipalFederation'));
  assert.equal(federation?.isDemo, true);
  assert.equal(federation?.orgNumber, null);
  assert.equal(federation?.countyCode, '05');
  assert.match(federation?.name ?? '', /demo/i);
});

test('lets only municipalities apply for § 37 a and federations too for § 37', async (ctx) => {
  const { db } = await seededDatabase(ctx);
  const programmes = await db.select().from(t.programmes).orderBy(asc(t.programmes.sortOrder));
  assert.deepEqual(
    programmes.map((p) => [p.code, p.eligibleKinds]),
    [
      ['s37a', ['municipality']],
      ['s37', ['municipality', 'municipalFederation']],
    ],
  );
  const groups = await db.select().from(t.targetGroups).where(eq(t.targetGroups.code, 'temporaryProtection'));
  assert.deepEqual(
    groups.map((g) => [g.programmeCode, g.fromYear]),
    [['s37a', 2022]],
  );
  const purposes = await db.select().from(t.purposes);
  assert.equal(purposes.filter((p) => p.programmeCode === 's37a').length, 4);
  assert.ok([...purposes, ...groups].every((row) => row.sourceRef.startsWith('seed ')));
});

test('loads the 13 granted projects of the seeds with their municipalities', async (ctx) => {
  const { db } = await seededDatabase(ctx);
  const rows = await db
    .select({
      title: t.projects.title,
      countyCode: t.projects.countyCode,
      programmeCode: t.projects.programmeCode,
      year: t.projects.year,
      municipalityCode: t.projectMunicipalities.municipalityCode,
      amountOre: t.projects.amountOre,
    })
    .from(t.projects)
    .innerJoin(t.projectMunicipalities, eq(t.projectMunicipalities.projectId, t.projects.id));
  const municipalityOf = Object.fromEntries(rows.map((r) => [r.title, r.municipalityCode]));
  assert.deepEqual(municipalityOf, {
    Föräldrautbildning: '2326',
    'Samhällsorientering med hälsofrämjande insats för asylsökande/nyanlända': '2305',
    'Träffpunkt i byarna del 2': '2361',
    'Integration och jämställdhet': '2361',
    'Växa tillsammans i Krokom': '2309',
    'Språkvän Ragunda – en väg till inkludering och innanförskap': '2303',
    'Svenska och övriga etableringsinsatser för föräldralediga': '2303',
    Stadsdelsmammor: '0581',
    'Öschöte Gu´schelov': '0580',
    'MIL- Motiverande integration ger långsiktigt resultat': '0509',
    'Stärkt kommunövergripande arbete för minskad segregation': '0562',
    'Brett stöd för nyanlända flyktingar': '0560',
    'Språkstimulans för nyanlända elever i förskoleklass-åk 5': '0581',
  });
  assert.equal(rows.length, 13);
  assert.equal(rows.filter((r) => r.countyCode === '23' && r.programmeCode === 's37a').length, 7);
  assert.equal(rows.filter((r) => r.countyCode === '05' && r.programmeCode === 's37').length, 6);
  assert.ok(rows.every((r) => r.amountOre === null));
  assert.equal(rows.find((r) => r.title === 'Svenska och övriga etableringsinsatser för föräldralediga')?.year, 2019);
  assert.equal(rows.find((r) => r.title === 'Språkstimulans för nyanlända elever i förskoleklass-åk 5')?.year, 2021);

  const [meetingPoint] = await db.select().from(t.projects).where(eq(t.projects.title, 'Träffpunkt i byarna del 2'));
  assert.equal(meetingPoint?.startsOn, '2018-09-01');
  assert.equal(meetingPoint?.endsOn, null);
  assert.equal(meetingPoint?.periodSource, '1 september 2018—31 juni 2019');
  assert.match(meetingPoint?.periodNote ?? '', /31 juni 2019/);
  assert.match(meetingPoint?.searchText ?? '', /härjedalen.*svegs idrottsklubb/);
  const partners = await db
    .select()
    .from(t.projectPartners)
    .where(eq(t.projectPartners.projectId, meetingPoint?.id ?? 0));
  assert.equal(partners.length, 3);
  assert.equal((await db.select().from(t.projectPurposes)).length, 0);
});

test('records the Örebro statistics for 2017 and 2018, 2018 tied to its call', async (ctx) => {
  const { db } = await seededDatabase(ctx);
  const [call] = await db.select().from(t.calls).where(eq(t.calls.slug, 'orebro-s37a-2018'));
  assert.equal(call?.opensOn, null);
  assert.equal(call?.closesOn, null);
  assert.match(call?.periodNote ?? '', /avslutades i april/);
  assert.deepEqual(
    [call?.decidingBoard, call?.payingBoard, call?.decisionAnnouncedOn, call?.paymentBy],
    ['18', '06', '2018-06-07', '2018-06-21'],
  );
  const stats = await db
    .select()
    .from(t.recordedStatistics)
    .where(eq(t.recordedStatistics.countyCode, '18'))
    .orderBy(asc(t.recordedStatistics.year));
  assert.deepEqual(
    stats.map((s) => [s.year, s.applicationsCount, s.appliedOre, s.grantedCount, s.grantedOre, s.callId]),
    [
      [2017, 8, 610_000_000, 6, 260_000_000, null],
      [2018, 8, 340_000_000, 7, 250_000_000, call?.id],
    ],
  );
});

test('re-seeding changes no counts and keeps user data and ids', async (ctx) => {
  const database = await seededDatabase(ctx);
  const { db } = database;
  const before = await seedSummary(db);
  const [call] = await db.select().from(t.calls).where(eq(t.calls.slug, 'demo-ostergotland-s37'));
  const [federation] = await db.select().from(t.organisations).where(eq(t.organisations.kind, 'municipalFederation'));
  const [application] = await db
    .insert(t.applications)
    .values({ callId: call!.id, organisationId: federation!.id, title: 'Användarens ansökan' })
    .returning();
  await db.insert(t.projects).values({
    applicationId: application!.id,
    callId: call!.id,
    countyCode: '05',
    programmeCode: 's37',
    year: 2025,
    title: 'Projekt från en ansökan',
    description: 'Beviljat i tjänsten.',
    sourceRef: 'seed 003',
  });
  await db.insert(t.priorities).values({ countyCode: '05', programmeCode: 's37', year: 2025, text: 'Egen', sourceRef: 'Länsstyrelsen' });
  await db.update(t.countyBoards).set({ orgNumber: '202100-5489' }).where(eq(t.countyBoards.countyCode, '01'));
  const seedProjectIds = (await db.select({ id: t.projects.id }).from(t.projects).where(isNull(t.projects.applicationId))).map((p) => p.id);

  await seedAll(database, { today: TODAY });
  await seedAll(database, { today: TODAY });

  const after = await seedSummary(db);
  assert.deepEqual(after, { ...before, projects: before.projects! + 1, priorities: before.priorities! + 1 });
  const [kept] = await db.select().from(t.applications).where(eq(t.applications.id, application!.id));
  assert.equal(kept?.callId, call!.id);
  const [callAfter] = await db.select().from(t.calls).where(eq(t.calls.slug, 'demo-ostergotland-s37'));
  assert.equal(callAfter?.id, call!.id);
  assert.equal((await db.select().from(t.projects).where(eq(t.projects.applicationId, application!.id))).length, 1);
  const idsAfter = await db.select({ id: t.projects.id }).from(t.projects).where(isNull(t.projects.applicationId));
  assert.deepEqual(idsAfter.map((p) => p.id).sort(), [...seedProjectIds].sort());
  const [stockholm] = await db.select().from(t.countyBoards).where(eq(t.countyBoards.countyCode, '01'));
  assert.equal(stockholm?.orgNumber, '202100-5489');
});

test('redateDemoCalls opens three demo calls on the given day and puts one in the future', async (ctx) => {
  const { db } = await seededDatabase(ctx);
  const today = '2031-02-10';
  await redateDemoCalls(db, today);
  const demos = await db.select().from(t.calls).where(eq(t.calls.isDemo, true)).orderBy(asc(t.calls.id));
  const open = demos.filter((c) => c.opensOn !== null && c.closesOn !== null && c.opensOn <= today && today <= c.closesOn);
  assert.deepEqual(open.map((c) => [c.countyCode, c.programmeCode, c.year]).sort(), [
    ['05', 's37', 2031],
    ['05', 's37a', 2031],
    ['14', 's37a', 2031],
  ]);
  const coming = demos.filter((c) => c.opensOn !== null && c.opensOn > today);
  assert.equal(coming.length, 1);
  assert.equal(demos.length, 4);
  assert.ok(demos.every((c) => /^Demoutlysning/.test(c.title) && /demoutlysning/.test(c.description ?? '')));

  const real = await db
    .select()
    .from(t.calls)
    .where(and(eq(t.calls.isDemo, false), inArray(t.calls.year, [2031])));
  assert.equal(real.length, 0);
  await assert.rejects(redateDemoCalls(db, '2031-02-30'), /YYYY-MM-DD/);
});
