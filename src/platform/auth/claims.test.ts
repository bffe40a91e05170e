import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../../config.ts';
import { identityFromClaims } from './claims.ts';
import { maskPersonalIdentityNumber, normalisePersonalIdentityNumber } from './personal-identity-number.ts';
import { configuredProviders, IdentityConfigurationError } from './settings.ts';

const PNR = 'https://id.oidc.se/claim/personalIdentityNumber';
const options = { issuer: 'https://idp.example', staffSubjectClaim: 'employeeId' };

test('identifies a member of the public by a valid personnummer', () => {
  const result = identityFromClaims('public', { sub: 'abc', [PNR]: '19121212-1212', given_name: 'Tolvan' }, options);
  assert.deepEqual(result, {
    ok: true,
    identity: {
      issuer: 'https://idp.example',
      subject: 'abc',
      personalIdentityNumber: '191212121212',
      givenName: 'Tolvan',
      familyName: null,
    },
  });
});

test('refuses a public login without a valid personnummer', () => {
  assert.deepEqual(identityFromClaims('public', { sub: 'abc' }, options), { ok: false, reason: 'missingPersonalIdentityNumber' });
  assert.deepEqual(identityFromClaims('public', { sub: 'abc', [PNR]: '19121212-1213' }, options), {
    ok: false,
    reason: 'missingPersonalIdentityNumber',
  });
});

test('keys staff on the configured subject claim', () => {
  const result = identityFromClaims('staff', { sub: 'pairwise-1', employeeId: 'E123' }, options);
  assert.equal(result.ok && result.identity.subject, 'E123');
  assert.deepEqual(identityFromClaims('staff', { sub: 'pairwise-1' }, options), { ok: false, reason: 'missingSubject' });
});

test('masks a personnummer and normalises its forms', () => {
  assert.equal(maskPersonalIdentityNumber('191212121212'), '19121212-****');
  assert.equal(normalisePersonalIdentityNumber('19121212-1212'), '191212121212');
  assert.equal(normalisePersonalIdentityNumber('not a number'), null);
});

test('refuses to start in production without configured identity providers', () => {
  const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) } as const;
  assert.throws(() => configuredProviders(loadConfig(production)), IdentityConfigurationError);
  const configured = configuredProviders(
    loadConfig({
      ...production,
      OIDC_PUBLIC_ISSUER: 'https://eid.example',
      OIDC_PUBLIC_CLIENT_ID: 'a',
      OIDC_PUBLIC_CLIENT_SECRET: 's',
      OIDC_STAFF_ISSUER: 'https://sso.example',
      OIDC_STAFF_CLIENT_ID: 'b',
      OIDC_STAFF_CLIENT_SECRET: 't',
    }),
  );
  assert.equal(configured.staff?.recordedIssuer, 'https://sso.example');
  assert.deepEqual(configuredProviders(loadConfig({ NODE_ENV: 'development' })), { public: null, staff: null });
});
