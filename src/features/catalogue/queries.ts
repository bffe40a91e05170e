import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  calls,
  counties,
  organisations,
  programmes,
  projectContacts,
  projectMunicipalities,
  projectPartners,
  projectPurposes,
  projects,
  purposes,
} from '../../db/schema/index.ts';
import { type CatalogueFilters, containsPattern, type KnownValues, type ProjectSummary, type SortOrder, sectionOf } from './rules.ts';

export interface Option<T = string> {
  value: T;
  name: string;
  nameEn: string;
}

/** What the filter form offers: every county, and the years, municipalities, purposes etc. that projects have. */
export interface CatalogueOptions {
  counties: Option[];
  years: number[];
  municipalities: (Option & { countyCode: string })[];
  /** `section` is the programme's short name in lists, e.g. "§ 37 a". */
  programmes: (Option & { section: string })[];
  purposes: Option[];
}

export async function loadCatalogueOptions(db: DbOrTx): Promise<CatalogueOptions> {
  const [countyRows, yearRows, municipalityRows, programmeRows, purposeRows] = await Promise.all([
    db.select({ value: counties.code, name: counties.name }).from(counties).orderBy(asc(counties.code)),
    db.selectDistinct({ year: projects.year }).from(projects).orderBy(desc(projects.year)),
    db
      .select({ value: organisations.municipalityCode, name: organisations.name, countyCode: organisations.countyCode })
      .from(organisations)
      .where(
        sql`${organisations.municipalityCode} IN (SELECT DISTINCT ${projectMunicipalities.municipalityCode} FROM ${projectMunicipalities})`,
      )
      .orderBy(asc(organisations.name)),
    db
      .select({ value: programmes.code, name: programmes.name, nameEn: programmes.nameEn, legalBasis: programmes.legalBasis })
      .from(programmes)
      .orderBy(asc(programmes.sortOrder), asc(programmes.code)),
    db
      .select({ value: purposes.code, name: purposes.name, nameEn: purposes.nameEn })
      .from(purposes)
      // Only purposes some granted project of the purpose's programme has: any other choice finds nothing.
      .where(
        sql`EXISTS (SELECT 1 FROM ${projectPurposes} INNER JOIN ${projects} ON ${projects.id} = ${projectPurposes.projectId} WHERE ${projectPurposes.purposeCode} = ${purposes.code} AND ${projects.programmeCode} = ${purposes.programmeCode})`,
      )
      .orderBy(asc(purposes.sortOrder), asc(purposes.id)),
  ]);
  // Two programmes may share a purpose code; the filter matches on the code alone.
  const seenPurposes = new Set<string>();
  return {
    counties: countyRows.map((c) => ({ ...c, nameEn: c.name })),
    years: yearRows.map((r) => r.year),
    municipalities: municipalityRows.flatMap((m) =>
      m.value ? [{ value: m.value, name: m.name, nameEn: m.name, countyCode: m.countyCode }] : [],
    ),
    programmes: programmeRows.map(({ legalBasis, ...p }) => ({ ...p, section: sectionOf(legalBasis) })),
    purposes: purposeRows.filter((p) => !seenPurposes.has(p.value) && seenPurposes.add(p.value)),
  };
}

export function knownValuesOf(options: CatalogueOptions): KnownValues {
  return {
    countyCodes: new Set(options.counties.map((c) => c.value)),
    years: new Set(options.years),
    municipalityCodes: new Set(options.municipalities.map((m) => m.value)),
    programmeCodes: new Set(options.programmes.map((p) => p.value)),
    purposeCodes: new Set(options.purposes.map((p) => p.value)),
  };
}

function whereOf(filters: CatalogueFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.countyCode) conditions.push(eq(projects.countyCode, filters.countyCode));
  if (filters.year !== undefined) conditions.push(eq(projects.year, filters.year));
  if (filters.programmeCode) conditions.push(eq(projects.programmeCode, filters.programmeCode));
  if (filters.municipalityCode) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${projectMunicipalities} WHERE ${projectMunicipalities.projectId} = ${projects.id} AND ${projectMunicipalities.municipalityCode} = ${filters.municipalityCode})`,
    );
  }
  if (filters.purposeCode) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${projectPurposes} WHERE ${projectPurposes.projectId} = ${projects.id} AND ${projectPurposes.purposeCode} = ${filters.purposeCode})`,
    );
  }
  if (filters.text) conditions.push(sql`${projects.searchText} ILIKE ${containsPattern(filters.text)} ESCAPE '\\'`);
  return conditions.length > 0 ? and(...conditions) : undefined;
}

const orderBys: Record<SortOrder, SQL[]> = {
  newest: [desc(projects.year), desc(projects.id)],
  title: [asc(projects.title), asc(projects.id)],
  county: [asc(projects.countyCode), desc(projects.year), desc(projects.id)],
  amount: [sql`${projects.amountOre} DESC NULLS LAST`, desc(projects.id)],
};

const summaryColumns = {
  id: projects.id,
  title: projects.title,
  description: projects.description,
  countyCode: projects.countyCode,
  countyName: counties.name,
  programmeCode: projects.programmeCode,
  programmeName: programmes.name,
  year: projects.year,
  startsOn: projects.startsOn,
  endsOn: projects.endsOn,
  periodSource: projects.periodSource,
  periodNote: projects.periodNote,
  amountOre: projects.amountOre,
  isDemo: projects.isDemo,
  sourceRef: projects.sourceRef,
  sourceDate: projects.sourceDate,
};

function selectSummaries(db: DbOrTx) {
  return db
    .select(summaryColumns)
    .from(projects)
    .innerJoin(counties, eq(counties.code, projects.countyCode))
    .innerJoin(programmes, eq(programmes.code, projects.programmeCode))
    .$dynamic();
}

/** Municipality names and partners of the given projects, in two queries whatever their number. */
async function withRelations(db: DbOrTx, rows: Omit<ProjectSummary, 'municipalities' | 'partners'>[]): Promise<ProjectSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [municipalityRows, partnerRows] = await Promise.all([
    db
      .select({ projectId: projectMunicipalities.projectId, code: projectMunicipalities.municipalityCode, name: organisations.name })
      .from(projectMunicipalities)
      .leftJoin(organisations, eq(organisations.municipalityCode, projectMunicipalities.municipalityCode))
      .where(inArray(projectMunicipalities.projectId, ids))
      .orderBy(asc(organisations.name)),
    db
      .select({ projectId: projectPartners.projectId, name: projectPartners.name })
      .from(projectPartners)
      .where(inArray(projectPartners.projectId, ids))
      .orderBy(asc(projectPartners.sortOrder), asc(projectPartners.id)),
  ]);
  return rows.map((r) => ({
    ...r,
    municipalities: municipalityRows.filter((m) => m.projectId === r.id).map((m) => ({ code: m.code, name: m.name ?? m.code })),
    partners: partnerRows.filter((p) => p.projectId === r.id).map((p) => p.name),
  }));
}

/** One page of the catalogue and the number of matching projects. */
export async function findProjectPage(
  db: DbOrTx,
  filters: CatalogueFilters,
  paging: { limit: number; offset: number },
): Promise<{ projects: ProjectSummary[]; total: number }> {
  const where = whereOf(filters);
  const [rows, totals] = await Promise.all([
    selectSummaries(db)
      .where(where)
      .orderBy(...orderBys[filters.sort])
      .limit(paging.limit)
      .offset(paging.offset),
    db.select({ total: count() }).from(projects).where(where),
  ]);
  return { projects: await withRelations(db, rows), total: totals[0]?.total ?? 0 };
}

/** Every matching project, in the list's order, for the exports. */
export async function findAllProjects(db: DbOrTx, filters: CatalogueFilters): Promise<ProjectSummary[]> {
  const rows = await selectSummaries(db)
    .where(whereOf(filters))
    .orderBy(...orderBys[filters.sort]);
  return withRelations(db, rows);
}

export interface ProjectDetail extends ProjectSummary {
  programmeNameEn: string;
  call: { slug: string; title: string } | null;
  purposes: { code: string; name: string; nameEn: string }[];
  contacts: { name: string; title: string | null; email: string | null; phone: string | null }[];
}

export async function findProject(db: DbOrTx, id: number): Promise<ProjectDetail | null> {
  const [row] = await db
    .select({ ...summaryColumns, programmeNameEn: programmes.nameEn, callSlug: calls.slug, callTitle: calls.title })
    .from(projects)
    .innerJoin(counties, eq(counties.code, projects.countyCode))
    .innerJoin(programmes, eq(programmes.code, projects.programmeCode))
    .leftJoin(calls, eq(calls.id, projects.callId))
    .where(eq(projects.id, id));
  if (!row) return null;
  const { callSlug, callTitle, programmeNameEn, ...summary } = row;
  const [[withNames], purposeRows, contactRows] = await Promise.all([
    withRelations(db, [summary]),
    db
      .select({ code: purposes.code, name: purposes.name, nameEn: purposes.nameEn })
      .from(projectPurposes)
      .innerJoin(purposes, and(eq(purposes.code, projectPurposes.purposeCode), eq(purposes.programmeCode, summary.programmeCode)))
      .where(eq(projectPurposes.projectId, id))
      .orderBy(asc(purposes.sortOrder), asc(purposes.id)),
    db
      .select({ name: projectContacts.name, title: projectContacts.title, email: projectContacts.email, phone: projectContacts.phone })
      .from(projectContacts)
      .where(eq(projectContacts.projectId, id))
      .orderBy(asc(projectContacts.sortOrder), asc(projectContacts.id)),
  ]);
  if (!withNames) return null;
  return {
    ...withNames,
    programmeNameEn,
    call: callSlug && callTitle ? { slug: callSlug, title: callTitle } : null,
    purposes: purposeRows,
    contacts: contactRows,
  };
}
