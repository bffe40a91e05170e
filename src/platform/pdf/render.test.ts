import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PdfBlock, PdfDocumentModel } from './model.ts';
import { pdfInfo, pdfPages, pdfStructure } from './poppler.ts';
import { renderPdf } from './render.ts';

const swedish = 'Räksmörgås på Öland – “Intyg” enligt § 37 a, café och ÅÄÖ';

const sample: PdfDocumentModel = {
  title: 'Intyg firmatecknare',
  subtitle: 'Bilaga till ansökan',
  lang: 'sv',
  meta: { author: 'Bidragsportalen', subject: 'Mall' },
  blocks: [
    { kind: 'paragraph', text: swedish },
    { kind: 'heading', level: 1, text: 'Sökande' },
    { kind: 'keyValue', items: [{ label: 'Organisation', value: 'Linköpings kommun' }] },
    { kind: 'list', items: ['Första punkten', 'Andra punkten'] },
    { kind: 'note', tone: 'warning', title: 'Observera', text: 'Kommunalförbund kan inte söka § 37 a-medel.' },
    { kind: 'table', header: ['Post', 'Belopp'], widths: [3, 1], rows: [['Lokalhyra', '12 000 kr']] },
    { kind: 'fillIn', label: 'Ort och datum' },
    { kind: 'choice', label: 'Tar organisationen del av medlen?', options: ['Ja', 'Nej'] },
  ],
};

/** The PDF outside its streams: dictionaries, trailer and metadata names, where actions would be. */
function objectSyntax(pdf: Buffer): string {
  return pdf.toString('latin1').replace(/stream\r?\n[\s\S]*?endstream/g, 'stream endstream');
}

const paragraphs = (count: number): PdfBlock[] =>
  Array.from({ length: count }, (_, i) => ({
    kind: 'paragraph',
    text: `Stycke ${i + 1}. ${'Insatsen genomförs i samverkan med en eller flera organisationer och redovisas i en slutrapport. '.repeat(6)}`,
  }));

test('renders identical bytes for identical input, also a second later', async () => {
  const first = await renderPdf(sample);
  await sleep(1_100);
  const second = await renderPdf(structuredClone(sample));
  assert.ok(first.equals(second), 'the two renderings differ');
  const syntax = objectSyntax(first);
  assert.match(syntax, /\/CreationDate \(D:19700101000000Z\)|\/CreationDate \d+ 0 R/);
  assert.match(syntax, /\/ID \[<([0-9a-f]{32})> <\1>\]/);
  assert.equal(pdfInfo(first).CreationDate, 'Thu Jan  1 00:00:00 1970 UTC');
});

test('takes its dates from the model, and the file ID changes with them', async () => {
  const dated = await renderPdf({ ...sample, meta: { ...sample.meta, date: new Date('2025-03-01T09:30:00Z') } });
  const undated = await renderPdf(sample);
  assert.ok(!dated.equals(undated));
  const idOf = (pdf: Buffer) => /\/ID \[<([0-9a-f]{32})>/.exec(objectSyntax(pdf))?.[1];
  assert.notEqual(idOf(dated), idOf(undated));
  assert.match(pdfInfo(dated).ModDate ?? '', /Sat Mar {2}1 09:30:00 2025 UTC/);
});

test('shows Swedish letters, dashes, quotes and § as the same text', async () => {
  const pdf = await renderPdf(sample);
  const text = pdfPages(pdf).join('\n');
  assert.ok(text.includes(swedish), text);
  assert.ok(text.includes('Linköpings kommun'));
  assert.ok(text.includes('Kommunalförbund kan inte söka § 37 a-medel.'));
  assert.equal(pdfInfo(pdf).Title, 'Intyg firmatecknare');
});

test('replaces characters the standard fonts cannot show instead of writing broken codes', async () => {
  const pdf = await renderPdf({ ...sample, blocks: [{ kind: 'paragraph', text: 'Łódź, Kraków och Niš – 日本' }] });
  const text = pdfPages(pdf).join('\n');
  assert.ok(text.includes('Lódz, Kraków och Niš – ??'), text);
});

test('shows user text literally and never writes JavaScript or automatic actions', async () => {
  const script = '<script>alert(1)</script>';
  const pdf = await renderPdf({
    ...sample,
    title: `Ansökan ${script}`,
    blocks: [
      { kind: 'paragraph', text: script },
      { kind: 'keyValue', items: [{ label: 'Insatsens namn', value: `${script} & (parentes) \\ snedstreck` }] },
      { kind: 'table', header: ['Fält'], rows: [['javascript:alert(1)']] },
    ],
  });
  const text = pdfPages(pdf).join('\n');
  assert.ok(text.includes(script), text);
  assert.ok(text.includes(`${script} & (parentes) \\ snedstreck`), text);
  assert.ok(text.includes('javascript:alert(1)'), text);
  const info = pdfInfo(pdf);
  assert.equal(info.JavaScript, 'no');
  assert.equal(info.Title, `Ansökan ${script}`);
  assert.doesNotMatch(objectSyntax(pdf), /\/(JavaScript|JS|OpenAction|AA|Launch|SubmitForm|ImportData|URI|GoToR|RichMedia)\b/);
});

test('escapes the title in the XMP metadata so that it stays well-formed XML', async () => {
  const pdf = await renderPdf({ ...sample, title: 'A & B <C> "D"', meta: { author: 'X<Y', subject: "O'Brien" } });
  const xmp = /<x:xmpmeta[\s\S]*<\/x:xmpmeta>/.exec(pdf.toString('utf8'))?.[0] ?? '';
  assert.ok(xmp.includes('A &amp; B &lt;C&gt; &quot;D&quot;'), xmp);
  assert.ok(xmp.includes('X&lt;Y'));
  assert.ok(xmp.includes('O&apos;Brien'));
  assert.ok(!xmp.includes('<C>'));
  const info = pdfInfo(pdf);
  assert.equal(info.Title, 'A & B <C> "D"');
  assert.equal(info.Author, 'X<Y');
});

test('is a tagged PDF with its language, displayed title and a structure of headings, lists and tables', async () => {
  const pdf = await renderPdf(sample);
  const info = pdfInfo(pdf);
  assert.equal(info.Tagged, 'yes');
  assert.equal(info['PDF version'], '1.7');
  const syntax = objectSyntax(pdf);
  assert.match(syntax, /\/Lang \(sv\)/);
  assert.match(syntax, /\/DisplayDocTitle true/);
  assert.match(syntax, /\/MarkInfo/);
  const structure = pdfStructure(pdf);
  for (const element of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Div']) {
    assert.match(structure, new RegExp(`^\\s*${element}\\b`, 'm'), element);
  }
  assert.match(structure, /H1 \(block\)\n\s+"Intyg firmatecknare"/);
  // The footer is an artifact, not part of the text a screen reader reads.
  assert.doesNotMatch(structure, /Sida 1 av/);
  assert.match(objectSyntax(await renderPdf({ ...sample, lang: 'en' })), /\/Lang \(en\)/);
});

test('wraps a long document over several pages, each with "Sida N av M" in the footer', async () => {
  const pages = pdfPages(await renderPdf({ ...sample, blocks: paragraphs(24) }));
  assert.ok(pages.length >= 3, `only ${pages.length} pages`);
  for (const [i, page] of pages.entries()) {
    assert.ok(page.includes(`Sida ${i + 1} av ${pages.length}`), `page ${i + 1}: ${page.slice(-200)}`);
  }
  assert.ok(pages.join('\n').includes('Stycke 24.'));
  // Wrapped, not cut: no line is wider than the page allows.
  const longest = Math.max(...pages.flatMap((page) => page.split('\n').map((line) => line.length)));
  assert.ok(longest < 130, `a line of ${longest} characters`);

  const english = pdfPages(await renderPdf({ ...sample, lang: 'en', blocks: paragraphs(24) }));
  assert.ok(english[0]?.includes(`Page 1 of ${english.length}`));
});

test('repeats the table header on each page a long table runs onto', async () => {
  const rows = Array.from({ length: 120 }, (_, i) => [`Kostnadspost ${i + 1}`, `${(i + 1) * 100} kr`]);
  const pages = pdfPages(await renderPdf({ ...sample, blocks: [{ kind: 'table', header: ['Kostnadspost', 'Belopp'], rows }] }));
  assert.ok(pages.length >= 3);
  for (const page of pages) assert.match(page, /Kostnadspost\s+Belopp/);
  assert.ok(pages.at(-1)?.includes('Kostnadspost 120'));
});

test('starts a new page at a page break, and not a blank one when the page is already new', async () => {
  const pages = pdfPages(
    await renderPdf({
      ...sample,
      blocks: [{ kind: 'paragraph', text: 'Före' }, { kind: 'pageBreak' }, { kind: 'pageBreak' }, { kind: 'paragraph', text: 'Efter' }],
    }),
  );
  assert.equal(pages.length, 2);
  assert.ok(pages[1]?.includes('Efter'));
});

test('moves blocks kept together to a new page rather than split them, wherever the page ends', async () => {
  const pageOf = (pages: string[], text: string) => pages.findIndex((page) => page.includes(text));
  let moved = 0;
  for (let count = 10; count <= 30; count++) {
    const lines: PdfBlock[] = Array.from({ length: count }, (_, i) => ({ kind: 'paragraph', text: `Rad ${i + 1}` }));
    const pages = pdfPages(
      await renderPdf({
        ...sample,
        blocks: [
          ...lines,
          {
            kind: 'keepTogether',
            blocks: [
              { kind: 'heading', level: 1, text: 'Intygande' },
              { kind: 'paragraph', text: 'Jag intygar att uppgifterna är riktiga.' },
              { kind: 'fillInRow', fields: [{ label: 'Ort och datum' }, { label: 'Underskrift' }] },
              { kind: 'fillInRow', fields: [{ label: 'Namnförtydligande' }, { label: 'Befattning' }] },
            ],
          },
          ...lines,
          { kind: 'heading', level: 2, text: 'Medverkan' },
          { kind: 'fillIn', label: 'Organisationens roll', lines: 8 },
        ],
      }),
    );
    assert.equal(pageOf(pages, 'Intygande'), pageOf(pages, 'Befattning'), `${count} lines`);
    assert.equal(pageOf(pages, 'Medverkan'), pageOf(pages, 'Organisationens roll'), `${count} lines`);
    if (pageOf(pages, 'Intygande') > pageOf(pages, `Rad ${count}`)) moved++;
  }
  assert.ok(moved > 0, 'the group never had to move');
});

test('renders a 1 MB text field over many pages without losing text', async () => {
  const words = 'Flyktingguider och familjekontakter stödjer språkinlärning och etablering i samhället. ';
  const huge = `${words.repeat(Math.ceil(1_000_000 / words.length))}SLUTMARKÖR`;
  const unbroken = 'x'.repeat(50_000);
  const pdf = await renderPdf({
    ...sample,
    blocks: [
      { kind: 'keyValue', items: [{ label: 'Beskrivning', value: huge }] },
      { kind: 'table', header: ['Fält', 'Värde'], rows: [['Ett ord utan mellanslag', unbroken]] },
      { kind: 'note', tone: 'info', text: huge.slice(0, 200_000) },
    ],
  });
  const pages = pdfPages(pdf);
  assert.ok(pages.length > 200, `only ${pages.length} pages`);
  assert.ok(pages.some((page) => page.includes('SLUTMARKÖR')));
  assert.ok(pages.at(-1)?.includes(`Sida ${pages.length} av ${pages.length}`));
  assert.ok(pages.join('').replace(/[^x]/g, '').length >= unbroken.length, 'the unbroken word was cut');
});
