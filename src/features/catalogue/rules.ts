import { z } from 'zod';
import { sourceCitation } from '../../platform/sources.ts';

/** Rows per catalogue page. */
export const PAGE_SIZE = 20;

export type SortOrder = 'newest' | 'title' | 'county' | 'amount';

/** The sort orders under their Swedish URL names; the first is the default. */
export const sortParamValues: Record<string, SortOrder> = { nyast: 'newest', titel: 'title', lan: 'county', belopp: 'amount' };
const sortParamOf: Record<SortOrder, string> = { newest: 'nyast', title: 'titel', county: 'lan', amount: 'belopp' };

export interface CatalogueFilters {
  countyCode?: string;
  year?: number;
  municipalityCode?: string;
  programmeCode?: string;
  purposeCode?: string;
  /** Free text, as typed (trimmed). */
  text?: string;
  sort: SortOrder;
  page: number;
}

/** The query parameters of the catalogue and its exports, under their Swedish names. */
export type FilterParam = 'lan' | 'ar' | 'kommun' | 'bidrag' | 'syfte' | 'q' | 'sortering' | 'sida';

/** A parameter that was left out: its value was malformed, or names nothing we know. */
export interface QueryNote {
  param: FilterParam;
  reason: 'invalid' | 'unknown';
}

/** Values that exist in the database, for telling a well-formed but unknown value apart. */
export interface KnownValues {
  countyCodes: ReadonlySet<string>;
  years: ReadonlySet<number>;
  municipalityCodes: ReadonlySet<string>;
  programmeCodes: ReadonlySet<string>;
  purposeCodes: ReadonlySet<string>;
}

const code = (pattern: RegExp) => z.string().regex(pattern);
const paramSchemas = {
  lan: code(/^\d{2}$/),
  ar: code(/^\d{4}$/)
    .transform(Number)
    .pipe(z.number().int().min(1990).max(2100)),
  kommun: code(/^\d{4}$/),
  bidrag: code(/^[a-z0-9]{1,20}$/),
  syfte: code(/^[A-Za-z0-9_-]{1,60}$/),
  q: z.string().max(200),
  sortering: z.enum(Object.keys(sortParamValues) as [string, ...string[]]).transform((v) => sortParamValues[v] as SortOrder),
  sida: code(/^\d{1,5}$/)
    .transform(Number)
    .pipe(z.number().int().min(1)),
} satisfies Record<FilterParam, z.ZodType>;

function parseParam<P extends FilterParam>(
  raw: Record<string, unknown>,
  param: P,
  notes: QueryNote[],
): z.output<(typeof paramSchemas)[P]> | undefined {
  const value = raw[param];
  // An empty value is what the form sends for "all", so it means "no filter", not an error.
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
  const parsed = paramSchemas[param].safeParse(typeof value === 'string' ? value.trim() : value);
  if (!parsed.success) {
    notes.push({ param, reason: 'invalid' });
    return undefined;
  }
  return parsed.data as z.output<(typeof paramSchemas)[P]>;
}

function keepKnown<T>(value: T | undefined, known: ReadonlySet<T> | undefined, param: FilterParam, notes: QueryNote[]): T | undefined {
  if (value === undefined || !known || known.has(value)) return value;
  notes.push({ param, reason: 'unknown' });
  return undefined;
}

/**
 * Reads the catalogue's query string. A malformed value, or (when `known` is given) a value naming
 * nothing in the database, is left out and reported as a note for the page; it never fails the
 * request. Unknown parameter names are ignored silently (tracking tags and the like).
 */
export function parseCatalogueQuery(raw: unknown, known?: KnownValues): { filters: CatalogueFilters; notes: QueryNote[] } {
  const input = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const notes: QueryNote[] = [];
  const countyCode = keepKnown(parseParam(input, 'lan', notes), known?.countyCodes, 'lan', notes);
  const year = keepKnown(parseParam(input, 'ar', notes), known?.years, 'ar', notes);
  const municipalityCode = keepKnown(parseParam(input, 'kommun', notes), known?.municipalityCodes, 'kommun', notes);
  const programmeCode = keepKnown(parseParam(input, 'bidrag', notes), known?.programmeCodes, 'bidrag', notes);
  const purposeCode = keepKnown(parseParam(input, 'syfte', notes), known?.purposeCodes, 'syfte', notes);
  const text = parseParam(input, 'q', notes)?.trim();
  const filters: CatalogueFilters = {
    sort: parseParam(input, 'sortering', notes) ?? 'newest',
    page: parseParam(input, 'sida', notes) ?? 1,
    ...(countyCode !== undefined ? { countyCode } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(municipalityCode !== undefined ? { municipalityCode } : {}),
    ...(programmeCode !== undefined ? { programmeCode } : {}),
    ...(purposeCode !== undefined ? { purposeCode } : {}),
    ...(text ? { text } : {}),
  };
  return { filters, notes };
}

/**
 * The canonical query string for filters, so that every link to the same list is the same URL
 * (shareable, and one page-cache entry). Defaults are left out.
 */
export function catalogueQueryString(filters: CatalogueFilters, options: { page?: number; withPaging?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (filters.countyCode) params.set('lan', filters.countyCode);
  if (filters.year !== undefined) params.set('ar', String(filters.year));
  if (filters.municipalityCode) params.set('kommun', filters.municipalityCode);
  if (filters.programmeCode) params.set('bidrag', filters.programmeCode);
  if (filters.purposeCode) params.set('syfte', filters.purposeCode);
  if (filters.text) params.set('q', filters.text);
  if (filters.sort !== 'newest') params.set('sortering', sortParamOf[filters.sort]);
  const page = options.page ?? filters.page;
  if (options.withPaging !== false && page > 1) params.set('sida', String(page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The sort order's Swedish URL value, for the form's select. */
export function sortParam(sort: SortOrder): string {
  return sortParamOf[sort];
}

/** The ILIKE pattern for a free-text search: the text anywhere, with its own `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function pageOffset(page: number, pageSize = PAGE_SIZE): number {
  return (page - 1) * pageSize;
}

/** The section a programme's legal basis ends with ("… (2010:1122) …, § 37 a" gives "§ 37 a"), or all of it. */
export function sectionOf(legalBasis: string): string {
  const at = legalBasis.lastIndexOf('§');
  return at === -1 ? legalBasis : legalBasis.slice(at).trim();
}

export interface ProjectPeriodFields {
  startsOn: string | null;
  endsOn: string | null;
  periodSource: string | null;
  periodNote: string | null;
}

export type PeriodView =
  | { kind: 'dates'; startsOn: string; endsOn: string }
  | { kind: 'source'; wording: string; note: string | null }
  | { kind: 'missing' };

/**
 * How to show a project's period: the parsed dates when both are sound; otherwise the source's own
 * wording (e.g. the impossible "31 juni 2019") with the note explaining what is missing.
 */
export function describePeriod(p: ProjectPeriodFields): PeriodView {
  if (p.startsOn && p.endsOn && !p.periodNote) return { kind: 'dates', startsOn: p.startsOn, endsOn: p.endsOn };
  if (p.periodSource) return { kind: 'source', wording: p.periodSource, note: p.periodNote };
  return { kind: 'missing' };
}

/** Kronor as Swedish Excel reads a number: decimal comma, no grouping, öre only when present. */
export function kronorForSpreadsheet(ore: number): string {
  const kronor = Math.trunc(ore / 100);
  const rest = Math.abs(ore % 100);
  return rest === 0 ? String(kronor) : `${kronor},${String(rest).padStart(2, '0')}`;
}

/** Kronor as a JSON number (öre are integers, so the division is exact to two decimals). */
export function kronorOf(ore: number): number {
  return ore / 100;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell, quoted. A cell that a spreadsheet would run as a formula is prefixed with an
 * apostrophe (OWASP's advice against CSV injection).
 */
export function csvCell(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** CSV for Swedish Excel: UTF-8 byte order mark, semicolons, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A project as listed in the catalogue and its exports. */
export interface ProjectSummary extends ProjectPeriodFields {
  id: number;
  title: string;
  description: string;
  countyCode: string;
  countyName: string;
  programmeCode: string;
  programmeName: string;
  year: number;
  amountOre: number | null;
  isDemo: boolean;
  sourceRef: string | null;
  sourceDate: string | null;
  municipalities: { code: string; name: string }[];
  partners: string[];
}

export const csvHeader = [
  'Id',
  'Titel',
  'Beskrivning',
  'Län',
  'Länskod',
  'Kommuner',
  'Kommunkoder',
  'Samverkansparter',
  'Bidrag',
  'År',
  'Startdatum',
  'Slutdatum',
  'Period enligt källan',
  'Anmärkning om perioden',
  'Belopp (kr)',
  'Demodata',
  'Källa',
  'Källans datum',
  'Webbadress',
] as const;

/** The catalogue as CSV rows; contact people are left out of every export. */
export function projectsCsv(projects: readonly ProjectSummary[], baseUrl: string): string {
  return toCsv(
    csvHeader,
    projects.map((p) => [
      p.id,
      p.title,
      p.description,
      p.countyName,
      p.countyCode,
      p.municipalities.map((m) => m.name).join(', '),
      p.municipalities.map((m) => m.code).join(', '),
      p.partners.join(', '),
      p.programmeName,
      p.year,
      p.startsOn,
      p.endsOn,
      p.periodSource,
      p.periodNote,
      p.amountOre === null ? null : kronorForSpreadsheet(p.amountOre),
      p.isDemo ? 'ja' : 'nej',
      p.sourceRef && sourceCitation(p.sourceRef),
      p.sourceDate,
      `${baseUrl}/projekt/${p.id}`,
    ]),
  );
}

/** Filters as the JSON export states them, under the same names as the query string. */
export function filtersForExport(filters: CatalogueFilters): Record<string, string | number> {
  return {
    ...(filters.countyCode ? { lan: filters.countyCode } : {}),
    ...(filters.year !== undefined ? { ar: filters.year } : {}),
    ...(filters.municipalityCode ? { kommun: filters.municipalityCode } : {}),
    ...(filters.programmeCode ? { bidrag: filters.programmeCode } : {}),
    ...(filters.purposeCode ? { syfte: filters.purposeCode } : {}),
    ...(filters.text ? { q: filters.text } : {}),
    sortering: sortParamOf[filters.sort],
  };
}

/**
 * The catalogue as an open-data JSON document; contact people are left out. `notes` are the query
 * parameters that were left out (malformed or naming nothing), listed as `ignoredFilters` so a
 * consumer can tell "everything" from "my filter was not understood".
 */
export function projectsJson(
  projects: readonly ProjectSummary[],
  filters: CatalogueFilters,
  meta: { generated: Date; source: string; baseUrl: string },
  notes: readonly QueryNote[] = [],
) {
  return {
    generated: meta.generated.toISOString(),
    source: meta.source,
    filters: filtersForExport(filters),
    ignoredFilters: [...new Set(notes.map((n) => n.param))],
    count: projects.length,
    projects: projects.map((p) => ({
      id: p.id,
      url: `${meta.baseUrl}/projekt/${p.id}`,
      title: p.title,
      description: p.description,
      county: { code: p.countyCode, name: p.countyName },
      programme: { code: p.programmeCode, name: p.programmeName },
      year: p.year,
      municipalities: p.municipalities,
      partners: p.partners,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      periodSource: p.periodSource,
      periodNote: p.periodNote,
      amountOre: p.amountOre,
      amountKronor: p.amountOre === null ? null : kronorOf(p.amountOre),
      isDemo: p.isDemo,
      // The stored reference for programs, the page it stands for for people.
      sourceRef: p.sourceRef,
      source: p.sourceRef && sourceCitation(p.sourceRef),
      sourceDate: p.sourceDate,
    })),
  };
}

/** Page numbers to link from the pagination: the ends and the neighbours of the current page. */
export function pageWindow(current: number, total: number): (number | 'gap')[] {
  const pages = [...new Set([1, current - 1, current, current + 1, total])].filter((p) => p >= 1 && p <= total).sort((a, b) => a - b);
  return pages.flatMap((p, i) => (i > 0 && p - (pages[i - 1] ?? p) > 1 ? ['gap' as const, p] : [p]));
}
