import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { calls, counties, countyBoards, countyProgrammes, priorities, programmes, recordedFigures } from '../../db/schema/index.ts';

/** What a list of calls shows about each call. */
export interface CallSummary {
  slug: string;
  title: string;
  year: number;
  opensOn: string | null;
  closesOn: string | null;
  periodNote: string | null;
  decisionAnnouncedOn: string | null;
  budgetOre: number | null;
  isDemo: boolean;
  countyCode: string;
  countyName: string;
  countySlug: string;
  programmeCode: string;
  programmeName: string;
  programmeNameEn: string;
}

export interface CallFilter {
  countyCode?: string;
  programmeCode?: string;
}

const summaryColumns = {
  slug: calls.slug,
  title: calls.title,
  year: calls.year,
  opensOn: calls.opensOn,
  closesOn: calls.closesOn,
  periodNote: calls.periodNote,
  decisionAnnouncedOn: calls.decisionAnnouncedOn,
  budgetOre: calls.budgetOre,
  isDemo: calls.isDemo,
  countyCode: calls.countyCode,
  countyName: counties.name,
  countySlug: counties.slug,
  programmeCode: calls.programmeCode,
  programmeName: programmes.name,
  programmeNameEn: programmes.nameEn,
};

/** Every call, optionally of one county and/or one programme. Grouping by status is `groupCalls`. */
export async function listCalls(db: DbOrTx, filter: CallFilter = {}): Promise<CallSummary[]> {
  const conditions: SQL[] = [];
  if (filter.countyCode) conditions.push(eq(calls.countyCode, filter.countyCode));
  if (filter.programmeCode) conditions.push(eq(calls.programmeCode, filter.programmeCode));
  return db
    .select(summaryColumns)
    .from(calls)
    .innerJoin(counties, eq(counties.code, calls.countyCode))
    .innerJoin(programmes, eq(programmes.code, calls.programmeCode))
    .where(and(...conditions))
    .orderBy(asc(calls.year), asc(counties.name), asc(calls.id));
}

const swedishOrder = new Intl.Collator('sv');

export interface FilterOptions {
  counties: { code: string; slug: string; name: string }[];
  programmes: { code: string; name: string; nameEn: string }[];
}

/** The counties and programmes a visitor can filter the calls by. */
export async function listFilterOptions(db: DbOrTx): Promise<FilterOptions> {
  const [countyRows, programmeRows] = await Promise.all([
    db.select({ code: counties.code, slug: counties.slug, name: counties.name }).from(counties),
    db
      .select({ code: programmes.code, name: programmes.name, nameEn: programmes.nameEn })
      .from(programmes)
      .orderBy(asc(programmes.sortOrder)),
  ]);
  // A server's collation may sort Ö as O; Swedish puts Å, Ä, Ö last.
  return { counties: countyRows.sort((a, b) => swedishOrder.compare(a.name, b.name)), programmes: programmeRows };
}

export type Call = typeof calls.$inferSelect;

export interface CallDetail {
  call: Call;
  county: { code: string; name: string; slug: string };
  programme: { code: string; name: string; nameEn: string };
  /** Board names by role; null when the source names no board for the role. */
  boards: { preparing: string | null; deciding: string | null; paying: string | null };
  priorities: { text: string; sourceRef: string }[];
  figures: (typeof recordedFigures.$inferSelect)[];
  /** Whether the county presents the programme on its own page (`/bidrag/<code>/<county>`). */
  hasCountyPage: boolean;
}

/** One call with what its page shows beside it; null for an unknown slug. */
export async function getCallBySlug(db: DbOrTx, slug: string): Promise<CallDetail | null> {
  const [row] = await db
    .select({
      call: calls,
      county: { code: counties.code, name: counties.name, slug: counties.slug },
      programme: { code: programmes.code, name: programmes.name, nameEn: programmes.nameEn },
    })
    .from(calls)
    .innerJoin(counties, eq(counties.code, calls.countyCode))
    .innerJoin(programmes, eq(programmes.code, calls.programmeCode))
    .where(eq(calls.slug, slug));
  if (!row) return null;
  const { call } = row;
  const boardCodes = [call.preparingBoard, call.decidingBoard, call.payingBoard].filter((c): c is string => c !== null);

  const [boardRows, priorityRows, figures, countyPages] = await Promise.all([
    boardCodes.length === 0
      ? Promise.resolve([])
      : db
          .select({ code: counties.code, countyName: counties.name, boardName: countyBoards.name })
          .from(counties)
          .leftJoin(countyBoards, eq(countyBoards.countyCode, counties.code))
          .where(inArray(counties.code, boardCodes)),
    db
      .select({ text: priorities.text, sourceRef: priorities.sourceRef })
      .from(priorities)
      .where(
        and(eq(priorities.countyCode, call.countyCode), eq(priorities.programmeCode, call.programmeCode), eq(priorities.year, call.year)),
      )
      .orderBy(asc(priorities.sortOrder), asc(priorities.id)),
    db
      .select()
      .from(recordedFigures)
      .where(
        or(
          eq(recordedFigures.callId, call.id),
          and(
            isNull(recordedFigures.callId),
            eq(recordedFigures.year, call.year),
            or(eq(recordedFigures.countyCode, call.countyCode), isNull(recordedFigures.countyCode)),
            or(eq(recordedFigures.programmeCode, call.programmeCode), isNull(recordedFigures.programmeCode)),
          ),
        ),
      )
      .orderBy(asc(recordedFigures.id)),
    db
      .select({ id: countyProgrammes.id })
      .from(countyProgrammes)
      .where(and(eq(countyProgrammes.countyCode, call.countyCode), eq(countyProgrammes.programmeCode, call.programmeCode)))
      .limit(1),
  ]);

  const boardName = (code: string | null): string | null => {
    const board = boardRows.find((b) => b.code === code);
    // A county without a board row still has a name worth showing instead of nothing.
    return board ? (board.boardName ?? board.countyName) : null;
  };
  return {
    ...row,
    boards: { preparing: boardName(call.preparingBoard), deciding: boardName(call.decidingBoard), paying: boardName(call.payingBoard) },
    priorities: priorityRows,
    figures,
    hasCountyPage: countyPages.length > 0,
  };
}
