import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { contacts, counties, countyProgrammes, priorities, programmes, purposes, targetGroups } from '../../db/schema/index.ts';

export type Programme = typeof programmes.$inferSelect;

export interface PresentingCounty {
  slug: string;
  name: string;
}

export interface ProgrammeWithCounties extends Programme {
  counties: PresentingCounty[];
}

const swedishOrder = new Intl.Collator('sv');

async function presentingCounties(db: DbOrTx, programmeCodes: string[]) {
  if (programmeCodes.length === 0) return [];
  const rows = await db
    .select({ programmeCode: countyProgrammes.programmeCode, slug: counties.slug, name: counties.name })
    .from(countyProgrammes)
    .innerJoin(counties, eq(counties.code, countyProgrammes.countyCode))
    .where(inArray(countyProgrammes.programmeCode, programmeCodes));
  // A server's collation may sort Ö as O; Swedish puts Å, Ä, Ö last.
  return rows.sort((a, b) => swedishOrder.compare(a.name, b.name));
}

/** Every programme with the counties whose boards present it. */
export async function listProgrammes(db: DbOrTx): Promise<ProgrammeWithCounties[]> {
  const rows = await db.select().from(programmes).orderBy(asc(programmes.sortOrder), asc(programmes.code));
  const presenting = await presentingCounties(
    db,
    rows.map((p) => p.code),
  );
  return rows.map((p) => ({
    ...p,
    counties: presenting.filter((c) => c.programmeCode === p.code).map(({ slug, name }) => ({ slug, name })),
  }));
}

export type Purpose = typeof purposes.$inferSelect;
export type TargetGroup = typeof targetGroups.$inferSelect;

export interface ProgrammeDetail extends ProgrammeWithCounties {
  purposes: Purpose[];
  targetGroups: TargetGroup[];
}

export async function getProgramme(db: DbOrTx, code: string): Promise<ProgrammeDetail | null> {
  const [programme] = await db.select().from(programmes).where(eq(programmes.code, code));
  if (!programme) return null;
  const [purposeRows, groupRows, presenting] = await Promise.all([
    db.select().from(purposes).where(eq(purposes.programmeCode, code)).orderBy(asc(purposes.sortOrder), asc(purposes.id)),
    db.select().from(targetGroups).where(eq(targetGroups.programmeCode, code)).orderBy(asc(targetGroups.sortOrder), asc(targetGroups.id)),
    presentingCounties(db, [code]),
  ]);
  return {
    ...programme,
    purposes: purposeRows,
    targetGroups: groupRows,
    counties: presenting.map(({ slug, name }) => ({ slug, name })),
  };
}

export interface CountyProgrammeDetail {
  programme: Programme;
  county: { code: string; slug: string; name: string };
  page: typeof countyProgrammes.$inferSelect;
  /** Newest year first, each year's texts in the source's order. */
  priorities: { year: number; text: string; sourceRef: string }[];
  contacts: (typeof contacts.$inferSelect)[];
}

/** A county's own page for a programme; null when the county or its page does not exist. */
export async function getCountyProgramme(db: DbOrTx, programmeCode: string, countySlug: string): Promise<CountyProgrammeDetail | null> {
  const [row] = await db
    .select({
      programme: programmes,
      county: { code: counties.code, slug: counties.slug, name: counties.name },
      page: countyProgrammes,
    })
    .from(countyProgrammes)
    .innerJoin(counties, eq(counties.code, countyProgrammes.countyCode))
    .innerJoin(programmes, eq(programmes.code, countyProgrammes.programmeCode))
    .where(and(eq(countyProgrammes.programmeCode, programmeCode), eq(counties.slug, countySlug)));
  if (!row) return null;
  const countyCode = row.county.code;
  const [priorityRows, contactRows] = await Promise.all([
    db
      .select({ year: priorities.year, text: priorities.text, sourceRef: priorities.sourceRef })
      .from(priorities)
      .where(and(eq(priorities.countyCode, countyCode), eq(priorities.programmeCode, programmeCode)))
      .orderBy(desc(priorities.year), asc(priorities.sortOrder), asc(priorities.id)),
    db
      .select()
      .from(contacts)
      .where(
        and(
          eq(contacts.countyCode, countyCode),
          inArray(contacts.context, ['programme', 'projects']),
          or(eq(contacts.programmeCode, programmeCode), isNull(contacts.programmeCode)),
        ),
      )
      .orderBy(asc(contacts.sortOrder), asc(contacts.id)),
  ]);
  return { ...row, priorities: priorityRows, contacts: contactRows };
}
