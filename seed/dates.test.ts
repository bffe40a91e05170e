import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isIsoDate, parseMeeting, parsePeriod, parseSwedishDate, weekdayOf } from './dates.ts';

test('parses a period written out in Swedish with an em dash', () => {
  assert.deepEqual(parsePeriod('1 juli 2018—31 december 2018'), { startsOn: '2018-07-01', endsOn: '2018-12-31', note: null });
});

test('parses an ISO period separated by an en dash', () => {
  assert.deepEqual(parsePeriod('2023-06-15 – 2024-01-31'), { startsOn: '2023-06-15', endsOn: '2024-01-31', note: null });
});

test('parses an ISO period separated by a hyphen', () => {
  assert.deepEqual(parsePeriod('2023-11-01 - 2024-11-01'), { startsOn: '2023-11-01', endsOn: '2024-11-01', note: null });
});

test('takes the year of a period without years from the context', () => {
  assert.deepEqual(parsePeriod('Ansökningsperiod för årets andra utlysning är 6 september-25 september.', 2023), {
    startsOn: '2023-09-06',
    endsOn: '2023-09-25',
    note: null,
  });
});

test('refuses a period without years when the context gives none', () => {
  assert.throws(() => parsePeriod('6 september-25 september'), /no year/i);
});

test('lends the end year to a start without one, across new year', () => {
  assert.deepEqual(parsePeriod('1 november—31 januari 2019'), { startsOn: '2018-11-01', endsOn: '2019-01-31', note: null });
});

test('parses "till och med" periods inside a sentence', () => {
  assert.deepEqual(parsePeriod('15 februari till och med 31 mars', 2022), { startsOn: '2022-02-15', endsOn: '2022-03-31', note: null });
});

test('keeps the start but not the impossible end date "31 juni 2019", and says why', () => {
  const parsed = parsePeriod('1 september 2018—31 juni 2019');
  assert.equal(parsed.startsOn, '2018-09-01');
  assert.equal(parsed.endsOn, null);
  assert.match(parsed.note ?? '', /”31 juni 2019”/);
  assert.match(parsed.note ?? '', /juni 2019 har 30 dagar/);
  assert.match(parsed.note ?? '', /slutdatum/);
});

test('gives no dates for a period the source names only by month, with a note quoting it', () => {
  const parsed = parsePeriod('Ansökningsperioden för 2018 avslutades i april.');
  assert.equal(parsed.startsOn, null);
  assert.equal(parsed.endsOn, null);
  assert.match(parsed.note ?? '', /bara månad/);
  assert.match(parsed.note ?? '', /avslutades i april/);
});

test('refuses text with no date at all', () => {
  assert.throws(() => parsePeriod('Datum för nästa ansökningsperiod är ännu inte beslutat.'), /No date/);
});

test('refuses a period that ends before it starts', () => {
  assert.throws(() => parsePeriod('2024-01-31 – 2023-06-15'), /ends before it starts/);
});

test('parses a single date in a sentence', () => {
  assert.equal(parseSwedishDate('Vi meddelar beslut om bidrag senast den 7 juni 2018.'), '2018-06-07');
  assert.equal(parseSwedishDate('meddelar sökande den 18 november', 2022), '2022-11-18');
  assert.throws(() => parseSwedishDate('den 31 juni 2019'), /not a date/);
});

test('notes a meeting whose stated weekday is not the weekday of its date', () => {
  const meeting = parseMeeting('Tisdag 19 september 2018 klockan 13-16');
  assert.equal(meeting.meetsOn, '2018-09-19');
  assert.equal(meeting.timeText, 'klockan 13-16');
  assert.equal(weekdayOf('2018-09-19'), 'onsdag');
  assert.match(meeting.note ?? '', /Källan anger tisdag, men 19 september 2018 var en onsdag/);
});

test('leaves the note empty when the stated weekday is right', () => {
  assert.equal(parseMeeting('Onsdag 14 november 2018 klockan 13-16').note, null);
});

test('recognises only real ISO calendar dates', () => {
  assert.equal(isIsoDate('2024-02-29'), true);
  assert.equal(isIsoDate('2023-02-29'), false);
  assert.equal(isIsoDate('2023-6-1'), false);
});
