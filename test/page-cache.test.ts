import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { max } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { type DbOrTx, LISTENER_APPLICATION_NAME, openDatabase } from '../src/db/client.ts';
import { projects } from '../src/db/schema/index.ts';
import { STATISTICS_MAX_AGE_SECONDS, statisticsPath } from '../src/features/statistics/rules.ts';
import { anonymousPageKey, notifyPublicContentChanged } from '../src/platform/page-cache.ts';
import { buildTestApp } from './app.ts';
import { serverUrl } from './db.ts';

// The catalogue lists the newest year first, newest id first within it, so a project added in the
// latest year is on the first page.
const CATALOGUE = '/projekt';

async function addProject(db: DbOrTx, title: string): Promise<void> {
  const [latest] = await db.select({ year: max(projects.year) }).from(projects);
  await db.insert(projects).values({
    countyCode: '18',
    programmeCode: 's37a',
    year: latest?.year ?? 2026,
    title,
    description: 'Språkcafé med flyktingguider i kommunens bibliotek.',
    isDemo: true,
    searchText: title.toLowerCase(),
  });
}

async function getCatalogue(app: FastifyInstance): Promise<{ cache: string | undefined; body: string }> {
  const response = await app.inject({ method: 'GET', url: CATALOGUE });
  assert.equal(response.statusCode, 200);
  const cache = response.headers['x-page-cache'];
  return { cache: typeof cache === 'string' ? cache : undefined, body: response.body };
}

async function warmCache(app: FastifyInstance): Promise<string> {
  await getCatalogue(app);
  const second = await getCatalogue(app);
  assert.equal(second.cache, 'hit', 'the second anonymous GET of the catalogue should come from the page cache');
  return second.body;
}

/** Asks until the catalogue lists `title`, for up to `ms`; returns whether it did. */
async function waitForTitle(app: FastifyInstance, title: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if ((await getCatalogue(app)).body.includes(title)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('a cached catalogue page is cleared as soon as a project is added with notifyPublicContentChanged', async (t) => {
  const server = await buildTestApp();
  t.after(() => server.close());
  const { app } = server;
  await warmCache(app);

  const title = `Språkcafé i Lindesberg ${randomUUID()}`;
  await server.database.db.transaction(async (tx) => {
    await addProject(tx, title);
    await notifyPublicContentChanged(tx);
  });

  if (server.database.kind === 'pglite') {
    // The embedded database delivers the notification with the commit: the very next request misses.
    const after = await getCatalogue(app);
    assert.equal(after.cache, 'miss');
    assert.ok(after.body.includes(title), 'the catalogue does not list the new project');
  } else {
    // On a server the notification comes back over the listening connection, a moment after commit.
    assert.ok(await waitForTitle(app, title, 2000), 'the catalogue did not list the new project within 2 s');
  }
});

test('while notifications may be missed no page is stored, and a dropped listener empties the cache', async (t) => {
  const server = await buildTestApp();
  t.after(() => server.close());
  const { app } = server;
  await warmCache(app);
  if (server.database.url) {
    // The listening connection dies: what was stored may already be stale.
    await server.database.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = '${LISTENER_APPLICATION_NAME}'`,
    );
    const deadline = Date.now() + 2000;
    while ((await getCatalogue(app)).cache === 'hit') {
      assert.ok(Date.now() < deadline, 'the cache was not emptied when the listener dropped');
      await new Promise((r) => setTimeout(r, 20));
    }
  } else app.publicContent.setListening(false);
  assert.equal((await getCatalogue(app)).cache, 'miss');
  assert.equal((await getCatalogue(app)).cache, 'miss', 'stored while not listening');
  if (!server.database.url) app.publicContent.setListening(true);
  // Listening again (on a server after the reconnect, a second later): pages are stored again.
  const deadline = Date.now() + 5000;
  while ((await getCatalogue(app)).cache !== 'hit') {
    assert.ok(Date.now() < deadline, 'pages were not stored again');
    await new Promise((r) => setTimeout(r, 50));
  }
});

test('a write without notifyPublicContentChanged keeps serving the cached page', async (t) => {
  const server = await buildTestApp();
  t.after(() => server.close());
  const { app } = server;
  const cached = await warmCache(app);

  const title = `Läxhjälp i Hallsberg ${randomUUID()}`;
  await server.database.db.transaction((tx) => addProject(tx, title));

  const after = await getCatalogue(app);
  assert.equal(after.cache, 'hit');
  assert.equal(after.body, cached);
});

test("a write with notify on one instance clears another instance's cached page", {
  skip: serverUrl ? false : 'needs a PostgreSQL server: set TEST_DATABASE_URL (npm run test:pg runs this case in CI)',
}, async (t) => {
  const instanceA = await buildTestApp();
  assert.ok(instanceA.database.url, 'the test database on the server has a connection string');
  const databaseB = await openDatabase({ url: instanceA.database.url, poolSize: 2 });
  const appB = await buildApp({ config: instanceA.config, database: databaseB, logger: false });
  t.after(async () => {
    await appB.close();
    await databaseB.close();
    await instanceA.close();
  });

  const cachedOnB = await warmCache(appB);
  const title = `Flyktingguider i Kumla ${randomUUID()}`;
  assert.ok(!cachedOnB.includes(title));

  await instanceA.database.db.transaction(async (tx) => {
    await addProject(tx, title);
    await notifyPublicContentChanged(tx);
  });

  assert.ok(await waitForTitle(appB, title, 2000), "instance B still served its cached catalogue 2 s after instance A's write");
});

test('a listening server answers a cached page before Fastify, with the stored headers but none of the rate limit', async (t) => {
  const server = await buildTestApp();
  t.after(() => server.close());
  const { app } = server;
  let reachedFastify = 0;
  app.addHook('onRequest', async () => {
    reachedFastify++;
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  assert.ok(address && typeof address === 'object');
  const url = `http://127.0.0.1:${address.port}${CATALOGUE}`;

  const first = await fetch(url);
  assert.equal(first.headers.get('x-page-cache'), 'miss');
  const page = await first.text();
  assert.equal(reachedFastify, 1);

  const hit = await fetch(url);
  assert.equal(hit.status, 200);
  assert.equal(hit.headers.get('x-page-cache'), 'hit');
  assert.equal(await hit.text(), page);
  assert.match(hit.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  assert.equal(hit.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(
    hit.headers.get('x-ratelimit-limit'),
    null,
    'a cached page is not counted against the rate limit, so it does not claim to be',
  );
  assert.equal(reachedFastify, 1, 'the hit went through Fastify');

  const head = await fetch(url, { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
  assert.equal(head.headers.get('x-page-cache'), 'hit');
  assert.equal(head.headers.get('content-length'), String(Buffer.byteLength(page)));
  assert.equal(await head.text(), '');

  // fetch asks for compression and decodes it: the page comes back the same.
  const compressed = await fetch(url, { headers: { 'accept-encoding': 'br' } });
  assert.equal(compressed.headers.get('content-encoding'), 'br');
  assert.equal(await compressed.text(), page);

  const signedIn = await fetch(url, { headers: { cookie: 'sid=abc' } });
  assert.notEqual(signedIn.headers.get('x-page-cache'), 'hit', 'a visitor with a session gets a page of their own');
  await signedIn.text();
  assert.equal(reachedFastify, 2);
});

test('the statistics page is stored for at most its maximum age, the catalogue until a change notice', async (t) => {
  const server = await buildTestApp();
  t.after(() => server.close());
  const { app } = server;
  const before = Date.now();
  for (const url of [statisticsPath, CATALOGUE]) {
    assert.equal((await app.inject({ method: 'GET', url })).headers['x-page-cache'], 'miss');
    assert.equal((await app.inject({ method: 'GET', url })).headers['x-page-cache'], 'hit');
  }
  const statistics = app.pageCache?.get(anonymousPageKey(statisticsPath));
  assert.ok(statistics, 'the statistics page is stored');
  assert.ok(statistics.expiresAt >= before + STATISTICS_MAX_AGE_SECONDS * 1000);
  assert.ok(statistics.expiresAt <= Date.now() + STATISTICS_MAX_AGE_SECONDS * 1000);
  assert.equal(app.pageCache?.get(anonymousPageKey(CATALOGUE))?.expiresAt, Number.POSITIVE_INFINITY);
  // Once the maximum age has passed, the next visitor gets the page made again.
  assert.equal(app.pageCache?.get(anonymousPageKey(statisticsPath), statistics.expiresAt), undefined);
  assert.equal((await app.inject({ method: 'GET', url: statisticsPath })).headers['x-page-cache'], 'miss');
});
