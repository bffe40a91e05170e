import { isCalendarDate } from '../applications/eligibility.ts';

const stockholmYear = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' });

/**
 * The registry year is the year in Sweden when the case is opened: an application submitted at 00:30
 * on 1 January belongs to the new year, and a letter registered today belongs to this year's
 * series whatever date it came, so a back-dated registration cannot open a number in an old one.
 */
export function registryYear(openedAt: Date): number {
  return Number(stockholmYear.format(openedAt));
}

/** The board that receives and registers a call's applications: the preparing board, else the call's own county. */
export function receivingBoard(call: { countyCode: string; preparingBoard: string | null }): string {
  return call.preparingBoard ?? call.countyCode;
}

/** How a document reached the board: the e-service, or e-mail and post that a case officer registers. */
export type ReceivedChannel = 'eService' | 'email' | 'post';

const channelNote: Record<ReceivedChannel, string> = { eService: '', email: ', inkommen med e-post', post: ', inkommen med post' };

/**
 * The public registry entry for an application: the case's subject and the document's description
 * say only which grant and which call it concerns (a public record, so nothing from the answers),
 * and how it arrived when it did not come through the e-service.
 */
export function applicationRegistryEntry(
  call: { title: string; programmeName: string; countyName: string; year: number },
  channel: ReceivedChannel,
): { subject: string; description: string } {
  return {
    subject: `Ansökan om bidrag: ${call.title}`,
    description: `Ansökan om bidrag enligt förordning (2010:1122), ${call.programmeName}, ${call.countyName} ${call.year}${channelNote[channel]}`,
  };
}

const stockholmWallClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function wallClockOf(at: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) => stockholmWallClock.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/**
 * The instant a Swedish wall-clock time stands for. Sweden is UTC+1 in winter and UTC+2 in summer:
 * a time that occurs twice when the clocks go back is read as the first, and one skipped when
 * they go forward gives null.
 */
export function stockholmInstant(date: string, time: string): Date | null {
  const naive = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(naive)) return null;
  for (const offsetHours of [2, 1]) {
    const at = new Date(naive - offsetHours * 3_600_000);
    if (wallClockOf(at) === `${date} ${time}`) return at;
  }
  return null;
}

export type ReceivedAtProblem =
  | { field: 'receivedDate'; code: 'dateMissing' | 'dateInvalid' }
  | { field: 'receivedTime'; code: 'timeMissing' | 'timeInvalid' | 'timeSkipped' };

/**
 * Reads the date and time of receipt a case officer states ("2026-03-14", "9:05" or "09.05"), as
 * Swedish time. Every problem is reported, so both fields can show their message at once.
 */
export function readReceivedAt(dateText: string, timeText: string): { ok: true; at: Date } | { ok: false; problems: ReceivedAtProblem[] } {
  const problems: ReceivedAtProblem[] = [];
  const date = dateText.trim();
  const timeMatch = /^(\d{1,2})[:.](\d{2})$/.exec(timeText.trim());
  if (date === '') problems.push({ field: 'receivedDate', code: 'dateMissing' });
  else if (!isCalendarDate(date)) problems.push({ field: 'receivedDate', code: 'dateInvalid' });
  const hours = Number(timeMatch?.[1]);
  const minutes = Number(timeMatch?.[2]);
  const validTime = timeMatch !== null && hours <= 23 && minutes <= 59;
  if (timeText.trim() === '') problems.push({ field: 'receivedTime', code: 'timeMissing' });
  else if (!validTime) problems.push({ field: 'receivedTime', code: 'timeInvalid' });
  if (problems.length > 0) return { ok: false, problems };
  const at = stockholmInstant(date, `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`);
  return at ? { ok: true, at } : { ok: false, problems: [{ field: 'receivedTime', code: 'timeSkipped' }] };
}

/** One page of a list of `total` items: the requested page when it exists, else the nearest one. */
export function pageOf(total: number, requested: number, pageSize: number): { page: number; pages: number; offset: number } {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.trunc(requested) || 1), pages);
  return { page, pages, offset: (page - 1) * pageSize };
}
