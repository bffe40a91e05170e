import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDatabase } from './client.ts';

const recorded = 'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations';

test('migrate applies every migration to an empty database, and a second run finds nothing to do', async (t) => {
  const database = await openDatabase({ memory: true });
  t.after(() => database.close());
  await database.migrate();
  const [first] = await database.query<{ n: number }>(recorded);
  assert.ok(first && first.n > 0);
  const [tables] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'projects'");
  assert.equal(tables?.n, 1);
  await database.migrate();
  const [second] = await database.query<{ n: number }>(recorded);
  assert.equal(second?.n, first.n);
});

test('a database missing the record of the latest migration is not taken as up to date', async (t) => {
  const database = await openDatabase({ memory: true });
  t.after(() => database.close());
  await database.migrate();
  const [all] = await database.query<{ n: number }>(recorded);
  await database.exec(
    'DELETE FROM drizzle.__drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM drizzle.__drizzle_migrations)',
  );
  // The migrator runs the latest migration again (each is written so that it can run twice) and records it.
  await database.migrate();
  const [after] = await database.query<{ n: number }>(recorded);
  assert.equal(after?.n, all?.n);
});
