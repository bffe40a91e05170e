import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDateTime } from '../../platform/format.ts';
import { texts } from './texts.ts';

test('English sentences put "on" before a date and time, which already reads "… at 05:19"', () => {
  const t = texts('en');
  const when = formatDateTime(new Date('2026-12-02T04:19:00Z'), 'en');
  assert.equal(when, '2 December 2026 at 05:19');
  assert.match(t.conflictBody('Tolvan Tolvansson', when), /^Tolvan Tolvansson saved the draft on 2 December 2026 at 05:19, /);
  assert.equal(
    t.signatoryApproved('Fia Firmasson', when),
    'Fia Firmasson approved the application in the e-service on 2 December 2026 at 05:19.',
  );
});
