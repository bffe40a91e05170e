import assert from 'node:assert/strict';
import { test } from 'node:test';
import { costCategories, type RowsField, type Step, steps } from '../applications/form.ts';
import { answerFormat, printedRows, programmeConfirmations, stepItems, whoMayApply } from './rules.ts';

test('gathers the budget cost categories into one item and keeps the other budget questions', () => {
  const budget = steps.find((s) => s.key === 'budget') as Step;
  const items = stepItems(budget, 's37a');
  assert.deepEqual(
    items.map((i) => (i.kind === 'costs' ? i.fields.map((f) => f.key) : i.field.key)),
    [costCategories.map((c) => `cost.${c.key}`), 'ownFinancing', 'amountApplied'],
  );
});

test('leaves the steps without cost categories as one item per question', () => {
  for (const step of steps.filter((s) => s.key !== 'budget')) {
    assert.deepEqual(
      stepItems(step, 's37a').map((i) => (i.kind === 'field' ? i.field.key : 'costs')),
      step.fields.map((f) => f.key),
    );
  }
});

test("gives a programme its own guidance where its sources differ: § 37's purposes come from Östergötland's page, § 37 a's from Västra Götaland's", () => {
  const purposes = (code: string) => {
    const item = stepItems(steps[0] as Step, code).find((i) => i.kind === 'field' && i.field.key === 'purposeCodes');
    return item?.kind === 'field' ? item.field.guidance : undefined;
  };
  assert.match(purposes('s37a')?.source ?? '', /^Länsstyrelsen i Västra Götalands län, "Stöd för dig som ansöker/);
  assert.match(purposes('s37a')?.text.sv ?? '', /språkinlärning/);
  assert.match(purposes('s37')?.source ?? '', /^Länsstyrelsen i Östergötlands län, "Bidrag för att utveckla kapacitet/);
  assert.match(purposes('s37')?.text.sv ?? '', /mottagningskapaciteten/);
  assert.doesNotMatch(purposes('s37')?.text.sv ?? '', /språkinlärning/);
});

test('asks the municipality-participation confirmation of § 37 a only when there are partners', () => {
  const s37a = programmeConfirmations('s37a');
  assert.deepEqual(
    s37a.always.map((c) => c.key),
    ['confirm.notForProfit', 'confirm.municipalityResponsible'],
  );
  assert.deepEqual(
    s37a.withPartners.map((c) => c.key),
    ['confirm.municipalityParticipates'],
  );
  assert.deepEqual(programmeConfirmations('s37'), { always: [], withPartners: [] });
});

test('names who may apply in a sentence', () => {
  assert.equal(whoMayApply(['municipality'], 'sv'), 'Kommuner');
  assert.equal(whoMayApply(['municipality', 'municipalFederation'], 'sv'), 'Kommuner och kommunalförbund');
  assert.equal(whoMayApply(['municipality', 'municipalFederation'], 'en'), 'Municipalities and municipal federations');
});

test('describes the answer with the limit written as a Swedish number', () => {
  const background = steps.find((s) => s.key === 'background')?.fields[0];
  assert.ok(background);
  assert.equal(answerFormat(background, 'sv'), 'Fritext, högst 10\u00a0000 tecken');
  assert.equal(answerFormat(background, 'en'), 'Free text, at most 10,000 characters');
});

test('prints three rows of a repeated question unless its limits say otherwise', () => {
  const rows = (minRows: number, maxRows: number): RowsField => ({
    key: 'r',
    kind: 'rows',
    required: false,
    label: { sv: 'R', en: 'R' },
    rowLabel: { sv: 'R', en: 'R' },
    columns: [],
    minRows,
    maxRows,
  });
  assert.equal(printedRows(rows(0, 20)), 3);
  assert.equal(printedRows(rows(0, 2)), 2);
  assert.equal(printedRows(rows(5, 10)), 5);
});
