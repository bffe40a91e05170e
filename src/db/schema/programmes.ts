import { sql } from 'drizzle-orm';
import { bigint, boolean, char, check, date, index, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { counties } from './reference.ts';

/** A grant type with its rules: § 37 a (s37a) and § 37 (s37) of förordning (2010:1122). */
export const programmes = pgTable('programmes', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  legalBasis: text('legal_basis').notNull(),
  summary: text('summary').notNull(),
  summaryEn: text('summary_en').notNull(),
  /** Organisation kinds that may apply. */
  eligibleKinds: text('eligible_kinds').array().notNull(),
  eligibilityText: text('eligibility_text').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** A purpose (syfte) of a programme, valid for a span of years (null = open-ended). */
export const purposes = pgTable(
  'purposes',
  {
    id: serial('id').primaryKey(),
    programmeCode: text('programme_code')
      .notNull()
      .references(() => programmes.code),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    fromYear: integer('from_year'),
    toYear: integer('to_year'),
    sourceRef: text('source_ref').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [unique().on(t.programmeCode, t.code)],
);

/** A target group (målgrupp) of a programme, valid for a span of years. */
export const targetGroups = pgTable(
  'target_groups',
  {
    id: serial('id').primaryKey(),
    programmeCode: text('programme_code')
      .notNull()
      .references(() => programmes.code),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    fromYear: integer('from_year'),
    toYear: integer('to_year'),
    sourceRef: text('source_ref').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [unique().on(t.programmeCode, t.code)],
);

/** How one county presents a programme: its own texts, priorities per year, contacts. */
export const countyProgrammes = pgTable(
  'county_programmes',
  {
    id: serial('id').primaryKey(),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    programmeCode: text('programme_code')
      .notNull()
      .references(() => programmes.code),
    title: text('title').notNull(),
    intro: text('intro').notNull(),
    howToApply: text('how_to_apply'),
    afterGrant: text('after_grant'),
    sourceRef: text('source_ref').notNull(),
    sourceDate: text('source_date'),
  },
  (t) => [unique().on(t.countyCode, t.programmeCode)],
);

/** Yearly priorities (prioriteringar) of a county for a programme, as the source states them. */
export const priorities = pgTable('priorities', {
  id: serial('id').primaryKey(),
  countyCode: char('county_code', { length: 2 })
    .notNull()
    .references(() => counties.code),
  programmeCode: text('programme_code')
    .notNull()
    .references(() => programmes.code),
  year: integer('year').notNull(),
  text: text('text').notNull(),
  sourceRef: text('source_ref').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** A call (utlysning): one round in one county with a period and a budget. */
export const calls = pgTable(
  'calls',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    programmeCode: text('programme_code')
      .notNull()
      .references(() => programmes.code),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** Calendar dates in Europe/Stockholm; the last day is inclusive. Null when the source gives none. */
    opensOn: date('opens_on', { mode: 'string' }),
    closesOn: date('closes_on', { mode: 'string' }),
    /** The source's own wording of the period, kept beside the parsed dates. */
    periodSource: text('period_source'),
    /** What the source says when it gives only part of a date, e.g. "avslutades i april". */
    periodNote: text('period_note'),
    budgetOre: bigint('budget_ore', { mode: 'number' }),
    maxAmountOre: bigint('max_amount_ore', { mode: 'number' }),
    criteria: jsonb('criteria').$type<string[]>().notNull().default([]),
    preparingBoard: char('preparing_board', { length: 2 }).references(() => counties.code),
    decidingBoard: char('deciding_board', { length: 2 }).references(() => counties.code),
    payingBoard: char('paying_board', { length: 2 }).references(() => counties.code),
    decisionAnnouncedOn: date('decision_announced_on', { mode: 'string' }),
    decisionAnnouncedSource: text('decision_announced_source'),
    paymentBy: date('payment_by', { mode: 'string' }),
    paymentBySource: text('payment_by_source'),
    functionalMailbox: text('functional_mailbox'),
    isDemo: boolean('is_demo').notNull().default(false),
    sourceRef: text('source_ref'),
    sourceDate: text('source_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('calls_county_year').on(t.countyCode, t.year),
    check('calls_period_order', sql`${t.opensOn} IS NULL OR ${t.closesOn} IS NULL OR ${t.opensOn} <= ${t.closesOn}`),
    check('calls_budget_positive', sql`${t.budgetOre} IS NULL OR ${t.budgetOre} >= 0`),
  ],
);

/** A contact person or functional mailbox for a county's programme or its integration council. */
export const contacts = pgTable('contacts', {
  id: serial('id').primaryKey(),
  countyCode: char('county_code', { length: 2 })
    .notNull()
    .references(() => counties.code),
  programmeCode: text('programme_code').references(() => programmes.code),
  context: text('context', { enum: ['programme', 'council', 'projects'] })
    .notNull()
    .default('programme'),
  name: text('name').notNull(),
  title: text('title'),
  phone: text('phone'),
  /** Kept for the pages; never exported (real people's addresses stay out of open data). */
  email: text('email'),
  sourceRef: text('source_ref').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/**
 * A figure a source states without the underlying applications, kept with its source, e.g.
 * "Länsstyrelsen Stockholm har under våren 2022 förmedlat 8 480 000 kronor".
 */
export const recordedFigures = pgTable('recorded_figures', {
  id: serial('id').primaryKey(),
  countyCode: char('county_code', { length: 2 }).references(() => counties.code),
  programmeCode: text('programme_code').references(() => programmes.code),
  callId: integer('call_id').references(() => calls.id),
  year: integer('year').notNull(),
  kind: text('kind', { enum: ['distributed', 'projectsGranted', 'nationalFunds'] }).notNull(),
  amountOre: bigint('amount_ore', { mode: 'number' }),
  count: integer('count'),
  label: text('label').notNull(),
  sourceText: text('source_text').notNull(),
  sourceRef: text('source_ref').notNull(),
});

/** Call statistics a source states (applied vs granted) for calls run before this service. */
export const recordedStatistics = pgTable('recorded_statistics', {
  id: serial('id').primaryKey(),
  countyCode: char('county_code', { length: 2 })
    .notNull()
    .references(() => counties.code),
  programmeCode: text('programme_code')
    .notNull()
    .references(() => programmes.code),
  year: integer('year').notNull(),
  callId: integer('call_id').references(() => calls.id),
  applicationsCount: integer('applications_count'),
  appliedOre: bigint('applied_ore', { mode: 'number' }),
  grantedCount: integer('granted_count'),
  grantedOre: bigint('granted_ore', { mode: 'number' }),
  sourceText: text('source_text').notNull(),
  sourceRef: text('source_ref').notNull(),
});
