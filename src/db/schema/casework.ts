import { bigint, char, date, index, jsonb, pgTable, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { applications, attachments } from './applications.ts';
import { persons } from './identity.ts';
import { counties } from './reference.ts';

/** A case officer's assessment (bedömning) against the call's criteria and priorities. */
export const assessments = pgTable('assessments', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id),
  caseOfficerId: uuid('case_officer_id').references(() => persons.id),
  criteria: jsonb('criteria').$type<{ criterion: string; met: boolean | null; comment: string }[]>().notNull().default([]),
  genderPerspective: text('gender_perspective'),
  childPerspective: text('child_perspective'),
  accessibility: text('accessibility'),
  proposedOutcome: text('proposed_outcome', { enum: ['granted', 'partlyGranted', 'rejected', 'dismissed'] }),
  proposedAmountOre: bigint('proposed_amount_ore', { mode: 'number' }),
  notes: text('notes'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const decisions = pgTable('decisions', {
  id: serial('id').primaryKey(),
  applicationId: uuid('application_id')
    .notNull()
    .unique()
    .references(() => applications.id),
  outcome: text('outcome', { enum: ['granted', 'partlyGranted', 'rejected', 'dismissed'] }).notNull(),
  amountOre: bigint('amount_ore', { mode: 'number' }).notNull().default(0),
  reasons: text('reasons').notNull(),
  appealInformation: text('appeal_information').notNull(),
  decidingBoard: char('deciding_board', { length: 2 })
    .notNull()
    .references(() => counties.code),
  decidedBy: uuid('decided_by').references(() => persons.id),
  decidedOn: date('decided_on', { mode: 'string' }).notNull(),
  interimReportDueOn: date('interim_report_due_on', { mode: 'string' }),
  finalReportDueOn: date('final_report_due_on', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const payments = pgTable(
  'payments',
  {
    id: serial('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    payingBoard: char('paying_board', { length: 2 })
      .notNull()
      .references(() => counties.code),
    amountOre: bigint('amount_ore', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['planned', 'paid', 'cancelled'] })
      .notNull()
      .default('planned'),
    plannedOn: date('planned_on', { mode: 'string' }),
    paidOn: date('paid_on', { mode: 'string' }),
    reference: text('reference'),
    registeredBy: uuid('registered_by').references(() => persons.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.applicationId)],
);

/** Interim (delrapport) and final (slutrapport) reports with the separate cost accounts. */
export const reports = pgTable(
  'reports',
  {
    id: serial('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind', { enum: ['interim', 'final'] }).notNull(),
    status: text('status', { enum: ['due', 'draft', 'submitted', 'approved', 'returned'] })
      .notNull()
      .default('due'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    costBreakdown: jsonb('cost_breakdown').$type<{ category: string; budgetOre: number; spentOre: number }[]>(),
    ledgerAttachmentId: uuid('ledger_attachment_id').references(() => attachments.id),
    unusedOre: bigint('unused_ore', { mode: 'number' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    lastReminderAt: timestamp('last_reminder_at', { withTimezone: true }),
  },
  (t) => [index().on(t.status, t.dueOn)],
);

/** Change (ändring) and extension (förlängning) requests, always in writing. */
export const changeRequests = pgTable('change_requests', {
  id: serial('id').primaryKey(),
  applicationId: uuid('application_id')
    .notNull()
    .references(() => applications.id),
  kind: text('kind', { enum: ['change', 'extension'] }).notNull(),
  description: text('description').notNull(),
  requestedEndsOn: date('requested_ends_on', { mode: 'string' }),
  status: text('status', { enum: ['submitted', 'approved', 'refused'] })
    .notNull()
    .default('submitted'),
  answer: text('answer'),
  submittedBy: uuid('submitted_by').references(() => persons.id),
  decidedBy: uuid('decided_by').references(() => persons.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
});

/** A repayment demand (återkrav): paid on wrong grounds, too much, or not used as stated. */
export const repaymentDemands = pgTable('repayment_demands', {
  id: serial('id').primaryKey(),
  applicationId: uuid('application_id')
    .notNull()
    .references(() => applications.id),
  reason: text('reason', { enum: ['wrongGrounds', 'tooMuch', 'notUsedAsStated', 'unused'] }).notNull(),
  explanation: text('explanation').notNull(),
  amountOre: bigint('amount_ore', { mode: 'number' }).notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  status: text('status', { enum: ['issued', 'paid', 'cancelled'] })
    .notNull()
    .default('issued'),
  paidOn: date('paid_on', { mode: 'string' }),
  issuedBy: uuid('issued_by').references(() => persons.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
