import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit.ts';
import { checkMultipartToken } from '../../platform/csrf.ts';
import { formatFileSize } from '../../platform/format.ts';
import { withoutNul } from '../../platform/http.ts';
import type { Lang } from '../../platform/i18n.ts';
import { detectAcceptedType } from '../../platform/storage/accepted-types.ts';
import type { ClamdScanner } from '../../platform/storage/clamd.ts';
import type { FileStorage } from '../../platform/storage/file-storage.ts';
import { MAX_FILE_BYTES, storeFile } from '../../platform/storage/store-file.ts';
import { storageTexts } from '../../platform/storage/texts.ts';
import {
  type Attachment,
  type AttachmentKind,
  deleteDraftAttachment,
  insertAttachment,
  listAttachments,
  sameAttachmentLocked,
} from './queries.ts';
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
 * The limits of every multipart form: one file, and text fields far above any text limit of the
 * forms, so that a text too long for its field comes back whole with the field's own message.
 */
export const MULTIPART_LIMITS = { files: 1, fields: 20, fieldSize: 1024 * 1024, fileSize: MAX_FILE_BYTES };

/**
 * Reads a multipart form with at most one file. The file is held in memory (at most 20 MB) because
 * its type is judged from its whole content. A body that breaks off, or is not multipart, is
 * reported as an interrupted upload rather than an error page, so the form is shown again.
 *
 * The form's first field must be its CSRF token (routes marked `csrfInMultipart`): it is checked
 * before anything else of the body is read, and a form without a valid one is refused.
 */
export async function readMultipart(
  request: FastifyRequest,
  lang: Lang,
): Promise<{ ok: true; form: ReceivedForm } | { ok: false; problem: UploadProblem; fields: Record<string, string> }> {
  const t = texts(lang);
  const fields: Record<string, string> = {};
  const problem = (text: string, status = 400, field = 'file') => ({ ok: false as const, problem: { field, text, status }, fields });
  let file: ReceivedForm['file'] = null;
  let truncated: string | null = null;
  let tokenChecked = false;
  try {
    for await (const part of request.parts()) {
      if (!tokenChecked) {
        const token = part.type === 'field' && part.fieldname === '_csrf' && typeof part.value === 'string' ? part.value : null;
        checkMultipartToken(request, token);
        tokenChecked = true;
      } else if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = withoutNul(part.value);
        if (part.valueTruncated) truncated ??= part.fieldname;
      } else if (part.filename === '') {
        await part.toBuffer();
      } else {
        file = { filename: part.filename, content: await part.toBuffer() };
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code?.startsWith('FST_CSRF')) throw err;
    // A multipart body that breaks before its token is refused as one without: nothing was read.
    if (!tokenChecked && request.isMultipart()) checkMultipartToken(request, null);
    if (code === 'FST_REQ_FILE_TOO_LARGE') return problem(t.errFileTooLarge, 413);
    if (code === 'FST_FILES_LIMIT') return problem(t.errOneFile);
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PROTO_VIOLATION') return problem(t.errFormUnreadable);
    request.log.info({ err }, 'multipart upload broke off');
    return problem(t.errUploadBroken);
  }
  // An empty multipart body brings no token either.
  if (!tokenChecked) checkMultipartToken(request, null);
  // A cut text is never taken as what was written.
  if (truncated !== null) return problem(t.errTextTooLarge(formatFileSize(MULTIPART_LIMITS.fieldSize, lang)), 413, truncated);
  return { ok: true, form: { fields, file } };
}

/** Why a file is not taken: its content, its size, or a virus. */
export type FileProblemCode = 'empty' | 'notAccepted' | 'extensionMismatch' | 'tooLarge' | 'applicationTooLarge' | 'infected';

/** A file that passed the checks and is in storage, ready for its attachment row. */
export interface StoredUpload {
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  scanStatus: Attachment['scanStatus'];
}

/** Keeps a file name readable and harmless: no path separators, at most 200 characters. */
export function cleanFilename(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
  return name.replace(/[\\/\u0000-\u001f\u007f]/g, '_').slice(0, 200);
}

/**
 * The checks every received file goes through, then storage: accepted type by content, the size
 * limits, the virus scan. An infected file is never stored; one the scanner could not reach is
 * stored in quarantine ('pending') and scanned again by a job.
 */
export async function checkAndStoreFile(
  deps: { files: FileStorage; scanner: ClamdScanner | null },
  input: { applicationId: string; file: { filename: string; content: Buffer }; bytesAlreadyAttached: number },
): Promise<{ ok: true; stored: StoredUpload } | { ok: false; code: FileProblemCode; filename: string }> {
  const filename = cleanFilename(input.file.filename);
  const { content } = input.file;
  if (content.length > MAX_FILE_BYTES) return { ok: false, code: 'tooLarge', filename };
  const type = await detectAcceptedType(content, filename);
  if (!type.ok) return { ok: false, code: type.reason, filename };
  if (input.bytesAlreadyAttached + content.length > MAX_APPLICATION_BYTES) return { ok: false, code: 'applicationTooLarge', filename };
  let scanStatus: Attachment['scanStatus'] = 'notScanned';
  if (deps.scanner) {
    const verdict = await deps.scanner.scan(content);
    if (verdict.status === 'infected') return { ok: false, code: 'infected', filename };
    scanStatus = verdict.status === 'clean' ? 'clean' : 'pending';
  }
  const storageKey = `applications/${input.applicationId}/${randomUUID()}`;
  const { size, sha256 } = await storeFile(deps.files, storageKey, content);
  return { ok: true, stored: { filename, contentType: type.mime, sizeBytes: size, sha256, storageKey, scanStatus } };
}

export type StoreOutcome = { ok: true; attachment: Attachment; message: string } | { ok: false; problem: UploadProblem };

function fileProblemText(lang: Lang, code: FileProblemCode, filename: string, bytesLeft: number): UploadProblem {
  const t = texts(lang);
  const text: Record<FileProblemCode, string> = {
    empty: t.errFileEmpty,
    notAccepted: t.errFileType,
    extensionMismatch: storageTexts(lang).extensionMismatch,
    tooLarge: t.errFileTooLarge,
    applicationTooLarge: t.errApplicationTooLarge(formatFileSize(bytesLeft, lang)),
    infected: t.infected(filename),
  };
  const status: Record<FileProblemCode, number> = {
    empty: 415,
    notAccepted: 415,
    extensionMismatch: 415,
    tooLarge: 413,
    applicationTooLarge: 413,
    infected: 422,
  };
  return { field: 'file', text: text[code], status: status[code] };
}

/** Checks, stores and records one file as an attachment of an application the applicant is working on. */
export async function storeAttachment(
  app: FastifyInstance,
  lang: Lang,
  input: {
    applicationId: string;
    kind: AttachmentKind;
    partnerIndex: number | null;
    personId: string;
    file: { filename: string; content: Buffer };
    /** Refuse a file already attached as the same kind for the same partner (a draft's attachments). */
    refuseSameFile?: boolean;
  },
): Promise<StoreOutcome> {
  const t = texts(lang);
  const existing = await listAttachments(app.database.db, input.applicationId);
  const attached = existing.reduce((sum, a) => sum + a.sizeBytes, 0);
  const checked = await checkAndStoreFile(app, { applicationId: input.applicationId, file: input.file, bytesAlreadyAttached: attached });
  if (!checked.ok) {
    if (checked.code === 'infected') app.log.warn({ applicationId: input.applicationId }, 'infected upload refused');
    return { ok: false, problem: fileProblemText(lang, checked.code, checked.filename, Math.max(0, MAX_APPLICATION_BYTES - attached)) };
  }
  const { stored } = checked;
  try {
    const attachment = await app.database.db.transaction(async (tx) => {
      if (input.refuseSameFile) {
        const { applicationId, kind, partnerIndex } = input;
        const same = await sameAttachmentLocked(tx, { applicationId, kind, partnerIndex, sha256: stored.sha256 });
        if (same !== null) return { sameAs: same };
      }
      const row = await insertAttachment(tx, {
        applicationId: input.applicationId,
        kind: input.kind,
        partnerIndex: input.partnerIndex,
        filename: stored.filename,
        contentType: stored.contentType,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        storageKey: stored.storageKey,
        scanStatus: stored.scanStatus,
        uploadedBy: input.personId,
      });
      await recordAudit(tx, {
        actorPersonId: input.personId,
        actorRole: 'applicant',
        action: 'attachment.upload',
        entityType: 'application',
        entityId: input.applicationId,
        details: { filename: stored.filename, sha256: stored.sha256, scanStatus: stored.scanStatus },
      });
      return row;
    });
    if ('sameAs' in attachment) {
      await app.files.delete(stored.storageKey);
      return { ok: false, problem: { field: 'file', text: t.errAlreadyAttached(attachment.sameAs), status: 409 } };
    }
    return {
      ok: true,
      attachment,
      message: stored.scanStatus === 'pending' ? t.uploadedQuarantine(stored.filename) : t.uploaded(stored.filename),
    };
  } catch (err) {
    // The row was not written (e.g. the draft was deleted meanwhile): do not leave the file behind.
    await app.files.delete(stored.storageKey);
    throw err;
  }
}

const kinds = new Set<AttachmentKind>(['signatoryCertificate', 'partnerCertificate', 'projectPlan', 'other']);

/** An attachment posted to a draft's attachment page. */
export async function receiveUpload(
  app: FastifyInstance,
  request: FastifyRequest,
  input: { applicationId: string; answers: DraftAnswers; personId: string },
): Promise<{ ok: true; message: string } | { ok: false; problems: UploadProblem[]; kind: string | null }> {
  const t = texts(request.lang);
  const read = await readMultipart(request, request.lang);
  if (!read.ok) return { ok: false, problems: [read.problem], kind: read.fields.kind ?? null };
  const { fields, file } = read.form;
  // Every missing choice is named at once, so one correction is enough.
  const problems: UploadProblem[] = [];
  const kind = kinds.has(fields.kind as AttachmentKind) ? (fields.kind as AttachmentKind) : null;
  if (!kind) problems.push({ field: 'kind', text: t.errKind, status: 400 });
  let partnerIndex: number | null = null;
  if (kind === 'partnerCertificate') {
    const index = Number(fields.partnerIndex);
    if (
      fields.partnerIndex === undefined ||
      fields.partnerIndex === '' ||
      !partnersReceivingMoney(input.answers).some((p) => p.index === index)
    ) {
      problems.push({ field: 'partnerIndex', text: t.errPartner, status: 400 });
    } else partnerIndex = index;
  }
  if (!file) problems.push({ field: 'file', text: t.errFileMissing, status: 400 });
  if (!kind || !file || problems.length > 0) return { ok: false, problems, kind };
  const stored = await storeAttachment(app, request.lang, {
    applicationId: input.applicationId,
    kind,
    partnerIndex,
    personId: input.personId,
    file,
    // The same file again as the same attachment is a second click, not a second document.
    refuseSameFile: true,
  });
  return stored.ok ? { ok: true, message: stored.message } : { ok: false, problems: [stored.problem], kind };
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
