import { and, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { preparedPerDatabase } from '../../db/prepared.ts';
import { applications, calls, persons } from '../../db/schema/index.ts';
import type { Actor, LoginKind, Membership, StaffMembership } from './policy.ts';

export interface LoadedPerson {
  actor: Extract<Actor, { kind: 'person' }>;
  givenName: string | null;
  familyName: string | null;
}

/** A person's name with their memberships (by organisation name) and staff memberships (by board). */
export interface PersonWithMemberships {
  givenName: string | null;
  familyName: string | null;
  memberships: Membership[];
  staff: StaffMembership[];
}

/**
 * The select fields of `PersonWithMemberships`, for a query that has `persons` under its own name.
 * Plain SQL with aliases in the subqueries: in a one-table select Drizzle leaves columns
 * unqualified, and an unqualified "id" inside them would name the organisation's.
 */
export const personWithMemberships = {
  givenName: persons.givenName,
  familyName: persons.familyName,
  memberships: sql<Membership[]>`coalesce((
    SELECT json_agg(json_build_object(
      'organisationId', m.organisation_id,
      'roles', m.roles,
      'organisationName', o.name,
      'organisationKind', o.kind,
      'countyCode', o.county_code
    ) ORDER BY o.name)
    FROM memberships m JOIN organisations o ON o.id = m.organisation_id
    WHERE m.person_id = persons.id
  ), '[]')`,
  staff: sql<StaffMembership[]>`coalesce((
    SELECT json_agg(json_build_object('boardCountyCode', s.board_county_code, 'roles', s.roles, 'boardName', b.name)
      ORDER BY s.board_county_code)
    FROM staff_memberships s JOIN county_boards b ON b.county_code = s.board_county_code
    WHERE s.person_id = persons.id
  ), '[]')`,
};

/** One statement, prepared once per database: it runs on logged-in requests the session read did not serve. */
const loadActorStatement = preparedPerDatabase((db) =>
  db
    .select(personWithMemberships)
    .from(persons)
    .where(eq(persons.id, sql.placeholder('personId')))
    .prepare('load_actor'),
);

/** The actor of a logged-in request, from the person and what the session says about the login. */
export function actorOf(
  personId: string,
  person: PersonWithMemberships,
  loginKind: LoginKind,
  actingOrganisationId: number | null,
): LoadedPerson {
  return {
    givenName: person.givenName,
    familyName: person.familyName,
    actor: { kind: 'person', personId, loginKind, actingOrganisationId, memberships: person.memberships, staff: person.staff },
  };
}

/** The person with their memberships, or null when the person no longer exists. */
export async function loadActor(
  db: Db,
  personId: string,
  loginKind: LoginKind,
  actingOrganisationId: number | null,
): Promise<LoadedPerson | null> {
  const [person] = await loadActorStatement(db).execute({ personId });
  return person ? actorOf(personId, person, loginKind, actingOrganisationId) : null;
}

/**
 * The SQL form of the policy's `application.read`, for queries that list applications: members see
 * their organisations' applications; staff see submitted ones through their board's role in the
 * call; nobody else sees any, and no staff role sees a draft. The query must join `calls`.
 */
/**
 * The board that prepares a call, in SQL: a call naming no preparing board is prepared (and its
 * applications received) by its county's board, as `receivingBoard` and `ApplicationResource` say.
 */
export const callPreparingBoard = sql`coalesce(${calls.preparingBoard}, ${calls.countyCode})`;

export function readableApplications(actor: Actor): SQL {
  if (actor.kind !== 'person') return sql`false`;
  if (actor.loginKind === 'public') {
    const ids = actor.memberships.map((m) => m.organisationId);
    return ids.length > 0 ? inArray(applications.organisationId, ids) : sql`false`;
  }
  const conditions: SQL[] = [];
  for (const s of actor.staff) {
    const board = s.boardCountyCode;
    if (s.roles.includes('caseOfficer')) conditions.push(eq(callPreparingBoard, board));
    if (s.roles.includes('decisionMaker')) conditions.push(eq(calls.decidingBoard, board));
    if (s.roles.includes('finance')) conditions.push(eq(calls.payingBoard, board));
    if (s.roles.includes('admin')) {
      conditions.push(eq(callPreparingBoard, board), eq(calls.decidingBoard, board), eq(calls.payingBoard, board));
    }
  }
  if (conditions.length === 0) return sql`false`;
  return and(ne(applications.status, 'draft'), or(...conditions)) ?? sql`false`;
}
