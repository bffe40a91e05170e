import { type AnyColumn, and, eq, getTableColumns, inArray, isNull, like, notInArray, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../src/db/client.ts';
import * as t from '../src/db/schema/index.ts';
import { type CallRow, demoCallPeriod, demoCallRow, demoCalls, sourceCalls } from './calls.ts';
import { council, councilMeetings, councilMembers } from './council.ts';
import { contactRows, countyProgrammeRows, priorityRows } from './county-pages.ts';
import { figureRows, statisticRows } from './figures.ts';
import { GLOSSARY_EDITORIAL_NOTE, GLOSSARY_SOURCE_REF, glossaryDefinitions, glossaryDefinitionText } from './glossary.ts';
import { programmeRows, purposeRows, targetGroupRows } from './programmes.ts';
import { projectSearchText, seedProjects } from './projects.ts';
import {
  asciiSlug,
  countyBoardFacts,
  countyBoardName,
  demoFederation,
  readCounties,
  readMunicipalities,
  swedishSortOrder,
} from './reference.ts';
import { SEED_REF_PREFIX } from './sources.ts';

/**
 * The writers behind seedAll. Reference data is upserted by its natural key, so rows that user data
 * points at (calls, organisations, programmes) keep their ids; content the seeds own is replaced.
 * Nothing here deletes a row that was not written by the seed.
 */

type ColumnKey<T extends PgTable> = keyof T['_']['columns'] & string;

/** `SET col = excluded.col` for the given columns of an INSERT … ON CONFLICT DO UPDATE. */
function fromExcluded<T extends PgTable>(table: T, keys: readonly ColumnKey<T>[]): Record<string, SQL> {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  return Object.fromEntries(keys.map((key) => [key, sql.raw(`excluded."${columns[key]!.name}"`)]));
}

const isFromSeed = (sourceRef: AnyColumn) => like(sourceRef, `${SEED_REF_PREFIX}%`);

export async function loadReference(tx: DbOrTx): Promise<void> {
  const counties = readCounties();
  await tx
    .insert(t.counties)
    .values(counties)
    .onConflictDoUpdate({ target: t.counties.code, set: fromExcluded(t.counties, ['name', 'shortName', 'slug']) });

  // An organisation number or mailbox an administrator entered survives a re-seed that has none.
  await tx
    .insert(t.countyBoards)
    .values(
      counties.map((c) => ({
        countyCode: c.code,
        name: countyBoardName(c),
        orgNumber: countyBoardFacts[c.code]?.orgNumber ?? null,
        functionalMailbox: countyBoardFacts[c.code]?.functionalMailbox ?? null,
      })),
    )
    .onConflictDoUpdate({
      target: t.countyBoards.countyCode,
      set: {
        name: sql.raw('excluded."name"'),
        orgNumber: sql.raw('coalesce(excluded."org_number", "county_boards"."org_number")'),
        functionalMailbox: sql.raw('coalesce(excluded."functional_mailbox", "county_boards"."functional_mailbox")'),
      },
    });

  const municipalities = readMunicipalities();
  const sortOrder = swedishSortOrder([...municipalities.map((m) => m.shortName), demoFederation.name]);
  await tx
    .insert(t.organisations)
    .values(
      municipalities.map((m) => ({
        kind: 'municipality' as const,
        name: m.shortName,
        municipalityCode: m.code,
        countyCode: m.countyCode,
        sortOrder: sortOrder.get(m.shortName) ?? 0,
      })),
    )
    .onConflictDoUpdate({
      target: t.organisations.municipalityCode,
      set: fromExcluded(t.organisations, ['name', 'countyCode', 'sortOrder']),
    });

  // The demo federation has no natural key: it is the one demo federation in its county.
  const federation = { ...demoFederation, sortOrder: sortOrder.get(demoFederation.name) ?? 0 };
  const [existing] = await tx
    .select({ id: t.organisations.id })
    .from(t.organisations)
    .where(
      and(
        eq(t.organisations.kind, 'municipalFederation'),
        eq(t.organisations.isDemo, true),
        eq(t.organisations.countyCode, demoFederation.countyCode),
      ),
    )
    .limit(1);
  if (existing) await tx.update(t.organisations).set(federation).where(eq(t.organisations.id, existing.id));
  else await tx.insert(t.organisations).values(federation);
}

export async function loadProgrammes(tx: DbOrTx): Promise<void> {
  await tx
    .insert(t.programmes)
    .values(programmeRows)
    .onConflictDoUpdate({
      target: t.programmes.code,
      set: fromExcluded(t.programmes, [
        'name',
        'nameEn',
        'legalBasis',
        'summary',
        'summaryEn',
        'eligibleKinds',
        'eligibilityText',
        'sortOrder',
      ]),
    });
  const yearBound = ['name', 'nameEn', 'fromYear', 'toYear', 'sourceRef', 'sortOrder'] as const;
  await tx
    .insert(t.purposes)
    .values(purposeRows)
    .onConflictDoUpdate({ target: [t.purposes.programmeCode, t.purposes.code], set: fromExcluded(t.purposes, yearBound) });
  await tx
    .insert(t.targetGroups)
    .values(targetGroupRows)
    .onConflictDoUpdate({ target: [t.targetGroups.programmeCode, t.targetGroups.code], set: fromExcluded(t.targetGroups, yearBound) });
}

export async function loadCountyPages(tx: DbOrTx): Promise<void> {
  await tx
    .insert(t.countyProgrammes)
    .values(countyProgrammeRows)
    .onConflictDoUpdate({
      target: [t.countyProgrammes.countyCode, t.countyProgrammes.programmeCode],
      set: fromExcluded(t.countyProgrammes, ['title', 'intro', 'howToApply', 'afterGrant', 'sourceRef', 'sourceDate']),
    });
  await tx.delete(t.priorities).where(isFromSeed(t.priorities.sourceRef));
  await tx.insert(t.priorities).values(priorityRows);
  await tx.delete(t.contacts).where(isFromSeed(t.contacts.sourceRef));
  await tx.insert(t.contacts).values(contactRows);
}

const CALL_CONTENT = [
  'countyCode',
  'programmeCode',
  'title',
  'description',
  'periodSource',
  'periodNote',
  'budgetOre',
  'maxAmountOre',
  'criteria',
  'preparingBoard',
  'decidingBoard',
  'payingBoard',
  'decisionAnnouncedOn',
  'decisionAnnouncedSource',
  'paymentBy',
  'paymentBySource',
  'functionalMailbox',
  'isDemo',
  'sourceRef',
  'sourceDate',
] as const;

async function upsertCalls(tx: DbOrTx, rows: CallRow[], keys: readonly ColumnKey<typeof t.calls>[]) {
  return tx
    .insert(t.calls)
    .values(rows)
    .onConflictDoUpdate({ target: t.calls.slug, set: { ...fromExcluded(t.calls, keys), updatedAt: sql`now()` } })
    .returning({ id: t.calls.id, slug: t.calls.slug });
}

/** Upserts the calls by slug (applications point at their ids) and returns id by slug. */
export async function loadCalls(tx: DbOrTx, today: string): Promise<Map<string, number>> {
  // Every column is written so that a re-seed restores a field the seed leaves empty to empty.
  const real = await upsertCalls(tx, sourceCalls, [...CALL_CONTENT, 'year', 'opensOn', 'closesOn']);
  // Demo dates are redateDemoCalls' business; a new demo call starts from the same dates it would set.
  const demo = await upsertCalls(
    tx,
    demoCalls.map((d) => ({ ...demoCallRow(d), ...demoCallPeriod(d.status, today) })),
    CALL_CONTENT,
  );
  return new Map([...real, ...demo].map((c) => [c.slug, c.id]));
}

function callId(callIds: Map<string, number>, slug: string | undefined): number | null {
  if (slug === undefined) return null;
  const id = callIds.get(slug);
  if (id === undefined) throw new Error(`Unknown call ${slug}`);
  return id;
}

export async function loadFigures(tx: DbOrTx, callIds: Map<string, number>): Promise<void> {
  await tx.delete(t.recordedFigures).where(isFromSeed(t.recordedFigures.sourceRef));
  await tx.insert(t.recordedFigures).values(figureRows.map(({ callSlug, ...f }) => ({ ...f, callId: callId(callIds, callSlug) })));
  await tx.delete(t.recordedStatistics).where(isFromSeed(t.recordedStatistics.sourceRef));
  await tx.insert(t.recordedStatistics).values(statisticRows.map(({ callSlug, ...s }) => ({ ...s, callId: callId(callIds, callSlug) })));
}

function municipalityCodesByName(): Map<string, { code: string; countyCode: string }> {
  const byName = new Map<string, { code: string; countyCode: string }>();
  for (const m of readMunicipalities()) {
    if (byName.has(m.shortName)) throw new Error(`Two municipalities named ${m.shortName}`);
    byName.set(m.shortName, { code: m.code, countyCode: m.countyCode });
  }
  return byName;
}

/**
 * Seed projects keep their ids across re-seeds (public pages link to them): a project is matched by
 * source and title, its own rows are rewritten, and seed projects no longer in the seed go. Projects
 * that came through an application are never touched.
 */
export async function loadProjects(tx: DbOrTx): Promise<void> {
  const codes = municipalityCodesByName();
  const existing = await tx
    .select({ id: t.projects.id, sourceRef: t.projects.sourceRef, title: t.projects.title })
    .from(t.projects)
    .where(and(isNull(t.projects.applicationId), isFromSeed(t.projects.sourceRef)));
  const key = (p: { sourceRef: string | null; title: string }) => `${p.sourceRef}\u0000${p.title}`;
  const idByKey = new Map(existing.map((p) => [key(p), p.id]));
  const kept: number[] = [];

  for (const p of seedProjects) {
    const places = p.municipalities.map((name) => {
      const m = codes.get(name);
      if (!m || m.countyCode !== p.countyCode) throw new Error(`No municipality ${name} in county ${p.countyCode}`);
      return m.code;
    });
    const row = {
      countyCode: p.countyCode,
      programmeCode: p.programmeCode,
      year: p.year,
      title: p.title,
      description: p.description,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      periodSource: p.periodSource,
      periodNote: p.periodNote,
      amountOre: null,
      isDemo: false,
      sourceRef: p.sourceRef,
      sourceDate: p.sourceDate,
      searchText: projectSearchText(p, p.municipalities),
    };
    let id = idByKey.get(key(p));
    if (id === undefined) {
      const [inserted] = await tx.insert(t.projects).values(row).returning({ id: t.projects.id });
      id = inserted!.id;
    } else {
      await tx.update(t.projects).set(row).where(eq(t.projects.id, id));
      await tx.delete(t.projectMunicipalities).where(eq(t.projectMunicipalities.projectId, id));
      await tx.delete(t.projectPartners).where(eq(t.projectPartners.projectId, id));
      await tx.delete(t.projectContacts).where(eq(t.projectContacts.projectId, id));
    }
    kept.push(id);
    const projectId = id;
    await tx.insert(t.projectMunicipalities).values(places.map((municipalityCode) => ({ projectId, municipalityCode })));
    if (p.partners.length > 0) {
      await tx.insert(t.projectPartners).values(p.partners.map((name, i) => ({ projectId, name, sortOrder: i + 1 })));
    }
    if (p.contacts.length > 0) {
      await tx
        .insert(t.projectContacts)
        .values(p.contacts.map((c, i) => ({ projectId, name: c.name, title: c.title ?? null, email: c.email ?? null, sortOrder: i + 1 })));
    }
  }
  const gone = existing.map((p) => p.id).filter((id) => !kept.includes(id));
  if (gone.length > 0) await tx.delete(t.projects).where(inArray(t.projects.id, gone));
}

export async function loadGlossary(tx: DbOrTx): Promise<void> {
  const order = swedishSortOrder(glossaryDefinitions.map((d) => d.headword));
  const rows = glossaryDefinitions.map((d) => ({
    slug: asciiSlug(d.headword),
    headword: d.headword,
    headwordIsEditorial: true,
    definition: glossaryDefinitionText(d),
    sourceRef: GLOSSARY_SOURCE_REF,
    editorialNote: GLOSSARY_EDITORIAL_NOTE,
    sortOrder: order.get(d.headword) ?? 0,
  }));
  await tx
    .insert(t.glossaryEntries)
    .values(rows)
    .onConflictDoUpdate({
      target: t.glossaryEntries.slug,
      set: fromExcluded(t.glossaryEntries, ['headword', 'headwordIsEditorial', 'definition', 'sourceRef', 'editorialNote', 'sortOrder']),
    });
  await tx.delete(t.glossaryEntries).where(
    and(
      isFromSeed(t.glossaryEntries.sourceRef),
      notInArray(
        t.glossaryEntries.slug,
        rows.map((r) => r.slug),
      ),
    ),
  );
}

export async function loadCouncil(tx: DbOrTx): Promise<void> {
  await tx
    .insert(t.councils)
    .values(council)
    .onConflictDoUpdate({
      target: t.councils.countyCode,
      set: fromExcluded(t.councils, ['description', 'mission', 'sourceRef', 'sourceDate']),
    });
  const ofCouncil = (countyCode: AnyColumn, sourceRef: AnyColumn) => and(eq(countyCode, council.countyCode), isFromSeed(sourceRef));
  await tx.delete(t.councilMembers).where(ofCouncil(t.councilMembers.countyCode, t.councilMembers.sourceRef));
  await tx
    .insert(t.councilMembers)
    .values(councilMembers.map((m) => ({ ...m, countyCode: council.countyCode, sourceRef: council.sourceRef })));
  await tx.delete(t.councilMeetings).where(ofCouncil(t.councilMeetings.countyCode, t.councilMeetings.sourceRef));
  await tx
    .insert(t.councilMeetings)
    .values(councilMeetings.map((m) => ({ ...m, countyCode: council.countyCode, sourceRef: council.sourceRef })));
}
