import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { contacts, councilMeetings, councilMembers, councils, counties, countyBoards } from '../../db/schema/index.ts';

export interface CouncilSummary {
  countySlug: string;
  countyName: string;
  description: string;
}

export interface CouncilMember {
  name: string;
  role: string;
  sourceRef: string;
}

export interface CouncilMeeting {
  meetsOn: string | null;
  timeText: string | null;
  dateSource: string;
  note: string | null;
  sourceRef: string;
}

export interface CouncilContact {
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  sourceRef: string;
}

export interface CouncilDetail extends CouncilSummary {
  boardName: string | null;
  mission: string[];
  sourceRef: string;
  sourceDate: string | null;
  members: CouncilMember[];
  meetings: CouncilMeeting[];
  contacts: CouncilContact[];
}

export async function listCouncils(db: DbOrTx): Promise<CouncilSummary[]> {
  return db
    .select({ countySlug: counties.slug, countyName: counties.name, description: councils.description })
    .from(councils)
    .innerJoin(counties, eq(counties.code, councils.countyCode))
    .orderBy(asc(counties.name));
}

/** The council of the county with this slug, with members, meetings and contacts; null if none. */
export async function findCouncil(db: DbOrTx, countySlug: string): Promise<CouncilDetail | null> {
  const [council] = await db
    .select({
      countyCode: councils.countyCode,
      countySlug: counties.slug,
      countyName: counties.name,
      boardName: countyBoards.name,
      description: councils.description,
      mission: councils.mission,
      sourceRef: councils.sourceRef,
      sourceDate: councils.sourceDate,
    })
    .from(councils)
    .innerJoin(counties, eq(counties.code, councils.countyCode))
    .leftJoin(countyBoards, eq(countyBoards.countyCode, councils.countyCode))
    .where(eq(counties.slug, countySlug));
  if (!council) return null;
  const { countyCode, ...rest } = council;
  const [members, meetings, councilContacts] = await Promise.all([
    db
      .select({ name: councilMembers.name, role: councilMembers.role, sourceRef: councilMembers.sourceRef })
      .from(councilMembers)
      .where(eq(councilMembers.countyCode, countyCode))
      .orderBy(asc(councilMembers.sortOrder), asc(councilMembers.id)),
    db
      .select({
        meetsOn: councilMeetings.meetsOn,
        timeText: councilMeetings.timeText,
        dateSource: councilMeetings.dateSource,
        note: councilMeetings.note,
        sourceRef: councilMeetings.sourceRef,
      })
      .from(councilMeetings)
      .where(eq(councilMeetings.countyCode, countyCode))
      .orderBy(asc(councilMeetings.meetsOn), asc(councilMeetings.id)),
    db
      .select({ name: contacts.name, title: contacts.title, phone: contacts.phone, email: contacts.email, sourceRef: contacts.sourceRef })
      .from(contacts)
      .where(and(eq(contacts.countyCode, countyCode), eq(contacts.context, 'council')))
      .orderBy(asc(contacts.sortOrder), asc(contacts.id)),
  ]);
  return { ...rest, members, meetings, contacts: councilContacts };
}
