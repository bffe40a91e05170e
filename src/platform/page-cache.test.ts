import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PublicContentChanges } from './page-cache.ts';

test('a memoised load runs once until public content changes, then once more', async () => {
  const changes = new PublicContentChanges();
  let loads = 0;
  const get = changes.memo(async () => ++loads);
  assert.equal(await get(), 1);
  assert.equal(await get(), 1);
  changes.changed();
  assert.equal(await get(), 2);
  assert.equal(loads, 2);
});

test('a failed load is not kept', async () => {
  const changes = new PublicContentChanges();
  let calls = 0;
  const get = changes.memo(async () => {
    calls++;
    if (calls === 1) throw new Error('database unreachable');
    return 'ok';
  });
  await assert.rejects(get(), /unreachable/);
  assert.equal(await get(), 'ok');
});

test('subscribers hear every change', () => {
  const changes = new PublicContentChanges();
  let heard = 0;
  changes.subscribe(() => heard++);
  changes.changed();
  changes.changed();
  assert.equal(heard, 2);
});
