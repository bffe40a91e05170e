import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { applicationSnapshots, applications } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import { formatDateTime, stockholmDateOf } from '../../platform/format.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { boardName as findBoardName, openCase } from '../registry/queries.ts';
import { applicationRegistryEntry, receivingBoard } from '../registry/rules.ts';
import { type ApplicationDetail, findApplication, latestSignatoryApproval, listAttachments, loadChoiceOptions } from './queries.ts';
import { type DraftAnswers, mergeAnswers, rowsAnswer } from './rules.ts';
import { checkSubmission, isLateOn, type SubmissionProblem, serialiseSnapshot, snapshotContent } from './snapshot.ts';

export type SubmitResult =
  | { ok: true; registryNumber: string; alreadySubmitted: boolean }
  | { ok: false; reason: 'problems'; problems: SubmissionProblem[] }
  | { ok: false; reason: 'changed' }
  | { ok: false; reason: 'notDraft' };

/** Everything needed to check and freeze an application, read before the writing transaction. */
export async function prepareSubmission(db: Db, detail: ApplicationDetail, now: Date) {
  const [files, options, approval] = await Promise.all([
    listAttachments(db, detail.id),
    loadChoiceOptions(db, detail.call.programmeCode, detail.call.year),
    latestSignatoryApproval(db, detail.id),
  ]);
  const content = snapshotContent({
    applicationId: detail.id,
    call: {
      slug: detail.call.slug,
      title: detail.call.title,
      programmeCode: detail.call.programmeCode,
      countyCode: detail.call.countyCode,
      year: detail.call.year,
    },
    organisation: {
      id: detail.organisationId,
      name: detail.organisationName,
      kind: detail.organisationKind,
      orgNumber: detail.organisationOrgNumber,
    },
    answers: detail.answers,
    attachments: files.map((f) => ({
      kind: f.kind,
      filename: f.filename,
      sizeBytes: f.sizeBytes,
      sha256: f.sha256,
      partnerIndex: f.partnerIndex,
    })),
  });
  const serialised = serialiseSnapshot(content);
  const problems = checkSubmission({
    applicationId: detail.id,
    programme: { code: detail.call.programmeCode, eligibleKinds: detail.call.eligibleKinds },
    call: detail.call,
    organisation: { kind: detail.organisationKind, countyCode: detail.organisationCountyCode, name: detail.organisationName },
    options,
    answers: detail.answers,
    attachments: files,
    approvedSha256: approval?.contentSha256 ?? null,
    contentSha256: serialised.sha256,
    today: stockholmDateOf(now),
  });
  return { content, serialised, problems, files, options, approval };
}

function confirmationMail(
  detail: ApplicationDetail,
  registryNumber: string,
  boardName: string,
  receivedAt: Date,
  receiptUrl: string,
  late: boolean,
) {
  const lines = [
    'Hej!',
    '',
    `${boardName} har tagit emot er ansökan "${detail.title}" från ${detail.organisationName}.`,
    '',
    `Diarienummer: ${registryNumber} (${boardName})`,
    `Utlysning: ${detail.call.title}`,
    `Mottagen: ${formatDateTime(receivedAt, 'sv')}`,
    ...(late ? ['', 'Ansökan kom in efter sista ansökningsdag. En ansökan som kommer in för sent kan komma att avvisas.'] : []),
    '',
    'Använd diarienumret i all fortsatt kontakt med länsstyrelsen.',
    `Kvittot med alla svar och bilagor finns på ${receiptUrl}`,
    '',
    'Det här meddelandet skickades automatiskt från Bidragsportalen och går inte att svara på.',
  ];
  return { subject: `Ansökan mottagen – diarienummer ${registryNumber}`, text: lines.join('\n') };
}

/**
 * Submits a draft in one transaction: the status flips only from the version that was checked,
 * the content is frozen with its hash, the board's registry gives the next number, and the
 * confirmation mails are queued. Submitting again returns the first submission's number.
 */
export async function submitApplication(
  db: Db,
  input: {
    /** The draft as the route loaded it, and the confirmations ticked on the review page. */
    application: ApplicationDetail;
    confirmations: DraftAnswers;
    version: number;
    personId: string;
    now: Date;
    caseCode: string;
    publicUrl: string;
  },
): Promise<SubmitResult> {
  if (input.application.status !== 'draft') {
    return input.application.registryNumber
      ? { ok: true, registryNumber: input.application.registryNumber, alreadySubmitted: true }
      : { ok: false, reason: 'notDraft' };
  }
  if (input.application.version !== input.version) return { ok: false, reason: 'changed' };
  // The confirmations are stored with the status flip, in the same transaction.
  const detail = { ...input.application, answers: mergeAnswers(input.application.answers, input.confirmations) };
  const { content, serialised, problems } = await prepareSubmission(db, detail, input.now);
  if (problems.length > 0) return { ok: false, reason: 'problems', problems };
  const late = isLateOn(detail.call, stockholmDateOf(input.now));
  const board = receivingBoard(detail.call);
  const boardName = await findBoardName(db, board);

  const outcome = await db.transaction(async (tx) => {
    // The guard on status and version makes a double click, or a save racing the submission, lose here.
    const [flipped] = await tx
      .update(applications)
      .set({
        status: 'submitted',
        submittedAt: input.now,
        isLate: late,
        amountAppliedOre: content.amounts.appliedOre,
        answers: detail.answers,
        version: sql`${applications.version} + 1`,
        updatedAt: input.now,
        updatedBy: input.personId,
      })
      .where(and(eq(applications.id, detail.id), eq(applications.status, 'draft'), eq(applications.version, input.version)))
      .returning({ id: applications.id });
    if (!flipped) return null;
    await tx
      .insert(applicationSnapshots)
      .values({ applicationId: detail.id, content: serialised.text, sha256: serialised.sha256, createdAt: input.now });
    // The registry counter is taken last, so its row lock is held for as short a time as possible.
    const entry = applicationRegistryEntry(detail.call, 'eService');
    const registered = await openCase(tx, {
      boardCountyCode: board,
      caseCode: input.caseCode,
      subject: entry.subject,
      document: {
        kind: 'application',
        sender: detail.organisationName,
        description: entry.description,
        receivedAt: input.now,
        isLate: late,
      },
    });
    await tx.update(applications).set({ registryCaseId: registered.caseId }).where(eq(applications.id, detail.id));
    const receiptUrl = `${input.publicUrl}/ansokningar/${detail.id}/kvitto`;
    const mail = confirmationMail(detail, registered.registryNumber, boardName, input.now, receiptUrl, late);
    const recipients = new Set(rowsAnswer(content.answers, 'contacts').map((c) => (c.email ?? '').trim().toLowerCase()));
    for (const to of recipients) {
      if (to) await enqueueMail(tx, { to, ...mail, dedupeKey: `application:${detail.id}:submitted:${to}` });
    }
    await recordAudit(tx, {
      actorPersonId: input.personId,
      actorRole: 'applicant',
      action: 'application.submit',
      entityType: 'application',
      entityId: detail.id,
      details: { registryNumber: registered.registryNumber, sha256: serialised.sha256, late },
    });
    return registered.registryNumber;
  });
  if (outcome) return { ok: true, registryNumber: outcome, alreadySubmitted: false };
  // Lost the race: either a twin request submitted it (same result) or someone saved a newer version.
  const after = await findApplication(db, detail.id);
  if (after?.registryNumber) return { ok: true, registryNumber: after.registryNumber, alreadySubmitted: true };
  return { ok: false, reason: 'changed' };
}
