import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sourceCitation } from './sources.ts';

test('names the county board pages behind "seed" references, alone and in lists, and leaves other text as it is', () => {
  assert.equal(sourceCitation('seed 004'), 'Länsstyrelsen i Örebro län, "Utveckla verksamhet med flyktingguider och familjekontakter"');
  const listed = sourceCitation('seed 000, 001; seed 003');
  assert.equal(listed.split('; ').length, 3);
  assert.match(
    listed,
    /^Länsstyrelsen i Stockholms län, .*; Länsstyrelsen i Västra Götalands län, .*; Länsstyrelsen i Östergötlands län, /,
  );
  assert.equal(sourceCitation('seed 001, seed 004').split('; ').length, 2);
  assert.doesNotMatch(sourceCitation('seed 000, 001, 002, 004'), /seed/);
  assert.equal(sourceCitation('Beslut 2026-03-01, dnr 851-12-2026'), 'Beslut 2026-03-01, dnr 851-12-2026');
  assert.equal(sourceCitation('seed 999'), 'seed 999');
  // Only a reference of exactly three digits: a year after it, or a longer number, stays as it is.
  assert.match(sourceCitation('seed 001, 2022'), /^Länsstyrelsen i Västra Götalands län, .*, 2022$/);
  assert.equal(sourceCitation('seed 0010'), 'seed 0010');
});
