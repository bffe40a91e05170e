import { and, asc, desc, eq, getTableColumns, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client.ts';
import { decodeJsonObject, jsonObjectOf } from '../../db/json-object.ts';
import { preparedPerDatabase } from '../../db/prepared.ts';
import {
  applicationSnapshots,
  applications,
  attachments,
  calls,
  counties,
  countyBoards,
  draftConflicts,
  idempotencyKeys,
  organisations,
  persons,
  programmes,
  purposes,
  registryCases,
  registryDocuments,
  signatoryApprovals,
  supplementAttachments,
  supplements,
  targetGroups,
} from '../../db/schema/index.ts';
import type { ApplicationResource } from '../../platform/auth/policy.ts';
import { receivingBoard } from '../registry/rules.ts';
import { optionsForYear } from './eligibility.ts';
import { type ChoiceOption, completedSteps, confirmationRecipients, type DraftAnswers, relinkedPartnerCertificates } from './rules.ts';

/** A call as the application form needs it. */
export interface CallForApplying {
  id: number;
  slug: string;
  title: string;
  year: number;
  countyCode: string;
  countyName: string;
  programmeCode: string;
  programmeName: string;
  programmeNameEn: string;
  eligibleKinds: string[];
  opensOn: string | null;
  closesOn: string | null;
  decisionAnnouncedOn: string | null;
  budgetOre: number | null;
  maxAmountOre: number | null;
  preparingBoard: string | null;
  decidingBoard: string | null;
  payingBoard: string | null;
  functionalMailbox: string | null;
  isDemo: boolean;
}

const callColumns = {
  id: calls.id,
  slug: calls.slug,
  title: calls.title,
  year: calls.year,
  countyCode: calls.countyCode,
  countyName: counties.name,
  programmeCode: calls.programmeCode,
  programmeName: programmes.name,
  programmeNameEn: programmes.nameEn,
  eligibleKinds: programmes.eligibleKinds,
  opensOn: calls.opensOn,
  closesOn: calls.closesOn,
  decisionAnnouncedOn: calls.decisionAnnouncedOn,
  budgetOre: calls.budgetOre,
  maxAmountOre: calls.maxAmountOre,
  preparingBoard: calls.preparingBoard,
  decidingBoard: calls.decidingBoard,
  payingBoard: calls.payingBoard,
  functionalMailbox: calls.functionalMailbox,
  isDemo: calls.isDemo,
};

export async function findCallBySlug(db: DbOrTx, slug: string): Promise<CallForApplying | null> {
  const [row] = await db
    .select(callColumns)
    .from(calls)
    .innerJoin(programmes, eq(programmes.code, calls.programmeCode))
    .innerJoin(counties, eq(counties.code, calls.countyCode))
    .where(eq(calls.slug, slug));
  return row ?? null;
}

export interface ProgrammeOptions {
  purposes: (ChoiceOption & { programmeCode: string; fromYear: number | null; toYear: number | null })[];
  targetGroups: (ChoiceOption & { programmeCode: string; fromYear: number | null; toYear: number | null })[];
}

/** Per database (a process can hold several, as the tests do), by programme and year. */
const optionCaches = new WeakMap<DbOrTx, Map<string, Promise<ProgrammeOptions>>>();

/**
 * Purposes and target groups a call's programme offers in its year. They are reference data that
 * only a re-seed changes, so each instance loads them once per programme and year, until
 * `forgetChoiceOptions` (a re-seed tells every instance, see `notifyPublicContentChanged`).
 */
export function loadChoiceOptions(db: DbOrTx, programmeCode: string, year: number): Promise<ProgrammeOptions> {
  let optionCache = optionCaches.get(db);
  if (!optionCache) {
    optionCache = new Map();
    optionCaches.set(db, optionCache);
  }
  const key = `${programmeCode}:${year}`;
  let found = optionCache.get(key);
  if (!found) {
    found = (async () => {
      const columns = (t: typeof purposes | typeof targetGroups) => ({
        code: t.code,
        name: t.name,
        nameEn: t.nameEn,
        programmeCode: t.programmeCode,
        fromYear: t.fromYear,
        toYear: t.toYear,
      });
      const [p, g] = await Promise.all([
        db.select(columns(purposes)).from(purposes).where(eq(purposes.programmeCode, programmeCode)).orderBy(asc(purposes.sortOrder)),
        db
          .select(columns(targetGroups))
          .from(targetGroups)
          .where(eq(targetGroups.programmeCode, programmeCode))
          .orderBy(asc(targetGroups.sortOrder)),
      ]);
      return optionsForYear({ purposes: p, targetGroups: g }, year);
    })();
    const cache = optionCache;
    found.catch(() => cache.delete(key));
    optionCache.set(key, found);
  }
  return found;
}

export function forgetChoiceOptions(db: DbOrTx): void {
  optionCaches.delete(db);
}

/** Idempotent draft creation: the form's one-time key maps to the draft it created. */
export async function createDraft(
  tx: Tx,
  input: {
    idempotencyKey: string;
    callId: number;
    organisationId: number;
    personId: string;
    answers: DraftAnswers;
    copiedFromId: string | null;
  },
): Promise<string> {
  const key = `draft:${input.idempotencyKey}`;
  const [seen] = await tx
    .select({ result: idempotencyKeys.result })
    .from(idempotencyKeys)
    .where(eq(idempotencyKeys.key, key))
    .for('update');
  if (seen && typeof seen.result.applicationId === 'string') return seen.result.applicationId;
  const [created] = await tx
    .insert(applications)
    .values({
      callId: input.callId,
      organisationId: input.organisationId,
      createdBy: input.personId,
      updatedBy: input.personId,
      answers: input.answers,
      title: typeof input.answers.title === 'string' ? input.answers.title : '',
      copiedFromId: input.copiedFromId,
    })
    .returning({ id: applications.id });
  if (!created) throw new Error('draft not created');
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ key, result: { applicationId: created.id } })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  // A concurrent twin got the key first: it owns the draft, and this one is rolled back.
  if (inserted.length === 0) throw Object.assign(new Error('duplicate draft'), { code: 'duplicateDraft' });
  return created.id;
}

export type AttachmentKind = (typeof attachments.$inferSelect)['kind'];
export type Attachment = typeof attachments.$inferSelect;

/** The latest signatory approval of an application's content. */
export interface SignatoryApproval {
  contentSha256: string;
  approvedAt: Date;
  name: string;
}

export interface ApplicationDetail extends ApplicationResource {
  id: string;
  callId: number;
  status: ApplicationResource['status'];
  version: number;
  answers: DraftAnswers;
  title: string;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string | null;
  updatedByName: string | null;
  submittedAt: Date | null;
  isLate: boolean;
  channel: 'eService' | 'email' | 'post';
  organisationName: string;
  organisationKind: 'municipality' | 'municipalFederation';
  organisationCountyCode: string;
  organisationOrgNumber: string | null;
  registryCaseId: number | null;
  registryNumber: string | null;
  boardName: string | null;
  call: CallForApplying;
  /** Oldest first. */
  attachments: Attachment[];
  approval: SignatoryApproval | null;
  /** The frozen content's hash, once submitted. */
  snapshotSha256: string | null;
  /** Supplements added after submission, oldest first. */
  supplements: SupplementRow[];
  /** Attachments that came with a supplement, not with the application. */
  supplementFileIds: string[];
}

export interface SupplementRow {
  documentNumber: number | null;
  statement: string | null;
  createdAt: Date;
  files: string[];
}

/** An attachment row as JSON, with the column names of the Drizzle row. */
const attachmentJson = sql.raw(
  `json_build_object(${Object.entries(getTableColumns(attachments))
    .map(([key, column]) => `'${key}', a.${column.name}`)
    .join(', ')})`,
);

/** What every page of an application reads about it. */
const applicationDetailSelection = {
  id: applications.id,
  callId: applications.callId,
  organisationId: applications.organisationId,
  status: applications.status,
  version: applications.version,
  answers: applications.answers,
  title: applications.title,
  createdAt: applications.createdAt,
  updatedAt: applications.updatedAt,
  updatedBy: applications.updatedBy,
  updatedByName: sql<string | null>`nullif(concat_ws(' ', ${persons.givenName}, ${persons.familyName}), '')`,
  submittedAt: applications.submittedAt,
  isLate: applications.isLate,
  channel: applications.channel,
  organisationName: organisations.name,
  organisationKind: organisations.kind,
  organisationCountyCode: organisations.countyCode,
  organisationOrgNumber: organisations.orgNumber,
  registryCaseId: applications.registryCaseId,
  registryNumber: registryCases.registryNumber,
  boardName: countyBoards.name,
  call: callColumns,
  // The parts every page of an application needs come in the same round trip.
  attachments: sql<(Omit<Attachment, 'createdAt'> & { createdAt: string })[]>`coalesce((
        select json_agg(${attachmentJson} order by a.created_at, a.id) from ${attachments} a
        where a.application_id = ${applications.id}), '[]'::json)`,
  approval: sql<{ contentSha256: string; approvedAt: string; name: string } | null>`(
        select json_build_object('contentSha256', s.content_sha256, 'approvedAt', s.approved_at,
          'name', concat_ws(' ', p.given_name, p.family_name))
        from ${signatoryApprovals} s join ${persons} p on p.id = s.person_id
        where s.application_id = ${applications.id} order by s.approved_at desc limit 1)`,
  snapshotSha256: sql<string | null>`(select sha256 from ${applicationSnapshots} where application_id = ${applications.id})`,
  supplements: sql<(Omit<SupplementRow, 'createdAt'> & { createdAt: string })[] | null>`case when ${applications.status} <> 'draft' then (
        select json_agg(json_build_object('documentNumber', d.document_number, 'statement', s.statement, 'createdAt', s.created_at,
          'files', coalesce((select json_agg(f.filename order by f.created_at, f.id) from ${supplementAttachments} sf
            join ${attachments} f on f.id = sf.attachment_id where sf.supplement_id = s.id), '[]'::json)) order by s.created_at)
        from ${supplements} s left join ${registryDocuments} d on d.id = s.registry_document_id
        where s.application_id = ${applications.id}) end`,
  supplementFileIds: sql<string[]>`coalesce((select json_agg(sf.attachment_id) from ${supplementAttachments} sf
        join ${supplements} s on s.id = sf.supplement_id where s.application_id = ${applications.id}), '[]'::json)`,
};

/** Every page of an application starts with this query: one JSON column (see jsonObjectOf). */
const applicationDetailQuery = preparedPerDatabase((db) =>
  db
    .select({ detail: jsonObjectOf(applicationDetailSelection) })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(programmes, eq(programmes.code, calls.programmeCode))
    .innerJoin(counties, eq(counties.code, calls.countyCode))
    .leftJoin(persons, eq(persons.id, applications.updatedBy))
    .leftJoin(registryCases, eq(registryCases.id, applications.registryCaseId))
    .leftJoin(countyBoards, eq(countyBoards.countyCode, registryCases.boardCountyCode))
    .where(eq(applications.id, sql.placeholder('id')))
    .prepare('find_application'),
);

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * The boards whose staff may read an application, as the policy takes them. A call that names no
 * preparing board is prepared by the county board that receives its applications: its staff
 * registered the case and must be able to open it.
 */
function boardsOf(call: { countyCode: string; preparingBoard: string | null; decidingBoard: string | null; payingBoard: string | null }) {
  return { preparingBoard: receivingBoard(call), decidingBoard: call.decidingBoard, payingBoard: call.payingBoard };
}

export async function findApplication(db: Db, id: string): Promise<ApplicationDetail | null> {
  if (!UUID.test(id)) return null;
  const [found] = await applicationDetailQuery(db).execute({ id });
  if (!found) return null;
  const row = decodeJsonObject(applicationDetailSelection, found.detail);
  return {
    ...row,
    answers: row.answers as DraftAnswers,
    ...boardsOf(row.call),
    attachments: row.attachments.map((a) => ({ ...a, createdAt: new Date(a.createdAt) })),
    approval: row.approval && { ...row.approval, approvedAt: new Date(row.approval.approvedAt) },
    supplements: (row.supplements ?? []).map((r) => ({ ...r, createdAt: new Date(r.createdAt) })),
  };
}

/** What the confirmation page after a submission shows, with what the policy needs to let the reader see it. */
export interface ApplicationReceipt extends ApplicationResource {
  id: string;
  title: string;
  submittedAt: Date | null;
  isLate: boolean;
  registryNumber: string | null;
  boardName: string | null;
  snapshotSha256: string | null;
  /** What the applicant is told happens next: when the call's decisions come, and where to ask. */
  decisionAnnouncedOn: string | null;
  functionalMailbox: string | null;
  /**
   * Where the confirmation mail went: the contact persons a submission in the e-service names. A
   * letter a case officer registers has none, and was sent no mail.
   */
  mailedTo: string[];
}

/**
 * The confirmation page follows every submission, so it reads only what it shows: the answers,
 * attachments and supplements stay on the application's own page.
 */
const applicationReceiptQuery = preparedPerDatabase((db) =>
  db
    .select({
      id: applications.id,
      organisationId: applications.organisationId,
      status: applications.status,
      title: applications.title,
      submittedAt: applications.submittedAt,
      isLate: applications.isLate,
      registryNumber: registryCases.registryNumber,
      boardName: countyBoards.name,
      snapshotSha256: applicationSnapshots.sha256,
      decisionAnnouncedOn: calls.decisionAnnouncedOn,
      functionalMailbox: calls.functionalMailbox,
      contacts: sql<DraftAnswers['contacts']>`${applications.answers}->'contacts'`,
      call: {
        countyCode: calls.countyCode,
        preparingBoard: calls.preparingBoard,
        decidingBoard: calls.decidingBoard,
        payingBoard: calls.payingBoard,
      },
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .leftJoin(registryCases, eq(registryCases.id, applications.registryCaseId))
    .leftJoin(countyBoards, eq(countyBoards.countyCode, registryCases.boardCountyCode))
    .leftJoin(applicationSnapshots, eq(applicationSnapshots.applicationId, applications.id))
    .where(eq(applications.id, sql.placeholder('id')))
    .prepare('find_application_receipt'),
);

export async function findApplicationReceipt(db: Db, id: string): Promise<ApplicationReceipt | null> {
  if (!UUID.test(id)) return null;
  const [row] = await applicationReceiptQuery(db).execute({ id });
  if (!row) return null;
  const { call, contacts, ...rest } = row;
  return { ...rest, mailedTo: confirmationRecipients({ contacts: contacts ?? [] }), ...boardsOf(call) };
}

/**
 * The confirmation page's content for a submission just made, as `findApplicationReceipt` reads it
 * back afterwards: the page that follows the submission is made from it without a query.
 */
export function receiptOfSubmission(
  detail: ApplicationDetail,
  submission: { registryNumber: string; boardName: string; submittedAt: Date; isLate: boolean; sha256: string; mailedTo: string[] },
): ApplicationReceipt {
  return {
    id: detail.id,
    organisationId: detail.organisationId,
    status: 'submitted',
    title: detail.title,
    submittedAt: submission.submittedAt,
    isLate: submission.isLate,
    registryNumber: submission.registryNumber,
    boardName: submission.boardName,
    snapshotSha256: submission.sha256,
    decisionAnnouncedOn: detail.call.decisionAnnouncedOn,
    functionalMailbox: detail.call.functionalMailbox,
    mailedTo: submission.mailedTo,
    preparingBoard: detail.preparingBoard,
    decidingBoard: detail.decidingBoard,
    payingBoard: detail.payingBoard,
  };
}

export type SaveResult =
  | { ok: true; version: number; updatedAt: Date; title: string }
  | { ok: false; conflict: { version: number; updatedAt: Date; updatedByName: string | null } };

/**
 * Saves a draft only if nobody saved it since `basedOnVersion` was read (optimistic locking). A
 * refused save is kept beside the draft, so neither version is lost. `previous` is the draft as
 * loaded, which is the version a save that succeeds replaces: its partner certificates follow
 * their partners to the saved rows (relinkedPartnerCertificates).
 */
export async function saveDraft(
  tx: Tx,
  input: {
    id: string;
    basedOnVersion: number;
    answers: DraftAnswers;
    personId: string;
    now: Date;
    previous: { answers: DraftAnswers; attachments: readonly { id: string; partnerIndex: number | null }[] };
  },
): Promise<SaveResult> {
  const [saved] = await tx
    .update(applications)
    .set({
      answers: input.answers,
      title: typeof input.answers.title === 'string' ? input.answers.title.slice(0, 200) : '',
      version: sql`${applications.version} + 1`,
      updatedAt: input.now,
      updatedBy: input.personId,
      deletionWarnedAt: null,
    })
    .where(and(eq(applications.id, input.id), eq(applications.version, input.basedOnVersion), eq(applications.status, 'draft')))
    .returning({ version: applications.version, updatedAt: applications.updatedAt, title: applications.title });
  if (saved) {
    await setCertificatePartners(
      tx,
      input.id,
      relinkedPartnerCertificates(input.previous.answers, input.answers, input.previous.attachments),
    );
    return { ok: true, ...saved };
  }
  const [current] = await tx
    .select({
      version: applications.version,
      updatedAt: applications.updatedAt,
      updatedByName: sql<string | null>`nullif(concat_ws(' ', ${persons.givenName}, ${persons.familyName}), '')`,
    })
    .from(applications)
    .leftJoin(persons, eq(persons.id, applications.updatedBy))
    .where(eq(applications.id, input.id));
  if (!current) throw new Error('draft disappeared');
  await tx
    .insert(draftConflicts)
    .values({ applicationId: input.id, basedOnVersion: input.basedOnVersion, answers: input.answers, attemptedBy: input.personId });
  return { ok: false, conflict: current };
}

/** Refused saves kept beside a draft, newest first. */
export async function listDraftConflicts(db: DbOrTx, applicationId: string) {
  const rows = await db
    .select({
      id: draftConflicts.id,
      answers: draftConflicts.answers,
      createdAt: draftConflicts.createdAt,
      byName: sql<string | null>`nullif(concat_ws(' ', ${persons.givenName}, ${persons.familyName}), '')`,
    })
    .from(draftConflicts)
    .leftJoin(persons, eq(persons.id, draftConflicts.attemptedBy))
    .where(eq(draftConflicts.applicationId, applicationId))
    .orderBy(desc(draftConflicts.createdAt));
  // Written by saveDraft from a draft's answers.
  return rows.map((row) => ({ ...row, answers: row.answers as DraftAnswers }));
}

export async function discardDraftConflict(tx: Tx, applicationId: string, conflictId: number): Promise<void> {
  await tx.delete(draftConflicts).where(and(eq(draftConflicts.applicationId, applicationId), eq(draftConflicts.id, conflictId)));
}

export async function listAttachments(db: DbOrTx, applicationId: string): Promise<Attachment[]> {
  return db.select().from(attachments).where(eq(attachments.applicationId, applicationId)).orderBy(asc(attachments.createdAt));
}

/**
 * The name of an attachment of the application with the same content, kind and partner, if any.
 * The application's row stays locked until the transaction ends, so two uploads of one file at
 * once (a double click) see each other.
 */
export async function sameAttachmentLocked(
  tx: Tx,
  input: { applicationId: string; kind: AttachmentKind; partnerIndex: number | null; sha256: string },
): Promise<string | null> {
  await tx.select({ id: applications.id }).from(applications).where(eq(applications.id, input.applicationId)).for('update');
  const [same] = await tx
    .select({ filename: attachments.filename })
    .from(attachments)
    .where(
      and(
        eq(attachments.applicationId, input.applicationId),
        eq(attachments.kind, input.kind),
        input.partnerIndex === null ? isNull(attachments.partnerIndex) : eq(attachments.partnerIndex, input.partnerIndex),
        eq(attachments.sha256, input.sha256),
      ),
    )
    .limit(1);
  return same?.filename ?? null;
}

export async function insertAttachment(tx: Tx, values: typeof attachments.$inferInsert): Promise<Attachment> {
  const [row] = await tx.insert(attachments).values(values).returning();
  if (!row) throw new Error('attachment not stored');
  return row;
}

/** Removes an attachment of a draft; returns its storage key so the caller can delete the file. */
/** Ties the given partner certificates of a draft to other partner rows (see relinkedPartnerCertificates). */
async function setCertificatePartners(
  tx: Tx,
  applicationId: string,
  changes: readonly { id: string; partnerIndex: number | null }[],
): Promise<void> {
  for (const change of changes) {
    await tx
      .update(attachments)
      .set({ partnerIndex: change.partnerIndex })
      .where(and(eq(attachments.id, change.id), eq(attachments.applicationId, applicationId), eq(attachments.kind, 'partnerCertificate')));
  }
}

export async function deleteDraftAttachment(tx: Tx, applicationId: string, attachmentId: string): Promise<string | null> {
  const [row] = await tx
    .delete(attachments)
    .where(
      and(
        eq(attachments.id, attachmentId),
        eq(attachments.applicationId, applicationId),
        sql`exists (select 1 from ${applications} where ${applications.id} = ${applicationId} and ${applications.status} = 'draft')`,
      ),
    )
    .returning({ storageKey: attachments.storageKey });
  return row?.storageKey ?? null;
}

export async function setScanStatus(db: DbOrTx, attachmentId: string, status: Attachment['scanStatus']): Promise<void> {
  await db.update(attachments).set({ scanStatus: status }).where(eq(attachments.id, attachmentId));
}

/** Attachments waiting for the virus scanner, oldest first. */
export async function listPendingScans(db: DbOrTx, limit: number) {
  return db
    .select({
      id: attachments.id,
      storageKey: attachments.storageKey,
      filename: attachments.filename,
      applicationId: attachments.applicationId,
    })
    .from(attachments)
    .where(eq(attachments.scanStatus, 'pending'))
    .orderBy(asc(attachments.createdAt))
    .limit(limit);
}

/** Deletes an infected attachment's row; returns what the uploader needs to be told. */
export async function removeInfectedAttachment(tx: Tx, attachmentId: string) {
  // A file sent with a supplement leaves the supplement; the supplement and its statement stay.
  await tx.delete(supplementAttachments).where(eq(supplementAttachments.attachmentId, attachmentId));
  const [row] = await tx
    .delete(attachments)
    .where(eq(attachments.id, attachmentId))
    .returning({ applicationId: attachments.applicationId, filename: attachments.filename, uploadedBy: attachments.uploadedBy });
  if (!row) return null;
  const [uploader] = row.uploadedBy ? await tx.select({ email: persons.email }).from(persons).where(eq(persons.id, row.uploadedBy)) : [];
  return { ...row, uploaderEmail: uploader?.email ?? null };
}

export async function recordSignatoryApproval(tx: Tx, applicationId: string, personId: string, contentSha256: string, now: Date) {
  await tx.insert(signatoryApprovals).values({ applicationId, personId, contentSha256, approvedAt: now });
}

export async function findSnapshot(db: DbOrTx, applicationId: string) {
  const [row] = await db.select().from(applicationSnapshots).where(eq(applicationSnapshots.applicationId, applicationId));
  return row ?? null;
}

/**
 * Mina sidor: the organisations' drafts and their submitted applications still within a year. A
 * draft comes with how many of the form's steps are complete (`progress`).
 */
export async function listMyPagesApplications(db: DbOrTx, organisationIds: number[]) {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .select({
      id: applications.id,
      title: applications.title,
      status: applications.status,
      updatedAt: applications.updatedAt,
      submittedAt: applications.submittedAt,
      isLate: applications.isLate,
      organisationName: organisations.name,
      callTitle: calls.title,
      callClosesOn: calls.closesOn,
      registryNumber: registryCases.registryNumber,
      boardName: countyBoards.name,
      programmeCode: calls.programmeCode,
      callYear: calls.year,
      // Only a draft's answers are needed, to count its complete steps.
      draftAnswers: sql<DraftAnswers | null>`case when ${applications.status} = 'draft' then ${applications.answers} end`,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(registryCases, eq(registryCases.id, applications.registryCaseId))
    .leftJoin(countyBoards, eq(countyBoards.countyCode, registryCases.boardCountyCode))
    .where(
      and(
        inArray(applications.organisationId, organisationIds),
        isNull(applications.removedFromMyPagesAt),
        eq(applications.channel, 'eService'),
      ),
    )
    .orderBy(desc(applications.updatedAt));
  return Promise.all(
    rows.map(async ({ draftAnswers, programmeCode, callYear, ...row }) => ({
      ...row,
      progress: draftAnswers ? completedSteps(draftAnswers, await loadChoiceOptions(db, programmeCode, callYear)) : null,
    })),
  );
}

/** Earlier applications of the organisation to copy answers from, newest first. */
export async function listCopySources(db: DbOrTx, organisationId: number) {
  return db
    .select({
      id: applications.id,
      title: applications.title,
      callTitle: calls.title,
      status: applications.status,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(and(eq(applications.organisationId, organisationId), ne(applications.title, '')))
    .orderBy(desc(applications.updatedAt))
    .limit(20);
}

/** Deletes a draft (never a submitted application); returns whether it did and its files' storage keys. */
export async function deleteDraft(tx: Tx, id: string): Promise<{ deleted: boolean; keys: string[] }> {
  const keys = await tx
    .select({ key: attachments.storageKey })
    .from(attachments)
    .innerJoin(applications, eq(applications.id, attachments.applicationId))
    .where(and(eq(attachments.applicationId, id), eq(applications.status, 'draft')));
  const deleted = await tx
    .delete(applications)
    .where(and(eq(applications.id, id), eq(applications.status, 'draft')))
    .returning({ id: applications.id });
  return deleted.length > 0 ? { deleted: true, keys: keys.map((k) => k.key) } : { deleted: false, keys: [] };
}

/** Drafts unchanged since `before`, with the storage keys of their files. */
export async function listExpiredDrafts(db: DbOrTx, before: Date, limit: number) {
  return db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.status, 'draft'), lt(applications.updatedAt, before)))
    .limit(limit);
}

/** Drafts to warn: unchanged since `before`, not yet warned, with the people who worked on them. */
export async function listDraftsToWarn(db: DbOrTx, before: Date, limit: number) {
  return db
    .select({
      id: applications.id,
      title: applications.title,
      version: applications.version,
      updatedAt: applications.updatedAt,
      email: persons.email,
      emailVerifiedAt: persons.emailVerifiedAt,
    })
    .from(applications)
    .leftJoin(persons, or(eq(persons.id, applications.updatedBy), eq(persons.id, applications.createdBy)))
    .where(and(eq(applications.status, 'draft'), lt(applications.updatedAt, before), isNull(applications.deletionWarnedAt)))
    .limit(limit);
}

/**
 * Marks a draft warned, unless it was saved since it was listed: the version, not the timestamp,
 * tells (a JavaScript date has milliseconds, PostgreSQL keeps microseconds).
 */
export async function markDeletionWarned(tx: Tx, id: string, version: number, now: Date): Promise<boolean> {
  const rows = await tx
    .update(applications)
    .set({ deletionWarnedAt: now })
    .where(and(eq(applications.id, id), eq(applications.version, version), isNull(applications.deletionWarnedAt)))
    .returning({ id: applications.id });
  return rows.length > 0;
}

/** Submitted items leave Mina sidor a year after submission; the registry keeps them. */
export async function removeOldFromMyPages(db: DbOrTx, submittedBefore: Date, now: Date): Promise<number> {
  const rows = await db
    .update(applications)
    .set({ removedFromMyPagesAt: now })
    .where(and(ne(applications.status, 'draft'), lt(applications.submittedAt, submittedBefore), isNull(applications.removedFromMyPagesAt)))
    .returning({ id: applications.id });
  return rows.length;
}
