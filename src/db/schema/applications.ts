import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { persons } from './identity.ts';
import { calls } from './programmes.ts';
import { counties, organisations } from './reference.ts';

/**
 * An application. While `status` is 'draft' it lives in the applying organisation's private space
 * (eget utrymme) and is not a public record; no staff role may read it.
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: integer('call_id')
      .notNull()
      .references(() => calls.id),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid('created_by').references(() => persons.id),
    status: text('status', {
      enum: ['draft', 'submitted', 'inPreparation', 'decided', 'closed'],
    })
      .notNull()
      .default('draft'),
    /** Optimistic locking: every save must name the version it started from. */
    version: integer('version').notNull().default(1),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    title: text('title').notNull().default(''),
    amountAppliedOre: bigint('amount_applied_ore', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => persons.id),
    deletionWarnedAt: timestamp('deletion_warned_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    isLate: boolean('is_late').notNull().default(false),
    registryCaseId: integer('registry_case_id'),
    /** How it arrived: through the e-service, or registered by a case officer from mail or post. */
    channel: text('channel', { enum: ['eService', 'email', 'post'] })
      .notNull()
      .default('eService'),
    /** Set one year after submission: the item leaves Mina sidor but stays in the registry. */
    removedFromMyPagesAt: timestamp('removed_from_my_pages_at', { withTimezone: true }),
    /** The application whose answers this draft started from ("start from a previous application"). */
    copiedFromId: uuid('copied_from_id'),
  },
  (t) => [index().on(t.organisationId, t.status), index().on(t.callId, t.status), index().on(t.status, t.updatedAt)],
);

/**
 * A save that was refused because someone else had saved a newer version in between: kept, so
 * neither person's work is lost, until the draft is submitted or deleted.
 */
export const draftConflicts = pgTable(
  'draft_conflicts',
  {
    id: serial('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    basedOnVersion: integer('based_on_version').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    attemptedBy: uuid('attempted_by').references(() => persons.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.applicationId)],
);

/** The frozen content of an application at submission: immutable, hashed. */
export const applicationSnapshots = pgTable('application_snapshots', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id),
  content: text('content').notNull(),
  sha256: char('sha256', { length: 64 }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A signatory's approval of the exact snapshot content in the e-service. */
export const signatoryApprovals = pgTable(
  'signatory_approvals',
  {
    id: serial('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    contentSha256: char('content_sha256', { length: 64 }).notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Every page of an application looks up its latest approval.
  (t) => [index().on(t.applicationId, t.approvedAt)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    kind: text('kind', {
      enum: ['signatoryCertificate', 'partnerCertificate', 'projectPlan', 'ledgerExtract', 'other'],
    }).notNull(),
    /** For a partner certificate: which partner (index in the answers) it belongs to. */
    partnerIndex: integer('partner_index'),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    storageKey: text('storage_key').notNull(),
    scanStatus: text('scan_status', { enum: ['notScanned', 'pending', 'clean', 'infected'] })
      .notNull()
      .default('notScanned'),
    uploadedBy: uuid('uploaded_by').references(() => persons.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.applicationId)],
);

/** Gap-free counters: one row per board and year, bumped inside the registering transaction. */
export const registrySequences = pgTable(
  'registry_sequences',
  {
    boardCountyCode: char('board_county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    year: integer('year').notNull(),
    lastSequence: integer('last_sequence').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.boardCountyCode, t.year] })],
);

/** A case (ärende) in a board's registry, identified by its registry number. */
export const registryCases = pgTable(
  'registry_cases',
  {
    id: serial('id').primaryKey(),
    boardCountyCode: char('board_county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    caseCode: char('case_code', { length: 3 }).notNull(),
    sequence: integer('sequence').notNull(),
    year: integer('year').notNull(),
    /**
     * "<case-type code>-<sequence>-<year>" as Länsstyrelsen writes it, e.g. "403-123456-2012": made
     * by the database from the row, so a number can never disagree with its sequence.
     */
    registryNumber: text('registry_number').notNull().generatedAlwaysAs(sql`rtrim(case_code) || '-' || sequence || '-' || year`),
    subject: text('subject').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.boardCountyCode, t.year, t.sequence), unique().on(t.boardCountyCode, t.registryNumber)],
);

/** A document registered in a case: the application, each supplement, decisions, reports. */
export const registryDocuments = pgTable(
  'registry_documents',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => registryCases.id),
    documentNumber: integer('document_number').notNull(),
    kind: text('kind', {
      enum: [
        'application',
        'supplement',
        'statement',
        'decision',
        'interimReport',
        'finalReport',
        'changeRequest',
        'repaymentDemand',
        'other',
      ],
    }).notNull(),
    direction: text('direction', { enum: ['incoming', 'outgoing'] })
      .notNull()
      .default('incoming'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    sender: text('sender').notNull(),
    /** In brief what the document concerns, with no confidential content. */
    description: text('description').notNull(),
    isLate: boolean('is_late').notNull().default(false),
  },
  (t) => [unique().on(t.caseId, t.documentNumber)],
);

/** A supplement (komplettering) or statement (yttrande) added after submission. */
export const supplements = pgTable(
  'supplements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    statement: text('statement'),
    registryDocumentId: integer('registry_document_id').references(() => registryDocuments.id),
    submittedBy: uuid('submitted_by').references(() => persons.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Every page of a submitted application lists its supplements.
  (t) => [index().on(t.applicationId)],
);

export const supplementAttachments = pgTable(
  'supplement_attachments',
  {
    supplementId: uuid('supplement_id')
      .notNull()
      .references(() => supplements.id),
    attachmentId: uuid('attachment_id')
      .notNull()
      .references(() => attachments.id),
  },
  (t) => [primaryKey({ columns: [t.supplementId, t.attachmentId] })],
);

/** Idempotency keys for state-changing form posts (double clicks, retries after a timeout). */
export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text('key').primaryKey(),
  result: jsonb('result').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
