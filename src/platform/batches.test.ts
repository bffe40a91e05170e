import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Batches } from './batches.ts';

/** A runner that records each batch and finishes only when told to. */
function gatedRunner(fail: (item: string) => boolean = () => false) {
  const runs: string[][] = [];
  const gates: (() => void)[] = [];
  const run = async (_key: string, items: string[]) => {
    runs.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    if (items.some(fail)) throw new Error(`failed: ${items.join(',')}`);
    return items.map((item) => item.toUpperCase());
  };
  const open = async () => {
    while (gates.length === 0) await new Promise((r) => setImmediate(r));
    gates.shift()?.();
  };
  return { runs, run, open };
}

test('an item alone runs at once; those that come meanwhile run together next, each with its own result', async () => {
  const r = gatedRunner();
  const batches = new Batches(r.run, { max: 10, identity: (s: string) => s });
  const first = batches.add('k', 'a');
  const later = [batches.add('k', 'b'), batches.add('k', 'c'), batches.add('k', 'd')];
  assert.deepEqual(r.runs, [['a']]);
  await r.open();
  assert.equal(await first, 'A');
  await r.open();
  assert.deepEqual(await Promise.all(later), ['B', 'C', 'D']);
  assert.deepEqual(r.runs, [['a'], ['b', 'c', 'd']]);
});

test('keys run apart, a batch holds at most max items, and the same identity is never twice in one batch', async () => {
  const r = gatedRunner();
  const batches = new Batches(r.run, { max: 2, identity: (s: string) => s });
  const all = [batches.add('k', 'a'), batches.add('other', 'x'), batches.add('k', 'b'), batches.add('k', 'b'), batches.add('k', 'c')];
  assert.deepEqual(r.runs, [['a'], ['x']]);
  for (let i = 0; i < 4; i++) await r.open();
  assert.deepEqual(await Promise.all(all), ['A', 'X', 'B', 'B', 'C']);
  assert.deepEqual(r.runs, [['a'], ['x'], ['b', 'c'], ['b']]);
});

test('when a batch fails, each of its items runs again alone, and only the bad one fails', async () => {
  const r = gatedRunner((item) => item === 'bad');
  const batches = new Batches(r.run, { max: 10, identity: (s: string) => s });
  const first = batches.add('k', 'a');
  const good = batches.add('k', 'good');
  const bad = batches.add('k', 'bad');
  for (let i = 0; i < 4; i++) await r.open();
  assert.equal(await first, 'A');
  assert.equal(await good, 'GOOD');
  await assert.rejects(bad, /failed: bad/);
  assert.deepEqual(r.runs, [['a'], ['good', 'bad'], ['good'], ['bad']]);
});
