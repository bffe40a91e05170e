import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { confirmations, steps } from '../../src/features/applications/form.ts';
import { fieldId } from '../../src/features/applications/rules.ts';
import { completeAnswers, samplePdf } from '../../src/features/applications/testing.ts';
import { texts } from '../../src/features/applications/texts.ts';
import { startIdentityApp } from '../../src/features/identity/testing.ts';
import { texts as identityTexts } from '../../src/features/identity/texts.ts';
import { stockholmDateOf } from '../../src/platform/format.ts';
import { localIdpTexts } from '../../src/platform/local-idp/texts.ts';
import { pdfPages } from '../../src/platform/pdf/poppler.ts';
import { axeProblems } from './axe.ts';

/**
 * The applicant's whole journey in a real browser, as the issue asks: log in through the local
 * identity provider, start from the call page, fill in every step, attach the certificates, submit,
 * read the receipt and its PDF, and add a supplement. Every page and every error state on the way
 * is checked with axe, and the error summaries and the form are checked from the keyboard.
 */

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '../..');
const AUTOSAVE_SCRIPT = join(ROOT, 'src/platform/assets/application-form.js');
const CALL_SLUG = 'demo-ostergotland-s37a';
const PERSONA = 'sokande-linkoping';
const hasChromium = existsSync(CHROMIUM);

const t = texts('sv');
const idp = localIdpTexts('sv');
const identity = identityTexts('sv');
const year = Number(stockholmDateOf(new Date()).slice(0, 4));
const answers = completeAnswers(year);

/** The few DOM members the in-page checks use; the project compiles without the DOM library. */
interface DomElement {
  id: string;
  tagName: string;
  className: unknown;
  textContent: string | null;
  value: string;
  dataset: Record<string, string | undefined>;
  parentElement: DomElement | null;
  ownerDocument: { activeElement: DomElement | null; readyState: string; getElementById(id: string): DomElement | null };
  getAttribute(name: string): string | null;
  closest(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}

describe('the applicant journey in a browser', { skip: hasChromium ? false : `${CHROMIUM} is missing; browser tests skipped` }, () => {
  let server: Awaited<ReturnType<typeof startIdentityApp>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Problems found on the pages a test visited; each test asserts its own list is empty. */
  let problems: string[] = [];
  /** The draft's address, e.g. /ansokningar/<uuid>; set once the draft exists. */
  let base = '';
  let registryNumber = '';

  before(async () => {
    // Build the stylesheet and scripts from the sources, so that the browser checks what is in the
    // tree now rather than what was built at install time.
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-assets.mjs')], { cwd: ROOT, stdio: 'pipe' });
    server = await startIdentityApp();
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
    // Wide enough for the guidance to sit beside each question.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', acceptDownloads: true });
    page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      // A form re-rendered with its errors answers 400 by design, whether the page posted it or the
      // upload script did; Chromium logs that as a failed load of the page's own address.
      const samePage = new URL(msg.location().url || 'about:blank').pathname === new URL(page.url()).pathname;
      if (samePage && /Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) return;
      problems.push(`${page.url()}: browser console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`${page.url()}: uncaught script error: ${err.message}`));
  });

  beforeEach(() => {
    problems = [];
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  function assertNoProblems(): void {
    const found = problems;
    problems = [];
    assert.equal(found.length, 0, `${found.length} problem(s):\n\n${found.join('\n\n')}`);
  }

  /** Runs axe on the page as it is now and records every WCAG 2.1 AA violation under `where`. */
  async function audit(where: string): Promise<void> {
    const label = `${where} (${new URL(page.url()).pathname})`;
    if ((await page.locator('main h1').count()) !== 1) problems.push(`${label}: main has no single <h1>`);
    const { problems: found, incomplete } = await axeProblems(page, label);
    problems.push(...found);
    // axe leaves text it measured at 1:1 (the same colour as its background) for a person to
    // review, as it may be hidden on purpose; visible text that cannot be seen is a failure here.
    for (const v of incomplete.filter((r) => r.id === 'color-contrast')) {
      for (const n of v.nodes) {
        const data = n.any.find((c) => c.id === 'color-contrast')?.data as
          | { contrastRatio?: number; expectedContrastRatio?: string; fgColor?: string; bgColor?: string }
          | undefined;
        const ratio = data?.contrastRatio ?? 0;
        if (ratio > 0 && ratio < Number.parseFloat(data?.expectedContrastRatio ?? '4.5')) {
          problems.push(
            `${label}: color-contrast: ${n.target.join(' ')} has text ${data?.fgColor} on ${data?.bgColor} (${ratio}:1)\n      ${n.html.slice(0, 240)}`,
          );
        }
      }
    }
  }

  /** What has keyboard focus: its id, tag and classes, for assertions and messages. */
  function focused(): Promise<{ id: string; tag: string; className: string; text: string; inForm: boolean }> {
    return page.locator('html').evaluate((html: DomElement) => {
      const el = html.ownerDocument.activeElement;
      return {
        id: el?.id ?? '',
        tag: el?.tagName ?? '',
        className: typeof el?.className === 'string' ? el.className : '',
        text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80),
        inForm: Boolean(el?.closest('main form')),
      };
    });
  }

  /** Presses Tab until the focused element has `id`; fails if it takes more than `limit` presses. */
  async function tabTo(id: string, limit = 40): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if ((await focused()).id === id) return;
    }
    assert.fail(`#${id} was not reached with Tab within ${limit} presses on ${page.url()}`);
  }

  /**
   * The error summary as GOV.UK asks for it: it has focus when the page loads, Tab moves to its
   * first link, and each link to a field on the same page moves focus to that field, whose
   * description carries the error message (unless `describedByError` is false).
   */
  async function checkErrorSummary(where: string, { describedByError = true } = {}): Promise<string[]> {
    const label = `${where} (${page.url()})`;
    const summary = page.locator('main .govuk-error-summary');
    assert.equal(await summary.count(), 1, `${label}: no error summary`);
    const links = summary.locator('a');
    assert.ok((await links.count()) > 0, `${label}: the error summary lists no error`);
    const onLoad = await focused();
    if (/govuk-error-summary/.test(onLoad.className)) {
      await page.keyboard.press('Tab');
      const firstText = await textOf(links.first());
      const next = await focused();
      if (next.text !== firstText.slice(0, 80)) {
        problems.push(`${label}: Tab from the error summary reaches ${next.tag}#${next.id} "${next.text}", not its first link`);
      }
    } else {
      problems.push(`${label}: the error summary does not have focus when the page loads; ${onLoad.tag}.${onLoad.className} has`);
    }

    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const messages = await links.evaluateAll((as) => as.map((a) => (a.textContent ?? '').trim()));
    for (const [i, href] of hrefs.entries()) {
      if (!href.startsWith('#')) continue;
      const id = href.slice(1);
      await links.nth(i).click();
      const now = await focused();
      if (now.id !== id || !['INPUT', 'TEXTAREA', 'SELECT'].includes(now.tag)) {
        problems.push(
          `${label}: the error link "${messages[i]}" (${href}) moved focus to ${now.tag}#${now.id}, not to a field with id "${id}"`,
        );
        continue;
      }
      if (!describedByError) continue;
      // What a screen reader announces with the field: its own description and its fieldsets'.
      const description = await page.locator(`[id="${id}"]`).evaluate((field: DomElement) => {
        const ids: string[] = [];
        for (let el: DomElement | null = field; el; el = el.parentElement) {
          if (el === field || el.tagName === 'FIELDSET') ids.push(...(el.getAttribute('aria-describedby') ?? '').split(/\s+/));
        }
        return ids
          .filter(Boolean)
          .map((d) => field.ownerDocument.getElementById(d)?.textContent ?? '')
          .join(' ');
      });
      if (!description.replace(/\s+/g, ' ').includes(messages[i] ?? '')) {
        problems.push(`${label}: the field #${id} is not described by its error message "${messages[i]}"`);
      }
    }
    return messages;
  }

  /** Fills a step's fields by name, as completeAnswers gives them. */
  async function fillFields(form: Locator, fields: Record<string, string | string[]>): Promise<void> {
    for (const [name, value] of Object.entries(fields)) {
      const controls = form.locator(`[name="${name}"]`);
      assert.ok((await controls.count()) > 0, `the form on ${page.url()} has no field named ${name}`);
      const type = await controls.first().getAttribute('type');
      if (type === 'checkbox' || type === 'radio') {
        for (const v of [value].flat()) await form.locator(`[name="${name}"][value="${v}"]`).check();
      } else {
        await controls.fill(String(value));
      }
    }
  }

  /** Records a page wider than its window (WCAG 1.4.10: content reflows, only its tables scroll). */
  async function checkReflow(on: Page, path: string): Promise<void> {
    const { page: pageWidth, window: windowWidth } = await on
      .locator('html')
      .evaluate((html: DomElement & { scrollWidth: number; clientWidth: number }) => ({
        page: html.scrollWidth,
        window: html.clientWidth,
      }));
    if (pageWidth > windowWidth) problems.push(`${path}: the page is ${pageWidth} px wide in a ${windowWidth} px window`);
  }

  /** The element's text with white space collapsed, as one line. */
  async function textOf(locator: Locator): Promise<string> {
    return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  function stepForm(): Locator {
    return page.locator('main form[data-autosave]');
  }

  /**
   * Clicks a button and waits for the page that answers it. The upload forms' script may replace
   * the document in place instead of navigating, so this waits for a new, fully loaded document
   * rather than for a navigation.
   */
  async function press(name: string): Promise<void> {
    await page.locator('html').evaluate((html: DomElement) => {
      html.dataset.pressed = 'waiting';
    });
    await page.getByRole('button', { name, exact: true }).click();
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const answered = await page
        .locator('html')
        .evaluate((html: DomElement) => html.ownerDocument.readyState === 'complete' && html.dataset.pressed !== 'waiting', null, {
          timeout: 1000,
        })
        // The old document may go away while it is asked.
        .catch(() => false);
      if (answered) return;
      await page.waitForTimeout(50);
    }
    assert.fail(`pressing "${name}" on ${page.url()} brought no new page within 15 s`);
  }

  test('an applicant follows the call page’s Ansök link and logs in as a persona through the local identity provider', async () => {
    await page.goto(`${server.baseUrl}/utlysningar/${CALL_SLUG}`);
    await audit('call page');
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Ansök', exact: true }).click()]);
    assert.match(page.url(), /\/logga-in\?/);
    await audit('login choice');
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Logga in med e-legitimation' }).click()]);
    await audit('persona login');

    // Logging in without choosing a persona is an error state too.
    await press(idp.submit);
    await checkErrorSummary('persona login without a choice');
    await audit('persona login without a choice');

    await page.locator(`#persona-${PERSONA}`).check();
    await press(idp.submit);
    await page.waitForURL((url) => url.pathname === '/ansokningar/ny');
    assert.equal(new URL(page.url()).searchParams.get('utlysning'), CALL_SLUG, 'the login returns to the application the user started');
    await audit('new application');
    assertNoProblems();
  });

  test('creating the draft opens its first step, whose empty submission shows an error summary usable from the keyboard', async () => {
    await press(t.newCreate);
    const match = /^(\/ansokningar\/[0-9a-f-]{36})\/insatsen$/.exec(new URL(page.url()).pathname);
    assert.ok(match?.[1], `creating the draft led to ${page.url()}`);
    base = match[1];
    await audit('first step, empty');

    await press(t.saveAndContinue);
    assert.equal(new URL(page.url()).pathname, `${base}/insatsen`, 'an empty first step stays put');
    const messages = await checkErrorSummary('first step with errors');
    assert.ok(
      messages.some((m) => m.includes('Insatsens namn'.toLowerCase())),
      `no error for the title: ${messages.join(' | ')}`,
    );
    await audit('first step with errors');
    assertNoProblems();
  });

  test('the first step can be completed from the keyboard, in a sane focus order', async () => {
    await page.goto(`${server.baseUrl}${base}/insatsen`);
    // Skip link, then into main: the first form field Tab reaches is the first question.
    await page.keyboard.press('Tab');
    assert.equal((await focused()).className, 'govuk-skip-link');
    await page.keyboard.press('Enter');
    assert.equal((await focused()).id, 'main-content');

    const expected = await stepForm().evaluate((form: DomElement) =>
      [...form.querySelectorAll('input:not([type="hidden"]), textarea, select, button')].map(
        (el) => el.id || `${el.tagName}:${(el.textContent ?? '').trim()}`,
      ),
    );
    const reached: string[] = [];
    for (let i = 0; i < 80 && reached.length < expected.length; i++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      if (!now.inForm) continue;
      const key = now.id || `${now.tag}:${now.text}`;
      if (reached.at(-1) !== key) reached.push(key);
    }
    assert.equal(reached[0], fieldId('title'), 'Tab from main does not reach the first question first');
    assert.deepEqual(reached, expected, 'Tab does not move through the form in the order it reads');

    // Now fill the step from the keyboard alone and continue.
    const first = answers.insatsen as Record<string, string | string[]>;
    await page.reload();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await tabTo(fieldId('title'));
    await page.keyboard.type(String(first.title));
    await tabTo(fieldId('projectStart'));
    await page.keyboard.type(String(first.projectStart));
    await tabTo(fieldId('projectEnd'));
    await page.keyboard.type(String(first.projectEnd));
    for (const key of ['purposeCodes', 'targetGroupCodes']) {
      const ids = await stepForm()
        .locator(`input[name="${key}"]`)
        .evaluateAll(
          (boxes: DomElement[], wanted) => boxes.filter((b) => wanted.includes(b.value)).map((b) => b.id),
          [first[key]].flat() as string[],
        );
      assert.ok(ids.length > 0, `no checkbox for ${key} = ${String(first[key])}`);
      for (const id of ids) {
        await tabTo(id);
        await page.keyboard.press('Space');
      }
    }
    await tabTo(
      await page.getByRole('button', { name: t.saveAndContinue, exact: true }).evaluate((b) => {
        b.id ||= 'save-and-continue';
        return b.id;
      }),
    );
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).pathname, `${base}/bakgrund`, 'the keyboard-filled first step did not pass');
    assertNoProblems();
  });

  test('every step shows its guidance beside each question, its errors when sent empty, and passes when filled', async () => {
    // The first step is done; visit it again to check its guidance, then every other step in order.
    for (const step of steps) {
      await page.goto(`${server.baseUrl}${base}/${step.slug}`);
      const where = `step ${step.slug}`;
      const fields = answers[step.slug];
      assert.ok(fields, `completeAnswers has no answers for ${step.slug}`);

      if (step.intro) {
        assert.ok(
          (await textOf(page.locator('main .govuk-inset-text'))).includes(step.intro.text.sv),
          `${where}: the step's guidance is not shown`,
        );
      }
      for (const field of step.fields) {
        if (!field.guidance) continue;
        const id = fieldId(field.key);
        const guidance = page.locator(`#${id}-guidance`);
        assert.ok(await guidance.isVisible(), `${where}: no guidance beside ${field.key}`);
        assert.ok((await textOf(guidance)).includes(field.guidance.text.sv), `${where}: the guidance for ${field.key} is not its text`);
        assert.equal(
          await stepForm().locator(`[aria-describedby~="${id}-guidance"]`).count(),
          1,
          `${where}: the question ${field.key} does not refer to its guidance with aria-describedby`,
        );
        const question = await page.locator(`#${id}`).first().boundingBox();
        const aside = await guidance.boundingBox();
        assert.ok(
          question && aside && aside.x >= question.x + question.width,
          `${where}: the guidance for ${field.key} is not beside the question`,
        );
      }

      if (step.slug !== 'insatsen') {
        await audit(`${where}, empty`);
        await press(t.saveAndContinue);
        if (new URL(page.url()).pathname === `${base}/${step.slug}`) {
          await checkErrorSummary(`${where} with errors`);
          await audit(`${where} with errors`);
        } else {
          // A step without required answers (cooperation) passes empty; go back and fill it.
          assert.ok(
            step.fields.every((f) => !f.required),
            `${where}: sent empty, it went on to ${page.url()}`,
          );
          await page.goto(`${server.baseUrl}${base}/${step.slug}`);
        }
        await fillFields(stepForm(), fields);
      }
      await audit(`${where}, filled`);
      await press(t.saveAndContinue);
      const next = steps[steps.indexOf(step) + 1];
      const expected = next ? `${base}/${next.slug}` : base;
      if (new URL(page.url()).pathname !== expected) {
        const errors = await page.locator('main .govuk-error-summary').allInnerTexts();
        assert.fail(`${where}: filled in, it did not go on to ${expected} but stayed at ${page.url()}: ${errors.join(' ')}`);
      }
    }
    // After the last step the overview shows every part as done.
    await audit('overview');
    assert.ok(
      (await textOf(page.locator('main'))).includes(t.progress(steps.length, steps.length)),
      'the overview does not show every part done',
    );
    assertNoProblems();
  });

  test('autosave saves a changed answer and says so', {
    skip: existsSync(AUTOSAVE_SCRIPT) ? false : 'src/platform/assets/application-form.js (autosave) is not written yet',
  }, async () => {
    await page.goto(`${server.baseUrl}${base}/bakgrund`);
    const status = page.locator('[data-autosave-status]');
    const field = page.locator(`#${fieldId('involvement')}`);
    const changed = `${String(answers.bakgrund?.involvement)} Vi har också haft två öppna möten.`;
    await field.fill(changed);
    await page.locator(`#${fieldId('background')}`).focus();
    await status.filter({ hasText: t.autosaveSaved }).waitFor({ state: 'visible', timeout: 10_000 });
    await audit('step bakgrund after autosave');
    await page.reload();
    assert.equal(await page.locator(`#${fieldId('involvement')}`).inputValue(), changed, 'the autosaved answer is not kept');
    assertNoProblems();
  });

  test('an answer typed just before following a link away is saved, not lost with the autosave’s delay', async () => {
    await page.goto(`${server.baseUrl}${base}/bakgrund`);
    const changed = `${String(answers.bakgrund?.involvement)} Skrivet precis innan.`;
    await page.locator(`#${fieldId('involvement')}`).fill(changed);
    // At once, well inside the two seconds the autosave waits after the last key.
    await page.getByRole('link', { name: t.backToOverview, exact: true }).click();
    await page.waitForURL(`${server.baseUrl}${base}`);
    // The save may still be on its way as the overview loads: look again for a few seconds.
    let kept = '';
    for (const deadline = Date.now() + 5000; kept !== changed && Date.now() < deadline; ) {
      await page.goto(`${server.baseUrl}${base}/bakgrund`);
      kept = await page.locator(`#${fieldId('involvement')}`).inputValue();
    }
    assert.equal(kept, changed, 'the answer typed last was lost');
    assertNoProblems();
  });

  test('the budget’s total follows the costs typed once they are autosaved', {
    skip: existsSync(AUTOSAVE_SCRIPT) ? false : 'src/platform/assets/application-form.js (autosave) is not written yet',
  }, async () => {
    await page.goto(`${server.baseUrl}${base}/budget`);
    const status = page.locator('[data-autosave-status]');
    const total = page.locator('#budget-total');
    const before = await textOf(total);
    const travel = page.locator(`#${fieldId('cost.travel')}`);
    await travel.fill('2 500,50 kr');
    try {
      await status.filter({ hasText: t.autosaveSaved }).waitFor({ state: 'visible', timeout: 10_000 });
      const shown = await textOf(total);
      assert.match(shown, /122\s500,50\skr/, `the total still reads "${shown}" (it read "${before}")`);
    } finally {
      // Back as it was, so the budget still adds up for the submission.
      await travel.fill('');
      await total.filter({ hasText: before }).waitFor({ timeout: 10_000 });
      await status.filter({ hasText: t.autosaveSaved }).waitFor({ state: 'visible', timeout: 10_000 });
    }
    assertNoProblems();
  });

  test('saving while an autosave is under way waits for it instead of conflicting with it', {
    skip: existsSync(AUTOSAVE_SCRIPT) ? false : 'src/platform/assets/application-form.js (autosave) is not written yet',
  }, async () => {
    await page.goto(`${server.baseUrl}${base}/bakgrund`);
    const status = page.locator('[data-autosave-status]');
    // The autosave reaches the server, which saves it, but its answer is held back until the button
    // has been pressed: the form on the page still carries the version the autosave replaced.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/autospara/**', async (route) => {
      const response = await route.fetch();
      await held;
      // The page may have moved on (as it did before the fix), leaving nothing to answer.
      await route.fulfill({ response }).catch(() => {});
    });
    const changed = `${String(answers.bakgrund?.involvement)} Och en studiecirkel.`;
    await page.locator(`#${fieldId('involvement')}`).fill(changed);
    await status.filter({ hasText: t.autosaveSaving }).waitFor({ state: 'visible', timeout: 10_000 });
    setTimeout(release, 500);
    await press(t.save);
    await page.unroute('**/autospara/**');
    assert.ok(!(await textOf(page.locator('main'))).includes(t.conflictTitle), 'the save conflicted with its own autosave');
    assert.equal(await page.locator(`#${fieldId('involvement')}`).inputValue(), changed);
    assertNoProblems();
  });

  test('typing that autosaves keeps the idle-timeout warning away, and the warning takes nobody’s typing', async () => {
    // A page of its own with a fake clock (the session is the same): 30 idle minutes pass in moments.
    const timed = await context.newPage();
    try {
      await timed.clock.install();
      await timed.goto(`${server.baseUrl}${base}/bakgrund`);
      const warning = timed.getByText('Du loggas snart ut');
      const field = timed.locator(`#${fieldId('involvement')}`);
      // 27 of the 30 idle minutes pass; then the applicant types, and the autosave renews the session.
      await timed.clock.fastForward('27:00');
      await field.fill(`${String(answers.bakgrund?.involvement)} Tillagt efter en paus.`);
      await timed.clock.fastForward(3000);
      await timed.locator('[data-autosave-status]').filter({ hasText: t.autosaveSaved }).waitFor({ state: 'visible', timeout: 10_000 });
      // Past the warning time counted from the page's load (28 minutes): no warning.
      await timed.clock.fastForward('02:00');
      assert.equal(await warning.count(), 0, 'warned of inactivity just after an autosave');
      // Idle long enough after the autosave, the warning comes, and the field keeps the focus.
      await field.focus();
      await timed.clock.fastForward('26:00');
      await warning.waitFor({ state: 'visible', timeout: 5000 });
      assert.ok(
        await field.evaluate((el: DomElement) => el.ownerDocument.activeElement === el),
        'the warning took the focus from the field being typed in',
      );
    } finally {
      await timed.close();
    }
    assertNoProblems();
  });

  test('the attachments page takes the signatory certificate and the partner’s certificate', async () => {
    await page.goto(`${server.baseUrl}${base}/bilagor`);
    await audit('attachments, none');
    assert.equal(await page.locator('[data-upload-bar]').isVisible(), false, 'the upload bar shows before any upload');

    await press(t.upload);
    await checkErrorSummary('attachments, sent empty');
    await audit('attachments, sent empty');

    await page.locator('input[name="kind"][value="signatoryCertificate"]').check();
    await page
      .locator('#file')
      .setInputFiles({ name: 'intyg-firmatecknare.pdf', mimeType: 'application/pdf', buffer: samplePdf('Firmatecknare') });
    await press(t.upload);
    assert.equal(new URL(page.url()).pathname, `${base}/bilagor`);
    assert.ok((await textOf(page.locator('main table'))).includes('intyg-firmatecknare.pdf'), 'the uploaded file is not listed');
    await audit('attachments, one file');

    // Which partner is asked only while a partner certificate is chosen.
    assert.equal(await page.locator('#partnerIndex').isVisible(), false, 'the partner choice shows before its kind is chosen');
    await page.locator('input[name="kind"][value="partnerCertificate"]').check();
    assert.ok(await page.locator('#partnerIndex').isVisible(), 'choosing a partner certificate does not reveal the partner choice');
    await page.locator('input[name="kind"][value="projectPlan"]').check();
    assert.equal(await page.locator('#partnerIndex').isVisible(), false, 'the partner choice stays after another kind is chosen');
    // One partner receives money: it is chosen already. Without a partner, a certificate is an error state.
    await page.locator('input[name="kind"][value="partnerCertificate"]').check();
    assert.equal(await page.locator('#partnerIndex').inputValue(), '0', 'the only partner is not chosen already');
    await page.locator('#partnerIndex').selectOption('');
    await press(t.upload);
    await checkErrorSummary('attachments, partner not chosen');
    await audit('attachments, partner not chosen');
    assert.ok(
      await page.locator('input[name="kind"][value="partnerCertificate"]').isChecked(),
      'the refused upload did not keep the chosen kind',
    );

    await page.locator('#partnerIndex').selectOption('0');
    await page
      .locator('#file')
      .setInputFiles({ name: 'intyg-samverkanspart.pdf', mimeType: 'application/pdf', buffer: samplePdf('Samverkanspart') });
    await press(t.upload);
    const table = await textOf(page.locator('main table'));
    assert.ok(table.includes('intyg-firmatecknare.pdf') && table.includes('intyg-samverkanspart.pdf'), `the table lists:\n${table}`);
    assert.ok(table.includes(`${t.kindPartnerCertificate}: Föreningen Mötesplats`), 'the partner certificate is not tied to the partner');
    await audit('attachments, both certificates');
    assertNoProblems();
  });

  test('with the upload script, a refused upload focuses its error summary and a stored one says so', async () => {
    await page.goto(`${server.baseUrl}${base}/bilagor`);
    // A file but no kind: the script sends it and shows the server's answer.
    await page.locator('#file').setInputFiles({ name: 'projektplan.pdf', mimeType: 'application/pdf', buffer: samplePdf('Projektplan') });
    await press(t.upload);
    await checkErrorSummary('attachments, file sent without a kind');
    await audit('attachments, file sent without a kind');

    await page.goto(`${server.baseUrl}${base}/bilagor`);
    await page.locator('input[name="kind"][value="projectPlan"]').check();
    await page.locator('#file').setInputFiles({ name: 'projektplan.pdf', mimeType: 'application/pdf', buffer: samplePdf('Projektplan') });
    await press(t.upload);
    if (!(await textOf(page.locator('main'))).includes(t.uploaded('projektplan.pdf'))) {
      problems.push(`${page.url()}: no notice that the file was uploaded`);
    }
    const focused = await page.evaluate(() => {
      const active = (globalThis as unknown as { document: DomElement['ownerDocument'] }).document.activeElement;
      return active?.getAttribute('data-notice') === null ? active.tagName : active?.textContent;
    });
    if (!focused?.includes(t.uploaded('projektplan.pdf'))) {
      problems.push(`${page.url()}: the notice of the upload does not have the focus (${focused})`);
    }
    assertNoProblems();
  });

  test('the review page asks for the confirmations, then submitting gives a registry number', async () => {
    await page.goto(`${server.baseUrl}${base}`);
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: t.reviewTask }).click()]);
    assert.equal(new URL(page.url()).pathname, `${base}/skicka-in`);
    await audit('review');
    assert.ok(
      (await textOf(page.locator('main'))).includes(t.signatoryCertificateAttached),
      'the review does not see the signatory certificate',
    );

    await press(t.submit);
    const messages = await checkErrorSummary('review without confirmations');
    const boxes = await page.locator('main input[name^="confirm."]').count();
    // With a partner in the answers, § 37 a asks for all three confirmations.
    assert.equal(boxes, Object.keys(confirmations).length, 'the review does not ask for every confirmation');
    assert.equal(messages.length, boxes, `only the confirmations should be missing: ${messages.join(' | ')}`);
    await audit('review without confirmations');

    for (const c of Object.values(confirmations)) await page.locator(`#${fieldId(c.key)}`).check();
    await press(t.submit);
    assert.equal(new URL(page.url()).pathname, `${base}/kvitto`, `submitting led to ${page.url()}`);
    registryNumber = await textOf(page.locator('main .govuk-panel__body strong'));
    assert.match(registryNumber, /^\d+-\d+-\d{4}$/, 'the receipt shows no registry number');
    assert.ok((await textOf(page.locator('main'))).includes('Länsstyrelsen'), 'the receipt does not name the board');
    await audit('receipt');
    assertNoProblems();
  });

  test('the PDF receipt downloads and shows the registry number', async () => {
    assert.ok(registryNumber, 'no registry number from the submission');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t.receiptPdf }).click()]);
    assert.equal(download.suggestedFilename(), `kvitto-${registryNumber}.pdf`);
    const path = await download.path();
    const pdf = readFileSync(path);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = pdfPages(pdf).join('\n');
    assert.ok(text.includes(registryNumber), 'the PDF receipt does not show the registry number');
    assert.ok(text.includes('intyg-firmatecknare.pdf'), 'the PDF receipt does not list the attachments');
    assertNoProblems();
  });

  test('a supplement with a statement and a file is registered under the same registry number', async () => {
    await page.goto(`${server.baseUrl}${base}`);
    await audit('submitted application');

    await press(t.supplementSend);
    await checkErrorSummary('supplement, sent empty');
    await audit('supplement, sent empty');

    const statement = 'Vi bifogar det undertecknade samverkansavtalet.';
    await page.locator('#statement').fill(statement);
    await page.locator('#file').setInputFiles({ name: 'samverkansavtal.pdf', mimeType: 'application/pdf', buffer: samplePdf('Avtal') });
    await press(t.supplementSend);
    assert.equal(new URL(page.url()).pathname, base, `sending the supplement led to ${page.url()}`);
    const main = await textOf(page.locator('main'));
    assert.ok(main.includes(statement) && main.includes('samverkansavtal.pdf'), 'the supplement is not listed');
    assert.ok(main.includes(registryNumber), 'the page no longer shows the registry number');
    const [entry] = await server.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM registry_documents d JOIN registry_cases c ON c.id = d.case_id
        WHERE c.id = (SELECT registry_case_id FROM applications WHERE id = $1)`,
      [base.split('/').at(-1)],
    );
    assert.equal(entry?.n, 2, 'the application and its supplement are not two documents in the same registry case');
    await audit('submitted application with a supplement');
    assertNoProblems();
  });

  test('with the upload script, a supplement sent with a file says it was sent', async () => {
    await page.goto(`${server.baseUrl}${base}`);
    await page.locator('#statement').fill('Här kommer även protokollet från styrgruppen.');
    await page.locator('#file').setInputFiles({ name: 'protokoll.pdf', mimeType: 'application/pdf', buffer: samplePdf('Protokoll') });
    await press(t.supplementSend);
    assert.equal(new URL(page.url()).pathname, base);
    assert.ok((await textOf(page.locator('main'))).includes(t.supplementSent), 'no notice that the supplement was sent');
    assertNoProblems();
  });

  test('an e-mail address in the wrong format on Mina sidor shows an error summary whose link leads to the field it describes', async () => {
    await page.goto(`${server.baseUrl}/mina-sidor/profil`);
    await page.locator('#email').fill('inte-en-adress');
    await press(identity.emailSubmit);
    const messages = await checkErrorSummary('profile, e-mail in the wrong format');
    assert.deepEqual(messages, [identity.emailInvalid]);
    assert.equal(await page.locator('#email').inputValue(), 'inte-en-adress', 'the address typed is kept');
    await audit('profile, e-mail in the wrong format');
    assertNoProblems();
  });

  test('at 320 px wide, the submitted application and Mina sidor reflow; their tables scroll on their own', async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    try {
      for (const path of [base, `${base}/kvitto`, '/mina-sidor']) {
        await page.goto(`${server.baseUrl}${path}`);
        await checkReflow(page, path);
        await audit(`${path} at 320 px`);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    assertNoProblems();
  });

  test('at 320 px wide, the staff start page and the registry holding the application reflow', async () => {
    const staff = await browser.newContext({ viewport: { width: 320, height: 900 }, locale: 'sv-SE' });
    try {
      const staffPage = await staff.newPage();
      await staffPage.goto(`${server.baseUrl}/logga-in/personal?tillbaka=${encodeURIComponent('/handlaggning')}`);
      await staffPage.locator('#persona-administrator').check();
      await Promise.all([
        staffPage.waitForURL((url) => url.pathname === '/handlaggning'),
        staffPage.getByRole('button', { name: idp.submit }).click(),
      ]);
      for (const path of ['/handlaggning', '/handlaggning/diarium?myndighet=05']) {
        await staffPage.goto(`${server.baseUrl}${path}`);
        if (path.includes('diarium'))
          assert.ok((await textOf(staffPage.locator('main'))).includes(registryNumber), 'the registry lacks the case');
        await checkReflow(staffPage, path);
      }
    } finally {
      await staff.close();
    }
    assertNoProblems();
  });
});
