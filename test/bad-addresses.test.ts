import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { formWithoutNul, safeReturnPath, withoutNul } from '../src/platform/http.ts';
import { buildTestApp, type TestApp } from './app.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp({ seeded: true, env: { PAGE_CACHE: 'false' } });
});
after(() => t.close());

test('an address with U+0000 or one that cannot be decoded gets the Swedish 400 page, never a 500', async () => {
  for (const url of [
    '/projekt?q=%00',
    '/projekt?q=a%00b',
    '/projekt.csv?q=%00',
    '/projekt.json?q=%00',
    '/utlysningar/%00',
    '/bidrag/%00',
    '/projekt/%FF',
    '/utlysningar/%C0',
  ]) {
    const response = await t.app.inject({ method: 'GET', url });
    assert.equal(response.statusCode, 400, url);
    assert.match(String(response.headers['content-type']), /^text\/html/, url);
    assert.match(response.body, /<h1[^>]*>Förfrågan kunde inte tas emot<\/h1>/, url);
  }
});

test('a return path with a control character is not followed', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/sprak/en?tillbaka=%2F%7F' });
  assert.equal(response.statusCode, 302);
  assert.equal(response.headers.location, '/');
  assert.equal(safeReturnPath('/projekt\u0001'), '/');
  assert.equal(safeReturnPath('/projekt?lan=05'), '/projekt?lan=05');
});

test('form values lose U+0000 and nothing else', () => {
  assert.equal(withoutNul('Språk\u0000café'), 'Språkcafé');
  assert.deepEqual(formWithoutNul({ title: 'Ett projekt', lines: ['a', 'b'] }), { title: 'Ett projekt', lines: ['a', 'b'] });
  assert.deepEqual(formWithoutNul({ title: 'Ett\u0000 projekt', lines: ['a\u0000', 'b'] }), { title: 'Ett projekt', lines: ['a', 'b'] });
});
