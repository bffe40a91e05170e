import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { applications, calls, counties, decisions, programmes, recordedFigures, recordedStatistics } from '../../db/schema/index.ts';
import { appliedStatuses, type CallStatistics, grantedOutcomes, type ServiceCallAggregate, type StatisticsFilters } from './rules.ts';

export interface StatisticsOptions {
  counties: { code: string; name: string }[];
  programmes: { code: string; name: string; nameEn: string }[];
}

export async function loadStatisticsOptions(db: DbOrTx): Promise<StatisticsOptions> {
  const [countyRows, programmeRows] = await Promise.all([
    db.select({ code: counties.code, name: counties.name }).from(counties).orderBy(asc(counties.code)),
    db
      .select({ code: programmes.code, name: programmes.name, nameEn: programmes.nameEn })
      .from(programmes)
      .orderBy(asc(programmes.sortOrder), asc(programmes.code)),
  ]);
  return { counties: countyRows, programmes: programmeRows };
}

/** Figures the sources state for calls run before this service. */
export async function findRecordedCallStatistics(db: DbOrTx, filters: StatisticsFilters): Promise<CallStatistics[]> {
  const rows = await db
    .select({
      countyCode: recordedStatistics.countyCode,
      countyName: counties.name,
      programmeCode: recordedStatistics.programmeCode,
      programmeName: programmes.name,
      programmeNameEn: programmes.nameEn,
      year: recordedStatistics.year,
      callTitle: calls.title,
      applicationsCount: recordedStatistics.applicationsCount,
      appliedOre: recordedStatistics.appliedOre,
      grantedCount: recordedStatistics.grantedCount,
      grantedOre: recordedStatistics.grantedOre,
      sourceText: recordedStatistics.sourceText,
      sourceRef: recordedStatistics.sourceRef,
    })
    .from(recordedStatistics)
    .innerJoin(counties, eq(counties.code, recordedStatistics.countyCode))
    .innerJoin(programmes, eq(programmes.code, recordedStatistics.programmeCode))
    .leftJoin(calls, eq(calls.id, recordedStatistics.callId))
    .where(
      and(
        filters.countyCode ? eq(recordedStatistics.countyCode, filters.countyCode) : undefined,
        filters.programmeCode ? eq(recordedStatistics.programmeCode, filters.programmeCode) : undefined,
      ),
    );
  return rows.map((r) => ({ ...r, origin: 'recorded' as const }));
}

/** This service's own applications and decisions, summed per call. */
export async function findServiceCallAggregates(db: DbOrTx, filters: StatisticsFilters): Promise<ServiceCallAggregate[]> {
  const isGranted = inArray(decisions.outcome, [...grantedOutcomes]);
  return db
    .select({
      countyCode: calls.countyCode,
      countyName: counties.name,
      programmeCode: calls.programmeCode,
      programmeName: programmes.name,
      programmeNameEn: programmes.nameEn,
      year: calls.year,
      callTitle: calls.title,
      applicationsCount: sql<number>`count(*)::int`.mapWith(Number),
      appliedSumOre: sql<number>`coalesce(sum(${applications.amountAppliedOre}), 0)::bigint`.mapWith(Number),
      appliedMissingCount: sql<number>`(count(*) FILTER (WHERE ${applications.amountAppliedOre} IS NULL))::int`.mapWith(Number),
      grantedCount: sql<number>`(count(${decisions.id}) FILTER (WHERE ${isGranted}))::int`.mapWith(Number),
      grantedSumOre: sql<number>`coalesce(sum(${decisions.amountOre}) FILTER (WHERE ${isGranted}), 0)::bigint`.mapWith(Number),
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(counties, eq(counties.code, calls.countyCode))
    .innerJoin(programmes, eq(programmes.code, calls.programmeCode))
    .leftJoin(decisions, eq(decisions.applicationId, applications.id))
    .where(
      and(
        inArray(applications.status, [...appliedStatuses]),
        filters.countyCode ? eq(calls.countyCode, filters.countyCode) : undefined,
        filters.programmeCode ? eq(calls.programmeCode, filters.programmeCode) : undefined,
      ),
    )
    .groupBy(calls.id, counties.name, programmes.name, programmes.nameEn);
}

export interface RecordedFigure {
  countyName: string | null;
  programmeName: string | null;
  year: number;
  kind: 'distributed' | 'projectsGranted' | 'nationalFunds';
  amountOre: number | null;
  count: number | null;
  label: string;
  sourceText: string;
  sourceRef: string;
}

/** Amounts and counts the sources state on their own (distributed funds, national funds). */
export async function findRecordedFigures(db: DbOrTx, filters: StatisticsFilters): Promise<RecordedFigure[]> {
  return db
    .select({
      countyName: counties.name,
      programmeName: programmes.name,
      year: recordedFigures.year,
      kind: recordedFigures.kind,
      amountOre: recordedFigures.amountOre,
      count: recordedFigures.count,
      label: recordedFigures.label,
      sourceText: recordedFigures.sourceText,
      sourceRef: recordedFigures.sourceRef,
    })
    .from(recordedFigures)
    .leftJoin(counties, eq(counties.code, recordedFigures.countyCode))
    .leftJoin(programmes, eq(programmes.code, recordedFigures.programmeCode))
    .where(
      and(
        // National figures (no county) belong to every county's view.
        filters.countyCode ? or(eq(recordedFigures.countyCode, filters.countyCode), isNull(recordedFigures.countyCode)) : undefined,
        filters.programmeCode
          ? or(eq(recordedFigures.programmeCode, filters.programmeCode), isNull(recordedFigures.programmeCode))
          : undefined,
      ),
    )
    .orderBy(asc(recordedFigures.year), sql`${recordedFigures.countyCode} NULLS FIRST`, asc(recordedFigures.id));
}
