import { daysBetween } from '../../platform/format.ts';

/** A call's period as stored: calendar dates in Europe/Stockholm, the last day inclusive. */
export interface CallPeriod {
  opensOn: string | null;
  closesOn: string | null;
}

export type CallStatus = 'coming' | 'open' | 'closed' | 'unknown';

/**
 * Where a call stands on `today`. A single known date still settles the cases it can (before the
 * first day is coming, after the last day is closed); otherwise a missing date makes it unknown.
 * A call without a last day whose decisions are announced is closed: no period outlasts them.
 */
export function callStatus(call: CallPeriod & { decisionAnnouncedOn?: string | null }, today: string): CallStatus {
  if (call.opensOn !== null && today < call.opensOn) return 'coming';
  if (call.closesOn !== null && today > call.closesOn) return 'closed';
  if (call.closesOn === null && call.decisionAnnouncedOn && today >= call.decisionAnnouncedOn) return 'closed';
  if (call.opensOn !== null && call.closesOn !== null) return 'open';
  return 'unknown';
}

/** Days left of an open call: 0 on its last day. Null when the call is not open. */
export function daysLeft(call: CallPeriod, today: string): number | null {
  if (callStatus(call, today) !== 'open' || call.closesOn === null) return null;
  return daysBetween(today, call.closesOn);
}

/** Days until a coming call opens. Null when the call is not coming. */
export function daysUntilOpen(call: CallPeriod, today: string): number | null {
  if (callStatus(call, today) !== 'coming' || call.opensOn === null) return null;
  return daysBetween(today, call.opensOn);
}

export const CLOSES_SOON_DAYS = 3;

/** True when an open call has at most three days left, counting its last day as 0. */
export function closesSoon(call: CallPeriod, today: string): boolean {
  const left = daysLeft(call, today);
  return left !== null && left <= CLOSES_SOON_DAYS;
}

/** What the call's decision date adds to its period when judging late applications. */
export interface CallWithDecision extends CallPeriod {
  decisionAnnouncedOn: string | null;
}

/**
 * Whether an application can be started for the call: 'open' during the period, 'late' after it
 * closed but before its decision is announced (a late application is received and registered,
 * and may be dismissed), otherwise null.
 */
export function applicationWindow(call: CallWithDecision, today: string): 'open' | 'late' | null {
  const status = callStatus(call, today);
  if (status === 'open') return 'open';
  if (status === 'closed' && call.decisionAnnouncedOn !== null && today < call.decisionAnnouncedOn) return 'late';
  return null;
}

export interface CallGroups<T extends CallPeriod> {
  open: T[];
  coming: T[];
  closed: T[];
  unknown: T[];
}

const byDate = (a: string | null, b: string | null): number => (a ?? '').localeCompare(b ?? '');

/**
 * Calls by status on `today`, each group in the order a visitor needs it: open calls closing
 * first, coming calls opening first, closed calls most recent first.
 */
export function groupCalls<T extends CallPeriod>(calls: readonly T[], today: string): CallGroups<T> {
  const groups: CallGroups<T> = { open: [], coming: [], closed: [], unknown: [] };
  for (const call of calls) groups[callStatus(call, today)].push(call);
  groups.open.sort((a, b) => byDate(a.closesOn, b.closesOn));
  groups.coming.sort((a, b) => byDate(a.opensOn, b.opensOn));
  groups.closed.sort((a, b) => byDate(b.closesOn, a.closesOn));
  return groups;
}
