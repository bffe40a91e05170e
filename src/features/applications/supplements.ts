import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DbOrTx } from '../../db/client.ts';
import { countyBoards, supplementAttachments, supplements } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { FormError } from '../../platform/components.tsx';
import { formatDateTime, formatFileSize } from '../../platform/format.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { AUTOMATIC_MAIL_FOOTER } from '../../platform/mail/rules.ts';
import { addDocument } from '../registry/queries.ts';
import { receivingBoard } from '../registry/rules.ts';
import type { ApplicationDetail } from './queries.ts';
import { confirmationRecipients } from './rules.ts';
import { texts } from './texts.ts';
import { readMultipart, storeAttachment } from './uploads.ts';

/** Demo calls notify a mailbox that cannot exist, so a demo never writes to a real county board. */
const DEMO_MAILBOX = 'funktionsbrevlada@demo.bidragsportalen.invalid';
const MAX_STATEMENT = 20_000;

async function functionalMailbox(db: DbOrTx, detail: ApplicationDetail): Promise<string | null> {
  if (detail.call.isDemo) return DEMO_MAILBOX;
  if (detail.call.functionalMailbox) return detail.call.functionalMailbox;
  const [board] = await db
    .select({ mailbox: countyBoards.functionalMailbox })
    .from(countyBoards)
    .where(eq(countyBoards.countyCode, receivingBoard(detail.call)));
  return board?.mailbox ?? null;
}

/**
 * A supplement (komplettering) or statement (yttrande) after submission: registered as a new
 * document under the application's registry number, and the call's functional mailbox is told.
 */
export async function addSupplement(
  app: FastifyInstance,
  request: FastifyRequest,
  detail: ApplicationDetail,
  personId: string,
): Promise<{ ok: true; documentNumber: number } | { ok: false; error: FormError; status: number; statement: string }> {
  const t = texts(request.lang);
  const caseId = detail.registryCaseId;
  if (caseId === null) throw new Error('a submitted application has a registry case');
  const read = await readMultipart(request, request.lang);
  if (!read.ok)
    return {
      ok: false,
      error: { text: read.problem.text, href: `#${read.problem.field}` },
      status: read.problem.status,
      statement: read.fields.statement ?? '',
    };
  const statement = (read.form.fields.statement ?? '').replaceAll('\r\n', '\n').trim();
  if (statement.length > MAX_STATEMENT) {
    return { ok: false, error: { text: t.errTooLong(t.supplementStatement, MAX_STATEMENT), href: '#statement' }, status: 400, statement };
  }
  if (statement === '' && !read.form.file)
    return { ok: false, error: { text: t.supplementEmpty, href: '#statement' }, status: 400, statement };
  let file: { id: string; filename: string; sizeBytes: number; sha256: string } | null = null;
  if (read.form.file) {
    const stored = await storeAttachment(app, request.lang, {
      applicationId: detail.id,
      kind: 'other',
      partnerIndex: null,
      personId,
      file: read.form.file,
    });
    if (!stored.ok) return { ok: false, error: { text: stored.problem.text, href: '#file' }, status: stored.problem.status, statement };
    file = stored.attachment;
  }
  const db = app.database.db;
  const mailbox = await functionalMailbox(db, detail);
  const now = new Date();
  return db.transaction(async (tx) => {
    const document = await addDocument(tx, caseId, {
      kind: statement !== '' && !file ? 'statement' : 'supplement',
      sender: detail.organisationName,
      description: 'Komplettering från sökande',
      receivedAt: now,
    });
    const [row] = await tx
      .insert(supplements)
      .values({
        applicationId: detail.id,
        statement: statement || null,
        registryDocumentId: document.documentId,
        submittedBy: personId,
        createdAt: now,
      })
      .returning({ id: supplements.id });
    if (!row) throw new Error('supplement not stored');
    if (file) await tx.insert(supplementAttachments).values({ supplementId: row.id, attachmentId: file.id });
    const contents = supplementContents(statement, file);
    if (mailbox) {
      await enqueueMail(tx, {
        to: mailbox,
        subject: `Komplettering inkommen – ${detail.registryNumber} (${detail.boardName ?? ''})`,
        text: [
          `En komplettering har kommit in i ärende ${detail.registryNumber} (${detail.boardName ?? ''}).`,
          '',
          `Ansökan: ${detail.title}`,
          `Från: ${detail.organisationName}`,
          `Mottagen: ${formatDateTime(now, 'sv')}`,
          `Handling nummer ${document.documentNumber} i ärendet.`,
          '',
          ...contents,
          ...(statement ? ['', 'Yttrandet:', '', statement] : []),
        ].join('\n'),
        dedupeKey: `supplement:${row.id}`,
      });
    }
    // The applicant's contact persons get a receipt, as on submission: proof of what arrived and when.
    const receipt = supplementReceipt(detail, document.documentNumber, now, contents);
    for (const to of confirmationRecipients(detail.answers)) {
      await enqueueMail(tx, { to, ...receipt, dedupeKey: `supplement:${row.id}:${to}` });
    }
    await recordAudit(tx, {
      actorPersonId: personId,
      actorRole: 'applicant',
      action: 'application.supplement',
      entityType: 'application',
      entityId: detail.id,
      details: { registryNumber: detail.registryNumber, documentNumber: document.documentNumber },
    });
    return { ok: true as const, documentNumber: document.documentNumber };
  });
}

/** What a supplement held, as both its mails name it: proof of what arrived, down to the file's checksum. */
function supplementContents(statement: string, file: { filename: string; sizeBytes: number; sha256: string } | null): string[] {
  return [
    ...(statement ? [`Skriftligt yttrande: ${statement.length} tecken`] : []),
    ...(file ? [`Fil: ${file.filename} (${formatFileSize(file.sizeBytes, 'sv')}), kontrollsumma (SHA-256) ${file.sha256}`] : []),
  ];
}

/** The mail that tells the applicant a supplement arrived (always Swedish, as the registry is). */
function supplementReceipt(detail: ApplicationDetail, documentNumber: number, receivedAt: Date, contents: string[]) {
  const board = detail.boardName ?? '';
  return {
    subject: `Komplettering mottagen – diarienummer ${detail.registryNumber} (${board})`,
    text: [
      'Hej!',
      '',
      `${board} har tagit emot er komplettering till ansökan "${detail.title}" från ${detail.organisationName}.`,
      '',
      `Diarienummer: ${detail.registryNumber} (${board}), handling nummer ${documentNumber}`,
      `Mottagen: ${formatDateTime(receivedAt, 'sv')}`,
      ...contents,
      '',
      texts('sv').receiptUseNumber,
      '',
      AUTOMATIC_MAIL_FOOTER,
    ].join('\n'),
  };
}
