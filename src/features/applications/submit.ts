import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { type PlaceholderValues, preparedPerDatabase, preparedStatement } from '../../db/prepared.ts';
import { rowsOf } from '../../db/rows.ts';
import { applicationSnapshots, applications, auditEvents, mailOutbox } from '../../db/schema/index.ts';
import { Batches } from '../../platform/batches.ts';
import { formatDateTime, stockholmDateOf } from '../../platform/format.ts';
import { AUTOMATIC_MAIL_FOOTER } from '../../platform/mail/rules.ts';
import { caseSeriesValues, boardName as findBoardName, newCaseId, openCaseSteps } from '../registry/queries.ts';
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
 * Submissions as one statement, so one round trip and no lock held between round trips; each row
 * of `items` is one submission (see `registrations`). The guard on status and version makes a
 * double click, or a save racing the submission, lose here, before anything else is written for
 * it, while the others in the statement go on. The snapshots are written before the registry
 * counter is taken (`registering` reads them), so the counter's row lock is held only for the
 * cases, their documents, the mails, the audit events and the commit. No notice goes to the
 * public pages: the statistics page counts a submission within STATISTICS_MAX_AGE_SECONDS.
 */
const submitStatement = preparedStatement(
  'submit_application',
  sql`WITH input AS (
      SELECT * FROM json_to_recordset(${p('items')}::json) AS i(ord int, id uuid, version int, now timestamptz, late boolean,
        amount bigint, answer_update jsonb, person_id uuid, snapshot text, sha256 text, mail_subject text, mail_text text,
        recipients json, subject text, sender text, description text)),
    flipped AS (
      UPDATE ${applications} a SET status = 'submitted', submitted_at = i.now, is_late = i.late, amount_applied_ore = i.amount,
        answers = a.answers || i.answer_update, version = a.version + 1, updated_at = i.now, updated_by = i.person_id,
        registry_case_id = ${newCaseId}
      FROM input i WHERE a.id = i.id AND a.status = 'draft' AND a.version = i.version
      RETURNING a.id, a.registry_case_id),
    frozen AS (
      INSERT INTO ${applicationSnapshots} (application_id, content, sha256, created_at)
      SELECT i.id, i.snapshot, i.sha256, i.now FROM flipped f JOIN input i ON i.id = f.id
      RETURNING application_id),
    registering AS (
      SELECT f.registry_case_id AS case_id, row_number() OVER (ORDER BY i.ord) AS k, i.subject, i.now AS opened_at,
        i.now AS received_at, i.sender, i.description, i.late AS is_late, i.id
      FROM flipped f JOIN frozen s ON s.application_id = f.id JOIN input i ON i.id = f.id),
    ${openCaseSteps},
    submitted AS (SELECT r.id, o.registry_number FROM opened o JOIN registering r ON r.case_id = o.id),
    mails AS (
      INSERT INTO ${mailOutbox} (to_address, subject, text_body, dedupe_key)
      SELECT m.to, replace(i.mail_subject, ${p('mark')}, d.registry_number), replace(i.mail_text, ${p('mark')}, d.registry_number), m.dedupe_key
      FROM submitted d JOIN input i ON i.id = d.id, json_to_recordset(i.recipients) AS m("to" text, dedupe_key text)
      ON CONFLICT (dedupe_key) DO NOTHING),
    audited AS (
      INSERT INTO ${auditEvents} (actor_person_id, actor_role, action, entity_type, entity_id, details)
      SELECT i.person_id, 'applicant', 'application.submit', 'application', i.id::text,
        jsonb_build_object('registryNumber', d.registry_number, 'sha256', i.sha256, 'late', i.late)
      FROM submitted d JOIN input i ON i.id = d.id)
    SELECT id, registry_number FROM submitted`,
);

/** One submission as the statement takes it (a row of its `input`). */
interface Registration {
  id: string;
  version: number;
  now: string;
  late: boolean;
  amount: number | null;
  answer_update: DraftAnswers;
  person_id: string;
  snapshot: string;
  sha256: string;
  mail_subject: string;
  mail_text: string;
  recipients: { to: string; dedupe_key: string }[];
  subject: string;
  sender: string;
  description: string;
}

/**
 * Submissions to one registry series go to the database together: while one statement runs, those
 * that arrive wait, and the next statement takes them all. On a call's last day this is one
 * commit, one plan and one wait for the counter's row lock for many submissions instead of each.
 * A draft submitted twice at once (a double click) is never twice in one statement.
 */
const registrations = preparedPerDatabase(
  (db) =>
    // Keyed by the registry series (board, year, case code) the numbers come from.
    new Batches<PlaceholderValues, Registration, string | null>(
      async (series, items) => {
        const rows = rowsOf<{ id: string; registry_number: string }>(
          await submitStatement.execute(db, {
            ...series,
            mark: REGISTRY_NUMBER_MARK,
            items: JSON.stringify(items.map((item, ord) => ({ ...item, ord }))),
          }),
        );
        const numbers = new Map(rows.map((r) => [r.id, r.registry_number]));
        return items.map((item) => numbers.get(item.id) ?? null);
      },
      { max: 100, identity: (item) => item.id },
    ),
);

/**
 * Submits a draft in one statement (one transaction, shared with the submissions that waited with
 * it): the status flips only from the version that was checked, the content is frozen with its
 * hash, the board's registry gives the next number, and the confirmation mails are queued.
 * Submitting again returns the first submission's number.
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
  const series = caseSeriesValues({ boardCountyCode: board, caseCode: input.caseCode, openedAt: input.now, documentKind: 'application' });
  const outcome = await registrations(db).add(series, {
    id: detail.id,
    version: input.version,
    now: input.now.toISOString(),
    late,
    amount: content.amounts.appliedOre,
    // Only the confirmations travel: the guard on version means the stored answers are the ones
    // merged above, and `||` merges top-level keys as mergeAnswers does (the 6 KB stay in place).
    answer_update: mergeAnswers({}, input.confirmations),
    person_id: input.personId,
    snapshot: serialised.text,
    sha256: serialised.sha256,
    mail_subject: mail.subject,
    mail_text: mail.text,
    recipients,
    subject: entry.subject,
    sender: detail.organisationName,
    description: entry.description,
  });
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
