import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import { formatDate } from '../../platform/format.ts';
import { defineJob } from '../../platform/jobs/runner.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { AUTOMATIC_MAIL_FOOTER } from '../../platform/mail/rules.ts';
import type { ClamdScanner } from '../../platform/storage/clamd.ts';
import { configuredFileStorage, configuredScanner } from '../../platform/storage/configured.ts';
import type { FileStorage } from '../../platform/storage/file-storage.ts';
import {
  deleteDraft,
  listDraftsToWarn,
  listExpiredDrafts,
  listPendingScans,
  markDeletionWarned,
  removeInfectedAttachment,
  removeOldFromMyPages,
  setScanStatus,
} from './queries.ts';
import { DRAFT_LIFETIME_DAYS, deletionDate } from './rules.ts';

const DAY_MS = 86_400_000;
/** The warning goes out three days before a draft is deleted. */
export const WARNING_DAYS_BEFORE = 3;
const BATCH = 200;

/** Deletes drafts unchanged for 14 days, with their files. Returns how many were deleted. */
export async function purgeExpiredDrafts(db: Db, files: FileStorage, now: Date): Promise<number> {
  const before = new Date(now.getTime() - DRAFT_LIFETIME_DAYS * DAY_MS);
  let deleted = 0;
  for (;;) {
    const expired = await listExpiredDrafts(db, before, BATCH);
    for (const { id } of expired) {
      // Each draft in its own transaction: one submitted meanwhile is no longer a draft and is left alone.
      const { deleted: done, keys } = await db.transaction(async (tx) => {
        const outcome = await deleteDraft(tx, id);
        if (outcome.deleted) {
          await recordAudit(tx, {
            actorPersonId: null,
            actorRole: 'system',
            action: 'draft.purge',
            entityType: 'application',
            entityId: id,
          });
        }
        return outcome;
      });
      await Promise.all(keys.map((key) => files.delete(key)));
      if (done) deleted++;
    }
    if (expired.length < BATCH) return deleted;
  }
}

/** Mails everyone who worked on a draft that will be deleted in three days; each draft is warned once. */
export async function warnDraftsBeforeDeletion(db: Db, now: Date, publicUrl: string): Promise<number> {
  const before = new Date(now.getTime() - (DRAFT_LIFETIME_DAYS - WARNING_DAYS_BEFORE) * DAY_MS);
  const rows = await listDraftsToWarn(db, before, BATCH * 5);
  const byDraft = new Map<string, { title: string; version: number; updatedAt: Date; emails: Set<string> }>();
  for (const r of rows) {
    const entry = byDraft.get(r.id) ?? { title: r.title, version: r.version, updatedAt: r.updatedAt, emails: new Set<string>() };
    if (r.email && r.emailVerifiedAt) entry.emails.add(r.email.toLowerCase());
    byDraft.set(r.id, entry);
  }
  let warned = 0;
  for (const [id, draft] of byDraft) {
    const date = formatDate(deletionDate(draft.updatedAt), 'sv');
    await db.transaction(async (tx) => {
      if (!(await markDeletionWarned(tx, id, draft.version, now))) return;
      for (const to of draft.emails) {
        await enqueueMail(tx, {
          to,
          subject: `Ditt utkast raderas ${date}`,
          text: [
            'Hej!',
            '',
            `Utkastet "${draft.title || 'Ansökan utan namn'}" i Bidragsportalen har inte ändrats på ${DRAFT_LIFETIME_DAYS - WARNING_DAYS_BEFORE} dagar.`,
            `Det raderas ${date} om det inte ändras eller skickas in innan dess.`,
            '',
            `Öppna utkastet: ${publicUrl}/ansokningar/${id}`,
            '',
            AUTOMATIC_MAIL_FOOTER,
          ].join('\n'),
          dedupeKey: `draft:${id}:deletion-warning:${draft.version}:${to}`,
        });
      }
      warned++;
    });
  }
  return warned;
}

/** Submitted items stay on Mina sidor for one year after submission. */
export async function removeExpiredFromMyPages(db: Db, now: Date): Promise<number> {
  const yearAgo = new Date(now);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  return removeOldFromMyPages(db, yearAgo, now);
}

/**
 * Scans files kept in quarantine because the scanner was unreachable at upload. A clean file is
 * released; an infected one is deleted and its uploader told which file it was.
 */
export async function rescanQuarantined(
  db: Db,
  files: FileStorage,
  scanner: ClamdScanner,
  publicUrl: string,
): Promise<{ clean: number; infected: number }> {
  const result = { clean: 0, infected: 0 };
  for (const pending of await listPendingScans(db, BATCH)) {
    const verdict = await scanner.scan(await files.get(pending.storageKey));
    if (verdict.status === 'unreachable') return result;
    if (verdict.status === 'clean') {
      await setScanStatus(db, pending.id, 'clean');
      result.clean++;
      continue;
    }
    await db.transaction(async (tx) => {
      const removed = await removeInfectedAttachment(tx, pending.id);
      if (!removed) return;
      await recordAudit(tx, {
        actorPersonId: null,
        actorRole: 'system',
        action: 'attachment.infected',
        entityType: 'application',
        entityId: removed.applicationId,
        details: { filename: removed.filename, signature: verdict.signature },
      });
      if (removed.uploaderEmail) {
        await enqueueMail(tx, {
          to: removed.uploaderEmail,
          subject: 'En bilaga har tagits bort',
          text: [
            'Hej!',
            '',
            `Filen "${removed.filename}" som du laddade upp i Bidragsportalen innehåller skadlig kod och har tagits bort.`,
            'Kontrollera filen och ladda upp en ren version.',
            '',
            `Bilagor: ${publicUrl}/ansokningar/${removed.applicationId}/bilagor`,
          ].join('\n'),
          dedupeKey: `attachment:${pending.id}:infected`,
        });
      }
    });
    await files.delete(pending.storageKey);
    result.infected++;
  }
  return result;
}

export const purgeExpiredDraftsJob = defineJob({
  name: 'applications.purge-expired-drafts',
  payload: z.object({}),
  schedule: { cron: '15 * * * *' },
  async handle(_payload, { database, config, logger }) {
    const now = new Date();
    const warned = await warnDraftsBeforeDeletion(database.db, now, config.publicUrl);
    const purged = await purgeExpiredDrafts(database.db, configuredFileStorage(config), now);
    const removed = await removeExpiredFromMyPages(database.db, now);
    if (warned + purged + removed > 0) logger.info({ warned, purged, removed }, 'draft retention');
  },
});

export const rescanQuarantinedJob = defineJob({
  name: 'applications.rescan-quarantined',
  payload: z.object({}),
  schedule: { everySeconds: 60 },
  async handle(_payload, { database, config, logger }) {
    const scanner = configuredScanner(config);
    if (!scanner) return;
    const result = await rescanQuarantined(database.db, configuredFileStorage(config), scanner, config.publicUrl);
    if (result.clean + result.infected > 0) logger.info(result, 'quarantined files scanned');
  },
});
