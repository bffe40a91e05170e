import { bigint, boolean, char, date, index, integer, pgTable, primaryKey, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { calls, programmes } from './programmes.ts';
import { counties } from './reference.ts';

/** A granted project (beviljad insats) as published in the public catalogue. */
export const projects = pgTable(
  'projects',
  {
    id: serial('id').primaryKey(),
    callId: integer('call_id').references(() => calls.id),
    /** Set when the project came through this service's own application and decision. */
    applicationId: uuid('application_id'),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    programmeCode: text('programme_code')
      .notNull()
      .references(() => programmes.code),
    /** The year the grant was decided, as the source groups it. */
    year: integer('year').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    periodSource: text('period_source'),
    periodNote: text('period_note'),
    amountOre: bigint('amount_ore', { mode: 'number' }),
    isDemo: boolean('is_demo').notNull().default(false),
    sourceRef: text('source_ref'),
    sourceDate: text('source_date'),
    /** Lower-cased title, description, municipalities and partners for the free-text filter. */
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('projects_county_year').on(t.countyCode, t.year, t.id),
    index('projects_year').on(t.year, t.id),
    index('projects_programme').on(t.programmeCode),
  ],
);

export const projectMunicipalities = pgTable(
  'project_municipalities',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    municipalityCode: char('municipality_code', { length: 4 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.municipalityCode] }), index().on(t.municipalityCode)],
);

export const projectPurposes = pgTable(
  'project_purposes',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    purposeCode: text('purpose_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.purposeCode] }), index().on(t.purposeCode)],
);

export const projectPartners = pgTable(
  'project_partners',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  // The catalogue fetches the partners of a page's projects by project id.
  (t) => [index().on(t.projectId)],
);

export const projectContacts = pgTable(
  'project_contacts',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    title: text('title'),
    phone: text('phone'),
    /** Shown on the project page, never exported. */
    email: text('email'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index().on(t.projectId)],
);
