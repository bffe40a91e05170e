import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { pdfInfo, pdfPages } from '../../platform/pdf/poppler.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const get = (url: string, lang: 'sv' | 'en' = 'sv') => t.app.inject({ method: 'GET', url, cookies: { lang } });
const headings = (html: string, level: number) =>
  [...html.matchAll(new RegExp(`<h${level}[^>]*>([^<]*)</h${level}>`, 'g'))].map((m) => m[1] ?? '');

test('shows the six parts of a project plan from Örebro’s guidance, in order, with the source named', async () => {
  const res = await get('/vagledning');
  assert.equal(res.statusCode, 200);
  const h3 = headings(res.body, 3);
  const plan = ['Bakgrund och behov', 'Syften och mål', 'Organisation', 'Tidplan', 'Genomförande', 'Resurser'];
  assert.deepEqual(h3.slice(0, 6), plan);
  assert.match(res.body, /Beskriv bakgrunden till insatsen och vilka behov som insatsen vill tillgodose\./);
  assert.match(
    res.body,
    /Källa: Länsstyrelsen i Örebro län, sidan ”Utveckla verksamhet med flyktingguider och familjekontakter”, avsnittet ”Viktiga delar i planeringen”/,
  );
});

test('shows Västra Götaland’s support for applicants, the assessment criteria and what follows a grant', async () => {
  const { body } = await get('/vagledning');
  for (const heading of ['Målgruppsanalys', 'Samverkan', 'Syfte &amp; mål', 'Tidsplan'])
    assert.ok(headings(body, 3).includes(heading), heading);
  assert.match(body, /att insatsen tar hänsyn till barn- och jämställdhetsperspektivet samt tillgänglighetsaspekter/);
  assert.match(
    body,
    /Alla ansökningar granskas utifrån ett jämställdhetsperspektiv, barnperspektiv och möjlighet för alla ur målgruppen att delta\./,
  );
  assert.match(body, /utdrag ur huvudboken ska bifogas slutrapporten/);
  assert.match(body, /Mottagare av medel är återbetalningsskyldig/);
  assert.match(body, /avsnittet ”Bedömning”/);
  assert.match(body, /href="\/vagledning\/checklistor"/);
});

test('shows both checklists, each saying it is built on the target-group analysis points', async () => {
  const res = await get('/vagledning/checklistor');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(headings(res.body, 2).slice(0, 2), ['Checklista för jämställdhetsperspektivet', 'Checklista för barnperspektivet']);
  const sentence = 'Checklistan bygger på punkterna under Målgruppsanalys i Länsstyrelsen Västra Götalands stöd för sökande';
  assert.equal(res.body.split(sentence).length - 1, 2);
  assert.match(res.body, /id="jamstalldhetsperspektivet"/);
  assert.match(res.body, /id="barnperspektivet"/);
  assert.match(res.body, /Ingår en prövning av barnets bästa i er analys\?/);
  assert.match(res.body, /\(punkt 2 under Målgruppsanalys\)/);
});

test('renders the guidance in English with a note that the Swedish text applies', async () => {
  const res = await get('/vagledning', 'en');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<html lang="en"/);
  assert.ok(headings(res.body, 3).includes('Background and needs'));
  assert.match(res.body, /the Swedish text applies/);
});

const templateUrls = {
  signatory: { sv: '/vagledning/mallar/intyg-firmatecknare.pdf', en: '/vagledning/mallar/signatory-certificate.pdf' },
  partner: { sv: '/vagledning/mallar/intyg-samverkanspart.pdf', en: '/vagledning/mallar/partner-certificate.pdf' },
};

test('links the certificate templates from the guidance page', async () => {
  const { body } = await get('/vagledning');
  assert.match(body, /<a class="govuk-link" href="\/vagledning\/mallar">mallar för intyg<\/a>/);
});

test('lists both certificate templates, each with its Swedish and English PDF and its sources', async () => {
  const res = await get('/vagledning/mallar');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(headings(res.body, 1), ['Mallar för intyg']);
  assert.deepEqual(headings(res.body, 2).slice(0, 2), ['Intyg firmatecknare', 'Intyg samverkanspart']);
  for (const urls of Object.values(templateUrls)) {
    assert.match(res.body, new RegExp(`href="${urls.sv}" hreflang="sv" download="">`));
    assert.match(res.body, new RegExp(`href="${urls.en}" hreflang="en" download="">`));
  }
  assert.match(res.body, />Intyg firmatecknare på svenska \(pdf\)</);
  assert.match(res.body, />Intyg samverkanspart i engelsk översättning \(pdf\)</);
  assert.match(res.body, /Kommunalförbund kan söka § 37-medel men inte § 37 a-medel\./);
  assert.match(
    res.body,
    /Källa: Länsstyrelsen Västra Götaland, sidan ”Bidrag för flyktingguider och familjekontakter”, avsnittet ”Ansökan”/,
  );
  assert.match(
    res.body,
    /Källa: Länsstyrelsen i Örebro län, sidan ”Utveckla verksamhet med flyktingguider och familjekontakter”, avsnittet ”Ansök om bidrag”/,
  );
});

test('lists the templates in English with the note that the Swedish text applies', async () => {
  const res = await get('/vagledning/mallar', 'en');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<html lang="en"/);
  assert.deepEqual(headings(res.body, 1), ['Certificate templates']);
  assert.match(res.body, />Signatory certificate \(Intyg firmatecknare\), in Swedish \(PDF\)</);
  assert.match(res.body, />Partner certificate \(Intyg samverkanspart\), English translation \(PDF\)</);
  assert.match(res.body, /the Swedish text applies/);
});

async function download(url: string) {
  const res = await t.app.inject({ method: 'GET', url });
  assert.equal(res.statusCode, 200, url);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.equal(res.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.equal(res.headers['content-disposition'], `attachment; filename="${url.split('/').at(-1)}"`);
  assert.equal(res.headers['cache-control'], 'public, max-age=86400');
  // Lines are joined with spaces so that a phrase may wrap.
  return { res, pdf: res.rawPayload, text: pdfPages(res.rawPayload).join(' ').replace(/\s+/g, ' ') };
}

test('downloads the signatory certificate as a PDF with its certification and fill-in lines', async () => {
  const { pdf, text } = await download(templateUrls.signatory.sv);
  for (const expected of [
    'Intyg firmatecknare',
    'förordningen (2010:1122) om statlig ersättning för insatser för vissa utlänningar, § 37 eller § 37 a',
    'Kommunalförbund kan söka § 37-medel men inte § 37 a-medel.',
    'Kommun eller kommunalförbund',
    'Organisationsnummer',
    '§ 37 a – flyktingguider och familjekontakter',
    'Insatsens namn',
    'Diarienummer, om det är känt',
    'ansökan om bidrag för insatsen ovan lämnas in med mitt godkännande',
    'Ort och datum',
    'Underskrift',
    'Namnförtydligande',
    'Befattning',
    'Sida 1 av',
  ]) {
    assert.ok(text.includes(expected), `missing: ${expected}`);
  }
  const info = pdfInfo(pdf);
  assert.equal(info.Title, 'Intyg firmatecknare');
  assert.equal(info.Tagged, 'yes');
  assert.equal(info.JavaScript, 'no');
});

test('downloads the partner certificate with its participation and whether it receives money from the grant', async () => {
  const { text } = await download(templateUrls.partner.sv);
  for (const expected of [
    'Intyg samverkanspart',
    'Organisationens namn',
    'Sökande kommun eller kommunalförbund',
    'Organisationens roll och vad den gör i insatsen',
    'Tar organisationen del av medlen från bidraget?',
    'Ja',
    'Nej',
    'den medverkar aktivt i insatsen i samverkan med den sökande',
    'Namnförtydligande',
  ]) {
    assert.ok(text.includes(expected), `missing: ${expected}`);
  }
});

test('downloads both templates in English translation', async () => {
  const signatory = await download(templateUrls.signatory.en);
  assert.ok(signatory.text.includes('Signatory certificate (Intyg firmatecknare)'));
  assert.ok(signatory.text.includes('If they differ, the Swedish template applies.'));
  assert.ok(signatory.text.includes('Name in block letters'));
  assert.ok(signatory.text.includes('Page 1 of'));
  const partner = await download(templateUrls.partner.en);
  assert.ok(partner.text.includes('Does the organisation receive part of the grant?'));
  assert.equal(pdfInfo(partner.pdf).Title, 'Partner certificate (Intyg samverkanspart)');
});

test('serves the same bytes on every request and answers 304 to a matching ETag', async () => {
  const first = await download(templateUrls.signatory.sv);
  const second = await download(templateUrls.signatory.sv);
  assert.ok(first.pdf.equals(second.pdf));
  const etag = String(first.res.headers.etag);
  assert.match(etag, /^"[\w-]{43}"$/);
  const revalidated = await t.app.inject({ method: 'GET', url: templateUrls.signatory.sv, headers: { 'if-none-match': `W/${etag}` } });
  assert.equal(revalidated.statusCode, 304);
  assert.equal(revalidated.rawPayload.length, 0);
  const other = await t.app.inject({ method: 'GET', url: templateUrls.partner.sv, headers: { 'if-none-match': etag } });
  assert.equal(other.statusCode, 200);
});

test('keeps each certification with its signature lines on one page, and the Swedish signatory certificate on one page', async () => {
  for (const [url, heading, lastField] of [
    [templateUrls.signatory.sv, 'Firmatecknarens intygande', 'Befattning'],
    [templateUrls.partner.sv, 'Samverkanspartens intygande', 'Befattning'],
    [templateUrls.signatory.en, 'Signatory’s certification', 'Position'],
    [templateUrls.partner.en, 'Partner’s certification', 'Position'],
  ] as const) {
    const pages = pdfPages((await download(url)).pdf);
    const pageOf = (text: string) => pages.findIndex((page) => page.includes(text));
    assert.notEqual(pageOf(heading), -1, url);
    assert.equal(pageOf(heading), pageOf(lastField), url);
  }
  assert.equal(pdfPages((await download(templateUrls.signatory.sv)).pdf).length, 1);
});
