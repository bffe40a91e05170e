import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sourceCalls } from './calls.ts';
import { council, councilMeetings, councilMembers } from './council.ts';
import { contactRows, countyProgrammeRows, priorityRows } from './county-pages.ts';
import { figureRows, statisticRows } from './figures.ts';
import { glossaryDefinitions } from './glossary.ts';
import { programmeRows } from './programmes.ts';
import { seedProjects } from './projects.ts';
import { asciiSlug } from './reference.ts';

/**
 * Checks that what the seed module calls source text really is in the source: every passage must
 * occur, word for word, in the seed page it cites. The pages live beside the repository in
 * ../shared/seeds (as in CI); without them these tests are skipped.
 */

const seedsDir = join(import.meta.dirname, '../../shared/seeds');
const skip = existsSync(seedsDir) ? false : `no seed pages in ${seedsDir}`;

function seedPage(ref: string): string {
  const number = /seed (\d{3})/.exec(ref)?.[1];
  const file = readdirSync(seedsDir).find((f) => f.startsWith(`${number}_`));
  if (!file) throw new Error(`No seed page for ${ref}`);
  return readFileSync(join(seedsDir, file), 'utf8');
}

const collapseWhitespace = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Words only: the block markup of text.ts, punctuation and line breaks do not count. */
const words = (text: string) => collapseWhitespace(text.replace(/^(## |- |\d+\. )/, '').replace(/[^\p{L}\p{N}]+/gu, ' '));

function assertFromSource(passage: string | null | undefined, ref: string): void {
  if (!passage) return;
  // Line by line: a list item is checked on its own, so a dropped link label ("Word") between items does not count.
  for (const line of passage.split('\n').filter((l) => l.trim() !== '')) {
    assert.ok(words(seedPage(ref)).includes(words(line)), `Not in ${ref}: ${line}`);
  }
}

test('county pages, priorities and contacts quote their seed page', { skip }, () => {
  for (const page of countyProgrammeRows) {
    for (const text of [page.title, page.intro, page.howToApply, page.afterGrant]) assertFromSource(text, page.sourceRef);
  }
  for (const p of priorityRows) assertFromSource(p.text, p.sourceRef);
  for (const c of contactRows) {
    for (const text of [c.name, c.title, c.phone, c.email]) assertFromSource(text, c.sourceRef);
  }
});

test('programme texts quote the seed pages', { skip }, () => {
  for (const p of programmeRows) {
    const ref = p.code === 's37' ? 'seed 003' : 'seed 001';
    for (const text of [p.name, p.summary, p.eligibilityText]) assertFromSource(text, ref);
  }
});

test('calls keep the wording of their seed page', { skip }, () => {
  for (const c of sourceCalls) {
    const ref = c.sourceRef ?? '';
    for (const text of [c.description, c.periodSource, c.decisionAnnouncedSource, c.paymentBySource, c.functionalMailbox]) {
      assertFromSource(text, ref);
    }
    for (const criterion of c.criteria ?? []) assertFromSource(criterion, ref);
  }
});

test('recorded figures and statistics quote the sentence they come from', { skip }, () => {
  for (const f of [...figureRows, ...statisticRows]) {
    assert.ok(collapseWhitespace(seedPage(f.sourceRef)).includes(f.sourceText), `Not in ${f.sourceRef}: ${f.sourceText}`);
  }
});

test('projects keep the wording of their seed page', { skip }, () => {
  for (const p of seedProjects) {
    for (const text of [p.title, p.description, p.periodSource, ...p.partners]) assertFromSource(text, p.sourceRef);
    for (const c of p.contacts) for (const text of [c.name, c.title, c.email]) assertFromSource(text, p.sourceRef);
  }
});

test('the council quotes seed 004', { skip }, () => {
  for (const text of [council.description, ...council.mission]) assertFromSource(text, council.sourceRef);
  for (const m of councilMembers) assertFromSource(`${m.name}, ${m.role}`, council.sourceRef);
  for (const m of councilMeetings) assertFromSource(m.dateSource, council.sourceRef);
});

test('glossary definitions are the whole glossary of seed 004, verbatim and in order, whitespace aside', { skip }, () => {
  const page = collapseWhitespace(seedPage('seed 004'));
  const heading = 'Ordförklaringar enligt Migrationsverkets ordlista och lagars definitioner.';
  const section = page.slice(page.indexOf(heading) + heading.length, page.indexOf('Här finns material och dokument')).trim();
  assert.equal(glossaryDefinitions.flatMap((d) => d.paragraphs).join(' '), section);
});

test('glossary headwords and slugs are unique', () => {
  const headwords = glossaryDefinitions.map((d) => d.headword);
  assert.equal(new Set(headwords).size, headwords.length);
  assert.equal(new Set(headwords.map(asciiSlug)).size, headwords.length);
  assert.equal(glossaryDefinitions.length, 38);
});

test('the council lists 28 members with a name and a role each', () => {
  assert.equal(councilMembers.length, 28);
  for (const m of councilMembers) {
    assert.match(m.name, /^\p{Lu}/u);
    assert.ok(m.role.length > 0);
  }
  assert.deepEqual(councilMembers.at(-1), {
    name: 'Anna Wiktorsson',
    role: 'integrationssamordnare Länsstyrelsen, samordnare Integrationsrådet',
    sortOrder: 28,
  });
});
