/**
 * The standard PDF fonts (Helvetica) are set in WinAnsiEncoding: Latin-1 plus a few typographic
 * characters. PDFKit writes any other character as a broken code, so every text passes through
 * `toWinAnsi` first. Swedish (å ä ö é), dashes, curly quotes and § are all in the set.
 */

/** Unicode characters that WinAnsiEncoding places in 0x80–0x9F. */
const typographic = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d,
  0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

/** Characters outside the set with a close equivalent inside it. */
const equivalents: Record<string, string> = {
  '\t': ' ',
  '\u2028': '\n',
  '\u2029': '\n',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '\u2014',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  // Letters without a decomposition, common in names from Polish, Croatian and Turkish.
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
};

const spaces = /[\u2000-\u200a\u202f\u205f\u3000]/;
const invisible = /[\u200b-\u200d\u2060\ufeff]/;
const combiningMarks = /\p{M}/gu;

const REPLACEMENT = '?';

export function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || typographic.has(code);
}

function encodeChar(char: string): string {
  if (isWinAnsi(char)) return char;
  const equivalent = equivalents[char];
  if (equivalent !== undefined) return equivalent;
  if (spaces.test(char)) return ' ';
  if (invisible.test(char)) return '';
  // Other control characters carry no text.
  if (/\p{Cc}/u.test(char)) return '';
  // Latin letters with accents outside Latin-1 (ć, ş, ő) keep their base letter.
  const base = char.normalize('NFKD').replace(combiningMarks, '');
  if (base && [...base].every(isWinAnsi)) return base;
  return REPLACEMENT;
}

/**
 * The text as the standard fonts can show it: line breaks made `\n`, letters composed (NFC), and
 * each character outside WinAnsiEncoding replaced by its nearest equivalent or by `?`.
 */
export function toWinAnsi(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n').normalize('NFC');
  let out = '';
  for (const char of normalised) out += encodeChar(char);
  return out;
}
