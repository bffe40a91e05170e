import type { MemberRole } from '../../platform/auth/policy.ts';

export const memberRoles: readonly MemberRole[] = ['applicant', 'signatory'];

/** An e-mail verification link is valid for a day. */
export const EMAIL_VERIFICATION_HOURS = 24;

export function verificationExpiresAt(now: Date): Date {
  return new Date(now.getTime() + EMAIL_VERIFICATION_HOURS * 3_600_000);
}

/** Approving a request adds the requested roles to any the person already holds, in a fixed order. */
export function mergeRoles(existing: readonly string[], requested: readonly string[]): MemberRole[] {
  return memberRoles.filter((r) => existing.includes(r) || requested.includes(r));
}

export type AccessRequestCheck = { ok: true } | { ok: false; reason: 'alreadyMember' | 'alreadyPending' };

/** A request is pointless when the person already holds every role asked for, or already waits for an answer. */
export function checkAccessRequest(
  requested: readonly MemberRole[],
  heldRoles: readonly string[],
  hasPendingRequest: boolean,
): AccessRequestCheck {
  if (requested.every((r) => heldRoles.includes(r))) return { ok: false, reason: 'alreadyMember' };
  if (hasPendingRequest) return { ok: false, reason: 'alreadyPending' };
  return { ok: true };
}
