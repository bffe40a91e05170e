import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { defineJob, type JobLogger } from '../jobs/runner.ts';
import { claimDueMails, markMailsSent, recordFailedAttempt, type SentMail } from './outbox.ts';
import type { Mailer } from './transport.ts';

const BATCH_SIZE = 20;

/**
 * Marks sent mails with as few statements as possible without holding any mark back: the mails
 * whose hand-over ends while one mark runs are marked together by the next. A crash between
 * hand-over and mark resends the mail after its claim lease, with the same Message-ID.
 */
function sentMarker(db: DbOrTx, now: Date): (mail: SentMail) => Promise<void> {
  let waiting: SentMail[] = [];
  let running: Promise<void> | null = null;
  const markWaiting = async () => {
    while (waiting.length > 0) {
      const mails = waiting;
      waiting = [];
      await markMailsSent(db, mails, now);
    }
    running = null;
  };
  return (mail) => {
    waiting.push(mail);
    running ??= markWaiting();
    return running;
  };
}

export interface DrainResult {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends every mail due at `now`, in batches, until none is left or `signal` aborts. A failed send
 * is recorded on its row and retried later; it never stops the rest of the batch.
 */
export async function drainOutbox(
  db: DbOrTx,
  mailer: Mailer,
  {
    now,
    logger,
    signal,
    claimLeaseMs,
  }: { now: Date; logger: JobLogger; signal?: AbortSignal /** See MAIL_CLAIM_LEASE_MS. */; claimLeaseMs?: number | undefined },
): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, retrying: 0, failed: 0 };
  while (!signal?.aborted) {
    const batch = await claimDueMails(db, now, BATCH_SIZE, claimLeaseMs);
    const markSent = sentMarker(db, now);
    await Promise.all(
      batch.map(async (mail) => {
        let messageId: string;
        try {
          messageId = await mailer.send(mail);
        } catch (err) {
          const reason = err instanceof Error ? err.message : String(err);
          const outcome = await recordFailedAttempt(db, mail, reason, now);
          if (outcome === 'failed') {
            result.failed++;
            logger.error({ mailId: mail.id, attempts: mail.attempts, reason }, 'mail could not be sent and is given up');
          } else {
            result.retrying++;
            logger.warn({ mailId: mail.id, attempts: mail.attempts, reason }, 'mail not sent; will retry');
          }
          return;
        }
        await markSent({ id: mail.id, messageId });
        result.sent++;
      }),
    );
    if (batch.length < BATCH_SIZE) break;
  }
  if (result.sent > 0) logger.info({ sent: result.sent }, 'mail sent');
  return result;
}

/** Drains the outbox every few seconds; at most one drain runs at a time across all instances. */
export function drainOutboxJob(mailer: Mailer, claimLeaseSeconds?: number) {
  const claimLeaseMs = claimLeaseSeconds === undefined ? undefined : claimLeaseSeconds * 1000;
  return defineJob({
    name: 'mail.drain-outbox',
    payload: z.object({}),
    schedule: { everySeconds: 3 },
    timeoutSeconds: 10 * 60,
    async handle(_payload, { database, logger, signal }) {
      await drainOutbox(database.db, mailer, { now: new Date(), logger, signal, claimLeaseMs });
    },
  });
}
