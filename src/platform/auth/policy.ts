import type { MemberRole, StaffRole } from '../local-idp/personas.ts';

export type { MemberRole, StaffRole };
export type LoginKind = 'public' | 'staff';

export interface Membership {
  organisationId: number;
  organisationName: string;
  organisationKind: 'municipality' | 'municipalFederation';
  countyCode: string;
  roles: MemberRole[];
}

export interface StaffMembership {
  boardCountyCode: string;
  boardName: string;
  roles: StaffRole[];
}

/**
 * Who is acting. A person logged in through the public e-ID acts for organisations; the same person
 * logged in through the staff SSO acts for county boards. Authority follows the login, never both.
 */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'person';
      personId: string;
      loginKind: LoginKind;
      memberships: Membership[];
      staff: StaffMembership[];
      actingOrganisationId: number | null;
    };

export const anonymous: Actor = { kind: 'anonymous' };

/** The boards with a role in a call (utlysning): preparing, deciding, paying. */
export interface CallBoards {
  preparingBoard: string | null;
  decidingBoard: string | null;
  payingBoard: string | null;
}

/** `preparingBoard` is the board that receives the application: the call's named one, else the call's county board. */
export interface ApplicationResource extends CallBoards {
  organisationId: number;
  status: 'draft' | 'submitted' | 'inPreparation' | 'decided' | 'closed';
}

type Rules = {
  'myPages.view': undefined;
  'staffPages.view': undefined;
  'organisation.actFor': { organisationId: number };
  'accessRequest.create': undefined;
  'accessRequest.decide': { organisationCountyCode: string };
  'application.read': ApplicationResource;
  'application.edit': ApplicationResource;
  'application.sign': ApplicationResource;
  'call.prepare': CallBoards;
  'call.decide': CallBoards;
  'call.pay': CallBoards;
  /** A board's registry: its case officers and administrators keep it. */
  'registry.read': { boardCountyCode: string };
  /** Registering an application that came by e-mail or post, in the board that receives the call's applications. */
  'registry.register': { receivingBoard: string };
};

export type Action = keyof Rules;

type Person = Extract<Actor, { kind: 'person' }>;

function publicPerson(actor: Actor): Person | null {
  return actor.kind === 'person' && actor.loginKind === 'public' ? actor : null;
}

function staffPerson(actor: Actor): Person | null {
  return actor.kind === 'person' && actor.loginKind === 'staff' && actor.staff.length > 0 ? actor : null;
}

function memberRoles(actor: Actor, organisationId: number): MemberRole[] {
  return publicPerson(actor)?.memberships.find((m) => m.organisationId === organisationId)?.roles ?? [];
}

function hasBoardRole(actor: Actor, role: StaffRole, board: string | null): boolean {
  if (!board) return false;
  return staffPerson(actor)?.staff.some((s) => s.boardCountyCode === board && s.roles.includes(role)) ?? false;
}

const staffCallRole = { caseOfficer: 'preparingBoard', decisionMaker: 'decidingBoard', finance: 'payingBoard' } as const;

/** Staff may see a submitted application only through their board's role in its call. */
function staffMayRead(actor: Actor, app: ApplicationResource): boolean {
  if (app.status === 'draft') return false;
  for (const [role, board] of Object.entries(staffCallRole) as [StaffRole, keyof CallBoards][]) {
    if (hasBoardRole(actor, role, app[board])) return true;
  }
  return [app.preparingBoard, app.decidingBoard, app.payingBoard].some((board) => hasBoardRole(actor, 'admin', board));
}

const rules: { [A in Action]: (actor: Actor, resource: Rules[A]) => boolean } = {
  'myPages.view': (actor) => publicPerson(actor) !== null,
  'staffPages.view': (actor) => staffPerson(actor) !== null,
  'organisation.actFor': (actor, r) => memberRoles(actor, r.organisationId).length > 0,
  'accessRequest.create': (actor) => publicPerson(actor) !== null,
  'accessRequest.decide': (actor, r) => hasBoardRole(actor, 'admin', r.organisationCountyCode),
  'application.read': (actor, r) => memberRoles(actor, r.organisationId).length > 0 || staffMayRead(actor, r),
  'application.edit': (actor, r) => r.status === 'draft' && memberRoles(actor, r.organisationId).includes('applicant'),
  'application.sign': (actor, r) => r.status === 'draft' && memberRoles(actor, r.organisationId).includes('signatory'),
  'call.prepare': (actor, r) => hasBoardRole(actor, 'caseOfficer', r.preparingBoard),
  'call.decide': (actor, r) => hasBoardRole(actor, 'decisionMaker', r.decidingBoard),
  'call.pay': (actor, r) => hasBoardRole(actor, 'finance', r.payingBoard),
  'registry.read': (actor, r) => hasBoardRole(actor, 'caseOfficer', r.boardCountyCode) || hasBoardRole(actor, 'admin', r.boardCountyCode),
  'registry.register': (actor, r) => hasBoardRole(actor, 'caseOfficer', r.receivingBoard) || hasBoardRole(actor, 'admin', r.receivingBoard),
};

/** Whether the actor may do the action on the resource. Anything not granted here is denied. */
export function can<A extends Action>(actor: Actor, action: A, ...resource: Rules[A] extends undefined ? [] : [Rules[A]]): boolean {
  const rule = rules[action] as ((actor: Actor, resource: Rules[A] | undefined) => boolean) | undefined;
  return rule ? rule(actor, resource[0]) : false;
}

/** The organisation the person acts for now, if they are still a member of it. */
export function actingMembership(actor: Actor): Membership | null {
  const person = publicPerson(actor);
  if (!person || person.actingOrganisationId === null) return null;
  return person.memberships.find((m) => m.organisationId === person.actingOrganisationId) ?? null;
}
