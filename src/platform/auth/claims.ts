import { PERSONAL_IDENTITY_NUMBER_CLAIM } from '../local-idp/personas.ts';
import { normalisePersonalIdentityNumber } from './personal-identity-number.ts';
import type { LoginKind } from './policy.ts';

export interface Identity {
  issuer: string;
  subject: string;
  personalIdentityNumber: string | null;
  givenName: string | null;
  familyName: string | null;
}

export type IdentityResult = { ok: true; identity: Identity } | { ok: false; reason: 'missingPersonalIdentityNumber' | 'missingSubject' };

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Who logged in, from the claims of the ID token and user info. Members of the public are
 * identified by the personnummer of the Swedish OIDC profile; staff by issuer and a configured
 * subject claim, since a county board's SSO rarely sends a personnummer.
 */
export function identityFromClaims(
  kind: LoginKind,
  claims: Record<string, unknown>,
  options: { issuer: string; staffSubjectClaim: string },
): IdentityResult {
  const base = { issuer: options.issuer, givenName: text(claims.given_name), familyName: text(claims.family_name) };
  if (kind === 'public') {
    const personalIdentityNumber = normalisePersonalIdentityNumber(claims[PERSONAL_IDENTITY_NUMBER_CLAIM]);
    const subject = text(claims.sub);
    if (!personalIdentityNumber) return { ok: false, reason: 'missingPersonalIdentityNumber' };
    if (!subject) return { ok: false, reason: 'missingSubject' };
    return { ok: true, identity: { ...base, subject, personalIdentityNumber } };
  }
  const subject = text(claims[options.staffSubjectClaim]);
  if (!subject) return { ok: false, reason: 'missingSubject' };
  return { ok: true, identity: { ...base, subject, personalIdentityNumber: null } };
}
