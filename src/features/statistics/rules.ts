import { z } from 'zod';

/** The public statistics page. */
export const statisticsPath = '/statistik';

/**
 * How long the statistics page is served from the page cache. Submissions do not announce
 * themselves: on a call's last day they come many a second, and a notice for each woke every
 * instance each time (about 5% of the deadline-rush benchmark's rate). So an application is counted
 * within this time. A letter a case officer registers still clears the page at once.
 */
export const STATISTICS_MAX_AGE_SECONDS = 60;

/** Application statuses that count as applied: everything after the private draft. */
export const appliedStatuses = ['submitted', 'inPreparation', 'decided', 'closed'] as const;
/** Decision outcomes that count as granted. */
export const grantedOutcomes = ['granted', 'partlyGranted'] as const;

export interface StatisticsFilters {
  countyCode?: string;
  programmeCode?: string;
}

export interface StatisticsQueryNote {
  param: 'lan' | 'bidrag';
  reason: 'invalid' | 'unknown';
}

const schemas = { lan: z.string().regex(/^\d{2}$/), bidrag: z.string().regex(/^[a-z0-9]{1,20}$/) };

/**
 * Reads `?lan=..&bidrag=..`. A malformed value, or one not among `known`, is left out with a note;
 * an empty value means "all".
 */
export function parseStatisticsQuery(
  raw: unknown,
  known: { countyCodes: ReadonlySet<string>; programmeCodes: ReadonlySet<string> },
): { filters: StatisticsFilters; notes: StatisticsQueryNote[] } {
  const input = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const notes: StatisticsQueryNote[] = [];
  const read = (param: 'lan' | 'bidrag', knownSet: ReadonlySet<string>): string | undefined => {
    const value = input[param];
    if (value === undefined || value === '') return undefined;
    const parsed = schemas[param].safeParse(value);
    if (!parsed.success) notes.push({ param, reason: 'invalid' });
    else if (!knownSet.has(parsed.data)) notes.push({ param, reason: 'unknown' });
    else return parsed.data;
    return undefined;
  };
  const countyCode = read('lan', known.countyCodes);
  const programmeCode = read('bidrag', known.programmeCodes);
  return {
    filters: { ...(countyCode ? { countyCode } : {}), ...(programmeCode ? { programmeCode } : {}) },
    notes,
  };
}

/** Applied and granted figures for one call, from a source or from this service's own cases. */
export interface CallStatistics {
  countyCode: string;
  countyName: string;
  programmeCode: string;
  programmeName: string;
  programmeNameEn: string;
  year: number;
  callTitle: string | null;
  origin: 'recorded' | 'service';
  applicationsCount: number | null;
  appliedOre: number | null;
  grantedCount: number | null;
  grantedOre: number | null;
  /** The source's own words, for recorded figures. */
  sourceText: string | null;
  sourceRef: string | null;
}

/** This service's applications of one call, summed in the database. */
export interface ServiceCallAggregate {
  countyCode: string;
  countyName: string;
  programmeCode: string;
  programmeName: string;
  programmeNameEn: string;
  year: number;
  callTitle: string;
  applicationsCount: number;
  /** Sum over the applications that state an amount. */
  appliedSumOre: number;
  /** Applications that state no amount: then the applied sum is not known. */
  appliedMissingCount: number;
  grantedCount: number;
  grantedSumOre: number;
}

export function serviceCallStatistics(a: ServiceCallAggregate): CallStatistics {
  return {
    countyCode: a.countyCode,
    countyName: a.countyName,
    programmeCode: a.programmeCode,
    programmeName: a.programmeName,
    programmeNameEn: a.programmeNameEn,
    year: a.year,
    callTitle: a.callTitle,
    origin: 'service',
    applicationsCount: a.applicationsCount,
    appliedOre: a.appliedMissingCount > 0 ? null : a.appliedSumOre,
    grantedCount: a.grantedCount,
    grantedOre: a.grantedSumOre,
    sourceText: null,
    sourceRef: null,
  };
}

/** The sum, or null when any part is missing: a total over unknown parts would be wrong. */
export function sumOrMissing(values: readonly (number | null)[]): number | null {
  let sum = 0;
  for (const v of values) {
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

export interface CountyYearStatistics {
  countyCode: string;
  countyName: string;
  year: number;
  applicationsCount: number | null;
  appliedOre: number | null;
  grantedCount: number | null;
  grantedOre: number | null;
  origins: ('recorded' | 'service')[];
}

/** Calls summed per county and year, ordered by county code, then year. */
export function countyYearStatistics(calls: readonly CallStatistics[]): CountyYearStatistics[] {
  const groups = new Map<string, CallStatistics[]>();
  for (const c of calls) {
    const key = `${c.countyCode}|${c.year}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()]
    .map((group) => {
      const first = group[0] as CallStatistics;
      return {
        countyCode: first.countyCode,
        countyName: first.countyName,
        year: first.year,
        applicationsCount: sumOrMissing(group.map((c) => c.applicationsCount)),
        appliedOre: sumOrMissing(group.map((c) => c.appliedOre)),
        grantedCount: sumOrMissing(group.map((c) => c.grantedCount)),
        grantedOre: sumOrMissing(group.map((c) => c.grantedOre)),
        origins: [...new Set(group.map((c) => c.origin))].sort(),
      };
    })
    .sort((a, b) => a.countyCode.localeCompare(b.countyCode) || a.year - b.year);
}

/** Calls in the order the page lists them: county, year, programme, recorded before service. */
export function orderCallStatistics(calls: readonly CallStatistics[]): CallStatistics[] {
  return [...calls].sort(
    (a, b) =>
      a.countyCode.localeCompare(b.countyCode) ||
      a.year - b.year ||
      a.programmeCode.localeCompare(b.programmeCode) ||
      a.origin.localeCompare(b.origin) ||
      (a.callTitle ?? '').localeCompare(b.callTitle ?? ''),
  );
}

/** A bar's length on a chart whose longest bar is `maxLength`; null stays null (no bar is drawn). */
export function barLength(value: number | null, maxValue: number, maxLength: number): number | null {
  if (value === null) return null;
  if (maxValue <= 0) return 0;
  return Math.round((value / maxValue) * maxLength * 10) / 10;
}
