import assert from 'node:assert/strict';
import { after, before, type TestContext, test } from 'node:test';
import type { Session } from 'fastify';
import { createTestDatabase, serverUrl, type TestDatabase } from '../../test/db.ts';
import { LISTENER_APPLICATION_NAME } from '../db/client.ts';
import { DatabaseSessionStore } from './session-store.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const session = (data: Record<string, unknown>, expires: string) =>
  ({ ...data, cookie: { expires, originalMaxAge: 1800000 } }) as unknown as Session;

function call<T>(run: (done: (err?: unknown, result?: T) => void) => void): Promise<T | undefined> {
  return new Promise((resolve, reject) => run((err, result) => (err ? reject(err) : resolve(result))));
}

async function expiresAt(sid: string): Promise<number> {
  const [row] = await database.query<{ expires_at: Date }>('SELECT expires_at FROM sessions WHERE sid = $1', [sid]);
  return new Date(row!.expires_at).getTime();
}

test('an unchanged session is not written again within a minute; a changed one is written at once', async () => {
  const store = new DatabaseSessionStore(database.db, 30 * 60_000);
  await call((done) => store.set('s1', session({ personId: 'a', flash: undefined }, '2026-01-01T00:00:00Z'), done));
  const first = await expiresAt('s1');
  await new Promise((r) => setTimeout(r, 20));
  // Only the cookie's expiry differs: nothing to store.
  await call((done) => store.set('s1', session({ personId: 'a' }, '2026-01-01T00:30:00Z'), done));
  assert.equal(await expiresAt('s1'), first);
  await call((done) => store.set('s1', session({ personId: 'a', actingOrganisationId: 7 }, '2026-01-01T00:30:00Z'), done));
  assert.ok((await expiresAt('s1')) > first);
  const [row] = await database.query<{ data: Record<string, unknown> }>('SELECT data FROM sessions WHERE sid = $1', ['s1']);
  assert.equal(row?.data.actingOrganisationId, 7);
});

test('a session read by another instance is compared with what it read', async () => {
  const writer = new DatabaseSessionStore(database.db, 30 * 60_000);
  const reader = new DatabaseSessionStore(database.db, 30 * 60_000);
  await call((done) => writer.set('s2', session({ personId: 'b' }, 'x'), done));
  const read = await call<Session | null>((done) => reader.get('s2', done));
  assert.equal((read as unknown as { personId: string }).personId, 'b');
  const before = await expiresAt('s2');
  await new Promise((r) => setTimeout(r, 20));
  await call((done) => reader.set('s2', session({ personId: 'b' }, 'y'), done));
  assert.equal(await expiresAt('s2'), before, 'unchanged since it was read');
  await call((done) => reader.set('s2', session({ personId: 'c' }, 'y'), done));
  assert.ok((await expiresAt('s2')) > before);
});

test('a session restored with the key order the database returns is not written again', async () => {
  const store = new DatabaseSessionStore(database.db, 30 * 60_000);
  // jsonb orders keys by length, so the stored order differs from the order they were set in.
  await call((done) => store.set('s3', session({ actingOrganisationId: 7, personId: 'd', loginKind: 'public' }, 'x'), done));
  const read = (await call<Session | null>((done) => store.get('s3', done))) as unknown as Record<string, unknown>;
  assert.deepEqual(Object.keys(read), ['cookie', 'personId', 'loginKind', 'actingOrganisationId']);
  const before = await expiresAt('s3');
  await new Promise((r) => setTimeout(r, 20));
  // As @fastify/session restores it: the stored keys in their order, and a new cookie.
  const { cookie: _cookie, ...stored } = read;
  await call((done) => store.set('s3', session(stored, 'y'), done));
  assert.equal(await expiresAt('s3'), before);
});

test('a session read brings its logged-in person along, for one taker', async (t) => {
  const seeded = await createTestDatabase({ seeded: true });
  t.after(() => seeded.close());
  const store = new DatabaseSessionStore(seeded.db, 30 * 60_000);
  const [person] = await seeded.query<{ id: string; given_name: string }>(
    `SELECT p.id, p.given_name FROM persons p JOIN memberships m ON m.person_id = p.id ORDER BY p.id LIMIT 1`,
  );
  assert.ok(person);
  await call((done) => store.set('with-person', session({ personId: person.id }, '2026-01-01T00:00:00Z'), done));
  await call((done) => store.get('with-person', done));
  const taken = store.takePerson('with-person');
  assert.equal(taken?.personId, person.id);
  assert.equal(taken?.givenName, person.given_name);
  assert.ok((taken?.memberships.length ?? 0) > 0);
  assert.equal(store.takePerson('with-person'), undefined);
  // A session without a (well-formed) person id reads as before and brings nobody.
  await call((done) => store.set('no-person', session({ personId: 'not-a-uuid' }, '2026-01-01T00:00:00Z'), done));
  const read = await call<Session | null>((done) => store.get('no-person', done));
  assert.equal((read as unknown as { personId: string }).personId, 'not-a-uuid');
  assert.equal(store.takePerson('no-person'), undefined);
});

/** Polls `read` until `check` accepts what it returns; notices arrive a moment after the commit. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string): Promise<T> {
  const until = Date.now() + 5_000;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > until) assert.fail(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs `change` with the change-notice triggers off: what a store reuses, it then keeps. */
async function silently(db: TestDatabase, change: string, params: unknown[]): Promise<void> {
  await db.query('ALTER TABLE sessions DISABLE TRIGGER sessions_changed');
  try {
    await db.query(change, params);
  } finally {
    await db.query('ALTER TABLE sessions ENABLE TRIGGER sessions_changed');
  }
}

/** A listening store on a fresh database, with session `sid` for person 'a', and a read of its person id. */
async function listeningStore(t: TestContext, sid: string, reuseMs: number) {
  const database = await createTestDatabase();
  t.after(() => database.close());
  const { store, stop } = await DatabaseSessionStore.listening(database, 30 * 60_000, reuseMs);
  t.after(stop);
  const future = new Date(Date.now() + 3_600_000).toISOString();
  await call((done) => store.set(sid, session({ personId: 'a' }, future), done));
  const read = async () => ((await call<Session | null>((done) => store.get(sid, done))) as unknown as { personId: string }).personId;
  /** Sets the session's person id, with or without the change notice. */
  const setPersonId = (personId: string, notify: boolean) => {
    const change = `UPDATE sessions SET data = jsonb_set(data, '{personId}', to_jsonb($2::text)) WHERE sid = $1`;
    return notify ? database.query(change, [sid, personId]).then(() => {}) : silently(database, change, [sid, personId]);
  };
  return { database, read, setPersonId };
}

test('a listening store reuses its reads until the database announces a change', async (t) => {
  const seeded = await createTestDatabase({ seeded: true });
  t.after(() => seeded.close());
  const { store, stop } = await DatabaseSessionStore.listening(seeded, 30 * 60_000, 10_000);
  t.after(stop);
  const [person] = await seeded.query<{ id: string; organisation_id: number }>(
    'SELECT p.id, m.organisation_id FROM persons p JOIN memberships m ON m.person_id = p.id ORDER BY p.id LIMIT 1',
  );
  assert.ok(person);
  const future = new Date(Date.now() + 3_600_000).toISOString();
  await call((done) => store.set('reused', session({ personId: person.id, loginKind: 'public' }, future), done));
  const read = async () => {
    const data = (await call<Session | null>((done) => store.get('reused', done))) as unknown as Record<string, unknown> | null;
    return { data, person: store.takePerson('reused') };
  };
  assert.equal((await read()).data?.loginKind, 'public');

  // Changed without a notice: the store answers from what it read.
  await silently(seeded, `UPDATE sessions SET data = data || '{"loginKind":"staff"}' WHERE sid = $1`, ['reused']);
  assert.equal((await read()).data?.loginKind, 'public');
  // Each request gets its own copy: what one changes, the next does not see.
  const first = await read();
  (first.data as Record<string, unknown>).loginKind = 'changed in one request';
  assert.equal((await read()).data?.loginKind, 'public');

  // Changed with the trigger on, as any write does: the next reads see it.
  await seeded.query(`UPDATE sessions SET data = data || '{"actingOrganisationId":7}' WHERE sid = $1`, ['reused']);
  const changed = await eventually(read, (r) => r.data?.actingOrganisationId === 7, 'the session change');
  assert.equal(changed.data?.loginKind, 'staff');

  // The person's memberships: a membership removed is gone from the next reads.
  assert.ok(changed.person?.memberships.some((m) => m.organisationId === person.organisation_id));
  await seeded.query('DELETE FROM memberships WHERE person_id = $1 AND organisation_id = $2', [person.id, person.organisation_id]);
  await eventually(read, (r) => !r.person?.memberships.some((m) => m.organisationId === person.organisation_id), 'the membership removed');

  // An organisation renamed reaches every session.
  await seeded.query('INSERT INTO memberships (person_id, organisation_id, roles) VALUES ($1, $2, $3)', [
    person.id,
    person.organisation_id,
    ['applicant'],
  ]);
  await eventually(read, (r) => (r.person?.memberships.length ?? 0) > 0, 'the membership back');
  await seeded.query(`UPDATE organisations SET name = 'Omdöpt kommun' WHERE id = $1`, [person.organisation_id]);
  await eventually(read, (r) => r.person?.memberships.some((m) => m.organisationName === 'Omdöpt kommun') === true, 'the new name');

  // Ended elsewhere (another instance's logout, the purge): the session is gone here too.
  await seeded.query('DELETE FROM sessions WHERE sid = $1', ['reused']);
  await eventually(read, (r) => r.data === null, 'the ended session');
});

test('a store that lost its listening connection reuses nothing until it listens again', {
  skip: !serverUrl && 'needs the PostgreSQL server',
}, async (t) => {
  const { database, read, setPersonId } = await listeningStore(t, 'lost', 10_000);
  const listener = `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = '${LISTENER_APPLICATION_NAME}'`;
  assert.equal(await read(), 'a');
  await setPersonId('b', false);
  assert.equal(await read(), 'a', 'reused while listening');

  await database.query(`SELECT pg_terminate_backend(pid) FROM (${listener}) l`);
  // Notices may have been missed: the change made without one shows at once.
  assert.equal(await eventually(read, (v) => v === 'b', 'the read after the connection dropped'), 'b');
  await setPersonId('c', false);
  assert.equal(await read(), 'c', 'nothing reused without a listener');

  // The store listens again after a second, reuses its reads again and hears of changes.
  await eventually(
    () => database.query(listener),
    (rows) => rows.length === 1,
    'the listener back',
  );
  let attempt = 0;
  await eventually(
    async () => {
      await read();
      const fresh = `x${++attempt}`;
      await setPersonId(fresh, false);
      return (await read()) !== fresh;
    },
    (reused) => reused,
    'reads reused again',
  );
  await setPersonId('d', true);
  assert.equal(await eventually(read, (v) => v === 'd', 'a change after the reconnect'), 'd');
});

test('with SESSION_REUSE_SECONDS=0 every read goes to the database', async (t) => {
  const { read, setPersonId } = await listeningStore(t, 'unreused', 0);
  assert.equal(await read(), 'a');
  await setPersonId('b', false);
  assert.equal(await read(), 'b');
});
