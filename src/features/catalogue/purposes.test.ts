import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { projectPurposes, projects, purposes } from '../../db/schema/index.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

async function get(url: string) {
  return t.app.inject({ method: 'GET', url });
}

/** The values offered by the purpose select, or null when the form has none. */
function purposeOptions(html: string): string[] | null {
  const select = /<select class="govuk-select" id="filter-syfte" name="syfte">([\s\S]*?)<\/select>/.exec(html);
  if (!select) return null;
  return [...(select[1] ?? '').matchAll(/<option value="([^"]+)"/g)].map((m) => m[1] ?? '');
}

test('leaves the purpose filter out while no granted project states a purpose', async () => {
  const res = await get('/projekt');
  assert.equal(res.statusCode, 200);
  assert.equal(purposeOptions(res.body), null);
});

test('offers only purposes some granted project has, and each finds that project', async () => {
  const [purpose] = await t.database.db.select().from(purposes).where(eq(purposes.programmeCode, 's37a')).limit(1);
  assert.ok(purpose);
  const [project] = await t.database.db.select({ id: projects.id }).from(projects).where(eq(projects.programmeCode, 's37a')).limit(1);
  assert.ok(project);
  await t.database.db.insert(projectPurposes).values({ projectId: project.id, purposeCode: purpose.code });
  t.app.publicContent.changed();

  const res = await get('/projekt');
  assert.deepEqual(purposeOptions(res.body), [purpose.code]);
  const filtered = await get(`/projekt?syfte=${encodeURIComponent(purpose.code)}`);
  assert.doesNotMatch(filtered.body, /Inga projekt matchar filtren/);
  assert.match(filtered.body, new RegExp(`href="/projekt/${project.id}"`));
});
