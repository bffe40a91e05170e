import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { notifyPublicContentChanged } from '../../platform/page-cache.ts';
import { loadChoiceOptions } from './queries.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const year = new Date().getUTCFullYear();

async function firstPurposeName(): Promise<string | undefined> {
  return (await loadChoiceOptions(t.app.database.db, 's37a', year)).purposes[0]?.name;
}

test('purposes and target groups are loaded once, and again after a re-seed tells every instance', async () => {
  const first = await firstPurposeName();
  assert.ok(first, 'the demo data gives § 37 a purposes this year');
  await t.database.query(`UPDATE purposes SET name = 'Ändrat syfte' WHERE programme_code = 's37a'`);
  assert.equal(await firstPurposeName(), first, 'kept until public content changes');

  // What `npm run seed` does after writing: a notice through PostgreSQL, as another instance would get it.
  await notifyPublicContentChanged(t.app.database.db);
  const deadline = Date.now() + 5_000;
  while ((await firstPurposeName()) !== 'Ändrat syfte' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.equal(await firstPurposeName(), 'Ändrat syfte');
});
