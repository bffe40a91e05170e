import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { preparedStatement } from '../../db/prepared.ts';
import { rowsOf } from '../../db/rows.ts';
import { applicationSnapshots, applications, auditEvents, mailOutbox } from '../../db/schema/index.ts';
import { formatDateTime, stockholmDateOf } from '../../platform/format.ts';
import { AUTOMATIC_MAIL_FOOTER } from '../../platform/mail/rules.ts';
import { boardName as findBoardName, newCaseId, newCaseValues, openCaseSteps } from '../registry/queries.ts';
import { applicationRegistryEntry, receivingBoard } from '../registry/rules.ts';
import { type ApplicationDetail, type ApplicationReceipt, findApplication, loadChoiceOptions, receiptOfSubmission } from './queries.ts';
import { confirmationRecipients, type DraftAnswers, mergeAnswers } from './rules.ts';
import {
  approvalOf,
  checkSubmission,
  isLateOn,
  type RequiredCertificate,
  requiredCertificates,
  type SubmissionProblem,
  serialiseSnapshot,
  snapshotContent,
} from './snapshot.ts';
import { texts } from './texts.ts';

/** Stands in the confirmation mail for the registry number, which the submitting statement fills in. */
const REGISTRY_NUMBER_MARK = '\u{E000}diarienummer\u{E000}';

export type SubmitResult =
  | { ok: true; registryNumber: string; alreadySubmitted: true }
  /** `receipt`: what the confirmation page shows, as the database now holds it. */
  | { ok: true; registryNumber: string; alreadySubmitted: false; receipt: ApplicationReceipt }
  | { ok: false; reason: 'problems'; problems: SubmissionProblem[] }
  | { ok: false; reason: 'changed' }
  | { ok: false; reason: 'notDraft' };

/** The content a submission would freeze, from the loaded application. */
function contentOf(detail: ApplicationDetail) {
  return snapshotContent({
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
    attachments: detail.attachments.map((f) => ({
      kind: f.kind,
      filename: f.filename,
      sizeBytes: f.sizeBytes,
      sha256: f.sha256,
      partnerIndex: f.partnerIndex,
    })),
  });
}

/** Everything needed to check and freeze an application, from the loaded application itself. */
export async function prepareSubmission(db: DbOrTx, detail: ApplicationDetail, now: Date) {
  const files = detail.attachments;
  const approval = detail.approval;
  const options = await loadChoiceOptions(db, detail.call.programmeCode, detail.call.year);
  const content = contentOf(detail);
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

/**
 * The certificates the draft needs and whether each is there. The content is frozen and hashed
 * only when a signatory approved some content, to tell whether it was this content.
 */
export function certificatesOf(detail: ApplicationDetail): RequiredCertificate[] {
  const approval = detail.approval ? approvalOf(detail.approval.contentSha256, serialiseSnapshot(contentOf(detail)).sha256) : 'none';
  return requiredCertificates(detail.answers, detail.attachments, approval);
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
    texts('sv').receiptUseNumber,
    `Kvittot med alla svar och bilagornas kontrollsummor kan laddas ned som PDF (efter inloggning): ${receiptUrl}`,
    '',
    AUTOMATIC_MAIL_FOOTER,
  ];
  // Numbers are unique per board, so the board goes wherever the number does.
  return { subject: `Ansökan mottagen – diarienummer ${registryNumber} (${boardName})`, text: lines.join('\n') };
}

const p = (name: string) => sql.placeholder(name);

/**
 * The submission as one statement, so one round trip and no lock held between round trips. The
 * guard on status and version makes a double click, or a save racing the submission, lose here,
 * before anything else is written. The snapshot is written before the registry counter is taken
 * (`registering` reads it), so the counter's row lock is held only for the case, its document, the
 * mails, the audit event and the commit. No notice goes to the public pages: the statistics page
 * counts a submission within STATISTICS_MAX_AGE_SECONDS.
 */
const submitStatement = preparedStatement(
  'submit_application',
  sql`WITH flipped AS (
      UPDATE ${applications} SET status = 'submitted', submitted_at = ${p('now')}, is_late = ${p('late')},
        amount_applied_ore = ${p('amountAppliedOre')}, answers = answers || ${p('answerUpdate')}::jsonb,
        version = version + 1, updated_at = ${p('now')}, updated_by = ${p('personId')}, registry_case_id = ${newCaseId}
      WHERE id = ${p('id')} AND status = 'draft' AND version = ${p('version')}
      RETURNING id, registry_case_id),
    frozen AS (
      INSERT INTO ${applicationSnapshots} (application_id, content, sha256, created_at)
      SELECT id, ${p('snapshot')}, ${p('sha256')}, ${p('now')} FROM flipped
      RETURNING application_id),
    registering AS (SELECT f.registry_case_id AS case_id FROM flipped f JOIN frozen s ON s.application_id = f.id),
    ${openCaseSteps},
    mails AS (
      INSERT INTO ${mailOutbox} (to_address, subject, text_body, dedupe_key)
      SELECT m.to, replace(${p('mailSubject')}, ${p('mark')}, o.registry_number),
        replace(${p('mailText')}, ${p('mark')}, o.registry_number), m.dedupe_key
      FROM opened o, jsonb_to_recordset(${p('recipients')}::jsonb) AS m("to" text, dedupe_key text)
      ON CONFLICT (dedupe_key) DO NOTHING),
    audited AS (
      INSERT INTO ${auditEvents} (actor_person_id, actor_role, action, entity_type, entity_id, details)
      SELECT ${p('personId')}, 'applicant', 'application.submit', 'application', ${p('id')},
        jsonb_build_object('registryNumber', o.registry_number, 'sha256', ${p('sha256')}::text, 'late', ${p('late')}::boolean)
      FROM opened o)
    SELECT registry_number FROM opened`,
);

/**
 * Submits a draft in one statement (one transaction): the status flips only from the version that
 * was checked, the content is frozen with its hash, the board's registry gives the next number, and
 * the confirmation mails are queued. Submitting again returns the first submission's number.
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
  // The confirmations are stored with the status flip, in the same statement.
  const detail = { ...input.application, answers: mergeAnswers(input.application.answers, input.confirmations) };
  const { content, serialised, problems } = await prepareSubmission(db, detail, input.now);
  if (problems.length > 0) return { ok: false, reason: 'problems', problems };
  const late = isLateOn(detail.call, stockholmDateOf(input.now));
  const board = receivingBoard(detail.call);
  const boardName = await findBoardName(db, board);

  const receiptUrl = `${input.publicUrl}/ansokningar/${detail.id}/kvitto.pdf`;
  // The number exists only inside the statement: the mail is written with a mark in its place.
  const mail = confirmationMail(detail, REGISTRY_NUMBER_MARK, boardName, input.now, receiptUrl, late);
  const mailedTo = confirmationRecipients(content.answers);
  const recipients = mailedTo.map((to) => ({ to, dedupe_key: `application:${detail.id}:submitted:${to}` }));
  const entry = applicationRegistryEntry(detail.call, 'eService');
  const submitted = await submitStatement.execute(db, {
    ...newCaseValues({
      boardCountyCode: board,
      caseCode: input.caseCode,
      subject: entry.subject,
      openedAt: input.now,
      document: {
        kind: 'application',
        sender: detail.organisationName,
        description: entry.description,
        receivedAt: input.now,
        isLate: late,
      },
    }),
    id: detail.id,
    version: input.version,
    now: input.now.toISOString(),
    late,
    amountAppliedOre: content.amounts.appliedOre,
    // Only the confirmations travel: the guard on version means the stored answers are the ones
    // merged above, and `||` merges top-level keys as mergeAnswers does (the 6 KB stay in place).
    answerUpdate: JSON.stringify(mergeAnswers({}, input.confirmations)),
    personId: input.personId,
    snapshot: serialised.text,
    sha256: serialised.sha256,
    mailSubject: mail.subject,
    mailText: mail.text,
    mark: REGISTRY_NUMBER_MARK,
    recipients: JSON.stringify(recipients),
  });
  const outcome = rowsOf<{ registry_number: string }>(submitted)[0]?.registry_number;
  if (outcome) {
    const receipt = receiptOfSubmission(detail, {
      registryNumber: outcome,
      boardName,
      submittedAt: input.now,
      isLate: late,
      sha256: serialised.sha256,
      mailedTo,
    });
    return { ok: true, registryNumber: outcome, alreadySubmitted: false, receipt };
  }
  // Lost the race: either a twin request submitted it (same result) or someone saved a newer version.
  const after = await findApplication(db, detail.id);
  if (after?.registryNumber) return { ok: true, registryNumber: after.registryNumber, alreadySubmitted: true };
  return { ok: false, reason: 'changed' };
}
