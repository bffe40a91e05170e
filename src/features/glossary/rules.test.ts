import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupByInitial, initialOf, letterAnchor, paragraphsOf } from './rules.ts';

test('sorts headwords in Swedish order, with å, ä and ö after z', () => {
  const groups = groupByInitial([
    { headword: 'Ögonblick' },
    { headword: 'Ärende' },
    { headword: 'Zon' },
    { headword: 'Åtgärd' },
    { headword: 'asyl' },
  ]);
  assert.deepEqual(
    groups.map((g) => g.letter),
    ['A', 'Z', 'Å', 'Ä', 'Ö'],
  );
});

test('files an accented initial under its base letter but keeps Å, Ä and Ö apart', () => {
  assert.equal(initialOf('Élite'), 'E');
  assert.equal(initialOf('Åtgärd'), 'Å');
  assert.equal(initialOf('2 §'), '2');
});

test('puts a headword that does not begin with a letter after Ö', () => {
  const groups = groupByInitial([{ headword: '§ 37' }, { headword: 'Öppen' }]);
  assert.deepEqual(
    groups.map((g) => g.letter),
    ['Ö', '§'],
  );
  assert.equal(letterAnchor('§'), 'bokstav-ovrigt');
  assert.equal(letterAnchor('Ä'), 'bokstav-ae');
});

test('joins wrapped lines and splits paragraphs on blank lines', () => {
  assert.deepEqual(paragraphsOf('En utländsk medborgare som begärt skydd\nmen som inte fått beslut.\n\nGäller från 1 mars 2016.'), [
    'En utländsk medborgare som begärt skydd men som inte fått beslut.',
    'Gäller från 1 mars 2016.',
  ]);
});
