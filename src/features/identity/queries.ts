import { and, asc, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  accessRequests,
  applications,
  calls,
  countyBoards,
  emailVerifications,
  memberships,
  organisations,
  persons,
} from '../../db/schema/index.ts';
import type { Identity } from '../../platform/auth/claims.ts';
import type { Actor, MemberRole } from '../../platform/auth/policy.ts';
import { callPreparingBoard, readableApplications } from '../../platform/auth/queries.ts';
import { mergeRoles } from './rules.ts';

/**
 * Finds or records the person who just logged in. Members of the public are found by personnummer
 * (a broker may change `sub`), staff by issuer and subject.
 */
export async function recordLogin(tx: DbOrTx, identity: Identity, now: Date): Promise<string> {
  const where = identity.personalIdentityNumber
    ? eq(persons.personalIdentityNumber, identity.personalIdentityNumber)
    : and(eq(persons.issuer, identity.issuer), eq(persons.subject, identity.subject));
  const names = {
    ...(identity.givenName ? { givenName: identity.givenName } : {}),
    ...(identity.familyName ? { familyName: identity.familyName } : {}),
  };
  const [found] = await tx
    .update(persons)
    .set({ issuer: identity.issuer, subject: identity.subject, lastLoginAt: now, ...names })
    .where(where)
    .returning({ id: persons.id });
  if (found) return found.id;
  const [created] = await tx
    .insert(persons)
    .values({
      issuer: identity.issuer,
      subject: identity.subject,
      personalIdentityNumber: identity.personalIdentityNumber,
      givenName: identity.givenName,
      familyName: identity.familyName,
      lastLoginAt: now,
    })
    .returning({ id: persons.id });
  return created!.id;
}

export async function findPerson(db: DbOrTx, personId: string) {
  const [person] = await db.select().from(persons).where(eq(persons.id, personId));
  return person ?? null;
}

/** Applications a staff member reaches through their board's roles in the calls. */
export async function listStaffApplications(db: DbOrTx, actor: Actor) {
  return db
    .select({
      id: applications.id,
      title: applications.title,
      status: applications.status,
      organisationName: organisations.name,
      callTitle: calls.title,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(readableApplications(actor))
    .orderBy(desc(applications.submittedAt))
    .limit(100);
}

/** Calls in which one of the boards has a role: preparing (its own county's, when none is named), deciding or paying. */
export async function listBoardCalls(db: DbOrTx, boardCountyCodes: string[]) {
  if (boardCountyCodes.length === 0) return [];
  return db
    .select({
      slug: calls.slug,
      title: calls.title,
      year: calls.year,
      preparingBoard: sql<string>`${callPreparingBoard}`,
      decidingBoard: calls.decidingBoard,
      payingBoard: calls.payingBoard,
    })
    .from(calls)
    .where(
      or(
        inArray(callPreparingBoard, boardCountyCodes),
        inArray(calls.decidingBoard, boardCountyCodes),
        inArray(calls.payingBoard, boardCountyCodes),
      ),
    )
    .orderBy(desc(calls.year), asc(calls.title));
}

export async function listOrganisations(db: DbOrTx) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .orderBy(asc(organisations.kind), asc(organisations.sortOrder), asc(organisations.name));
}

export async function findOrganisation(db: DbOrTx, id: number) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, id));
  return org ?? null;
}

export async function hasPendingAccessRequest(db: DbOrTx, personId: string, organisationId: number): Promise<boolean> {
  const rows = await db
    .select({ id: accessRequests.id })
    .from(accessRequests)
    .where(
      and(eq(accessRequests.personId, personId), eq(accessRequests.organisationId, organisationId), eq(accessRequests.status, 'pending')),
    );
  return rows.length > 0;
}

export async function createAccessRequest(
  db: DbOrTx,
  request: { personId: string; organisationId: number; roles: MemberRole[]; motivation: string | null },
): Promise<void> {
  await db.insert(accessRequests).values({
    personId: request.personId,
    organisationId: request.organisationId,
    requestedRoles: request.roles,
    motivation: request.motivation,
  });
}

export async function listOwnAccessRequests(db: DbOrTx, personId: string) {
  return db
    .select({
      id: accessRequests.id,
      organisationName: organisations.name,
      requestedRoles: accessRequests.requestedRoles,
      status: accessRequests.status,
      answer: accessRequests.answer,
      createdAt: accessRequests.createdAt,
    })
    .from(accessRequests)
    .innerJoin(organisations, eq(organisations.id, accessRequests.organisationId))
    .where(eq(accessRequests.personId, personId))
    .orderBy(desc(accessRequests.createdAt));
}

/** Pending requests for organisations in the given counties, for their boards' administrators. */
export async function listPendingAccessRequests(db: DbOrTx, countyCodes: string[]) {
  if (countyCodes.length === 0) return [];
  return db
    .select({
      id: accessRequests.id,
      givenName: persons.givenName,
      familyName: persons.familyName,
      organisationName: organisations.name,
      boardName: countyBoards.name,
      requestedRoles: accessRequests.requestedRoles,
      motivation: accessRequests.motivation,
      createdAt: accessRequests.createdAt,
    })
    .from(accessRequests)
    .innerJoin(persons, eq(persons.id, accessRequests.personId))
    .innerJoin(organisations, eq(organisations.id, accessRequests.organisationId))
    .innerJoin(countyBoards, eq(countyBoards.countyCode, organisations.countyCode))
    .where(and(eq(accessRequests.status, 'pending'), inArray(organisations.countyCode, countyCodes)))
    .orderBy(asc(accessRequests.createdAt));
}

export async function findAccessRequest(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      id: accessRequests.id,
      personId: accessRequests.personId,
      organisationId: accessRequests.organisationId,
      organisationCountyCode: organisations.countyCode,
      requestedRoles: accessRequests.requestedRoles,
      status: accessRequests.status,
    })
    .from(accessRequests)
    .innerJoin(organisations, eq(organisations.id, accessRequests.organisationId))
    .where(eq(accessRequests.id, id));
  return row ?? null;
}

/** Records the administrator's answer; an approval gives the person the requested roles. */
export async function decideAccessRequest(
  tx: DbOrTx,
  decision: { id: number; approve: boolean; decidedBy: string; answer: string | null; now: Date },
): Promise<boolean> {
  const [request] = await tx
    .update(accessRequests)
    .set({
      status: decision.approve ? 'approved' : 'refused',
      decidedBy: decision.decidedBy,
      decidedAt: decision.now,
      answer: decision.answer,
    })
    .where(and(eq(accessRequests.id, decision.id), eq(accessRequests.status, 'pending')))
    .returning();
  if (!request) return false;
  if (decision.approve) {
    const [existing] = await tx
      .select({ roles: memberships.roles })
      .from(memberships)
      .where(and(eq(memberships.personId, request.personId), eq(memberships.organisationId, request.organisationId)));
    const roles = mergeRoles(existing?.roles ?? [], request.requestedRoles);
    await tx
      .insert(memberships)
      .values({ personId: request.personId, organisationId: request.organisationId, roles })
      .onConflictDoUpdate({ target: [memberships.personId, memberships.organisationId], set: { roles } });
  }
  return true;
}

export async function startEmailVerification(
  db: DbOrTx,
  verification: { tokenHash: string; personId: string; email: string; expiresAt: Date },
): Promise<void> {
  await db.delete(emailVerifications).where(eq(emailVerifications.personId, verification.personId));
  await db.insert(emailVerifications).values(verification);
}

/** Confirms the address behind a valid, unexpired link; the link works once. */
export async function confirmEmail(tx: DbOrTx, tokenHash: string, now: Date): Promise<boolean> {
  const [verification] = await tx
    .delete(emailVerifications)
    .where(and(eq(emailVerifications.tokenHash, tokenHash), gt(emailVerifications.expiresAt, now)))
    .returning();
  if (!verification) return false;
  await tx.update(persons).set({ email: verification.email, emailVerifiedAt: now }).where(eq(persons.id, verification.personId));
  return true;
}
