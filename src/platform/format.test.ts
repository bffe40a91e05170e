import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addDays,
  daysBetween,
  formatDate,
  formatDateTime,
  formatFileSize,
  formatInteger,
  formatKronor,
  stockholmDateOf,
} from './format.ts';

test('formats öre as whole kronor with Swedish digit grouping', () => {
  assert.equal(formatKronor(580_000_000, 'sv').replace(/\s/g, ' '), '5 800 000 kr');
  assert.equal(formatKronor(1_401_054_450, 'en'), '14,010,544.50 SEK');
});

test('shows öre with two digits when there are any, whole kronor without decimals', () => {
  assert.equal(formatKronor(10_000_050, 'sv').replace(/\s/g, ' '), '100 000,50 kr');
  assert.equal(formatKronor(500_005, 'sv').replace(/\s/g, ' '), '5 000,05 kr');
  assert.equal(formatKronor(2_000_000, 'sv').replace(/\s/g, ' '), '20 000 kr');
  assert.equal(formatInteger(10_000, 'sv').replace(/\s/g, ' '), '10 000');
});

test('formats a calendar date without shifting it across time zones', () => {
  assert.equal(formatDate('2022-09-01', 'sv'), '1 september 2022');
  assert.equal(formatDate('2022-09-01', 'en'), '1 September 2022');
});

test('formats an instant in Stockholm time, summer and winter, in either language', () => {
  assert.equal(formatDateTime(new Date('2026-11-23T13:05:00Z'), 'sv'), '23 november 2026 kl. 14:05');
  assert.equal(formatDateTime(new Date('2026-11-23T13:05:00Z'), 'en'), '23 November 2026 at 14:05');
  // 01:30 UTC on 29 March 2026 is 03:30 in Stockholm: summer time began at 01:00 UTC.
  assert.equal(formatDateTime(new Date('2026-03-29T01:30:00Z'), 'sv'), '29 mars 2026 kl. 03:30');
  assert.equal(formatDate('2026-03-29', 'en'), '29 March 2026');
});

test('takes the calendar date in Stockholm, not UTC', () => {
  // 23:30 UTC on 31 March 2026 is already 1 April in Stockholm (summer time, UTC+2).
  assert.equal(stockholmDateOf(new Date('2026-03-31T23:30:00Z')), '2026-04-01');
  assert.equal(stockholmDateOf(new Date('2026-01-31T22:59:00Z')), '2026-01-31');
  // Midnight in winter (UTC+1) is 23:00 UTC: the minute before and the minute of it, in turn.
  for (const [at, date] of [
    ['2026-01-31T22:59:59.999Z', '2026-01-31'],
    ['2026-01-31T23:00:00Z', '2026-02-01'],
    ['2026-01-31T22:59:30Z', '2026-01-31'],
    ['2026-01-31T23:00:30Z', '2026-02-01'],
  ] as const) {
    assert.equal(stockholmDateOf(new Date(at)), date, at);
  }
  assert.throws(() => stockholmDateOf(new Date('not a date')), RangeError);
});

test('counts days between calendar dates across a DST change', () => {
  assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2);
  assert.equal(addDays('2026-10-24', 3), '2026-10-27');
});

test('file sizes: kilobytes under a megabyte, never "0,0 MB", with the language\'s decimal sign', () => {
  assert.equal(formatFileSize(614, 'sv'), '1 kB');
  assert.equal(formatFileSize(100 * 1024, 'sv'), '100 kB');
  assert.equal(formatFileSize(1.5 * 1024 * 1024, 'sv'), '1,5 MB');
  assert.equal(formatFileSize(1.5 * 1024 * 1024, 'en'), '1.5 MB');
});
