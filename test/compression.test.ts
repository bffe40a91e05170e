import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { buildTestApp, type TestApp } from './app.ts';

const build = join(import.meta.dirname, '../public/build');
let t: TestApp;

before(async () => {
  t = await buildTestApp({ seeded: true, env: { PAGE_CACHE: 'false' } });
});
after(() => t.close());

async function get(url: string, acceptEncoding?: string) {
  return t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
}

test('assets are sent as the files compressed at build time, brotli first', async () => {
  const br = await get('/assets/app.css', 'gzip, deflate, br');
  assert.equal(br.headers['content-encoding'], 'br');
  assert.deepEqual(br.rawPayload, readFileSync(join(build, 'app.css.br')));

  const gzip = await get('/assets/govuk-frontend.min.js', 'gzip');
  assert.equal(gzip.headers['content-encoding'], 'gzip');
  assert.deepEqual(gzip.rawPayload, readFileSync(join(build, 'govuk-frontend.min.js.gz')));
  assert.deepEqual(gunzipSync(gzip.rawPayload), readFileSync(join(build, 'govuk-frontend.min.js')));

  const plain = await get('/assets/app.css');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.deepEqual(plain.rawPayload, readFileSync(join(build, 'app.css')));
  for (const response of [br, gzip, plain]) assert.match(String(response.headers.vary), /accept-encoding/);
});

test('a page made per request is gzipped when the browser takes gzip and brotli, brotli only when asked alone', async () => {
  const browser = await get('/utlysningar', 'gzip, deflate, br, zstd');
  assert.equal(browser.statusCode, 200);
  assert.equal(browser.headers['content-encoding'], 'gzip');
  assert.match(gunzipSync(browser.rawPayload).toString(), /<h1[^>]*>Utlysningar<\/h1>/);

  const brOnly = await get('/utlysningar', 'br');
  assert.equal(brOnly.headers['content-encoding'], 'br');
});

// The plugin's own inline limit shrinks with the cores (64 KB on one, 8 KB on two, 4 KB on more):
// on one core the glossary is inlined without the app's setting, so there the test cannot fail.
test('a page made per request is compressed in one go and sent with its length, not streamed in chunks', {
  skip: availableParallelism() < 2 ? 'one core: the plugin inlines pages up to 64 KB by itself' : false,
}, async () => {
  // The glossary is one of the largest pages (about 34 KB before compression).
  const page = await get('/ordlista', 'gzip, deflate, br');
  assert.equal(page.statusCode, 200);
  assert.ok(gunzipSync(page.rawPayload).length > 8 * 1024, 'the glossary is larger than the plugin’s inline limit on two cores');
  assert.equal(page.headers['content-encoding'], 'gzip');
  assert.equal(page.headers['transfer-encoding'], undefined);
  assert.equal(Number(page.headers['content-length']), page.rawPayload.length);
});
