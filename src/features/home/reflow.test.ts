import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/app.ts';

// WCAG 1.4.10: at 320 px a data table must scroll inside its own region, never the whole page. The
// region is focusable (a keyboard can scroll it) and named (a screen reader announces what it holds).

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const scrollRegion = /<section class="bp-table-scroll" tabindex="0" aria-label(?:ledby)?="[^"]+">\s*<table/g;

async function assertEveryTableScrolls(url: string, lang: 'sv' | 'en') {
  const res = await t.app.inject({ method: 'GET', url, cookies: { lang } });
  assert.equal(res.statusCode, 200, url);
  const tables = res.body.match(/<table/g)?.length ?? 0;
  assert.ok(tables > 0, `${url} has a table`);
  assert.equal(res.body.match(scrollRegion)?.length ?? 0, tables, `every table on ${url} (${lang}) is in a scroll region`);
}

test('every data table on the public pages sits in a focusable, labelled scroll region', async () => {
  const catalogue = await t.app.inject({ method: 'GET', url: '/projekt' });
  const projectIds = [...catalogue.body.matchAll(/href="\/projekt\/(\d+)"/g)].map((m) => m[1]);
  // A project with contacts has the contact table.
  let projectWithContacts: string | undefined;
  for (const id of projectIds) {
    const page = await t.app.inject({ method: 'GET', url: `/projekt/${id}` });
    if (page.body.includes('<table')) {
      projectWithContacts = `/projekt/${id}`;
      break;
    }
  }
  assert.ok(projectWithContacts, 'some project lists contacts');
  const urls = [
    '/',
    '/utlysningar',
    '/statistik',
    '/projekt',
    projectWithContacts,
    '/ansokan/fragor',
    '/utlysningar/stockholm-s37a-2022-hosten',
    '/oppna-data',
  ];
  for (const url of urls) {
    for (const lang of ['sv', 'en'] as const) await assertEveryTableScrolls(url, lang);
  }
});
