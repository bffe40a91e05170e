import { formatDate } from '../src/platform/format.ts';

/**
 * Swedish date wording from the seed pages turned into ISO calendar dates ('YYYY-MM-DD'). Pure: no
 * clock. What the source leaves out or gets wrong becomes null plus a Swedish note for the reader,
 * never a guess.
 */

const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** Indexed like Date#getUTCDay: Sunday first. */
const WEEKDAYS = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'] as const;

export interface ParsedPeriod {
  startsOn: string | null;
  endsOn: string | null;
  note: string | null;
}

interface DateMention {
  day: number;
  month: number;
  year: number | null;
  text: string;
}

const MONTH_PATTERN = MONTHS.join('|');
// Either an ISO date or "<day> <month> [<year>]", e.g. "31 december 2018" or "6 september".
const DATE_MENTION = new RegExp(`(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2})\\s+(${MONTH_PATTERN})(?:\\s+(\\d{4}))?`, 'gi');
const MONTH_ONLY = new RegExp(`\\b(${MONTH_PATTERN})\\b`, 'i');

function findDates(text: string): DateMention[] {
  return [...text.matchAll(DATE_MENTION)].map((m) => {
    if (m[1] !== undefined) {
      return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), text: m[0] };
    }
    return {
      day: Number(m[4]),
      month: MONTHS.indexOf(m[5]!.toLowerCase() as (typeof MONTHS)[number]) + 1,
      year: m[6] === undefined ? null : Number(m[6]),
      text: m[0],
    };
  });
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The ISO date, or null when no such day exists (e.g. 31 June). */
export function toIsoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function impossibleDateNote(mention: DateMention, year: number, role: 'startdatum' | 'slutdatum'): string {
  const monthName = MONTHS[mention.month - 1] ?? '';
  return (
    `Källan anger ”${mention.text}”, ett datum som inte finns (${monthName} ${year} har ` +
    `${daysInMonth(year, mention.month)} dagar). Därför saknas ${role}.`
  );
}

function requireYear(year: number | null, text: string): number {
  if (year === null) throw new Error(`No year in "${text}" and no year from context`);
  return year;
}

/**
 * Parses a period such as "1 juli 2018—31 december 2018", "2023-06-15 – 2024-01-31" or
 * "6 september-25 september" (the year then comes from `contextYear`). A source that names only a
 * month ("avslutades i april") gives null dates and a note. Throws on text that is not a period at
 * all: the seed data is fixed, so that is a mistake in the seed module, not in the source.
 */
export function parsePeriod(text: string, contextYear?: number): ParsedPeriod {
  const mentions = findDates(text);
  if (mentions.length === 0) {
    const month = MONTH_ONLY.exec(text);
    if (!month) throw new Error(`No date in period "${text}"`);
    return {
      startsOn: null,
      endsOn: null,
      note: `Källan anger bara månad, inga exakta datum: ”${text.trim()}”`,
    };
  }
  const [start, end] = mentions;
  if (mentions.length !== 2 || !start || !end) throw new Error(`Expected two dates in period "${text}"`);

  // A date without a year borrows the other end's year (or the context's): "6 september-25 september".
  let startYear = start.year;
  let endYear = end.year;
  if (startYear === null && endYear !== null) startYear = start.month > end.month ? endYear - 1 : endYear;
  if (endYear === null && startYear !== null) endYear = end.month < start.month ? startYear + 1 : startYear;
  startYear ??= contextYear ?? null;
  endYear ??= contextYear ?? null;
  const sy = requireYear(startYear, text);
  const ey = requireYear(endYear, text);

  const startsOn = toIsoDate(sy, start.month, start.day);
  const endsOn = toIsoDate(ey, end.month, end.day);
  const notes = [
    ...(startsOn === null ? [impossibleDateNote(start, sy, 'startdatum')] : []),
    ...(endsOn === null ? [impossibleDateNote(end, ey, 'slutdatum')] : []),
  ];
  if (startsOn !== null && endsOn !== null && startsOn > endsOn) {
    throw new Error(`Period "${text}" ends before it starts`);
  }
  return { startsOn, endsOn, note: notes.length > 0 ? notes.join(' ') : null };
}

/** Parses the one date in e.g. "senast den 7 juni 2018" or "den 18 november 2022". */
export function parseSwedishDate(text: string, contextYear?: number): string {
  const mentions = findDates(text);
  const [only] = mentions;
  if (mentions.length !== 1 || !only) throw new Error(`Expected one date in "${text}"`);
  const iso = toIsoDate(requireYear(only.year ?? contextYear ?? null, text), only.month, only.day);
  if (iso === null) throw new Error(`"${text}" is not a date in the calendar`);
  return iso;
}

export function weekdayOf(isoDate: string): (typeof WEEKDAYS)[number] {
  const [y, m, d] = isoDate.split('-').map(Number);
  return WEEKDAYS[new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay()]!;
}

export interface ParsedMeeting {
  meetsOn: string;
  /** The time as the source words it, e.g. "klockan 13-16". */
  timeText: string | null;
  /** Set when the weekday the source names is not the weekday of that date. */
  note: string | null;
}

/**
 * Parses a meeting line such as "Tisdag 19 september 2018 klockan 13-16" and checks the weekday it
 * names against the calendar: the date is kept (it is the more specific statement) and a mismatch
 * is reported in the note.
 */
export function parseMeeting(text: string): ParsedMeeting {
  const meetsOn = parseSwedishDate(text);
  const stated = WEEKDAYS.find((w) => text.trim().toLowerCase().startsWith(w)) ?? null;
  const actual = weekdayOf(meetsOn);
  const time = /klockan\s+\S+/i.exec(text);
  return {
    meetsOn,
    timeText: time ? time[0] : null,
    note:
      stated !== null && stated !== actual
        ? `Källan anger ${stated}, men ${formatDate(meetsOn, 'sv')} var en ${actual}. Datumet är sparat som källan anger det.`
        : null,
  };
}

export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && toIsoDate(Number(match[1]), Number(match[2]), Number(match[3])) === value;
}
