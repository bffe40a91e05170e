import { readFileSync } from 'node:fs';

/**
 * Counties and municipalities with their SCB codes, read from the CC0 copy of sjbrg/swedish-geodata
 * in seed/data (see its SOURCE.md). Only the short names are used: the data's long municipality
 * names are wrong in places ("Stockholms kommun" for Stockholms stad, "Kalmars kommun").
 */

export interface County {
  code: string;
  name: string;
  shortName: string;
  slug: string;
}

export interface Municipality {
  code: string;
  shortName: string;
  countyCode: string;
}

const dataDir = new URL('./data/swedish-geodata/', import.meta.url);

function readCsv(file: string, header: string): string[][] {
  const [first, ...lines] = readFileSync(new URL(file, dataDir), 'utf8').trim().split(/\r?\n/);
  if (first !== header) throw new Error(`Unexpected header in ${file}: ${first}`);
  return lines.map((line) => line.split(','));
}

/** "Västra Götaland" → "vastra-gotaland". */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function readCounties(): County[] {
  return readCsv('counties.csv', 'county_code,county_name,county_name_short').map(([code, name, shortName]) => ({
    code: code!,
    name: name!,
    shortName: shortName!,
    slug: asciiSlug(shortName!),
  }));
}

export function readMunicipalities(): Municipality[] {
  return readCsv('municipalities.csv', 'municipality_code,municipality_name,municipality_name_short,county_code').map(
    ([code, , shortName, countyCode]) => ({ code: code!, shortName: shortName!, countyCode: countyCode! }),
  );
}

/** "Stockholms län" → "Länsstyrelsen i Stockholms län". */
export function countyBoardName(county: County): string {
  return `Länsstyrelsen i ${county.name}`;
}

/** Organisation numbers and mailboxes only where a seed states them; never invented. */
export const countyBoardFacts: Record<string, { orgNumber?: string; functionalMailbox?: string }> = {
  // Seed 003, page footer: "Organisationsnummer 202100-2270".
  '05': { orgNumber: '202100-2270' },
  // Seed 004: "Skicka din ansökan med bilagor till utvecklingsmedel.orebro@lansstyrelsen.se".
  '18': { functionalMailbox: 'utvecklingsmedel.orebro@lansstyrelsen.se' },
};

/** The one fictitious applicant that lets a demo user try § 37, which municipalities share with federations. */
export const demoFederation = {
  kind: 'municipalFederation' as const,
  name: 'Demoförbundet Östgöta integration (demo)',
  countyCode: '05',
  isDemo: true,
};

const swedishOrder = new Intl.Collator('sv');

/** Sort positions in Swedish alphabetical order (Å, Ä, Ö last), which a database collation may not give. */
export function swedishSortOrder(names: readonly string[]): Map<string, number> {
  return new Map([...names].sort(swedishOrder.compare).map((name, i) => [name, i + 1]));
}
