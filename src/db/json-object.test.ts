import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../test/db.ts';
import { decodeJsonObject, jsonObjectOf } from './json-object.ts';
import { calls, countyBoards, programmes } from './schema/index.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase({ seeded: true });
});
after(() => database.close());

// Every kind of value the application query reads: timestamps, dates as text, bigints, arrays,
// jsonb, booleans, an expression, a nested object, and a left join that finds nothing.
const selection = {
  id: calls.id,
  createdAt: calls.createdAt,
  closesOn: calls.closesOn,
  budgetOre: calls.budgetOre,
  criteria: calls.criteria,
  isDemo: calls.isDemo,
  label: sql<string>`${calls.title} || ' <&> "' || ${calls.year}`,
  programme: { code: programmes.code, eligibleKinds: programmes.eligibleKinds },
  missingBoardName: countyBoards.name,
};

test('a selection read as one JSON column decodes to what Drizzle gives for the columns', async () => {
  const db = database.db;
  // A millisecond and a microsecond part, and a budget past 2^31, so that no value is trivial.
  await db.execute(sql`UPDATE calls SET created_at = '2026-03-29 01:59:59.123456+00', budget_ore = 12345678901`);
  const query = (fields: typeof selection | { detail: ReturnType<typeof jsonObjectOf> }) =>
    db
      .select(fields as typeof selection)
      .from(calls)
      .innerJoin(programmes, eq(programmes.code, calls.programmeCode))
      .leftJoin(countyBoards, sql`false`)
      .orderBy(calls.id);
  const columns = await query(selection);
  const json = (await query({ detail: jsonObjectOf(selection) })) as unknown as { detail: Record<string, unknown> }[];
  assert.ok(columns.length > 1);
  assert.deepEqual(
    json.map((row) => decodeJsonObject(selection, row.detail)),
    columns,
  );
  assert.ok(columns[0]?.createdAt instanceof Date);
  assert.equal(columns[0]?.budgetOre, 12345678901);
  assert.equal(columns[0]?.missingBoardName, null);
});

test('a key that is not a plain name is refused, as it is written into the statement', () => {
  assert.throws(() => jsonObjectOf({ "x', 1) --": calls.id }), /not a plain key/);
});
