import { char, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { counties, organisations } from './reference.ts';

/** A person known through an identity provider: a member of the public or staff. */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    /** For identity only; never shown in full to anyone else. */
    personalIdentityNumber: char('personal_identity_number', { length: 12 }).unique(),
    givenName: text('given_name'),
    familyName: text('family_name'),
    email: text('email'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [unique().on(t.issuer, t.subject)],
);

/** A person acting for a municipality or federation. Roles: applicant, signatory. */
export const memberships = pgTable(
  'memberships',
  {
    id: serial('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    roles: text('roles').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.personId, t.organisationId)],
);

/** County-board staff. Roles: caseOfficer, decisionMaker, finance, admin. */
export const staffMemberships = pgTable(
  'staff_memberships',
  {
    id: serial('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    boardCountyCode: char('board_county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    roles: text('roles').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.personId, t.boardCountyCode)],
);

/** A first-time applicant's request to act for an organisation, and the administrator's answer. */
export const accessRequests = pgTable(
  'access_requests',
  {
    id: serial('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    requestedRoles: text('requested_roles').array().notNull(),
    motivation: text('motivation'),
    status: text('status', { enum: ['pending', 'approved', 'refused'] })
      .notNull()
      .default('pending'),
    decidedBy: uuid('decided_by').references(() => persons.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    answer: text('answer'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organisationId, t.status)],
);

/** A pending e-mail verification; the token is stored as its SHA-256 only. */
export const emailVerifications = pgTable('email_verifications', {
  tokenHash: char('token_hash', { length: 64 }).primaryKey(),
  personId: uuid('person_id')
    .notNull()
    .references(() => persons.id),
  email: text('email').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** Server-side sessions, shared by every app instance on the same database. */
export const sessions = pgTable(
  'sessions',
  {
    sid: text('sid').primaryKey(),
    data: jsonb('data').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.expiresAt)],
);

/**
 * What the embedded identity provider (development and demos) keeps between requests: its
 * sessions, interactions, grants, codes and tokens, and its signing key. In the database so that a
 * login started on one app instance can finish on another, and survives a restart.
 */
export const localIdpRecords = pgTable(
  'local_idp_records',
  {
    model: text('model').notNull(),
    id: text('id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    grantId: text('grant_id'),
    userCode: text('user_code'),
    uid: text('uid'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.model, t.id] }), index().on(t.uid), index().on(t.grantId), index().on(t.expiresAt)],
);
