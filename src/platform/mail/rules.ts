/** The last line of every mail the service sends by itself. */
export const AUTOMATIC_MAIL_FOOTER = 'Det här meddelandet skickades automatiskt från Bidragsportalen och går inte att svara på.';

/**
 * Retry policy of the mail outbox. Attempts back off from 30 seconds, doubling up to one hour, so a
 * short SMTP hiccup costs seconds and a long outage costs one try an hour.
 */
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;

/**
 * After this many attempts a mail is marked failed and left for an operator. 72 attempts span about
 * 65 hours (seven in the first hour, then hourly), so an outage from Friday evening to Monday
 * morning still ends in delivery.
 */
export const MAX_MAIL_ATTEMPTS = 72;

/**
 * How long a drain holds a claimed mail before another drain may take it (the first crashed): far
 * longer than a send may take (SMTP timeouts of 10 and 30 s, batches of 20 over 5 connections).
 * MAIL_CLAIM_LEASE_SECONDS sets another.
 */
export const MAIL_CLAIM_LEASE_MS = 10 * 60_000;

/** Delay before the next attempt, after `attempts` failed ones (1 → 30 s, 2 → 60 s, … capped at 1 h). */
export function retryDelayMs(attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(exponent, 20));
}

export function hasAttemptsLeft(attempts: number): boolean {
  return attempts < MAX_MAIL_ATTEMPTS;
}
