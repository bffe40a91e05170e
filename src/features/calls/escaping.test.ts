import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { calls, contacts, countyProgrammes, priorities, programmes, recordedFigures } from '../../db/schema/index.ts';
import { addDays, stockholmDateOf } from '../../platform/format.ts';

const PAYLOAD = '<script>alert(1)</script>';
const SLUG = 'xss-stockholm';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  const today = stockholmDateOf(new Date());
  const year = Number(today.slice(0, 4));
  const [call] = await db
    .insert(calls)
    .values({
      slug: SLUG,
      countyCode: '01',
      programmeCode: 's37a',
      year,
      title: `Utlysning ${PAYLOAD}`,
      description: `## ${PAYLOAD}\n\n- ${PAYLOAD}\n\n${PAYLOAD}`,
      opensOn: addDays(today, -1),
      closesOn: addDays(today, 10),
      periodSource: PAYLOAD,
      periodNote: PAYLOAD,
      budgetOre: 100_000,
      criteria: [PAYLOAD],
      decisionAnnouncedOn: addDays(today, 40),
      decisionAnnouncedSource: PAYLOAD,
      paymentBySource: PAYLOAD,
      functionalMailbox: `"><script>alert(1)</script>`,
      sourceRef: PAYLOAD,
      sourceDate: PAYLOAD,
    })
    .returning({ id: calls.id });
  await db.insert(priorities).values({ countyCode: '01', programmeCode: 's37a', year, text: PAYLOAD, sourceRef: PAYLOAD });
  await db.insert(recordedFigures).values({
    countyCode: '01',
    programmeCode: 's37a',
    callId: call?.id ?? null,
    year,
    kind: 'distributed',
    label: PAYLOAD,
    sourceText: PAYLOAD,
    sourceRef: PAYLOAD,
  });
  await db
    .insert(contacts)
    .values({ countyCode: '01', programmeCode: 's37a', name: PAYLOAD, title: PAYLOAD, phone: PAYLOAD, email: PAYLOAD, sourceRef: PAYLOAD });
  await db
    .update(countyProgrammes)
    .set({ intro: PAYLOAD, howToApply: PAYLOAD, afterGrant: PAYLOAD, sourceDate: PAYLOAD })
    .where(and(eq(countyProgrammes.countyCode, '01'), eq(countyProgrammes.programmeCode, 's37a')));
  await db.update(programmes).set({ summary: PAYLOAD, eligibilityText: PAYLOAD }).where(eq(programmes.code, 's37a'));
});
after(async () => {
  await t.close();
});

for (const url of [
  '/',
  '/utlysningar',
  `/utlysningar/${SLUG}`,
  `/utlysningar?lan=${encodeURIComponent(PAYLOAD)}&bidrag=${encodeURIComponent(PAYLOAD)}`,
  '/bidrag',
  '/bidrag/s37a',
  '/bidrag/s37a/stockholm',
]) {
  test(`escapes a planted script on ${url}`, async () => {
    const res = await t.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /&lt;script/);
    assert.doesNotMatch(res.body, /<script>alert/);
  });
}
