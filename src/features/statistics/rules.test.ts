import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  barLength,
  type CallStatistics,
  countyYearStatistics,
  orderCallStatistics,
  parseStatisticsQuery,
  serviceCallStatistics,
  sumOrMissing,
} from './rules.ts';

const known = { countyCodes: new Set(['18', '05']), programmeCodes: new Set(['s37a', 's37']) };

function call(overrides: Partial<CallStatistics>): CallStatistics {
  return {
    countyCode: '18',
    countyName: 'Örebro län',
    programmeCode: 's37a',
    programmeName: '§ 37 a',
    programmeNameEn: 'Section 37 a',
    year: 2018,
    callTitle: null,
    origin: 'recorded',
    applicationsCount: 8,
    appliedOre: 340_000_000,
    grantedCount: 7,
    grantedOre: 250_000_000,
    sourceText: null,
    sourceRef: null,
    ...overrides,
  };
}

test('reads county and programme filters and notes bad values', () => {
  assert.deepEqual(parseStatisticsQuery({ lan: '18', bidrag: 's37a' }, known), {
    filters: { countyCode: '18', programmeCode: 's37a' },
    notes: [],
  });
  assert.deepEqual(parseStatisticsQuery({ lan: '', bidrag: '' }, known), { filters: {}, notes: [] });
  assert.deepEqual(parseStatisticsQuery({ lan: 'x', bidrag: 's99' }, known), {
    filters: {},
    notes: [
      { param: 'lan', reason: 'invalid' },
      { param: 'bidrag', reason: 'unknown' },
    ],
  });
});

test('never sums over a missing amount', () => {
  assert.equal(sumOrMissing([1, 2, 3]), 6);
  assert.equal(sumOrMissing([]), 0);
  assert.equal(sumOrMissing([1, null, 3]), null);
});

test('leaves the applied sum of a call unknown when an application states no amount', () => {
  const aggregate = {
    countyCode: '05',
    countyName: 'Östergötlands län',
    programmeCode: 's37',
    programmeName: '§ 37',
    programmeNameEn: 'Section 37',
    year: 2026,
    callTitle: 'Utlysning',
    applicationsCount: 3,
    appliedSumOre: 100_000,
    appliedMissingCount: 1,
    grantedCount: 1,
    grantedSumOre: 50_000,
  };
  const withMissing = serviceCallStatistics(aggregate);
  assert.equal(withMissing.appliedOre, null);
  assert.equal(withMissing.grantedOre, 50_000);
  assert.equal(withMissing.origin, 'service');
  assert.equal(serviceCallStatistics({ ...aggregate, appliedMissingCount: 0 }).appliedOre, 100_000);
});

test('sums calls per county and year, and shows no total over a missing part', () => {
  const rows = countyYearStatistics([
    call({ year: 2018 }),
    call({ year: 2017, applicationsCount: 8, appliedOre: 610_000_000, grantedCount: 6, grantedOre: 260_000_000 }),
    call({ year: 2018, origin: 'service', applicationsCount: 2, appliedOre: null, grantedCount: 1, grantedOre: 10_000 }),
    call({ countyCode: '05', countyName: 'Östergötlands län', year: 2023 }),
  ]);
  assert.deepEqual(
    rows.map((r) => [r.countyCode, r.year, r.applicationsCount, r.appliedOre, r.grantedCount, r.grantedOre, r.origins.join('+')]),
    [
      ['05', 2023, 8, 340_000_000, 7, 250_000_000, 'recorded'],
      ['18', 2017, 8, 610_000_000, 6, 260_000_000, 'recorded'],
      ['18', 2018, 10, null, 8, 250_010_000, 'recorded+service'],
    ],
  );
});

test('orders calls by county, year and programme', () => {
  const ordered = orderCallStatistics([call({ year: 2018 }), call({ countyCode: '05' }), call({ year: 2017 })]);
  assert.deepEqual(
    ordered.map((c) => `${c.countyCode}-${c.year}`),
    ['05-2018', '18-2017', '18-2018'],
  );
});

test('scales bars to the largest value and draws none for a missing one', () => {
  assert.equal(barLength(50, 100, 400), 200);
  assert.equal(barLength(null, 100, 400), null);
  assert.equal(barLength(0, 0, 400), 0);
});
