import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { mailOutbox } from '../../db/schema/index.ts';
import { hasAttemptsLeft, MAIL_CLAIM_LEASE_MS, retryDelayMs } from './rules.ts';

const noLineBreaks = (s: string) => !/[\r\n]/.test(s);

const newMail = z.object({
  to: z.email().max(320),
  subject: z.string().min(1).max(250).refine(noLineBreaks, 'a subject is one line'),
  text: z.string().min(1).max(200_000),
  dedupeKey: z.string().min(1).max(200).optional(),
});

export type NewMail = z.input<typeof newMail>;

/**
 * Queues a mail in the caller's transaction, so it is sent if and only if what caused it commits.
 * With a `dedupeKey` (what caused the mail, e.g. "application:<id>:submitted") a retried use case
 * queues it once. Returns the queued mail's id, or null when the key was already queued.
 */
export async function enqueueMail(tx: DbOrTx, mail: NewMail): Promise<string | null> {
  const m = newMail.parse(mail);
  const [row] = await tx
    .insert(mailOutbox)
    .values({ toAddress: m.to, subject: m.subject, textBody: m.text, dedupeKey: m.dedupeKey ?? null })
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  return row?.id ?? null;
}

export interface OutgoingMail {
  id: string;
  toAddress: string;
  subject: string;
  textBody: string;
  attempts: number;
  createdAt: Date;
}

/**
 * Takes up to `limit` due mails for this drain. SKIP LOCKED lets drains on several instances claim
 * disjoint rows; pushing next_attempt_at forward by the lease (instead of holding a row lock while
 * talking to SMTP) keeps transactions short and hands the mail to a later drain if this one dies.
 * The attempt is counted at claim, so a mail that crashes its sender still runs out of attempts.
 */
export async function claimDueMails(db: DbOrTx, now: Date, limit: number, leaseMs: number = MAIL_CLAIM_LEASE_MS): Promise<OutgoingMail[]> {
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(asc(mailOutbox.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(mailOutbox)
    .set({ attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + leaseMs) })
    .where(inArray(mailOutbox.id, due))
    .returning({
      id: mailOutbox.id,
      toAddress: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      textBody: mailOutbox.textBody,
      attempts: mailOutbox.attempts,
      createdAt: mailOutbox.createdAt,
    });
}

export interface SentMail {
  id: string;
  messageId: string;
}

/** Marks mails handed over to the mailer as sent, in one statement however many they are. */
export async function markMailsSent(db: DbOrTx, mails: SentMail[], now: Date): Promise<void> {
  await db
    .update(mailOutbox)
    .set({ status: 'sent', messageId: sql`sent.message_id`, sentAt: now, lastError: null })
    .from(
      sql`unnest(${sql.param(mails.map((m) => m.id))}::uuid[], ${sql.param(mails.map((m) => m.messageId))}::text[]) AS sent(id, message_id)`,
    )
    .where(and(eq(mailOutbox.id, sql`sent.id`), eq(mailOutbox.status, 'pending')));
}

/** Records a failed attempt: the mail waits for its backoff, or is marked failed when out of attempts. */
export async function recordFailedAttempt(db: DbOrTx, mail: OutgoingMail, error: string, now: Date): Promise<'retry' | 'failed'> {
  const outcome = hasAttemptsLeft(mail.attempts) ? 'retry' : 'failed';
  await db
    .update(mailOutbox)
    .set({
      status: outcome === 'retry' ? 'pending' : 'failed',
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(mail.attempts)),
      lastError: error.slice(0, 2000),
    })
    .where(and(eq(mailOutbox.id, mail.id), eq(mailOutbox.status, 'pending')));
  return outcome;
}
