/**
 * The county boards' public pages the demo content was taken from (the five pages under
 * ../shared/seeds), named as a reader can look them up. Stored source references keep the short
 * form "seed 001", which the seed loader uses to tell its own rows from those entered in the service.
 */
const seedPages: Readonly<Record<string, string>> = {
  '000': 'Länsstyrelsen i Stockholms län, "Bidrag för flyktingguider och familjekontakter"',
  '001': 'Länsstyrelsen i Västra Götalands län, "Bidrag för flyktingguider och familjekontakter"',
  '002': 'Länsstyrelsen i Jämtlands län, "Utveckla verksamhet med flyktingguider och familjekontakter"',
  '003': 'Länsstyrelsen i Östergötlands län, "Bidrag för att utveckla kapacitet och beredskap i mottagandet av nyanlända"',
  '004': 'Länsstyrelsen i Örebro län, "Utveckla verksamhet med flyktingguider och familjekontakter"',
};

/**
 * A stored source reference as readers see it: each "seed 001" (also in lists such as "seed 000,
 * 001" or "seed 001, seed 004") becomes the page it stands for; any other text is shown as stored.
 */
export function sourceCitation(ref: string): string {
  return ref.replace(/\bseed (\d{3}(?!\d)(?:, (?:seed )?\d{3}(?!\d))*)/g, (_, list: string) =>
    list
      .split(/, (?:seed )?/)
      .map((n) => seedPages[n] ?? `seed ${n}`)
      .join('; '),
  );
}
