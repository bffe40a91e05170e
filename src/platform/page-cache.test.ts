import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PageCache, PublicContentChanges } from './page-cache.ts';

function storedPage(expiresAt: number) {
  return {
    body: { br: Buffer.alloc(0), gzip: Buffer.alloc(0), identity: Buffer.alloc(0) },
    head: { br: [], gzip: [], identity: [] },
    expiresAt,
  };
}

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

test('a change to one page keeps memoised data and tells subscribers which page', async () => {
  const changes = new PublicContentChanges();
  let loads = 0;
  const get = changes.memo(async () => ++loads);
  const heard: string[] = [];
  changes.subscribe((path) => heard.push(path));
  await get();
  changes.changed('/statistik');
  assert.equal(await get(), 1);
  changes.changed();
  assert.equal(await get(), 2);
  assert.deepEqual(heard, ['/statistik', '']);
});

test('clearing one page drops it in every language and with any query, and nothing else', () => {
  const cache = new PageCache(100);
  const entry = storedPage(Number.POSITIVE_INFINITY);
  const keys = [
    '2026-11-23|sv|/statistik',
    '2026-11-23|en|/statistik?lan=05',
    '2026-11-23|sv|/statistikfel',
    '2026-11-23|sv|/',
    '2026-11-23|sv|/projekt?q=a|b',
  ];
  for (const key of keys) cache.set(key, entry);
  cache.clear('/statistik');
  assert.deepEqual(
    keys.filter((key) => cache.get(key)),
    ['2026-11-23|sv|/statistikfel', '2026-11-23|sv|/', '2026-11-23|sv|/projekt?q=a|b'],
  );
  cache.clear();
  assert.equal(cache.size, 0);
});

test('a full cache drops its oldest page, and clearing a path afterwards drops only what is still stored', () => {
  const cache = new PageCache(2);
  const entry = storedPage(Number.POSITIVE_INFINITY);
  cache.set('2026-11-23|sv|/statistik', entry);
  cache.set('2026-11-23|sv|/', entry);
  // Storing a page again replaces it: nothing else is dropped.
  cache.set('2026-11-23|sv|/', entry);
  assert.ok(cache.get('2026-11-23|sv|/statistik'));
  cache.set('2026-11-23|en|/statistik?lan=05', entry);
  assert.equal(cache.get('2026-11-23|sv|/statistik'), undefined, 'the oldest page stays in a full cache');
  assert.equal(cache.size, 2);
  cache.clear('/statistik');
  assert.deepEqual(
    ['2026-11-23|sv|/', '2026-11-23|en|/statistik?lan=05'].filter((key) => cache.get(key)),
    ['2026-11-23|sv|/'],
  );
  cache.set('2026-11-23|sv|/statistik', entry);
  cache.clear('/statistik');
  assert.equal(cache.size, 1);
});

test('a page with a maximum age is served until then, and dropped once it has passed', () => {
  const cache = new PageCache(10);
  cache.set('2026-11-23|sv|/statistik', storedPage(1_000));
  cache.set('2026-11-23|sv|/', storedPage(Number.POSITIVE_INFINITY));
  assert.ok(cache.get('2026-11-23|sv|/statistik', 999));
  assert.equal(cache.get('2026-11-23|sv|/statistik', 1_000), undefined);
  assert.equal(cache.size, 1, 'the expired page is no longer stored');
  assert.ok(cache.get('2026-11-23|sv|/', Number.MAX_SAFE_INTEGER));
});
