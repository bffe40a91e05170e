import { and, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { applications, calls, countyBoards, memberships, organisations, persons, staffMemberships } from '../../db/schema/index.ts';
import type { Actor, LoginKind, MemberRole, StaffRole } from './policy.ts';

export interface LoadedPerson {
  actor: Extract<Actor, { kind: 'person' }>;
  givenName: string | null;
  familyName: string | null;
}

/** The person with their memberships, or null when the person no longer exists. */
export async function loadActor(
  db: DbOrTx,
  personId: string,
  loginKind: LoginKind,
  actingOrganisationId: number | null,
): Promise<LoadedPerson | null> {
  const [person] = await db
    .select({ id: persons.id, givenName: persons.givenName, familyName: persons.familyName })
    .from(persons)
    .where(eq(persons.id, personId));
  if (!person) return null;
  const [memberRows, staffRows] = await Promise.all([
    db
      .select({
        organisationId: memberships.organisationId,
        roles: memberships.roles,
        organisationName: organisations.name,
        organisationKind: organisations.kind,
        countyCode: organisations.countyCode,
        isDemo: organisations.isDemo,
      })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(eq(memberships.personId, personId))
      .orderBy(organisations.name),
    db
      .select({ boardCountyCode: staffMemberships.boardCountyCode, roles: staffMemberships.roles, boardName: countyBoards.name })
      .from(staffMemberships)
      .innerJoin(countyBoards, eq(countyBoards.countyCode, staffMemberships.boardCountyCode))
      .where(eq(staffMemberships.personId, personId))
      .orderBy(staffMemberships.boardCountyCode),
  ]);
  return {
    givenName: person.givenName,
    familyName: person.familyName,
    actor: {
      kind: 'person',
      personId,
      loginKind,
      actingOrganisationId,
      memberships: memberRows.map((m) => ({ ...m, roles: m.roles as MemberRole[] })),
      staff: staffRows.map((s) => ({ ...s, roles: s.roles as StaffRole[] })),
    },
  };
}

/**
 * The SQL form of the policy's `application.read`, for queries that list applications: members see
 * their organisations' applications; staff see submitted ones through their board's role in the
 * call; nobody else sees any, and no staff role sees a draft. The query must join `calls`.
 */
export function readableApplications(actor: Actor): SQL {
  if (actor.kind !== 'person') return sql`false`;
  if (actor.loginKind === 'public') {
    const ids = actor.memberships.map((m) => m.organisationId);
    return ids.length > 0 ? inArray(applications.organisationId, ids) : sql`false`;
  }
  const conditions: SQL[] = [];
  for (const s of actor.staff) {
    const board = s.boardCountyCode;
    if (s.roles.includes('caseOfficer')) conditions.push(eq(calls.preparingBoard, board));
    if (s.roles.includes('decisionMaker')) conditions.push(eq(calls.decidingBoard, board));
    if (s.roles.includes('finance')) conditions.push(eq(calls.payingBoard, board));
    if (s.roles.includes('admin')) {
      conditions.push(eq(calls.preparingBoard, board), eq(calls.decidingBoard, board), eq(calls.payingBoard, board));
    }
  }
  if (conditions.length === 0) return sql`false`;
  return and(ne(applications.status, 'draft'), or(...conditions)) ?? sql`false`;
}
