import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from './config.ts';

test('defaults run the embedded database on port 3000', () => {
  const c = loadConfig({});
  assert.equal(c.PORT, 3000);
  assert.equal(c.DATA_DIR, './data');
  assert.equal(c.DATABASE_URL, undefined);
  assert.equal(c.publicUrl, 'http://localhost:3000');
});

test('production requires a session secret', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /SESSION_SECRET: is required in production/);
});

test('rejects a malformed port with the variable named', () => {
  assert.throws(() => loadConfig({ PORT: 'abc' }), /PORT/);
});

test('parses on/off flags', () => {
  assert.equal(loadConfig({ PAGE_CACHE: 'off' }).PAGE_CACHE, false);
  assert.equal(loadConfig({ SEED_DEMO: '1' }).SEED_DEMO, true);
});
