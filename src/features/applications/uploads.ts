import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit.ts';
import type { Lang } from '../../platform/i18n.ts';
import { detectAcceptedType } from '../../platform/storage/accepted-types.ts';
import { MAX_FILE_BYTES, storeFile } from '../../platform/storage/store-file.ts';
import { storageTexts } from '../../platform/storage/texts.ts';
import { sizeText } from './messages.ts';
import { type Attachment, type AttachmentKind, deleteDraftAttachment, insertAttachment, listAttachments } from './queries.ts';
import { type DraftAnswers, partnersReceivingMoney } from './rules.ts';
import { texts } from './texts.ts';

/** All attachments of one application together (the per-file limit is MAX_FILE_BYTES). */
export const MAX_APPLICATION_BYTES = 100 * 1024 * 1024;

export interface UploadProblem {
  field: string;
  text: string;
  status: number;
}

export interface ReceivedForm {
  fields: Record<string, string>;
  file: { filename: string; content: Buffer } | null;
}

/**
 * Reads a multipart form with at most one file. The file is held in memory (at most 20 MB) because
 * its type is judged from its whole content. A body that breaks off, or is not multipart, is
 * reported as an interrupted upload rather than an error page, so the form is shown again.
 */
export async function readMultipart(
  request: FastifyRequest,
  lang: Lang,
): Promise<{ ok: true; form: ReceivedForm } | { ok: false; problem: UploadProblem; fields: Record<string, string> }> {
  const t = texts(lang);
  const fields: Record<string, string> = {};
  let file: ReceivedForm['file'] = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      } else if (part.filename === '') {
        await part.toBuffer();
      } else {
        file = { filename: part.filename, content: await part.toBuffer() };
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') return { ok: false, problem: { field: 'file', text: t.errFileTooLarge, status: 413 }, fields };
    request.log.info({ err }, 'multipart upload broke off');
    return { ok: false, problem: { field: 'file', text: t.errUploadBroken, status: 400 }, fields };
  }
  return { ok: true, form: { fields, file } };
}

/** The application's attachments must stay within MAX_APPLICATION_BYTES together. */
export function fitsApplicationLimit(existing: Pick<Attachment, 'sizeBytes'>[], addedBytes: number): boolean {
  return existing.reduce((sum, a) => sum + a.sizeBytes, 0) + addedBytes <= MAX_APPLICATION_BYTES;
}

export type StoreOutcome = { ok: true; attachment: Attachment; message: string } | { ok: false; problem: UploadProblem };

/**
 * Checks and stores one file as an attachment: accepted type by content, the size limits, then the
 * virus scan. An infected file is never stored; a file the scanner could not reach is stored in
 * quarantine ('pending') and scanned again by a job.
 */
export async function storeAttachment(
  app: FastifyInstance,
  lang: Lang,
  input: {
    applicationId: string;
    kind: AttachmentKind;
    partnerIndex: number | null;
    personId: string;
    file: { filename: string; content: Buffer };
  },
): Promise<StoreOutcome> {
  const t = texts(lang);
  const { file } = input;
  const filename = file.filename.replace(/[\\/]/g, '_').slice(0, 200);
  if (file.content.length > MAX_FILE_BYTES) return { ok: false, problem: { field: 'file', text: t.errFileTooLarge, status: 413 } };
  const type = await detectAcceptedType(file.content, filename);
  if (!type.ok) {
    const text =
      type.reason === 'empty' ? t.errFileEmpty : type.reason === 'extensionMismatch' ? storageTexts(lang).extensionMismatch : t.errFileType;
    return { ok: false, problem: { field: 'file', text, status: 415 } };
  }
  const existing = await listAttachments(app.database.db, input.applicationId);
  if (!fitsApplicationLimit(existing, file.content.length)) {
    const left = Math.max(0, MAX_APPLICATION_BYTES - existing.reduce((sum, a) => sum + a.sizeBytes, 0));
    return { ok: false, problem: { field: 'file', text: t.errApplicationTooLarge(sizeText(t, left)), status: 413 } };
  }
  let scanStatus: Attachment['scanStatus'] = 'notScanned';
  if (app.scanner) {
    const verdict = await app.scanner.scan(file.content);
    if (verdict.status === 'infected') {
      app.log.warn({ applicationId: input.applicationId, signature: verdict.signature }, 'infected upload refused');
      return { ok: false, problem: { field: 'file', text: t.infected(filename), status: 422 } };
    }
    scanStatus = verdict.status === 'clean' ? 'clean' : 'pending';
  }
  const storageKey = `applications/${input.applicationId}/${randomUUID()}`;
  const stored = await storeFile(app.files, storageKey, file.content);
  try {
    const attachment = await app.database.db.transaction(async (tx) => {
      const row = await insertAttachment(tx, {
        applicationId: input.applicationId,
        kind: input.kind,
        partnerIndex: input.partnerIndex,
        filename,
        contentType: type.mime,
        sizeBytes: stored.size,
        sha256: stored.sha256,
        storageKey,
        scanStatus,
        uploadedBy: input.personId,
      });
      await recordAudit(tx, {
        actorPersonId: input.personId,
        actorRole: 'applicant',
        action: 'attachment.upload',
        entityType: 'application',
        entityId: input.applicationId,
        details: { filename, sha256: stored.sha256, scanStatus },
      });
      return row;
    });
    return { ok: true, attachment, message: scanStatus === 'pending' ? t.uploadedQuarantine(filename) : t.uploaded(filename) };
  } catch (err) {
    // The row was not written (e.g. the draft was deleted meanwhile): do not leave the file behind.
    await app.files.delete(storageKey);
    throw err;
  }
}

const kinds = new Set<AttachmentKind>(['signatoryCertificate', 'partnerCertificate', 'projectPlan', 'other']);

/** An attachment posted to a draft's attachment page. */
export async function receiveUpload(
  app: FastifyInstance,
  request: FastifyRequest,
  input: { applicationId: string; answers: DraftAnswers; personId: string; purpose: 'draft' },
): Promise<{ ok: true; message: string } | { ok: false; problem: UploadProblem; kind: string | null }> {
  const t = texts(request.lang);
  const read = await readMultipart(request, request.lang);
  if (!read.ok) return { ok: false, problem: read.problem, kind: read.fields.kind ?? null };
  const { fields, file } = read.form;
  const kind = fields.kind as AttachmentKind | undefined;
  if (!kind || !kinds.has(kind)) return { ok: false, problem: { field: 'kind', text: t.errKind, status: 400 }, kind: null };
  let partnerIndex: number | null = null;
  if (kind === 'partnerCertificate') {
    const index = Number(fields.partnerIndex);
    if (
      fields.partnerIndex === undefined ||
      fields.partnerIndex === '' ||
      !partnersReceivingMoney(input.answers).some((p) => p.index === index)
    ) {
      return { ok: false, problem: { field: 'partnerIndex', text: t.errPartner, status: 400 }, kind };
    }
    partnerIndex = index;
  }
  if (!file) return { ok: false, problem: { field: 'file', text: t.errFileMissing, status: 400 }, kind };
  const stored = await storeAttachment(app, request.lang, {
    applicationId: input.applicationId,
    kind,
    partnerIndex,
    personId: input.personId,
    file,
  });
  return stored.ok ? { ok: true, message: stored.message } : { ok: false, problem: stored.problem, kind };
}

/** Removes a draft's attachment and its file; returns the file name, or null when there was none. */
export async function removeAttachment(app: FastifyInstance, applicationId: string, attachmentId: string): Promise<string | null> {
  const files = await listAttachments(app.database.db, applicationId);
  const target = files.find((f) => f.id === attachmentId);
  if (!target) return null;
  const key = await app.database.db.transaction((tx) => deleteDraftAttachment(tx, applicationId, attachmentId));
  if (!key) return null;
  await app.files.delete(key);
  return target.filename;
}
