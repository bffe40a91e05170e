import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDateTime } from '../../platform/format.ts';
import type { Lang } from '../../platform/i18n.ts';
import { MAX_FILE_BYTES } from '../../platform/storage/store-file.ts';
import { storageTexts } from '../../platform/storage/texts.ts';
import { registryTexts } from '../registry/texts.ts';
import { texts } from './texts.ts';
import { MAX_APPLICATION_BYTES } from './uploads.ts';

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

// The messages spell the limits out; this ties them to the limits the service applies.
test('the file size limits the texts name are the limits the service applies, in both languages', () => {
  const megabytes = (bytes: number) => `${bytes / (1024 * 1024)} MB`;
  for (const lang of ['sv', 'en'] satisfies Lang[]) {
    const application = texts(lang);
    const registry = registryTexts(lang);
    for (const text of [application.errFileTooLarge, application.attachmentsIntro, storageTexts(lang).tooLarge, registry.fieldFileHint])
      assert.ok(text.includes(megabytes(MAX_FILE_BYTES)), `${lang}: ${text}`);
    for (const text of [application.errApplicationTooLarge('1,0 MB'), application.attachmentsIntro, registry.errApplicationTooLarge])
      assert.ok(text.includes(megabytes(MAX_APPLICATION_BYTES)), `${lang}: ${text}`);
  }
});
