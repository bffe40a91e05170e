import { boolean, char, date, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { counties } from './reference.ts';

/** A glossary (ordförklaringar) entry. */
export const glossaryEntries = pgTable('glossary_entries', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  headword: text('headword').notNull(),
  /** True when the headword was supplied editorially because the source lost it. */
  headwordIsEditorial: boolean('headword_is_editorial').notNull().default(false),
  definition: text('definition').notNull(),
  sourceRef: text('source_ref').notNull(),
  editorialNote: text('editorial_note'),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** A member of a county's integration council (Integrationsrådet). */
export const councilMembers = pgTable('council_members', {
  id: serial('id').primaryKey(),
  countyCode: char('county_code', { length: 2 })
    .notNull()
    .references(() => counties.code),
  name: text('name').notNull(),
  role: text('role').notNull(),
  sourceRef: text('source_ref').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** A council meeting; the source's wording is kept because it can contradict the calendar. */
export const councilMeetings = pgTable('council_meetings', {
  id: serial('id').primaryKey(),
  countyCode: char('county_code', { length: 2 })
    .notNull()
    .references(() => counties.code),
  meetsOn: date('meets_on', { mode: 'string' }),
  timeText: text('time_text'),
  dateSource: text('date_source').notNull(),
  note: text('note'),
  sourceRef: text('source_ref').notNull(),
});

/** A county council's own description. */
export const councils = pgTable('councils', {
  countyCode: char('county_code', { length: 2 })
    .primaryKey()
    .references(() => counties.code),
  description: text('description').notNull(),
  mission: text('mission').array().notNull(),
  sourceRef: text('source_ref').notNull(),
  sourceDate: text('source_date'),
});
