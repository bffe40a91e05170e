import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { defineJob, type JobLogger } from '../jobs/runner.ts';
import { claimDueMails, markMailSent, recordFailedAttempt } from './outbox.ts';
import type { Mailer } from './transport.ts';

const BATCH_SIZE = 20;

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
  { now, logger, signal }: { now: Date; logger: JobLogger; signal?: AbortSignal },
): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, retrying: 0, failed: 0 };
  while (!signal?.aborted) {
    const batch = await claimDueMails(db, now, BATCH_SIZE);
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
        await markMailSent(db, mail.id, messageId, now);
        result.sent++;
      }),
    );
    if (batch.length < BATCH_SIZE) break;
  }
  if (result.sent > 0) logger.info({ sent: result.sent }, 'mail sent');
  return result;
}

/** Drains the outbox every few seconds; at most one drain runs at a time across all instances. */
export function drainOutboxJob(mailer: Mailer) {
  return defineJob({
    name: 'mail.drain-outbox',
    payload: z.object({}),
    schedule: { everySeconds: 3 },
    timeoutSeconds: 10 * 60,
    async handle(_payload, { database, logger, signal }) {
      await drainOutbox(database.db, mailer, { now: new Date(), logger, signal });
    },
  });
}
