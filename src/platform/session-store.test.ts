import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Session } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../test/db.ts';
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
