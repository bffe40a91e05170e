import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { type PlaceholderValues, preparedStatement } from '../../db/prepared.ts';
import { rowsOf } from '../../db/rows.ts';
import {
  applications,
  calls,
  counties,
  countyBoards,
  organisations,
  registryCases,
  registryDocuments,
  registrySequences,
} from '../../db/schema/index.ts';
import { callPreparingBoard } from '../../platform/auth/queries.ts';
import { registryYear } from './rules.ts';

export type DocumentKind = (typeof registryDocuments.$inferInsert)['kind'];

export interface IncomingDocument {
  kind: DocumentKind;
  sender: string;
  /** In brief what the document concerns; a public record, so nothing confidential. */
  description: string;
  receivedAt: Date;
  isLate?: boolean;
}

export interface RegisteredCase {
  caseId: number;
  registryNumber: string;
  boardCountyCode: string;
  documentNumber: number;
}

export interface NewCase {
  boardCountyCode: string;
  caseCode: string;
  subject: string;
  /** When the case is opened, which gives the number its year: now, even for a letter that came days ago. */
  openedAt: Date;
  document: IncomingDocument;
}

const p = (name: string) => sql.placeholder(name);

/**
 * The part of a statement that opens cases in a board's registry, each with its first document:
 * one for each row of a CTE named `registering` that the caller writes before it, with the columns
 * `case_id` (the new case's id), `k` (1, 2, … in the order the numbers are given), `subject`,
 * `opened_at`, `received_at`, `sender`, `description` and `is_late`. The counter row for the board
 * and year is bumped by the number of rows in the same statement: concurrent registrations queue
 * on that row, its lock is held only until the statement commits, and a rollback returns the
 * numbers, so the sequence has neither duplicates nor gaps. Gives the CTE `opened` (id,
 * registry_number, sequence). The board, year, case-type code and document kind are placeholders.
 */
export const openCaseSteps = sql`counter AS (
      INSERT INTO ${registrySequences} (board_county_code, year, last_sequence)
      SELECT ${p('board')}, ${p('year')}, count(*) FROM registering HAVING count(*) > 0
      ON CONFLICT (board_county_code, year) DO UPDATE SET last_sequence = ${registrySequences}.last_sequence + excluded.last_sequence
      RETURNING last_sequence),
    opened AS (
      INSERT INTO ${registryCases} (id, board_county_code, case_code, sequence, year, subject, opened_at)
      SELECT r.case_id, ${p('board')}, ${p('caseCode')}, c.last_sequence - (SELECT count(*) FROM registering) + r.k, ${p('year')},
        r.subject, r.opened_at
      FROM registering r, counter c
      RETURNING id, registry_number, sequence),
    first_document AS (
      INSERT INTO ${registryDocuments} (case_id, document_number, kind, received_at, sender, description, is_late)
      SELECT o.id, 1, ${p('documentKind')}, r.received_at, r.sender, r.description, r.is_late
      FROM opened o JOIN registering r ON r.case_id = o.id)`;

/** The values of `openCaseSteps`' placeholders for cases of one board, year and kind of document. */
export function caseSeriesValues(input: {
  boardCountyCode: string;
  caseCode: string;
  openedAt: Date;
  documentKind: DocumentKind;
}): PlaceholderValues {
  return { board: input.boardCountyCode, year: registryYear(input.openedAt), caseCode: input.caseCode, documentKind: input.documentKind };
}

/** A new case id, taken from the cases' own sequence before the case row exists (see openCaseSteps). */
export const newCaseId = sql`nextval(pg_get_serial_sequence('registry_cases', 'id'))`;

const openCaseStatement = preparedStatement(
  'open_case',
  sql`WITH registering AS (
      SELECT ${newCaseId} AS case_id, 1 AS k, ${p('subject')}::text AS subject, ${p('openedAt')}::timestamptz AS opened_at,
        ${p('receivedAt')}::timestamptz AS received_at, ${p('sender')}::text AS sender, ${p('description')}::text AS description,
        ${p('isLate')}::boolean AS is_late),
    ${openCaseSteps} SELECT id, registry_number FROM opened`,
);

/** Opens a case with its first document in the caller's transaction (see openCaseSteps). */
export async function openCase(tx: Tx, input: NewCase): Promise<RegisteredCase> {
  const d = input.document;
  const values = {
    ...caseSeriesValues({ ...input, documentKind: d.kind }),
    subject: input.subject,
    openedAt: input.openedAt.toISOString(),
    receivedAt: d.receivedAt.toISOString(),
    sender: d.sender,
    description: d.description,
    isLate: d.isLate ?? false,
  };
  const [opened] = rowsOf<{ id: number; registry_number: string }>(await openCaseStatement.executeIn(tx, values));
  if (!opened) throw new Error('registry case not opened');
  return { caseId: opened.id, registryNumber: opened.registry_number, boardCountyCode: input.boardCountyCode, documentNumber: 1 };
}

/** Registers a later document (a supplement, a report) in an existing case, numbered after the last. */
export async function addDocument(
  tx: Tx,
  caseId: number,
  document: IncomingDocument,
): Promise<{ documentId: number; documentNumber: number }> {
  // Locking the case row serialises document numbers within the case.
  await tx.select({ id: registryCases.id }).from(registryCases).where(eq(registryCases.id, caseId)).for('update');
  const [last] = await tx
    .select({ n: registryDocuments.documentNumber })
    .from(registryDocuments)
    .where(eq(registryDocuments.caseId, caseId))
    .orderBy(desc(registryDocuments.documentNumber))
    .limit(1);
  const documentNumber = (last?.n ?? 0) + 1;
  const [row] = await tx
    .insert(registryDocuments)
    .values({ caseId, documentNumber, ...document, isLate: document.isLate ?? false })
    .returning({ id: registryDocuments.id });
  if (!row) throw new Error('registry document not created');
  return { documentId: row.id, documentNumber };
}

export interface RegistryCaseSummary {
  id: number;
  registryNumber: string;
  boardCountyCode: string;
  boardName: string;
  openedAt: Date;
}

export async function findCase(db: DbOrTx, caseId: number): Promise<RegistryCaseSummary | null> {
  const [row] = await db
    .select({
      id: registryCases.id,
      registryNumber: registryCases.registryNumber,
      boardCountyCode: registryCases.boardCountyCode,
      boardName: countyBoards.name,
      openedAt: registryCases.openedAt,
    })
    .from(registryCases)
    .innerJoin(countyBoards, eq(countyBoards.countyCode, registryCases.boardCountyCode))
    .where(eq(registryCases.id, caseId));
  return row ?? null;
}

export async function listCaseDocuments(db: DbOrTx, caseId: number) {
  return db
    .select()
    .from(registryDocuments)
    .where(and(eq(registryDocuments.caseId, caseId)))
    .orderBy(registryDocuments.documentNumber);
}

const boardNames = new Map<string, Promise<string>>();

/** A county board's name, e.g. "Länsstyrelsen Östergötland"; boards are reference data, loaded once. */
export function boardName(db: DbOrTx, countyCode: string): Promise<string> {
  let found = boardNames.get(countyCode);
  if (!found) {
    found = db
      .select({ name: countyBoards.name })
      .from(countyBoards)
      .where(eq(countyBoards.countyCode, countyCode))
      .then((rows) => rows[0]?.name ?? `Länsstyrelsen (${countyCode})`);
    found.catch(() => boardNames.delete(countyCode));
    boardNames.set(countyCode, found);
  }
  return found;
}

/** The registry's public columns of a document: never anything from its content. */
export interface RegistryDocumentRow {
  documentNumber: number;
  kind: DocumentKind;
  direction: 'incoming' | 'outgoing';
  receivedAt: Date;
  sender: string;
  description: string;
  isLate: boolean;
}

export interface RegistryCaseRow {
  id: number;
  registryNumber: string;
  subject: string;
  openedAt: Date;
  /** The application the case was opened for, when there is one (for a link to its receipt). */
  applicationId: string | null;
  documents: RegistryDocumentRow[];
}

function boardCases(boardCountyCode: string, year: number | null): SQL | undefined {
  return and(eq(registryCases.boardCountyCode, boardCountyCode), year === null ? undefined : eq(registryCases.year, year));
}

/** The years a board's registry has cases in, newest first. */
export async function listRegistryYears(db: DbOrTx, boardCountyCode: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: registryCases.year })
    .from(registryCases)
    .where(eq(registryCases.boardCountyCode, boardCountyCode))
    .orderBy(desc(registryCases.year));
  return rows.map((r) => r.year);
}

export async function countRegistryCases(db: DbOrTx, boardCountyCode: string, year: number | null): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(registryCases).where(boardCases(boardCountyCode, year));
  return row?.n ?? 0;
}

/** One page of a board's registry, the latest registered case first, each with its documents. */
export async function listRegistryCases(
  db: DbOrTx,
  input: { boardCountyCode: string; year: number | null; limit: number; offset: number },
): Promise<RegistryCaseRow[]> {
  const cases = await db
    .select({
      id: registryCases.id,
      registryNumber: registryCases.registryNumber,
      subject: registryCases.subject,
      openedAt: registryCases.openedAt,
    })
    .from(registryCases)
    .where(boardCases(input.boardCountyCode, input.year))
    .orderBy(desc(registryCases.year), desc(registryCases.sequence))
    .limit(input.limit)
    .offset(input.offset);
  if (cases.length === 0) return [];
  const caseIds = cases.map((c) => c.id);
  const [documents, opened] = await Promise.all([
    db
      .select({
        caseId: registryDocuments.caseId,
        documentNumber: registryDocuments.documentNumber,
        kind: registryDocuments.kind,
        direction: registryDocuments.direction,
        receivedAt: registryDocuments.receivedAt,
        sender: registryDocuments.sender,
        description: registryDocuments.description,
        isLate: registryDocuments.isLate,
      })
      .from(registryDocuments)
      .where(inArray(registryDocuments.caseId, caseIds))
      .orderBy(asc(registryDocuments.caseId), asc(registryDocuments.documentNumber)),
    db
      .select({ id: applications.id, caseId: applications.registryCaseId })
      .from(applications)
      .where(inArray(applications.registryCaseId, caseIds)),
  ]);
  return cases.map((c) => ({
    ...c,
    applicationId: opened.find((a) => a.caseId === c.id)?.id ?? null,
    documents: documents.filter((d) => d.caseId === c.id).map(({ caseId: _, ...d }) => d),
  }));
}

/** Calls whose applications the given boards prepare (and so receive and register), newest first. */
export async function listPreparedCalls(db: DbOrTx, boardCountyCodes: string[]) {
  if (boardCountyCodes.length === 0) return [];
  return db
    .select({ slug: calls.slug, title: calls.title, year: calls.year, countyCode: calls.countyCode, countyName: counties.name })
    .from(calls)
    .innerJoin(counties, eq(counties.code, calls.countyCode))
    .where(inArray(callPreparingBoard, boardCountyCodes))
    .orderBy(desc(calls.year), asc(calls.title));
}

/** The municipalities and municipal federations of the given counties, for choosing a sender. */
export async function listOrganisationsInCounties(db: DbOrTx, countyCodes: string[]) {
  if (countyCodes.length === 0) return [];
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      countyCode: organisations.countyCode,
      countyName: counties.name,
    })
    .from(organisations)
    .innerJoin(counties, eq(counties.code, organisations.countyCode))
    .where(inArray(organisations.countyCode, countyCodes))
    .orderBy(asc(counties.name), asc(organisations.kind), asc(organisations.sortOrder), asc(organisations.name));
}
