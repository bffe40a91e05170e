import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Handover } from './handover.ts';

test('a handed-over value is taken once, and not after its time', () => {
  const handover = new Handover<string>(1_000, 10);
  handover.put('a', 'first', 0);
  assert.equal(handover.take('b', 10), undefined);
  assert.equal(handover.take('a', 10), 'first');
  assert.equal(handover.take('a', 20), undefined, 'taken once');
  handover.put('a', 'late', 0);
  assert.equal(handover.take('a', 1_000), undefined, 'expired');
  assert.equal(handover.size, 0);
});

test('a full handover drops expired values first, then the oldest', () => {
  const handover = new Handover<number>(1_000, 3);
  handover.put('old', 1, 0);
  handover.put('b', 2, 500);
  handover.put('c', 3, 600);
  // 'old' has expired at 1 100: it goes, the live ones stay.
  handover.put('d', 4, 1_100);
  assert.equal(handover.size, 3);
  assert.equal(handover.take('b', 1_100), 2);
  handover.put('e', 5, 1_200);
  // Full of live values (c, d, e): the oldest, c, makes room.
  handover.put('f', 6, 1_300);
  assert.equal(handover.take('c', 1_300), undefined);
  assert.deepEqual(
    ['d', 'e', 'f'].map((k) => handover.take(k, 1_300)),
    [4, 5, 6],
  );
});
