import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { buildTestApp, type TestApp } from '../app.ts';
import { axeProblems } from './axe.ts';
import { type PageType, publicPageTypes } from './page-types.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = join(import.meta.dirname, '../../.tmp/home.png');
const hasChromium = existsSync(CHROMIUM);

test('Chromium is installed for the browser tests', {
  skip: hasChromium || process.env.CI === 'true' ? false : `${CHROMIUM} is missing`,
}, () => {
  assert.ok(hasChromium, `${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium) to run the browser tests`);
});

describe('public pages in a browser', { skip: hasChromium ? false : `${CHROMIUM} is missing; browser tests skipped` }, () => {
  let server: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let pageTypes: PageType[];

  before(async () => {
    server = await buildTestApp();
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    pageTypes = await publicPageTypes(server.app.database.db);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Visits every page type and returns one readable line block per problem found. */
  async function auditPages(context: BrowserContext, lang: 'sv' | 'en', options: { axe: boolean }): Promise<string[]> {
    const problems: string[] = [];
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => consoleErrors.push(err.message));
    for (const pageType of pageTypes) {
      consoleErrors.length = 0;
      const response = await page.goto(baseUrl + pageType.path);
      const where = `${pageType.name} (${pageType.path}, ${lang})`;
      if (response?.status() !== pageType.status) {
        problems.push(`${where}: HTTP ${response?.status()} instead of ${pageType.status}`);
        continue;
      }
      const htmlLang = await page.locator('html').getAttribute('lang');
      if (htmlLang !== lang) problems.push(`${where}: <html lang="${htmlLang}"> instead of "${lang}"`);
      if ((await page.locator('main h1').count()) !== 1) problems.push(`${where}: main has no single <h1>`);
      // The 404 page's own document load is reported by Chromium as a failed resource.
      const unexpected = consoleErrors.filter((e) => !(pageType.status === 404 && e.includes('404')));
      if (unexpected.length > 0) problems.push(`${where}: browser console errors:\n    ${unexpected.join('\n    ')}`);
      if (options.axe) {
        problems.push(...(await axeProblems(page, where)).problems);
      }
    }
    await page.close();
    return problems;
  }

  function assertNoProblems(problems: string[]): void {
    assert.equal(problems.length, 0, `${problems.length} problem(s):\n\n${problems.join('\n\n')}`);
  }

  test('every public page type in Swedish has no WCAG 2.1 AA violations', async () => {
    const context = await browser.newContext();
    assertNoProblems(await auditPages(context, 'sv', { axe: true }));
    await context.close();
  });

  test('the header language link switches to English, and every English page has no WCAG 2.1 AA violations', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await Promise.all([page.waitForURL(`${baseUrl}/`), page.locator('header a[hreflang="en"]').click()]);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    const cookies = await context.cookies();
    assert.equal(cookies.find((c) => c.name === 'lang')?.value, 'en');
    await page.close();
    assertNoProblems(await auditPages(context, 'en', { axe: true }));
    await context.close();
  });

  test('every public page type renders without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    assertNoProblems(await auditPages(context, 'sv', { axe: false }));
    await context.close();
  });

  test('the catalogue filter form works without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/projekt`);
    const form = page.locator('main form[method="get" i]').first();
    assert.equal(await form.count(), 1, 'the catalogue has no GET filter form in main');
    const before = await projectLinks(page);
    assert.ok(before.length > 0, 'the unfiltered catalogue lists no project');

    const changed = await tryFilters(page, form, before);
    assert.ok(changed, `no filter value changed the listed projects; tried:\n${triedFilters.join('\n')}`);
    assert.notDeepEqual(await projectLinks(page), before);
    await context.close();
  });

  const triedFilters: string[] = [];

  /** Submits filter values one at a time until the listed projects change; true when they did. */
  async function tryFilters(page: Page, form: Locator, unfiltered: string[]): Promise<boolean> {
    const catalogueUrl = page.url();
    const selects = form.locator('select');
    const selectCount = await selects.count();
    // Prefer the county filter: the seed has projects in several counties.
    const order = [...Array(selectCount).keys()];
    const names = await Promise.all(order.map((i) => selects.nth(i).getAttribute('name')));
    order.sort((a, b) => Number(/lan|county/i.test(names[b] ?? '')) - Number(/lan|county/i.test(names[a] ?? '')));
    for (const i of order) {
      const values = (
        await selects
          .nth(i)
          .locator('option')
          .evaluateAll((os) => os.map((o) => o.getAttribute('value') ?? ''))
      ).filter((v) => v !== '');
      for (const value of values.slice(0, 6)) {
        await page.goto(catalogueUrl);
        const select = page.locator('main form[method="get" i]').first().locator('select').nth(i);
        await select.selectOption(value);
        await submitButton(page).click();
        await page.waitForLoadState('load');
        const name = names[i] ?? '';
        triedFilters.push(`  ${name}=${value} → ${page.url()}`);
        const url = new URL(page.url());
        assert.equal(url.searchParams.get(name), value, `submitting the form did not put ${name}=${value} in the address (${page.url()})`);
        const kept = await page.locator('main form[method="get" i]').first().locator('select').nth(i).inputValue();
        assert.equal(kept, value, `the result page did not keep the chosen ${name}`);
        const links = await projectLinks(page);
        if (links.join() !== unfiltered.join()) return true;
      }
    }
    const checkboxes = form.locator('input[type="checkbox"]');
    for (let i = 0; i < Math.min(await checkboxes.count(), 6); i++) {
      await page.goto(catalogueUrl);
      const box = page.locator('main form[method="get" i]').first().locator('input[type="checkbox"]').nth(i);
      const label = `${await box.getAttribute('name')}=${await box.getAttribute('value')}`;
      await box.check();
      await submitButton(page).click();
      await page.waitForLoadState('load');
      triedFilters.push(`  ${label} → ${page.url()}`);
      if ((await projectLinks(page)).join() !== unfiltered.join()) return true;
    }
    return false;
  }

  function submitButton(page: Page): Locator {
    return page
      .locator('main form[method="get" i]')
      .first()
      .locator('button[type="submit"], button:not([type]), input[type="submit"]')
      .first();
  }

  async function projectLinks(page: Page): Promise<string[]> {
    const hrefs = await page.locator('main a[href^="/projekt/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    return hrefs.filter((h) => /^\/projekt\/\d+$/.test(h));
  }

  test('the first Tab stop is the skip link, and it moves focus to main', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    assert.equal(await focused.getAttribute('class'), 'govuk-skip-link');
    assert.equal(await focused.getAttribute('href'), '#main-content');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator(':focus').getAttribute('id'), 'main-content');
    await context.close();
  });

  test('a statistics row with a source quote stays a few lines tall on a wide and a 320 px window', async () => {
    for (const width of [1280, 320]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/statistik`);
      const heights = await page.locator('main tbody tr').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
      assert.ok(heights.length > 0, 'the statistics page has no table rows');
      assert.ok(Math.max(...heights) <= 200, `rows ${heights.map(Math.round).join(', ')} px tall at ${width} px`);
      await context.close();
    }
  });

  test('the statistics chart keeps readable labels at 320 px, scrolling in its own region rather than the page', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/statistik`);
    const label = await page.locator('svg.bp-chart g text').first().boundingBox();
    assert.ok(label && label.height >= 11, `a chart label is ${label?.height.toFixed(1)} px tall at 320 px`);
    assert.equal(await page.locator('html').evaluate((html: { scrollWidth: number }) => html.scrollWidth), 320);
    const region = page.locator('section.bp-table-scroll:has(svg.bp-chart)');
    assert.equal(await region.getAttribute('tabindex'), '0');
    await context.close();
  });

  test('home page screenshot for a visual check', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    assert.ok(existsSync(SCREENSHOT));
    await context.close();
  });
});
