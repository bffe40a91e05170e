import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { HttpSession, hiddenInput } from '../../../test/http-session.ts';
import { accessRequests, applications, calls, memberships, organisations, persons } from '../../db/schema/index.ts';
import { noticeKey, SESSION_CHANGES_CHANNEL } from '../../platform/session-store.ts';
import { logInAs, startIdentityApp } from './testing.ts';

type Role = 'anonymous' | 'applicantA' | 'applicantB' | 'signatory' | 'federation' | 'caseOfficer' | 'decisionMaker' | 'finance' | 'admin';

const personaOf: Record<Exclude<Role, 'anonymous'>, { id: string; staff: boolean }> = {
  applicantA: { id: 'sokande-linkoping', staff: false },
  applicantB: { id: 'sokande-norrkoping', staff: false },
  signatory: { id: 'firmatecknare-linkoping', staff: false },
  federation: { id: 'representant-forbund', staff: false },
  caseOfficer: { id: 'handlaggare-vastra-gotaland', staff: true },
  decisionMaker: { id: 'beslutsfattare-jonkoping', staff: true },
  finance: { id: 'ekonomi-jonkoping', staff: true },
  admin: { id: 'administrator', staff: true },
};
const roles = ['anonymous', ...Object.keys(personaOf)] as Role[];

let app: Awaited<ReturnType<typeof startIdentityApp>>;
const browsers = new Map<Role, HttpSession>();
const ids = { linkoping: 0, norrkoping: 0, stockholm: 0 };
const titles = {
  goteborgDraft: 'Utkast från Göteborg',
  goteborgSubmitted: 'Inkommen från Göteborg',
  linkopingDraft: 'Utkast från Linköping',
  linkopingSubmitted: 'Inkommen från Linköping',
};

async function csrfOf(browser: HttpSession): Promise<string> {
  return hiddenInput(await (await browser.get('/logga-in')).response.text(), '_csrf');
}

before(async () => {
  app = await startIdentityApp();
  const db = app.database.db;
  const orgId = async (code: string) =>
    (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.municipalityCode, code)))[0]!.id;
  ids.linkoping = await orgId('0580');
  ids.norrkoping = await orgId('0581');
  ids.stockholm = await orgId('0180');
  const goteborg = await orgId('1480');
  // Västra Götaland prepares § 37 a and Jönköping decides and pays; Östergötland runs its own § 37.
  const [vg] = await db
    .insert(calls)
    .values({
      slug: 'behorighetstest-vg',
      countyCode: '14',
      programmeCode: 's37a',
      year: 2026,
      title: 'Testutlysning VG',
      preparingBoard: '14',
      decidingBoard: '06',
      payingBoard: '06',
    })
    .returning({ id: calls.id });
  const [og] = await db
    .insert(calls)
    .values({
      slug: 'behorighetstest-og',
      countyCode: '05',
      programmeCode: 's37',
      year: 2026,
      title: 'Testutlysning ÖG',
      preparingBoard: '05',
      decidingBoard: '05',
      payingBoard: '05',
    })
    .returning({ id: calls.id });
  await db.insert(applications).values([
    { callId: vg!.id, organisationId: goteborg, status: 'draft', title: titles.goteborgDraft },
    { callId: vg!.id, organisationId: goteborg, status: 'submitted', title: titles.goteborgSubmitted, submittedAt: new Date() },
    { callId: og!.id, organisationId: ids.linkoping, status: 'draft', title: titles.linkopingDraft },
    { callId: og!.id, organisationId: ids.linkoping, status: 'submitted', title: titles.linkopingSubmitted, submittedAt: new Date() },
  ]);
  for (const role of roles) {
    const browser = new HttpSession(app.baseUrl);
    if (role !== 'anonymous') {
      const { id, staff } = personaOf[role];
      const done = await logInAs(browser, id, { staff });
      await done.response.arrayBuffer();
    }
    browsers.set(role, browser);
  }
});
after(async () => app.close());

const publicPages = { applicantA: 200, applicantB: 200, signatory: 200, federation: 200 } as const;
const staffOnly = { caseOfficer: 403, decisionMaker: 403, finance: 403, admin: 403 } as const;
const staffPages = {
  applicantA: 403,
  applicantB: 403,
  signatory: 403,
  federation: 403,
  caseOfficer: 200,
  decisionMaker: 200,
  finance: 200,
  admin: 200,
} as const;

const getMatrix: Record<string, Record<Role, number>> = {
  '/mina-sidor': { anonymous: 303, ...publicPages, ...staffOnly },
  '/mina-sidor/organisation': { anonymous: 303, ...publicPages, ...staffOnly },
  '/mina-sidor/profil': { anonymous: 303, ...publicPages, ...staffOnly },
  '/mina-sidor/behorighet': { anonymous: 303, ...publicPages, ...staffOnly },
  '/handlaggning': { anonymous: 303, ...staffPages },
  '/handlaggning/behorigheter': { anonymous: 303, ...staffPages, caseOfficer: 403, decisionMaker: 403, finance: 403 },
};

describe('authorisation matrix', () => {
  for (const [path, expected] of Object.entries(getMatrix)) {
    for (const role of roles) {
      test(`GET ${path} as ${role} answers ${expected[role]}`, async () => {
        const response = await browsers.get(role)!.request(path);
        await response.arrayBuffer();
        assert.equal(response.status, expected[role]);
        if (expected[role] === 303) assert.match(response.headers.get('location')!, /^\/logga-in\?tillbaka=/);
      });
    }
  }

  const pick: Record<Role, number> = {
    anonymous: 303,
    applicantA: 403,
    applicantB: 303,
    signatory: 403,
    federation: 403,
    caseOfficer: 403,
    decisionMaker: 403,
    finance: 403,
    admin: 403,
  };
  for (const role of roles) {
    test(`POST /mina-sidor/organisation choosing Norrköping as ${role} answers ${pick[role]}`, async () => {
      const browser = browsers.get(role)!;
      const form = { _csrf: role === 'anonymous' ? '' : await csrfOf(browser), organisationId: String(ids.norrkoping) };
      const response = await browser.request('/mina-sidor/organisation', { form });
      await response.arrayBuffer();
      assert.equal(response.status, pick[role]);
      const location = response.headers.get('location');
      if (role === 'anonymous') assert.match(location!, /^\/logga-in/);
      if (role === 'applicantB') assert.equal(location, '/mina-sidor');
    });
  }

  test('only an administrator of the organisation’s county board may answer an access request', async () => {
    const db = app.database.db;
    const [newcomer] = await db.select({ id: persons.id }).from(persons).where(eq(persons.subject, 'ny-sokande'));
    const [linkoping] = await db
      .insert(accessRequests)
      .values({ personId: newcomer!.id, organisationId: ids.linkoping, requestedRoles: ['applicant'] })
      .returning({ id: accessRequests.id });
    const [stockholm] = await db
      .insert(accessRequests)
      .values({ personId: newcomer!.id, organisationId: ids.stockholm, requestedRoles: ['applicant'] })
      .returning({ id: accessRequests.id });
    for (const role of roles) {
      const browser = browsers.get(role)!;
      const csrf = role === 'anonymous' ? '' : await csrfOf(browser);
      for (const [id, adminStatus] of [
        [linkoping!.id, 303],
        [stockholm!.id, 403],
      ] as const) {
        if (role === 'admin' && id === linkoping!.id) continue;
        const response = await browser.request(`/handlaggning/behorigheter/${id}`, { form: { _csrf: csrf, decision: 'approve' } });
        await response.arrayBuffer();
        const expected = role === 'anonymous' ? 303 : role === 'admin' ? adminStatus : 403;
        assert.equal(response.status, expected, `${role} on request ${id}`);
      }
    }
    const untouched = await db.select().from(accessRequests).where(eq(accessRequests.id, linkoping!.id));
    assert.equal(untouched[0]!.status, 'pending', 'nobody but the administrator changed it');
    const admin = browsers.get('admin')!;
    const undecided = await admin.request(`/handlaggning/behorigheter/${linkoping!.id}`, { form: { _csrf: await csrfOf(admin) } });
    assert.equal(undecided.status, 400);
    assert.match(await undecided.text(), /Välj godkänn eller avslå/);
    const approved = await admin.request(`/handlaggning/behorigheter/${linkoping!.id}`, {
      form: { _csrf: await csrfOf(admin), decision: 'approve', answer: 'Välkommen' },
    });
    assert.equal(approved.status, 303);
    const [row] = await db.select().from(accessRequests).where(eq(accessRequests.id, linkoping!.id));
    assert.equal(row!.status, 'approved');
    assert.equal(row!.answer, 'Välkommen');
    assert.ok(row!.decidedBy && row!.decidedAt);
    const granted = await db.select().from(memberships).where(eq(memberships.personId, newcomer!.id));
    assert.deepEqual(
      granted.map((m) => [m.organisationId, m.roles]),
      [[ids.linkoping, ['applicant']]],
    );
  });
});

describe('drafts and other organisations’ data', () => {
  const visible: Record<Role, (keyof typeof titles)[]> = {
    anonymous: [],
    applicantA: ['linkopingDraft', 'linkopingSubmitted'],
    applicantB: [],
    signatory: ['linkopingDraft', 'linkopingSubmitted'],
    federation: [],
    caseOfficer: ['goteborgSubmitted'],
    decisionMaker: ['goteborgSubmitted'],
    finance: ['goteborgSubmitted'],
    admin: ['goteborgSubmitted', 'linkopingSubmitted'],
  };
  for (const role of roles) {
    test(`${role} sees exactly ${visible[role].join(', ') || 'no applications'}`, async () => {
      const browser = browsers.get(role)!;
      const page = role === 'anonymous' || !personaOf[role].staff ? '/mina-sidor' : '/handlaggning';
      const response = await browser.request(page);
      const html = await response.text();
      for (const [key, title] of Object.entries(titles)) {
        assert.equal(html.includes(title), visible[role].includes(key as keyof typeof titles), `${title} on ${page}`);
      }
    });
  }
});

describe('forms and sessions', () => {
  test('refuses a state-changing POST without a valid CSRF token', async () => {
    const browser = browsers.get('applicantA')!;
    for (const form of [{ email: 'a@example.se' }, { email: 'a@example.se', _csrf: 'forged' }]) {
      const response = await browser.request('/mina-sidor/profil', { form });
      assert.equal(response.status, 403);
      assert.match(await response.text(), /Formuläret har gått ut/);
    }
    const [person] = await app.database.db.select().from(persons).where(eq(persons.subject, 'sokande-linkoping'));
    assert.equal(person!.email, null);
  });

  test('keeps a form posted after the session ended and restores it after the new login, without JavaScript', async () => {
    const browser = new HttpSession(app.baseUrl);
    await (await logInAs(browser, 'sokande-norrkoping')).response.arrayBuffer();
    const form = await browser.get('/mina-sidor/profil');
    const csrf = hiddenInput(await form.response.text(), '_csrf');
    // The idle timeout passes for this browser's session only.
    const sid = decodeURIComponent(browser.cookies.get('sid')!.value).split('.')[0]!;
    // On a PostgreSQL server the change notice comes on another connection: the app may reuse its
    // read of the session until it has heard it, as another instance would for a few milliseconds.
    let heard!: () => void;
    const noticed = new Promise<void>((resolve) => {
      heard = resolve;
    });
    const stop = await app.database.listen(SESSION_CHANGES_CHANNEL, (notice) => notice === noticeKey(sid) && heard());
    await app.database.query("UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE sid = $1", [sid]);
    await noticed;
    await stop();

    const posted = await browser.request('/mina-sidor/profil', { form: { _csrf: csrf, email: 'nora@example.se' } });
    assert.equal(posted.status, 303);
    assert.equal(posted.headers.get('location'), '/logga-in?tillbaka=%2Fmina-sidor%2Fprofil');
    const login = await browser.follow(posted, '/mina-sidor/profil');
    const loginHtml = await login.response.text();
    assert.match(loginHtml, /Det du skrev har sparats/);
    const link = /href="(\/logga-in\/e-legitimation[^"]*)"/.exec(loginHtml)![1]!.replaceAll('&amp;', '&');

    // The provider's own session has ended too, so the user logs in anew.
    for (const name of [...browser.cookies.keys()]) if (name.startsWith('_session')) browser.cookies.delete(name);
    const choice = await browser.get(link);
    const choiceHtml = await choice.response.text();
    const back = await browser.post(new URL(choice.url).pathname, {
      _csrf: hiddenInput(choiceHtml, '_csrf'),
      persona: 'sokande-norrkoping',
    });
    assert.equal(new URL(back.url).pathname, '/mina-sidor/profil');
    const restored = await back.response.text();
    assert.match(restored, /value="nora@example\.se"/);
    assert.match(restored, /har fyllts i igen/);
    const [person] = await app.database.db.select().from(persons).where(eq(persons.subject, 'sokande-norrkoping'));
    assert.equal(person!.email, null, 'nothing was saved before the user sent the form again');

    const again = await browser.get('/mina-sidor/profil');
    assert.doesNotMatch(await again.response.text(), /nora@example\.se/, 'the kept form is given back once');
  });

  test('verifies an e-mail address by a link', async () => {
    const browser = browsers.get('federation')!;
    const sent = await browser.request('/mina-sidor/profil', { form: { _csrf: await csrfOf(browser), email: 'frans@example.se' } });
    const html = await sent.text();
    assert.equal(sent.status, 200);
    const link = /href="(http[^"]*bekrafta\?kod=[^"]+)"/.exec(html)![1]!;
    const queued = await app.database.query<{ text_body: string }>('SELECT text_body FROM mail_outbox WHERE to_address = $1', [
      'frans@example.se',
    ]);
    assert.equal(queued.length, 1);
    assert.ok(queued[0]!.text_body.includes(link), 'the mail carries the link');
    const confirmed = await new HttpSession(app.baseUrl).get(link);
    assert.match(await confirmed.response.text(), /E-postadressen är bekräftad/);
    const [person] = await app.database.db.select().from(persons).where(eq(persons.subject, 'representant-forbund'));
    assert.equal(person!.email, 'frans@example.se');
    assert.ok(person!.emailVerifiedAt);
    const reused = await new HttpSession(app.baseUrl).get(link);
    assert.equal(reused.response.status, 400);
  });
});
