import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkAccessRequest, mergeRoles, verificationExpiresAt } from './rules.ts';

test('an approval adds the requested roles to those already held', () => {
  assert.deepEqual(mergeRoles(['signatory'], ['applicant']), ['applicant', 'signatory']);
  assert.deepEqual(mergeRoles([], ['signatory', 'bogus']), ['signatory']);
});

test('refuses a request for roles already held or while one is pending', () => {
  assert.deepEqual(checkAccessRequest(['applicant'], ['applicant', 'signatory'], false), { ok: false, reason: 'alreadyMember' });
  assert.deepEqual(checkAccessRequest(['signatory'], ['applicant'], true), { ok: false, reason: 'alreadyPending' });
  assert.deepEqual(checkAccessRequest(['signatory'], ['applicant'], false), { ok: true });
});

test('a verification link lasts a day', () => {
  assert.equal(verificationExpiresAt(new Date('2026-01-01T00:00:00Z')).toISOString(), '2026-01-02T00:00:00.000Z');
});
