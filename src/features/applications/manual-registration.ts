import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { applicationSnapshots, applications, idempotencyKeys } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import { type Actor, can } from '../../platform/auth/policy.ts';
import { stockholmDateOf } from '../../platform/format.ts';
import { notifyPublicContentChanged } from '../../platform/page-cache.ts';
import type { ClamdScanner } from '../../platform/storage/clamd.ts';
import type { FileStorage } from '../../platform/storage/file-storage.ts';
import { findOrganisation } from '../identity/queries.ts';
import { boardName as findBoardName, openCase } from '../registry/queries.ts';
import { applicationRegistryEntry, receivingBoard } from '../registry/rules.ts';
import { statisticsPath } from '../statistics/rules.ts';
import { type EligibilityFailure, refusalToApply } from './eligibility.ts';
import { findApplication, findCallBySlug, insertAttachment } from './queries.ts';
import { type DraftAnswers, parseKronor } from './rules.ts';
import { isLateOn, serialiseSnapshot, snapshotContent } from './snapshot.ts';
import { checkAndStoreFile, type StoredUpload, type FileProblemCode as UploadProblemCode } from './uploads.ts';

/**
 * An application that reached the board by e-mail or post, registered by a case officer: it gets
 * its number in the same registry sequence as the e-service's submissions, a frozen snapshot with
 * the received documents' hashes, and so the same receipt.
 */

const MAX_TITLE_LENGTH = 200;
const MAX_NOTE_LENGTH = 2000;

export type ReceivedVia = 'email' | 'post';

/** What the case officer can state from the letter or e-mail; everything else is in the documents. */
export interface StatedAnswers {
  title: string;
  /** Kronor as written, e.g. "250 000"; empty when the application states no amount. */
  amountApplied: string;
  /** The officer's note on the receipt, e.g. what the envelope held. */
  note: string;
}

export interface ReceivedFile {
  filename: string;
  content: Buffer;
}

export type FileProblemCode = UploadProblemCode | 'missing';

/** Why a registration cannot be made, naming the form field the message belongs beside. */
export type RegistrationProblem =
  | { field: 'title'; code: 'titleMissing' | 'titleTooLong' }
  | { field: 'amountApplied'; code: 'amountInvalid' | 'amountNotPositive' }
  | { field: 'note'; code: 'noteTooLong' }
  | { field: 'receivedDate'; code: 'receivedInFuture' }
  | { field: 'callSlug'; code: 'callUnknown' }
  | { field: 'organisationId'; code: 'organisationUnknown' }
  | { field: 'organisationId'; code: 'notEligible'; failure: EligibilityFailure }
  | { field: 'file'; code: FileProblemCode; filename: string | null };

export type RegistrationResult =
  | { ok: true; applicationId: string; registryNumber: string; boardName: string; alreadyRegistered: boolean }
  | { ok: false; reason: 'problems'; problems: RegistrationProblem[] }
  | { ok: false; reason: 'forbidden' };

/** The checks that need nothing but the form: the stated answers and that the receipt is not in the future. */
export function checkStatedAnswers(answers: StatedAnswers, receivedAt: Date | null, now: Date): RegistrationProblem[] {
  const problems: RegistrationProblem[] = [];
  const title = answers.title.trim();
  if (title === '') problems.push({ field: 'title', code: 'titleMissing' });
  else if (title.length > MAX_TITLE_LENGTH) problems.push({ field: 'title', code: 'titleTooLong' });
  const amount = answers.amountApplied.trim();
  if (amount !== '') {
    const ore = parseKronor(amount);
    if (ore === null) problems.push({ field: 'amountApplied', code: 'amountInvalid' });
    else if (ore <= 0) problems.push({ field: 'amountApplied', code: 'amountNotPositive' });
  }
  if (answers.note.trim().length > MAX_NOTE_LENGTH) problems.push({ field: 'note', code: 'noteTooLong' });
  if (receivedAt && receivedAt.getTime() > now.getTime()) problems.push({ field: 'receivedDate', code: 'receivedInFuture' });
  return problems;
}

/** The answers frozen in the snapshot: the keys the e-service uses, so the receipt shows them alike. */
function snapshotAnswers(answers: StatedAnswers): DraftAnswers {
  const frozen: DraftAnswers = { title: answers.title.trim() };
  if (answers.amountApplied.trim() !== '') frozen.amountApplied = answers.amountApplied.trim();
  if (answers.note.trim() !== '') frozen.registrationNote = answers.note.trim().replaceAll('\r\n', '\n');
  return frozen;
}

async function earlierRegistration(db: Db, key: string) {
  const [seen] = await db.select({ result: idempotencyKeys.result }).from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
  const id = seen?.result.applicationId;
  return typeof id === 'string' ? findApplication(db, id) : null;
}

/**
 * Registers an application received by e-mail or post in one transaction: the application is
 * created as submitted at the stated time of receipt (late when that was after the call closed),
 * frozen with the received documents and their hashes, and given the next number of the board's
 * registry, in the sequence the e-service uses. The form's one-time key makes a double click or a
 * retry register it once. The files are checked and stored first, and removed if it fails.
 */
export async function registerReceivedApplication(
  db: Db,
  input: {
    actor: Actor;
    callSlug: string;
    organisationId: number;
    channel: ReceivedVia;
    receivedAt: Date;
    answers: StatedAnswers;
    documents: ReceivedFile[];
    idempotencyKey: string;
    caseCode: string;
    now: Date;
    storage: FileStorage;
    scanner: ClamdScanner | null;
  },
): Promise<RegistrationResult> {
  const { actor } = input;
  if (actor.kind !== 'person') return { ok: false, reason: 'forbidden' };
  const key = `registration:${actor.personId}:${input.idempotencyKey}`;
  const earlier = await earlierRegistration(db, key);
  if (earlier?.registryNumber) return alreadyRegistered(earlier);

  const call = await findCallBySlug(db, input.callSlug);
  if (!call) return { ok: false, reason: 'problems', problems: [{ field: 'callSlug', code: 'callUnknown' }] };
  if (!can(actor, 'registry.register', { receivingBoard: receivingBoard(call) })) return { ok: false, reason: 'forbidden' };
  const organisation = await findOrganisation(db, input.organisationId);
  const problems = checkStatedAnswers(input.answers, input.receivedAt, input.now);
  if (!organisation) problems.push({ field: 'organisationId', code: 'organisationUnknown' });
  else {
    // A received application is held to who may apply and in which county, as the e-service is.
    const failure = refusalToApply(call, organisation);
    if (failure) problems.push({ field: 'organisationId', code: 'notEligible', failure });
  }
  const applicationId = randomUUID();
  // Every document is checked (and stored, to be removed again on any problem) so that all
  // problems are reported at once.
  const stored: StoredUpload[] = [];
  const removeStored = () => Promise.all(stored.map((s) => input.storage.delete(s.storageKey)));
  if (input.documents.length === 0) problems.push({ field: 'file', code: 'missing', filename: null });
  for (const file of input.documents) {
    const checked = await checkAndStoreFile(
      { files: input.storage, scanner: input.scanner },
      { applicationId, file, bytesAlreadyAttached: stored.reduce((sum, s) => sum + s.sizeBytes, 0) },
    );
    if (checked.ok) stored.push(checked.stored);
    else problems.push({ field: 'file', code: checked.code, filename: checked.filename });
  }
  if (problems.length > 0 || !organisation) {
    await removeStored();
    return { ok: false, reason: 'problems', problems };
  }

  try {
    const answers = snapshotAnswers(input.answers);
    const content = snapshotContent({
      applicationId,
      call: { slug: call.slug, title: call.title, programmeCode: call.programmeCode, countyCode: call.countyCode, year: call.year },
      organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind, orgNumber: organisation.orgNumber },
      answers,
      attachments: stored.map((s) => ({
        kind: 'other',
        filename: s.filename,
        sizeBytes: s.sizeBytes,
        sha256: s.sha256,
        partnerIndex: null,
      })),
    });
    const serialised = serialiseSnapshot(content);
    const late = isLateOn(call, stockholmDateOf(input.receivedAt));
    const board = receivingBoard(call);
    const boardName = await findBoardName(db, board);
    const entry = applicationRegistryEntry(call, input.channel);

    const registryNumber = await db.transaction(async (tx) => {
      // Claimed first: a twin request waits here for this one, then finds the key taken.
      const [claimed] = await tx
        .insert(idempotencyKeys)
        .values({ key, result: { applicationId } })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (!claimed) return null;
      await tx.insert(applications).values({
        id: applicationId,
        callId: call.id,
        organisationId: organisation.id,
        createdBy: actor.personId,
        updatedBy: actor.personId,
        status: 'submitted',
        answers,
        title: input.answers.title.trim(),
        amountAppliedOre: content.amounts.appliedOre,
        createdAt: input.now,
        updatedAt: input.now,
        submittedAt: input.receivedAt,
        isLate: late,
        channel: input.channel,
      });
      for (const s of stored) {
        await insertAttachment(tx, {
          applicationId,
          kind: 'other',
          partnerIndex: null,
          filename: s.filename,
          contentType: s.contentType,
          sizeBytes: s.sizeBytes,
          sha256: s.sha256,
          storageKey: s.storageKey,
          scanStatus: s.scanStatus,
          uploadedBy: actor.personId,
          createdAt: input.now,
        });
      }
      await tx
        .insert(applicationSnapshots)
        .values({ applicationId, content: serialised.text, sha256: serialised.sha256, createdAt: input.now });
      // As in the e-service: the registry counter is taken last, to hold its row lock briefly.
      const opened = await openCase(tx, {
        boardCountyCode: board,
        caseCode: input.caseCode,
        subject: entry.subject,
        openedAt: input.now,
        document: {
          kind: 'application',
          sender: organisation.name,
          description: entry.description,
          receivedAt: input.receivedAt,
          isLate: late,
        },
      });
      await tx.update(applications).set({ registryCaseId: opened.caseId }).where(eq(applications.id, applicationId));
      // The public statistics count it at once: letters are few, unlike submissions (see STATISTICS_MAX_AGE_SECONDS).
      await notifyPublicContentChanged(tx, statisticsPath);
      await recordAudit(tx, {
        actorPersonId: actor.personId,
        actorRole: 'caseOfficer',
        action: 'application.registerReceived',
        entityType: 'application',
        entityId: applicationId,
        details: {
          registryNumber: opened.registryNumber,
          channel: input.channel,
          receivedAt: input.receivedAt.toISOString(),
          sha256: serialised.sha256,
          late,
          documents: stored.map((s) => ({ filename: s.filename, sha256: s.sha256 })),
        },
      });
      return opened.registryNumber;
    });
    if (registryNumber) return { ok: true, applicationId, registryNumber, boardName, alreadyRegistered: false };
  } catch (err) {
    await removeStored();
    throw err;
  }
  // A twin request with the same key registered it first: these files are not needed.
  await removeStored();
  const twin = await earlierRegistration(db, key);
  if (!twin?.registryNumber) throw new Error('registration key taken without a registered application');
  return alreadyRegistered(twin);
}

function alreadyRegistered(detail: { id: string; registryNumber: string | null; boardName: string | null }): RegistrationResult {
  return {
    ok: true,
    applicationId: detail.id,
    registryNumber: detail.registryNumber ?? '',
    boardName: detail.boardName ?? '',
    alreadyRegistered: true,
  };
}
