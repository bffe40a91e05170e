import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase, serverUrl } from '../../test/db.ts';
import { LISTENER_APPLICATION_NAME, openDatabase } from './client.ts';

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

test('every channel is heard through one listening connection, which comes back for all of them after it drops', async (t) => {
  const database = await createTestDatabase();
  t.after(() => database.close());
  const heard: string[] = [];
  const states: string[] = [];
  const stops = await Promise.all(
    ['first_channel', 'second_channel'].map((channel) =>
      database.listen(
        channel,
        (payload) => heard.push(`${channel}:${payload}`),
        (listening) => states.push(`${channel}:${listening}`),
      ),
    ),
  );
  const eventually = async (what: string, done: () => boolean) => {
    for (let i = 0; i < 250 && !done(); i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(done(), what);
  };
  const notifyBoth = async (payload: string) => {
    await database.query("SELECT pg_notify('first_channel', $1), pg_notify('second_channel', $1)", [payload]);
    await eventually(
      `both notices of ${payload}`,
      () => heard.includes(`first_channel:${payload}`) && heard.includes(`second_channel:${payload}`),
    );
  };
  await notifyBoth('a');
  assert.deepEqual(states.sort(), ['first_channel:true', 'second_channel:true']);
  if (serverUrl) {
    const listeners = `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = '${LISTENER_APPLICATION_NAME}'`;
    assert.equal((await database.query(listeners)).length, 1, 'one connection for both channels');
    await database.query(`SELECT pg_terminate_backend(pid) FROM (${listeners}) l`);
    await eventually('both told of the drop, then of the reconnect', () => states.length === 6);
    assert.deepEqual(states.slice(2).sort(), ['first_channel:false', 'first_channel:true', 'second_channel:false', 'second_channel:true']);
    await notifyBoth('b');
  }
  // A channel whose subscriber stopped is not heard; the other still is.
  await stops[0]!();
  await database.query("SELECT pg_notify('first_channel', 'c'), pg_notify('second_channel', 'c')");
  await eventually('the notice on the channel still listened to', () => heard.includes('second_channel:c'));
  assert.ok(!heard.includes('first_channel:c'));
  await stops[1]!();
});

test('the snapshot and the answers are compressed with lz4 on a server that has it; PGlite, which has not, migrates all the same', async (t) => {
  const database = await createTestDatabase();
  t.after(() => database.close());
  const rows = await database.query<{ attname: string; attcompression: string }>(
    `SELECT attname, attcompression FROM pg_attribute
     WHERE (attrelid, attname) IN (('application_snapshots'::regclass, 'content'), ('applications'::regclass, 'answers')) ORDER BY attname`,
  );
  // 'l' is lz4; '' is the default, pglz.
  assert.deepEqual(
    rows.map((r) => `${r.attname}:${r.attcompression}`),
    serverUrl ? ['answers:l', 'content:l'] : ['answers:', 'content:'],
  );
});
