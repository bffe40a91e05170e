import { sql } from 'drizzle-orm';
import { boolean, char, check, integer, pgTable, serial, text, varchar } from 'drizzle-orm/pg-core';

/** The 21 counties (län) with their two-digit SCB code. */
export const counties = pgTable('counties', {
  code: char('code', { length: 2 }).primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  slug: text('slug').notNull().unique(),
});

/** One county administrative board (länsstyrelse) per county. */
export const countyBoards = pgTable('county_boards', {
  countyCode: char('county_code', { length: 2 })
    .primaryKey()
    .references(() => counties.code),
  name: text('name').notNull(),
  // Null until an administrator fills it in: we never invent organisation numbers.
  orgNumber: varchar('org_number', { length: 11 }),
  functionalMailbox: text('functional_mailbox'),
});

/** Municipalities (kommun) and municipal federations (kommunalförbund) that may apply. */
export const organisations = pgTable(
  'organisations',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: ['municipality', 'municipalFederation'] }).notNull(),
    name: text('name').notNull(),
    municipalityCode: char('municipality_code', { length: 4 }).unique(),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    orgNumber: varchar('org_number', { length: 11 }),
    isDemo: boolean('is_demo').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [check('organisation_kind_code', sql`(${t.kind} = 'municipality') = (${t.municipalityCode} IS NOT NULL)`)],
);
