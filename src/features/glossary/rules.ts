/** The Swedish alphabet as a glossary's jump list shows it: A–Z, then Å, Ä, Ö. */
export const swedishAlphabet: readonly string[] = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ'];

const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** The letter a headword is filed under: É under E, but Å, Ä and Ö under their own letters. */
export function initialOf(headword: string): string {
  const first = headword.trim().charAt(0).toLocaleUpperCase('sv');
  if (swedishAlphabet.includes(first)) return first;
  const base = first.normalize('NFD').replace(/\p{M}/gu, '');
  return swedishAlphabet.includes(base) ? base : first;
}

export interface LetterGroup<T> {
  letter: string;
  entries: T[];
}

/**
 * Entries sorted by headword in Swedish order (å, ä, ö after z) and grouped by initial letter.
 * A headword that begins with something other than a letter keeps its own group, after Ö.
 */
export function groupByInitial<T extends { headword: string }>(entries: readonly T[]): LetterGroup<T>[] {
  const sorted = [...entries].sort((a, b) => collator.compare(a.headword, b.headword));
  const groups = new Map<string, T[]>();
  for (const entry of sorted) {
    const letter = initialOf(entry.headword);
    groups.set(letter, [...(groups.get(letter) ?? []), entry]);
  }
  const rank = (letter: string) => {
    const i = swedishAlphabet.indexOf(letter);
    return i === -1 ? swedishAlphabet.length : i;
  };
  return [...groups.entries()].map(([letter, list]) => ({ letter, entries: list })).sort((a, b) => rank(a.letter) - rank(b.letter));
}

/** A definition's paragraphs: the source separates them with blank lines. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p.length > 0);
}

/** An ASCII fragment id for a letter's section: "bokstav-a", "bokstav-aa" for Å. */
export function letterAnchor(letter: string): string {
  const ascii: Record<string, string> = { Å: 'aa', Ä: 'ae', Ö: 'oe' };
  const i = swedishAlphabet.indexOf(letter);
  if (i === -1) return 'bokstav-ovrigt';
  return `bokstav-${ascii[letter] ?? letter.toLowerCase()}`;
}
