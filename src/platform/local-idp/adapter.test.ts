import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { seedPersonas } from '../../../seed/personas.ts';
import { testConfig } from '../../../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { freePort, HttpSession } from '../../../test/http-session.ts';
import { buildApp } from '../../app.ts';
import { logInAs } from '../../features/identity/testing.ts';
import { DatabaseIdpAdapter, purgeExpiredIdpRecords, sharedSigningKey } from './adapter.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase({ seeded: true });
});
after(() => database.close());

test('stores, finds, consumes and removes what the provider keeps', async () => {
  const codes = new DatabaseIdpAdapter(database.db, 'AuthorizationCode');
  const sessions = new DatabaseIdpAdapter(database.db, 'Session');
  await codes.upsert('c1', { grantId: 'g1', accountId: 'a' }, 60);
  await codes.upsert('c2', { grantId: 'g2', accountId: 'b' }, 60);
  await sessions.upsert('s1', { uid: 'u1', accountId: 'a' }, 60);
  assert.deepEqual(await codes.find('c1'), { grantId: 'g1', accountId: 'a' });
  // Each model is its own namespace.
  assert.equal(await sessions.find('c1'), undefined);
  assert.equal((await sessions.findByUid('u1'))?.accountId, 'a');

  await codes.consume('c1');
  const consumed = await codes.find('c1');
  assert.equal(typeof consumed?.consumed, 'number');

  await codes.revokeByGrantId('g1');
  assert.equal(await codes.find('c1'), undefined);
  assert.ok(await codes.find('c2'), 'another grant is untouched');
  await sessions.destroy('s1');
  assert.equal(await sessions.findByUid('u1'), undefined);
});

test('an expired record is not found and the purge removes it; the signing key stays and is shared', async () => {
  const interactions = new DatabaseIdpAdapter(database.db, 'Interaction');
  const key = await sharedSigningKey(database.db);
  await interactions.upsert('i1', { uid: 'i1' }, 1);
  assert.ok(await interactions.find('i1'));
  await database.query(`UPDATE local_idp_records SET expires_at = now() - interval '1 second' WHERE id = 'i1'`);
  assert.equal(await interactions.find('i1'), undefined);
  assert.ok((await purgeExpiredIdpRecords(database.db, new Date())) >= 1);
  const [row] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM local_idp_records WHERE id = 'i1'`);
  assert.equal(row?.n, 0);
  assert.deepEqual(await sharedSigningKey(database.db), key);
  assert.equal(key.kty, 'RSA');
});

test('a login passed back and forth between two instances on one database succeeds', async () => {
  const [row] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM persons');
  if (!row || row.n === 0) await database.db.transaction((tx) => seedPersonas(tx));
  const ports = [await freePort(), await freePort(), await freePort()] as const;
  const publicUrl = `http://127.0.0.1:${ports[0]}`;
  const instances: FastifyInstance[] = [];
  for (const port of ports.slice(1)) {
    const app = await buildApp({ config: testConfig({ PUBLIC_URL: publicUrl }), database, logger: false });
    await app.listen({ host: '127.0.0.1', port });
    instances.push(app);
  }
  // A load balancer without sticky sessions: each request, the app's own calls to the provider
  // included, goes to the other instance than the one before.
  let next = 0;
  const served = [0, 0];
  const balancer = http.createServer((req, res) => {
    const target = next++ % 2;
    served[target]! += 1;
    const forward = http.request(
      { host: '127.0.0.1', port: ports[target + 1], method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => balancer.listen(ports[0], '127.0.0.1', resolve));
  try {
    const browser = new HttpSession(publicUrl);
    const done = await logInAs(browser, 'sokande-linkoping', { returnTo: '/mina-sidor' });
    assert.equal(done.response.status, 200);
    assert.equal(new URL(done.url).pathname, '/mina-sidor');
    assert.match(await done.response.text(), /Tolvan Tolvansson/);
    assert.ok(served[0]! > 2 && served[1]! > 2, `both instances took part: ${served.join(' and ')} requests`);
  } finally {
    await new Promise((resolve) => balancer.close(resolve));
    for (const app of instances) await app.close();
  }
});
