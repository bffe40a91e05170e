import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasAttemptsLeft, MAX_MAIL_ATTEMPTS, retryDelayMs } from './rules.ts';

test('retries back off from 30 seconds, doubling, capped at one hour', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 7, 8, 20, 1000].map(retryDelayMs),
    [30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000],
  );
});

test('the attempts cover an outage from Friday evening to Monday morning', () => {
  let waited = 0;
  for (let attempts = 1; hasAttemptsLeft(attempts); attempts++) waited += retryDelayMs(attempts);
  assert.ok(waited >= 60 * 3_600_000, `only ${waited / 3_600_000} h`);
  assert.equal(hasAttemptsLeft(MAX_MAIL_ATTEMPTS), false);
  assert.equal(hasAttemptsLeft(MAX_MAIL_ATTEMPTS - 1), true);
});
