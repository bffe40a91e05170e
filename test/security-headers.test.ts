import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from './app.ts';

test('every response carries the security headers: pages made per request, redirects, error pages and refused addresses', async (t) => {
  const app = await buildTestApp({ seeded: true, env: { PAGE_CACHE: 'false' } });
  t.after(() => app.close());
  for (const [method, url, status] of [
    ['GET', '/', 200],
    ['GET', '/finns-inte', 404],
    ['POST', '/ansokningar', 303],
    // Refused before routing (a malformed address) and by the first hook (a NUL in the address).
    ['GET', '/utlysningar/x%', 400],
    ['GET', '/%00', 400],
  ] as const) {
    const res = await app.app.inject({ method, url });
    assert.equal(res.statusCode, status, `${method} ${url}`);
    const csp = String(res.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "form-action 'self'",
    ]) {
      assert.ok(csp.includes(directive), `${method} ${url}: ${directive} in ${csp}`);
    }
    assert.doesNotMatch(csp, /upgrade-insecure-requests/, 'not on plain http');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    assert.equal(res.headers['strict-transport-security'], undefined);
  }
});

test('behind https the service also asks for https, and logins may post to the identity providers', async (t) => {
  const app = await buildTestApp({
    seeded: true,
    env: {
      PUBLIC_URL: 'https://bidrag.example',
      OIDC_PUBLIC_ISSUER: 'https://eid.example/op',
      OIDC_STAFF_ISSUER: 'https://staff.example/op',
    },
  });
  t.after(() => app.close());
  const res = await app.app.inject({ method: 'GET', url: '/finns-inte' });
  const csp = String(res.headers['content-security-policy']);
  assert.match(csp, /upgrade-insecure-requests/);
  assert.match(csp, /form-action 'self' https:\/\/eid\.example https:\/\/staff\.example/);
  assert.match(String(res.headers['strict-transport-security']), /max-age=\d+/);
});
