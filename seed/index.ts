import { and, count, eq, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database, DbOrTx } from '../src/db/client.ts';
import * as t from '../src/db/schema/index.ts';
import { demoCallPeriod, demoCalls } from './calls.ts';
import { isIsoDate } from './dates.ts';
import { loadCalls, loadCouncil, loadCountyPages, loadFigures, loadGlossary, loadProgrammes, loadProjects, loadReference } from './load.ts';
import { seedPersonas } from './personas.ts';

/**
 * Demo and reference data drawn from the five county-board seed pages (the only source: nothing
 * here is invented beyond the clearly marked demo calls and demo federation).
 */

function requireIsoDate(today: string): void {
  if (!isIsoDate(today)) throw new Error(`today must be a YYYY-MM-DD date, got "${today}"`);
}

/**
 * Loads everything in one transaction. Safe to run again on a database in use: reference data is
 * upserted by natural key, seed-owned content replaced, and user data (applications, projects from
 * applications, anything not sourced from a seed) left alone.
 */
export async function seedAll(database: Database, opts: { today: string }): Promise<void> {
  requireIsoDate(opts.today);
  await database.db.transaction(async (tx) => {
    await loadReference(tx);
    await loadProgrammes(tx);
    await loadCountyPages(tx);
    const callIds = await loadCalls(tx, opts.today);
    await loadFigures(tx, callIds);
    await loadProjects(tx);
    await loadGlossary(tx);
    await loadCouncil(tx);
    await seedPersonas(tx);
    await redateDemoCalls(tx, opts.today);
  });
}

/** Moves the demo calls so that three are open on `today` and one opens in two weeks. */
export async function redateDemoCalls(db: DbOrTx, today: string): Promise<void> {
  requireIsoDate(today);
  for (const demo of demoCalls) {
    await db
      .update(t.calls)
      .set({ ...demoCallPeriod(demo.status, today), updatedAt: sql`now()` })
      .where(and(eq(t.calls.slug, demo.slug), eq(t.calls.isDemo, true)));
  }
}

export async function isSeeded(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ code: t.programmes.code }).from(t.programmes).limit(1);
  return row !== undefined;
}

async function countRows(db: DbOrTx, table: PgTable, where?: SQL): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return row?.n ?? 0;
}

/** Row counts of what the seed writes, for the CLI's summary and the idempotency test. */
export async function seedSummary(db: DbOrTx): Promise<Record<string, number>> {
  return {
    counties: await countRows(db, t.counties),
    countyBoards: await countRows(db, t.countyBoards),
    municipalities: await countRows(db, t.organisations, eq(t.organisations.kind, 'municipality')),
    organisations: await countRows(db, t.organisations),
    programmes: await countRows(db, t.programmes),
    purposes: await countRows(db, t.purposes),
    targetGroups: await countRows(db, t.targetGroups),
    countyProgrammes: await countRows(db, t.countyProgrammes),
    priorities: await countRows(db, t.priorities),
    calls: await countRows(db, t.calls, eq(t.calls.isDemo, false)),
    demoCalls: await countRows(db, t.calls, eq(t.calls.isDemo, true)),
    contacts: await countRows(db, t.contacts),
    recordedFigures: await countRows(db, t.recordedFigures),
    recordedStatistics: await countRows(db, t.recordedStatistics),
    projects: await countRows(db, t.projects),
    projectMunicipalities: await countRows(db, t.projectMunicipalities),
    projectPartners: await countRows(db, t.projectPartners),
    projectContacts: await countRows(db, t.projectContacts),
    glossaryEntries: await countRows(db, t.glossaryEntries),
    councilMembers: await countRows(db, t.councilMembers),
    councilMeetings: await countRows(db, t.councilMeetings),
  };
}
