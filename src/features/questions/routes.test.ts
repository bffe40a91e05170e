import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { stockholmDateOf } from '../../platform/format.ts';
import { pdfPages } from '../../platform/pdf/poppler.ts';
import { confirmations, costCategories, fieldFor, steps } from '../applications/form.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const get = (url: string, lang: 'sv' | 'en' = 'sv') => t.app.inject({ method: 'GET', url, cookies: { lang } });

/** HTML text as a reader sees it: tags dropped, entities decoded, white space collapsed. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const collapse = (text: string) => text.replace(/\s+/g, ' ');
const fields = steps.flatMap((step) => step.fields);
// The page lists the options of the current year in Stockholm.
const year = Number(stockholmDateOf(new Date()).slice(0, 4));

for (const [lang, programme] of [
  ['sv', 's37a'],
  ['en', 's37a'],
  ['sv', 's37'],
] as const) {
  test(`lists every step and question of the ${programme} form with its hint, guidance and source (${lang})`, async () => {
    const res = await get(`/ansokan/fragor?bidrag=${programme}`, lang);
    assert.equal(res.statusCode, 200);
    const text = visibleText(res.body);
    for (const step of steps) {
      assert.ok(text.includes(step.title[lang]), `step ${step.key}`);
      if (step.intro) {
        assert.ok(text.includes(collapse(step.intro.text[lang])), `intro of ${step.key}`);
        assert.ok(text.includes(step.intro.source), `source of the intro of ${step.key}`);
      }
    }
    for (const field of fields.map((f) => fieldFor(f, programme))) {
      assert.ok(text.includes(field.label[lang]), `question ${field.key}`);
      if (field.hint) assert.ok(text.includes(field.hint[lang]), `hint of ${field.key}`);
      if (field.guidance) {
        assert.ok(text.includes(collapse(field.guidance.text[lang])), `guidance of ${field.key}`);
        assert.ok(text.includes(collapse(field.guidance.source)), `source of the guidance of ${field.key}`);
      }
      if (field.kind === 'rows')
        for (const column of field.columns) assert.ok(text.includes(column.label[lang]), `${field.key}.${column.key}`);
    }
  });
}

test("does not show § 37 a's purposes as guidance on the § 37 form", async () => {
  const purposes = fields.find((f) => f.key === 'purposeCodes');
  const s37aGuidance = collapse(purposes?.guidance?.text.sv ?? 'missing');
  assert.ok(visibleText((await get('/ansokan/fragor?bidrag=s37a')).body).includes(s37aGuidance));
  assert.ok(!visibleText((await get('/ansokan/fragor?bidrag=s37')).body).includes(s37aGuidance));
});

test('shows the steps in the order of the form, as numbered sections under the h1', async () => {
  const { body } = await get('/ansokan/fragor?bidrag=s37a');
  const positions = steps.map((step) => body.indexOf(`<h2 class="govuk-heading-m" id="steg-${step.slug}">`));
  assert.ok(
    positions.every((p) => p > 0),
    String(positions),
  );
  assert.deepEqual(
    positions,
    [...positions].sort((a, b) => a - b),
  );
  assert.match(body, /<span class="govuk-caption-m">Steg 1 av 8<\/span>/);
  const headings = [...body.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
  assert.equal(headings[0], 1);
  for (const [i, level] of headings.entries()) {
    if (i > 0) assert.ok(level <= (headings[i - 1] ?? 1) + 1, `h${level} after h${headings[i - 1]}`);
  }
});

test('marks which questions are required and describes the answer', async () => {
  const text = visibleText((await get('/ansokan/fragor?bidrag=s37a')).body);
  assert.ok(text.includes('Insatsens namn Ett kort namn som beskriver insatsen. Obligatorisk fråga. Kort text, högst 200 tecken.'), text);
  assert.ok(text.includes('Egen finansiering'));
  assert.match(text, /Samverkansparter .*Frivillig fråga\. Högst 20 rader\./);
  assert.match(text, /Organisationsnummer Organisationsnummer \(10 siffror, NNNNNN-NNNN\) Nej/);
});

test('lists the budget categories in one table', async () => {
  const { body } = await get('/ansokan/fragor?bidrag=s37a');
  const table = /<caption[^>]*>Kostnader per kostnadsslag<\/caption>[\s\S]*?<\/table>/.exec(body)?.[0] ?? '';
  for (const category of costCategories)
    assert.ok(table.includes(`<th scope="row" class="govuk-table__header">${category.label.sv}</th>`), category.key);
});

test('lists the purposes and target groups of the current year and names the year', async () => {
  const s37a = visibleText((await get('/ansokan/fragor?bidrag=s37a')).body);
  assert.ok(s37a.includes(`Alternativ som går att välja för ansökningar ${year}:`));
  assert.ok(s37a.includes('Skapa nätverk'));
  assert.ok(s37a.includes('Personer på flykt från Ukraina som omfattas av massflyktsdirektivet'));
  assert.ok(!s37a.includes('Nyanlända personer med uppehållstillstånd'), 'a § 37 target group on the § 37 a page');

  const s37 = visibleText((await get('/ansokan/fragor?bidrag=s37', 'en')).body);
  assert.ok(s37.includes('Newly arrived people with a residence permit'));
  assert.ok(!s37.includes('Build networks'), 'a § 37 a purpose on the § 37 page');
});

test('asks § 37 a applicants for the confirmations, the participation one only with partners', async () => {
  const s37a = visibleText((await get('/ansokan/fragor?bidrag=s37a')).body);
  const always = s37a.indexOf('Innan ni skickar in ansökan bekräftar ni att:');
  const withPartners = s37a.indexOf('Om insatsen genomförs i samverkan med en eller flera samverkansparter bekräftar ni också att:');
  assert.ok(always > 0 && withPartners > always);
  assert.ok(s37a.indexOf(confirmations.notForProfit.label.sv) > always);
  assert.ok(s37a.indexOf(confirmations.notForProfit.label.sv) < withPartners);
  assert.ok(s37a.indexOf(confirmations.municipalityParticipates.label.sv) > withPartners);

  const s37 = visibleText((await get('/ansokan/fragor?bidrag=s37')).body);
  assert.ok(s37.includes('Ansökan om det här bidraget har inga bekräftelser att kryssa i.'));
  assert.ok(!s37.includes(confirmations.notForProfit.label.sv));
});

test('lists the attachments and links the certificate templates, the PDF and the other programme', async () => {
  const { body } = await get('/ansokan/fragor?bidrag=s37');
  const text = visibleText(body);
  assert.ok(text.includes('Intyg firmatecknare : krävs, om inte en firmatecknare i er organisation godkänner ansökan i e-tjänsten'), text);
  assert.ok(text.includes('Intyg samverkanspart : ett för varje samverkanspart som tar del av medlen'));
  assert.ok(text.includes('Projektplan : frivillig'));
  assert.match(body, /<a class="govuk-link" href="\/vagledning\/mallar">mallar för intyg<\/a>/);
  assert.match(body, /href="\/ansokan\/fragor\.pdf\?bidrag=s37"/);
  assert.match(body, /<a class="govuk-link" href="\/ansokan\/fragor\?bidrag=s37a">Bidrag för flyktingguider och familjekontakter<\/a>/);
  assert.match(body, /href="\/ansokan\/fragor\?bidrag=s37" aria-current="page"/);
  assert.doesNotMatch(body, /<a [^>]*>\s*<\/a>/, 'an empty link');
});

test('shows the first programme without ?bidrag= and answers 404 for an unknown one', async () => {
  const plain = await get('/ansokan/fragor');
  assert.equal(plain.statusCode, 200);
  assert.match(plain.body, /aria-current="page"[^>]*>Bidrag för flyktingguider och familjekontakter</);
  assert.equal((await get('/ansokan/fragor?bidrag=s99')).statusCode, 404);
  assert.equal((await get('/ansokan/fragor?bidrag=s37a&bidrag=s37')).statusCode, 404);
  assert.equal((await get('/ansokan/fragor.pdf?bidrag=s99')).statusCode, 404);
});

test('is served from the page cache on the second request', async () => {
  const first = await get('/ansokan/fragor', 'en');
  const second = await get('/ansokan/fragor', 'en');
  assert.equal(first.headers['x-page-cache'], 'miss');
  assert.equal(second.headers['x-page-cache'], 'hit');
  assert.equal(second.body, first.body);
});

for (const code of ['s37a', 's37'] as const) {
  test(`gives the questions of ${code} as an identical PDF download with every question`, async () => {
    const first = await get(`/ansokan/fragor.pdf?bidrag=${code}`);
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['content-type'], 'application/pdf');
    assert.equal(first.headers['content-disposition'], `attachment; filename="fragor-i-ansokan-${code}.pdf"`);
    assert.equal(first.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    // Rendered anew, not taken from the instance's memory.
    t.app.publicContent.changed();
    const second = await get(`/ansokan/fragor.pdf?bidrag=${code}`);
    assert.ok(first.rawPayload.equals(second.rawPayload), 'two requests gave different bytes');

    const text = collapse(pdfPages(first.rawPayload).join('\n'));
    for (const step of steps) assert.ok(text.includes(step.title.sv), `step ${step.key}`);
    for (const field of fields) {
      assert.ok(text.includes(field.label.sv), `question ${field.key}`);
      if (field.guidance) assert.ok(text.includes(collapse(field.guidance.source)), `source of ${field.key}`);
    }
    assert.ok(text.includes(`Alternativen gäller ansökningar ${year}.`));
    assert.ok(text.includes('Intyg firmatecknare'));
    assert.ok(text.includes(`på sidan Mallar för intyg: ${t.config.publicUrl}/vagledning/mallar`));
    assert.equal(text.includes(confirmations.municipalityParticipates.label.sv), code === 's37a');
  });
}

test('gives the PDF in English to an English visitor', async () => {
  const res = await get('/ansokan/fragor.pdf?bidrag=s37a', 'en');
  assert.equal(res.headers['content-disposition'], 'attachment; filename="application-questions-s37a.pdf"');
  const text = collapse(pdfPages(res.rawPayload).join('\n'));
  for (const field of fields) assert.ok(text.includes(field.label.en), `question ${field.key}`);
  assert.ok(text.includes('(applies only if the project has cooperation partners)'));
});
