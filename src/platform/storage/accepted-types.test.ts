import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import CFB from 'cfb';
import { fileTypeFromBuffer } from 'file-type';
import PDFDocument from 'pdfkit';
import { type AcceptedType, acceptedTypes, detectAcceptedType } from './accepted-types.ts';

// Real, minimal files of each kind, built here so that the test shows what makes each one what it is.

async function pdf(): Promise<Buffer> {
  const doc = new PDFDocument();
  const parts: Buffer[] = [];
  doc.on('data', (part: Buffer) => parts.push(part));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  doc.text('Budget för insatsen');
  doc.end();
  await ended;
  return Buffer.concat(parts);
}

/** A 1×1 grey PNG: signature, IHDR, IDAT and IEND, each chunk with its CRC. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * An 8×8 grey baseline JPEG: one quantisation table, one-code Huffman tables, and a single block
 * whose DC difference and end-of-block are both the one-bit code 0 (bits 00, padded with ones).
 */
function jpeg(): Buffer {
  const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  const oneCodeTable = (tableClass: number) => [tableClass << 4, 1, ...new Array(15).fill(0), 0x00];
  return Buffer.from([
    0xff,
    0xd8,
    ...segment(0xe0, [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0, ...new Array(64).fill(1)]),
    ...segment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]),
    ...segment(0xc4, oneCodeTable(0)),
    ...segment(0xc4, oneCodeTable(1)),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    0x3f,
    0xff,
    0xd9,
  ]);
}

/** A 1×1 uncompressed greyscale baseline TIFF (little-endian) with the tags baseline readers require. */
function tiff(): Buffer {
  const SHORT = 3;
  const LONG = 4;
  const RATIONAL = 5;
  const entries: [tag: number, type: number, value: number][] = [
    [256, SHORT, 1], // ImageWidth
    [257, SHORT, 1], // ImageLength
    [258, SHORT, 8], // BitsPerSample
    [259, SHORT, 1], // Compression: none
    [262, SHORT, 1], // PhotometricInterpretation: black is zero
    [273, LONG, 174], // StripOffsets
    [277, SHORT, 1], // SamplesPerPixel
    [278, SHORT, 1], // RowsPerStrip
    [279, LONG, 1], // StripByteCounts
    [282, RATIONAL, 158], // XResolution (offset of 72/1)
    [283, RATIONAL, 166], // YResolution
    [296, SHORT, 2], // ResolutionUnit: inch
  ];
  const file = Buffer.alloc(175);
  file.write('II', 0, 'latin1');
  file.writeUInt16LE(42, 2);
  file.writeUInt32LE(8, 4);
  file.writeUInt16LE(entries.length, 8);
  entries.forEach(([tag, type, value], i) => {
    const at = 10 + i * 12;
    file.writeUInt16LE(tag, at);
    file.writeUInt16LE(type, at + 2);
    file.writeUInt32LE(1, at + 4);
    if (type === SHORT) file.writeUInt16LE(value, at + 8);
    else file.writeUInt32LE(value, at + 8);
  });
  // Next IFD offset (0) is already zero at 154.
  for (const at of [158, 166]) {
    file.writeUInt32LE(72, at);
    file.writeUInt32LE(1, at + 4);
  }
  file[174] = 0x80;
  return file;
}

/** A ZIP archive with stored (uncompressed) entries in the given order, as ODF requires for `mimetype`. */
function zip(entries: [name: string, content: string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const packageRels = (target: string) =>
  `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;
const contentTypes = (part: string, mainType: string) =>
  `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="${part}" ContentType="${mainType}"/></Types>`;

function docx(mainType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'): Buffer {
  return zip([
    ['[Content_Types].xml', contentTypes('/word/document.xml', mainType)],
    ['_rels/.rels', packageRels('word/document.xml')],
    [
      'word/document.xml',
      `${xml}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Ansökan</w:t></w:r></w:p></w:body></w:document>`,
    ],
  ]);
}

function xlsx(): Buffer {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zip([
    [
      '[Content_Types].xml',
      contentTypes('/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml').replace(
        '</Types>',
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    ],
    ['_rels/.rels', packageRels('xl/workbook.xml')],
    [
      'xl/workbook.xml',
      `${xml}<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Budget" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ],
    [
      'xl/worksheets/sheet1.xml',
      `${xml}<worksheet xmlns="${main}"><sheetData><row r="1"><c r="A1"><v>100</v></c></row></sheetData></worksheet>`,
    ],
  ]);
}

function odt(): Buffer {
  const office = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
  return zip([
    ['mimetype', 'application/vnd.oasis.opendocument.text'],
    [
      'META-INF/manifest.xml',
      `${xml}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    ],
    [
      'content.xml',
      `${xml}<office:document-content xmlns:office="${office}" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text><text:p>Ansökan</text:p></office:text></office:body></office:document-content>`,
    ],
  ]);
}

/** An OLE2 compound file holding the given streams, as Word 97–2003, Excel 97–2003 and .msi files are. */
function compoundFile(streams: Record<string, Buffer>, rootClsid?: string): Buffer {
  const container = CFB.utils.cfb_new();
  for (const [path, content] of Object.entries(streams)) CFB.utils.cfb_add(container, path, content);
  if (rootClsid) container.FileIndex[0]!.clsid = rootClsid;
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

const wordDocument = () =>
  compoundFile({
    WordDocument: Buffer.alloc(4096, 0xec),
    '1Table': Buffer.alloc(4096, 0),
    '\u0001CompObj': Buffer.alloc(100, 0),
  });

/** Laid out like a Windows Installer package: MSI's root class id, summary information and table streams. */
const msiLike = () =>
  compoundFile(
    {
      '\u0005SummaryInformation': Buffer.alloc(512, 0),
      '\u4840\u3f3f\u4577\u446c\u3b6a\u45e4\u4824': Buffer.alloc(8192, 7),
      '\u4840\u3b3f\u43f2\u4438\u45b1': Buffer.alloc(256, 3),
    },
    '84100c0000000000c000000000000046', // {000C1084-0000-0000-C000-000000000046} in file byte order
  );

async function expectAccepted(content: Buffer, filename: string, type: AcceptedType) {
  assert.deepEqual(await detectAcceptedType(content, filename), { ok: true, type, mime: acceptedTypes[type].mime });
}

async function expectRefused(content: Buffer, filename: string, reason: 'empty' | 'notAccepted' | 'extensionMismatch') {
  assert.deepEqual(await detectAcceptedType(content, filename), { ok: false, reason });
}

describe('detectAcceptedType', () => {
  test('accepts each accepted type by its content', async () => {
    await expectAccepted(await pdf(), 'budget.pdf', 'pdf');
    await expectAccepted(png(), 'karta.png', 'png');
    await expectAccepted(jpeg(), 'foto.jpg', 'jpeg');
    await expectAccepted(tiff(), 'skannad.tif', 'tiff');
    await expectAccepted(docx(), 'ansokan.docx', 'docx');
    await expectAccepted(xlsx(), 'budget.xlsx', 'xlsx');
    await expectAccepted(odt(), 'ansokan.odt', 'odt');
    await expectAccepted(wordDocument(), 'ansokan.doc', 'doc');
  });

  test('accepts every extension of a type, in any case', async () => {
    await expectAccepted(jpeg(), 'foto.jpeg', 'jpeg');
    await expectAccepted(jpeg(), 'FOTO.JPG', 'jpeg');
    await expectAccepted(tiff(), 'skannad.tiff', 'tiff');
    await expectAccepted(await pdf(), 'Intyg firmatecknare.PDF', 'pdf');
  });

  test('refuses a compound file without a WordDocument stream, such as an installer', async () => {
    const msi = msiLike();
    assert.equal((await fileTypeFromBuffer(msi))?.ext, 'cfb');
    await expectRefused(msi, 'setup.doc', 'notAccepted');
    await expectRefused(compoundFile({ Workbook: Buffer.alloc(4096, 1) }), 'budget.doc', 'notAccepted');
  });

  test('refuses a compound file whose WordDocument is only embedded deeper or is not a stream', async () => {
    await expectRefused(
      compoundFile({ 'ObjectPool/_1234/WordDocument': Buffer.alloc(4096, 1), Workbook: Buffer.alloc(4096, 1) }),
      'a.doc',
      'notAccepted',
    );
    await expectRefused(compoundFile({ 'WordDocument/inner': Buffer.alloc(100, 1) }), 'a.doc', 'notAccepted');
  });

  test('refuses a truncated compound file', async () => {
    await expectRefused(wordDocument().subarray(0, 600), 'ansokan.doc', 'notAccepted');
  });

  test('refuses a Windows program renamed to .pdf', async () => {
    const exe = Buffer.alloc(1024);
    exe.write('MZ', 0, 'latin1');
    exe.writeUInt32LE(0x80, 0x3c);
    exe.write('PE\0\0', 0x80, 'latin1');
    await expectRefused(exe, 'budget.pdf', 'notAccepted');
  });

  test('refuses macro-enabled Word files and unknown content', async () => {
    await expectRefused(docx('application/vnd.ms-word.document.macroEnabled.main+xml'), 'ansokan.docx', 'notAccepted');
    await expectRefused(Buffer.from('Detta är bara text.\n'), 'ansokan.pdf', 'notAccepted');
    await expectRefused(zip([['readme.txt', 'hej']]), 'ansokan.docx', 'notAccepted');
  });

  test('refuses an empty file', async () => {
    await expectRefused(Buffer.alloc(0), 'tom.pdf', 'empty');
  });

  test('refuses an accepted type whose name has another extension, so it cannot open as a program', async () => {
    await expectRefused(png(), 'bild.hta', 'extensionMismatch');
    await expectRefused(png(), 'bild.jpg', 'extensionMismatch');
    await expectRefused(await pdf(), 'budget', 'extensionMismatch');
    await expectRefused(docx(), 'ansokan.doc', 'extensionMismatch');
    await expectRefused(wordDocument(), 'ansokan.docx', 'extensionMismatch');
  });
});
