import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoCallPeriod, demoCallRow, demoCalls } from './calls.ts';

test('an open demo call keeps today’s year when it opened the year before', () => {
  assert.deepEqual(demoCallPeriod('open', '2025-01-03'), { year: 2025, opensOn: '2024-12-27', closesOn: '2025-01-24' });
});

test('a coming demo call takes the year it opens in', () => {
  assert.deepEqual(demoCallPeriod('coming', '2025-12-25'), { year: 2026, opensOn: '2026-01-08', closesOn: '2026-01-29' });
});

test('demo calls borrow only what they say they borrow', () => {
  const rows = new Map(demoCalls.map((d) => [d.slug, demoCallRow(d)]));
  const vg = rows.get('demo-vastra-gotaland-s37a');
  assert.deepEqual([vg?.preparingBoard, vg?.decidingBoard, vg?.payingBoard, vg?.budgetOre], ['14', '06', '06', null]);
  assert.equal(vg?.criteria?.length, 7);
  const ostergotlandS37a = rows.get('demo-ostergotland-s37a');
  assert.deepEqual([ostergotlandS37a?.decidingBoard, ostergotlandS37a?.criteria?.length], [null, 7]);
  assert.equal(rows.get('demo-ostergotland-s37')?.budgetOre, 50_000_000);
  assert.match(rows.get('demo-ostergotland-s37')?.description ?? '', /främjar kvinnors väg till arbete/);
  assert.ok([...rows.values()].every((r) => r.isDemo && r.sourceRef === null));
});
