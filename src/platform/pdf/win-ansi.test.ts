import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isWinAnsi, toWinAnsi } from './win-ansi.ts';

test('keeps Swedish letters, typographic quotes and dashes, § and the euro sign', () => {
  const text = 'Åsa i Öjebyn – “citat” ‘enkla’ — § 37 a, 5 € … café, naïve, Müller\nny rad';
  assert.equal(toWinAnsi(text), text);
});

test('composes decomposed letters before checking them', () => {
  assert.equal(toWinAnsi('a\u030Angström o\u0308l'), 'ångström öl');
});

test('keeps the base letter of accented letters outside Latin-1 and maps look-alikes', () => {
  assert.equal(toWinAnsi('Łódź Kraków Bucureşti Đorđević İstanbul Kırıkkale'), 'Lódz Kraków Bucuresti Dordevic Istanbul Kirikkale');
  assert.equal(toWinAnsi('10\u2212 2 non\u2011breaking'), '10- 2 non-breaking');
});

test('replaces characters with no equivalent by a question mark', () => {
  assert.equal(toWinAnsi('مرحبا 日本 ✓'), '????? ?? ?');
});

test('normalises line breaks and spaces, and drops invisible and control characters', () => {
  assert.equal(toWinAnsi('a\r\nb\rc\td\u2028e'), 'a\nb\nc d\ne');
  assert.equal(toWinAnsi('x\u200By\uFEFFz\u0000\u0007\u0085'), 'xyz');
  assert.equal(toWinAnsi('thin\u2009space narrow\u202Fno-break'), 'thin space narrow no-break');
});

test('every character it returns is one the standard fonts can show', () => {
  const all = Array.from({ length: 0x3000 }, (_, code) => String.fromCharCode(code)).join('');
  assert.ok([...toWinAnsi(all)].every(isWinAnsi));
});
