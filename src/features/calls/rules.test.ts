import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applicationWindow, callStatus, closesSoon, daysLeft, daysUntilOpen, groupCalls } from './rules.ts';

const autumn2022 = { opensOn: '2022-09-01', closesOn: '2022-09-29' };

test('a call is coming before its first day and open from it', () => {
  assert.equal(callStatus(autumn2022, '2022-08-31'), 'coming');
  assert.equal(callStatus(autumn2022, '2022-09-01'), 'open');
});

test('a call is open on its last day and closed the day after', () => {
  assert.equal(callStatus(autumn2022, '2022-09-29'), 'open');
  assert.equal(callStatus(autumn2022, '2022-09-30'), 'closed');
});

test('a one-day call is open on that day only', () => {
  const oneDay = { opensOn: '2023-09-06', closesOn: '2023-09-06' };
  assert.equal(callStatus(oneDay, '2023-09-05'), 'coming');
  assert.equal(callStatus(oneDay, '2023-09-06'), 'open');
  assert.equal(callStatus(oneDay, '2023-09-07'), 'closed');
});

test('a call without dates is unknown', () => {
  assert.equal(callStatus({ opensOn: null, closesOn: null }, '2018-05-01'), 'unknown');
});

test('a call without a last day is closed once its decisions are announced', () => {
  const orebro2018 = { opensOn: null, closesOn: null, decisionAnnouncedOn: '2018-06-07' };
  assert.equal(callStatus(orebro2018, '2018-06-06'), 'unknown');
  assert.equal(callStatus(orebro2018, '2018-06-07'), 'closed');
  assert.equal(callStatus({ opensOn: '2022-02-15', closesOn: null, decisionAnnouncedOn: '2022-06-01' }, '2022-02-14'), 'coming');
});

test('a single known date settles only what it can', () => {
  const onlyClose = { opensOn: null, closesOn: '2018-04-30' };
  assert.equal(callStatus(onlyClose, '2018-05-01'), 'closed');
  assert.equal(callStatus(onlyClose, '2018-04-01'), 'unknown');
  const onlyOpen = { opensOn: '2022-02-15', closesOn: null };
  assert.equal(callStatus(onlyOpen, '2022-02-14'), 'coming');
  assert.equal(callStatus(onlyOpen, '2022-03-01'), 'unknown');
});

test('counts days left with 0 on the last day', () => {
  assert.equal(daysLeft(autumn2022, '2022-09-01'), 28);
  assert.equal(daysLeft(autumn2022, '2022-09-28'), 1);
  assert.equal(daysLeft(autumn2022, '2022-09-29'), 0);
});

test('has no days left for a call that is not open', () => {
  assert.equal(daysLeft(autumn2022, '2022-08-31'), null);
  assert.equal(daysLeft(autumn2022, '2022-09-30'), null);
  assert.equal(daysLeft({ opensOn: null, closesOn: null }, '2022-09-10'), null);
});

test('counts calendar days across the changes to and from summer time', () => {
  const spring = { opensOn: '2026-03-20', closesOn: '2026-04-02' };
  assert.equal(daysLeft(spring, '2026-03-28'), 5);
  const autumn = { opensOn: '2026-10-20', closesOn: '2026-10-27' };
  assert.equal(daysLeft(autumn, '2026-10-24'), 3);
  assert.equal(daysUntilOpen({ opensOn: '2026-03-30', closesOn: '2026-04-30' }, '2026-03-28'), 2);
});

test('counts days until a coming call opens', () => {
  assert.equal(daysUntilOpen(autumn2022, '2022-08-30'), 2);
  assert.equal(daysUntilOpen(autumn2022, '2022-09-01'), null);
});

test('a call closes soon when at most three days are left', () => {
  assert.equal(closesSoon(autumn2022, '2022-09-25'), false);
  assert.equal(closesSoon(autumn2022, '2022-09-26'), true);
  assert.equal(closesSoon(autumn2022, '2022-09-29'), true);
  assert.equal(closesSoon(autumn2022, '2022-09-30'), false);
  assert.equal(closesSoon({ opensOn: '2022-09-27', closesOn: '2022-09-29' }, '2022-09-26'), false);
});

test('applications are late after the period until the decision is announced', () => {
  const call = { opensOn: '2022-08-30', closesOn: '2022-10-03', decisionAnnouncedOn: '2022-11-18' };
  assert.equal(applicationWindow(call, '2022-08-29'), null);
  assert.equal(applicationWindow(call, '2022-10-03'), 'open');
  assert.equal(applicationWindow(call, '2022-10-04'), 'late');
  assert.equal(applicationWindow(call, '2022-11-17'), 'late');
  assert.equal(applicationWindow(call, '2022-11-18'), null);
  assert.equal(applicationWindow({ ...call, decisionAnnouncedOn: null }, '2022-10-04'), null);
});

test('groups calls by status: soonest closing, soonest opening, latest closed first', () => {
  const calls = [
    { id: 'closed-old', opensOn: '2022-02-15', closesOn: '2022-03-31' },
    { id: 'open-late', opensOn: '2022-09-01', closesOn: '2022-10-03' },
    { id: 'coming', opensOn: '2022-10-01', closesOn: '2022-10-20' },
    { id: 'open-soon', opensOn: '2022-09-01', closesOn: '2022-09-29' },
    { id: 'closed-recent', opensOn: '2022-08-01', closesOn: '2022-08-31' },
    { id: 'no-dates', opensOn: null, closesOn: null },
  ];
  const groups = groupCalls(calls, '2022-09-10');
  const ids = (list: { id: string }[]) => list.map((c) => c.id);
  assert.deepEqual(ids(groups.open), ['open-soon', 'open-late']);
  assert.deepEqual(ids(groups.coming), ['coming']);
  assert.deepEqual(ids(groups.closed), ['closed-recent', 'closed-old']);
  assert.deepEqual(ids(groups.unknown), ['no-dates']);
});
