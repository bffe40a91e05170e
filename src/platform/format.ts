import type { Lang } from './i18n.ts';

const locales: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };
const wholeFormat: Record<Lang, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat(locales.sv, { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat(locales.en, { maximumFractionDigits: 0 }),
};
const oreFormat: Record<Lang, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat(locales.sv, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat(locales.en, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/** The unit amounts are given in: "kr" in Swedish, "SEK" in English (also beside an amount field). */
export function kronorUnit(lang: Lang): string {
  return lang === 'sv' ? 'kr' : 'SEK';
}

/** "5 800 000 kr" from 580000000 öre. Öre are shown only when there are any, and then always two: "0,50 kr". */
export function formatKronor(ore: number, lang: Lang): string {
  const format = ore % 100 === 0 ? wholeFormat : oreFormat;
  return `${format[lang].format(ore / 100)} ${kronorUnit(lang)}`;
}

/** "10 000" in Swedish, "10,000" in English: counts and limits as the language groups digits. */
export function formatInteger(n: number, lang: Lang): string {
  return wholeFormat[lang].format(n);
}

const oneDecimalFormat: Record<Lang, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat(locales.sv, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat(locales.en, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/** "1,5 MB", the unit the upload limits are stated in; under a megabyte "614 kB", never "0,0 MB" nor under 1 kB. */
export function formatFileSize(bytes: number, lang: Lang): string {
  if (bytes < 1024 * 1024) return `${formatInteger(Math.max(1, Math.ceil(bytes / 1024)), lang)} kB`;
  return `${oneDecimalFormat[lang].format(bytes / 1024 / 1024)} MB`;
}

// Built once per language: constructing an Intl.DateTimeFormat costs far more than formatting with one.
const dateOptions: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
const dateFormat: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat(locales.sv, dateOptions),
  en: new Intl.DateTimeFormat(locales.en, dateOptions),
};
const dateTimeOptions: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Stockholm',
};
const dateTimeFormat: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat(locales.sv, dateTimeOptions),
  en: new Intl.DateTimeFormat(locales.en, dateTimeOptions),
};

/** "1 september 2022" from "2022-09-01" (a calendar date, no time zone shift). */
export function formatDate(isoDate: string, lang: Lang): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return dateFormat[lang].format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

/** Date and time in Europe/Stockholm: "23 november 2026 kl. 14:05". */
export function formatDateTime(at: Date, lang: Lang): string {
  return dateTimeFormat[lang].format(at);
}

const stockholmDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

let lastMinute = Number.NaN;
let lastDate = '';

/** The calendar date in Europe/Stockholm at the given instant, as "YYYY-MM-DD". */
export function stockholmDateOf(at: Date): string {
  // Kept per minute: the date changes only at a whole minute (Stockholm's offset is whole hours),
  // and formatting in a time zone costs several µs, a few times in every submission.
  const minute = Math.floor(at.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDate = stockholmDate.format(at);
    lastMinute = minute;
  }
  return lastDate;
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A phone number as a `tel:` address: digits and a leading plus only, as dialled. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

const listFormat: Record<Lang, Intl.ListFormat> = {
  sv: new Intl.ListFormat(locales.sv, { type: 'conjunction' }),
  en: new Intl.ListFormat(locales.en, { type: 'conjunction' }),
};

/** Items as a sentence lists them: "a, b och c". */
export function formatList(items: string[], lang: Lang): string {
  return listFormat[lang].format(items);
}
