import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkStatedAnswers } from '../applications/manual-registration.ts';
import { applicationRegistryEntry, pageOf, readReceivedAt, stockholmInstant } from './rules.ts';

test('reads a Swedish wall-clock time in winter as UTC+1 and in summer as UTC+2', () => {
  assert.equal(stockholmInstant('2026-01-15', '09:05')?.toISOString(), '2026-01-15T08:05:00.000Z');
  assert.equal(stockholmInstant('2026-07-01', '09:05')?.toISOString(), '2026-07-01T07:05:00.000Z');
  // 00:30 on New Year's Day is still the previous year in UTC.
  assert.equal(stockholmInstant('2027-01-01', '00:30')?.toISOString(), '2026-12-31T23:30:00.000Z');
});

test('gives no instant for a time skipped when the clocks go forward, and the first for one that occurs twice', () => {
  // 29 March 2026: 02:00 becomes 03:00.
  assert.equal(stockholmInstant('2026-03-29', '02:30'), null);
  assert.equal(stockholmInstant('2026-03-29', '03:00')?.toISOString(), '2026-03-29T01:00:00.000Z');
  // 25 October 2026: 02:30 occurs at 00:30 and at 01:30 UTC.
  assert.equal(stockholmInstant('2026-10-25', '02:30')?.toISOString(), '2026-10-25T00:30:00.000Z');
});

test('reads the stated time of receipt in the ways people write it', () => {
  for (const time of ['9:05', '09:05', '09.05', ' 09:05 ']) {
    const read = readReceivedAt('2026-01-15', time);
    assert.ok(read.ok, time);
    assert.equal(read.at.toISOString(), '2026-01-15T08:05:00.000Z');
  }
});

test('reports every problem with the stated date and time', () => {
  assert.deepEqual(readReceivedAt('', ''), {
    ok: false,
    problems: [
      { field: 'receivedDate', code: 'dateMissing' },
      { field: 'receivedTime', code: 'timeMissing' },
    ],
  });
  assert.deepEqual(readReceivedAt('2026-02-30', '24:00'), {
    ok: false,
    problems: [
      { field: 'receivedDate', code: 'dateInvalid' },
      { field: 'receivedTime', code: 'timeInvalid' },
    ],
  });
  assert.deepEqual(readReceivedAt('14/3 2026', '9'), {
    ok: false,
    problems: [
      { field: 'receivedDate', code: 'dateInvalid' },
      { field: 'receivedTime', code: 'timeInvalid' },
    ],
  });
  assert.deepEqual(readReceivedAt('2026-03-29', '02:15'), { ok: false, problems: [{ field: 'receivedTime', code: 'timeSkipped' }] });
});

test('the e-service entry names the grant and the call only; mail and post say how they arrived', () => {
  const call = { title: 'Demoutlysning', programmeName: '§ 37 a-medel', countyName: 'Västra Götalands län', year: 2026 };
  assert.deepEqual(applicationRegistryEntry(call, 'eService'), {
    subject: 'Ansökan om bidrag: Demoutlysning',
    description: 'Ansökan om bidrag enligt förordning (2010:1122), § 37 a-medel, Västra Götalands län 2026',
  });
  assert.equal(
    applicationRegistryEntry(call, 'post').description,
    'Ansökan om bidrag enligt förordning (2010:1122), § 37 a-medel, Västra Götalands län 2026, inkommen med post',
  );
  assert.match(applicationRegistryEntry(call, 'email').description, /, inkommen med e-post$/);
});

test('a page beyond the last shows the last, and an empty list has one page', () => {
  assert.deepEqual(pageOf(45, 2, 20), { page: 2, pages: 3, offset: 20 });
  assert.deepEqual(pageOf(45, 9, 20), { page: 3, pages: 3, offset: 40 });
  assert.deepEqual(pageOf(0, 3, 20), { page: 1, pages: 1, offset: 0 });
  assert.deepEqual(pageOf(10, 0, 20), { page: 1, pages: 1, offset: 0 });
});

test('a received application needs a title; the amount may be left out but must be a positive amount when given', () => {
  const now = new Date('2026-03-14T12:00:00Z');
  const ok = { title: 'Språkvänner', amountApplied: '', note: '' };
  assert.deepEqual(checkStatedAnswers(ok, now, now), []);
  assert.deepEqual(checkStatedAnswers({ ...ok, amountApplied: '250 000,50 kr' }, now, now), []);
  assert.deepEqual(checkStatedAnswers({ title: '  ', amountApplied: '12 abc', note: 'x'.repeat(2001) }, now, now), [
    { field: 'title', code: 'titleMissing' },
    { field: 'amountApplied', code: 'amountInvalid' },
    { field: 'note', code: 'noteTooLong' },
  ]);
  assert.deepEqual(checkStatedAnswers({ ...ok, title: 'x'.repeat(201), amountApplied: '0' }, now, now), [
    { field: 'title', code: 'titleTooLong' },
    { field: 'amountApplied', code: 'amountNotPositive' },
  ]);
});

test('a time of receipt in the future is refused; the present minute is not', () => {
  const now = new Date('2026-03-14T12:00:30Z');
  const answers = { title: 'Språkvänner', amountApplied: '', note: '' };
  assert.deepEqual(checkStatedAnswers(answers, new Date('2026-03-14T12:01:00Z'), now), [
    { field: 'receivedDate', code: 'receivedInFuture' },
  ]);
  assert.deepEqual(checkStatedAnswers(answers, new Date('2026-03-14T12:00:00Z'), now), []);
});
