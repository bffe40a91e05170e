import type PDFDocumentClass from 'pdfkit';
import type { PdfBlock, PdfDocumentModel } from './model.ts';
import { pdfTexts } from './texts.ts';
import { toWinAnsi } from './win-ansi.ts';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

interface Style {
  font: 'Helvetica' | 'Helvetica-Bold';
  size: number;
  color: string;
}

const colors = { text: '#0b0c0c', secondary: '#505a5f', rule: '#b1b4b6', headerFill: '#f3f2f1', info: '#1d70b8', warning: '#d4351c' };

const styles = {
  title: { font: 'Helvetica-Bold', size: 20, color: colors.text },
  subtitle: { font: 'Helvetica', size: 12.5, color: colors.secondary },
  heading1: { font: 'Helvetica-Bold', size: 15, color: colors.text },
  heading2: { font: 'Helvetica-Bold', size: 12.5, color: colors.text },
  heading3: { font: 'Helvetica-Bold', size: 11, color: colors.text },
  body: { font: 'Helvetica', size: 10.5, color: colors.text },
  strong: { font: 'Helvetica-Bold', size: 10.5, color: colors.text },
  label: { font: 'Helvetica-Bold', size: 9.5, color: colors.text },
  small: { font: 'Helvetica', size: 9, color: colors.secondary },
} as const satisfies Record<string, Style>;

const PAGE_SIZE = 'A4';
const margins = { top: 62, bottom: 72, left: 62, right: 62 };
const LINE_GAP = 2;
const BLOCK_GAP = 10;
const CELL_PADDING = 4;
const LIST_INDENT = 14;
const FILL_IN_LINE_SPACING = 26;
const MAX_FILL_IN_LINES = 20;
const FILL_IN_COLUMN_GAP = 18;
const CHECKBOX_SIZE = 10;

let pdfkit: Promise<typeof PDFDocumentClass> | undefined;

/** PDFKit is loaded on the first PDF, not at start: it is the slowest module to load (~0.35 s). */
function loadPdfkit(): Promise<typeof PDFDocumentClass> {
  pdfkit ??= import('pdfkit').then((m) => m.default);
  return pdfkit;
}

/**
 * Renders the model as an A4 PDF. The same model always gives the same bytes: the dates come from
 * the model (or the Unix epoch) and PDFKit derives the file ID from them and the other metadata.
 * The PDF is tagged (headings, paragraphs, lists, tables) with its language set; page furniture
 * (footer, rules, boxes) is marked as artifact. Text uses the standard Helvetica fonts, so
 * characters outside WinAnsiEncoding are replaced (see `toWinAnsi`).
 */
export async function renderPdf(model: PdfDocumentModel): Promise<Buffer> {
  const PDFDocument = await loadPdfkit();
  const date = model.meta?.date ?? new Date(0);
  const info: PDFKit.DocumentInfo = { Title: model.title, Creator: 'Bidragsportalen', CreationDate: date, ModDate: date };
  if (model.meta?.author) info.Author = model.meta.author;
  if (model.meta?.subject) info.Subject = model.meta.subject;

  const doc = new PDFDocument({
    size: PAGE_SIZE,
    margins,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: model.lang,
    displayTitle: true,
    info,
  });
  escapeXmpMetadata(doc);
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  new Renderer(doc, model).render();
  doc.end();
  return bytes;
}

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** The text as XML character data: markup characters escaped, characters XML 1.0 forbids removed. */
function escapeXml(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000;
    if (allowed) out += xmlEntities[char] ?? char;
  }
  return out;
}

/**
 * PDFKit 0.20 writes the title, author and subject into the XMP metadata stream without XML
 * escaping, so a title such as "A & B <C>" would make that XML malformed. Its `_addInfo` (which
 * writes the XMP) is wrapped to see escaped copies; the Info dictionary keeps the text as given.
 */
function escapeXmpMetadata(doc: Doc): void {
  const target = doc as unknown as { info: PDFKit.DocumentInfo; _addInfo?: () => void };
  const addInfo = target._addInfo;
  if (typeof addInfo !== 'function') throw new Error('PDFKit has no _addInfo any more: check how it writes XMP metadata');
  target._addInfo = function (this: typeof target) {
    const info = this.info;
    const escaped: PDFKit.DocumentInfo = { ...info };
    for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'] as const) {
      const value = info[key];
      if (typeof value === 'string') escaped[key] = escapeXml(value);
    }
    this.info = escaped;
    try {
      addInfo.call(this);
    } finally {
      this.info = info;
    }
  };
}

/** Blocks that always start a new page rather than break over two. */
const unsplittable = new Set<PdfBlock['kind']>(['fillIn', 'fillInRow', 'choice', 'keepTogether']);

class Renderer {
  private readonly root: Struct;

  constructor(
    private readonly doc: Doc,
    private readonly model: PdfDocumentModel,
    /** Set on a scratch page that only measures: there, blocks are not measured in turn. */
    private readonly isMeasuring = false,
  ) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  /**
   * The height the blocks take when set together from the middle of a page, found by setting them
   * on a scratch page as wide as a real one and too tall to break; Infinity when they break the
   * page themselves.
   */
  private heightOf(blocks: readonly PdfBlock[]): number {
    const PDFDocument = this.doc.constructor as typeof PDFDocumentClass;
    const scratch = new PDFDocument({ size: [this.doc.page.width, 1_000_000], margins, bufferPages: true, tagged: true });
    const renderer = new Renderer(scratch, { ...this.model, blocks }, true);
    // Not at the top, so that spacing a new page would drop is counted.
    const start = this.top + 1;
    scratch.y = start;
    renderer.blocks(blocks);
    if (scratch.bufferedPageRange().count > 1) return Number.POSITIVE_INFINITY;
    // The space blocks leave after themselves need not fit on the page.
    return Math.max(scratch.y - start - BLOCK_GAP, 0);
  }

  render(): void {
    this.title();
    this.blocks(this.model.blocks);
    this.root.end();
    this.footers();
  }

  // Page geometry, read from the current page.
  private get left(): number {
    return this.doc.page.margins.left;
  }
  private get right(): number {
    return this.doc.page.width - this.doc.page.margins.right;
  }
  private get width(): number {
    return this.right - this.left;
  }
  private get top(): number {
    return this.doc.page.margins.top;
  }
  private get bottom(): number {
    return this.doc.page.maxY();
  }
  private get isPageEmpty(): boolean {
    return this.doc.y <= this.top + 0.5;
  }
  private get pageIndex(): number {
    const { start, count } = this.doc.bufferedPageRange();
    return start + count - 1;
  }

  private use(style: Style): void {
    this.doc.font(style.font).fontSize(style.size).fillColor(style.color);
  }

  private lineHeight(style: Style): number {
    this.use(style);
    return this.doc.currentLineHeight(true) + LINE_GAP;
  }

  private measure(text: string, style: Style, width = this.width): number {
    this.use(style);
    return this.doc.heightOfString(toWinAnsi(text), { width, lineGap: LINE_GAP });
  }

  /** Writes wrapped text from the current line (or `at`); long text continues on new pages. */
  private write(text: string, style: Style, at: { x?: number; y?: number; width?: number } = {}): void {
    this.use(style);
    this.doc.text(toWinAnsi(text), at.x ?? this.left, at.y ?? this.doc.y, { width: at.width ?? this.width, lineGap: LINE_GAP });
  }

  /**
   * Starts a new page unless `height` fits below the current line, the page is still empty, or
   * `height` would not fit on a page of its own anyway.
   */
  private keepTogether(height: number): void {
    if (this.doc.y + height > this.bottom && !this.isPageEmpty && height <= this.bottom - this.top) this.doc.addPage();
  }

  private space(height: number): void {
    if (!this.isPageEmpty) this.doc.y += height;
  }

  /** Adds a structure element whose content `draw` writes. Never call `artifact` inside `draw`. */
  private tag(parent: Struct, type: string, draw: () => void): void {
    parent.add(this.doc.struct(type, {}, draw));
  }

  private group(parent: Struct, type: string, fill: (group: Struct) => void): void {
    const group = this.doc.struct(type);
    parent.add(group);
    fill(group);
    group.end();
  }

  /** Content that is not part of the text (rules, boxes, repeated headers), hidden from screen readers. */
  private artifact(draw: () => void): void {
    this.doc.save();
    this.doc.markContent('Artifact');
    draw();
    this.doc.endMarkedContent();
    this.doc.restore();
  }

  private title(): void {
    this.tag(this.root, 'H1', () => this.write(this.model.title, styles.title));
    const subtitle = this.model.subtitle;
    if (subtitle) {
      this.doc.y += 4;
      this.tag(this.root, 'P', () => this.write(subtitle, styles.subtitle));
    }
    this.doc.y += BLOCK_GAP * 1.5;
  }

  blocks(blocks: readonly PdfBlock[]): void {
    blocks.forEach((block, i) => {
      const next = blocks[i + 1];
      // A heading goes with a whole block that is never split (a fill-in field, a choice).
      if (block.kind === 'heading' && next && unsplittable.has(next.kind) && !this.isMeasuring)
        this.keepTogether(this.heightOf([block, next]));
      this.block(block);
    });
  }

  private block(block: PdfBlock): void {
    switch (block.kind) {
      case 'heading':
        this.heading(block.level, block.text);
        break;
      case 'paragraph':
        this.keepTogether(this.lineHeight(styles.body));
        this.tag(this.root, 'P', () => this.write(block.text, styles.body));
        this.doc.y += BLOCK_GAP;
        break;
      case 'keyValue':
        this.keyValue(block.items);
        break;
      case 'table':
        this.table(block.header, block.rows, block.widths);
        break;
      case 'list':
        this.list(block.items);
        break;
      case 'note':
        this.note(block.tone, block.title, block.text);
        break;
      case 'fillIn':
        this.fillIn([{ label: block.label, hint: block.hint }], block.lines ?? 1);
        break;
      case 'fillInRow':
        this.fillIn(block.fields, 1);
        break;
      case 'choice':
        this.choice(block.label, block.options);
        break;
      case 'pageBreak':
        if (!this.isPageEmpty) this.doc.addPage();
        break;
      case 'keepTogether':
        if (!this.isMeasuring) this.keepTogether(this.heightOf(block.blocks));
        this.blocks(block.blocks);
        break;
    }
  }

  private heading(level: 1 | 2 | 3, text: string): void {
    const style = styles[`heading${level}`];
    this.space(level === 1 ? 8 : 4);
    // A heading is never the last thing on a page.
    this.keepTogether(this.measure(text, style) + 3 * this.lineHeight(styles.body));
    this.tag(this.root, `H${level + 1}`, () => this.write(text, style));
    this.doc.y += 4;
  }

  private keyValue(items: readonly { label: string; value: string }[]): void {
    this.group(this.root, 'L', (list) => {
      for (const { label, value } of items) {
        this.keepTogether(this.measure(label, styles.label) + this.lineHeight(styles.body));
        this.group(list, 'LI', (item) => {
          this.tag(item, 'Lbl', () => this.write(label, styles.label));
          if (value.trim()) this.tag(item, 'LBody', () => this.write(value, styles.body));
        });
        this.doc.y += 6;
      }
    });
    this.doc.y += BLOCK_GAP - 6;
  }

  private list(items: readonly string[]): void {
    this.group(this.root, 'L', (list) => {
      for (const text of items) {
        this.keepTogether(this.lineHeight(styles.body));
        const y = this.doc.y;
        this.group(list, 'LI', (item) => {
          this.tag(item, 'Lbl', () => this.write('•', styles.body, { x: this.left + 2, y, width: LIST_INDENT }));
          this.tag(item, 'LBody', () => this.write(text, styles.body, { x: this.left + LIST_INDENT, y, width: this.width - LIST_INDENT }));
        });
        this.doc.y += 3;
      }
    });
    this.doc.y += BLOCK_GAP - 3;
  }

  private table(header: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[] | undefined): void {
    if (header.length === 0) return;
    const weights = widths?.length === header.length && widths.every((w) => Number.isFinite(w) && w > 0) ? widths : header.map(() => 1);
    const total = weights.reduce((sum, w) => sum + w, 0);
    const columnWidths = weights.map((w) => (this.width * w) / total);
    const columnX = columnWidths.map((_, i) => this.left + columnWidths.slice(0, i).reduce((sum, w) => sum + w, 0));
    const cellsOf = (row: readonly string[]) => header.map((_, i) => row[i] ?? '');
    const heightOf = (cells: readonly string[], style: Style) =>
      Math.max(...cells.map((cell, i) => this.measure(cell, style, (columnWidths[i] ?? 0) - 2 * CELL_PADDING))) + 2 * CELL_PADDING;
    const headerHeight = heightOf(header, styles.label);
    const cellAt = (i: number, y: number) => ({
      x: (columnX[i] ?? 0) + CELL_PADDING,
      y: y + CELL_PADDING,
      width: (columnWidths[i] ?? 0) - 2 * CELL_PADDING,
    });
    const ruleBelow = (y: number) =>
      this.artifact(() => this.doc.lineWidth(0.75).moveTo(this.left, y).lineTo(this.right, y).stroke(colors.rule));

    // The first header is tagged; headers repeated on later pages are artifacts.
    const drawHeader = (table: Struct | null) => {
      const y = this.doc.y;
      this.artifact(() => this.doc.rect(this.left, y, this.width, headerHeight).fill(colors.headerFill));
      if (table) {
        this.group(table, 'TR', (row) => {
          header.forEach((cell, i) => {
            this.tag(row, 'TH', () => this.write(cell, styles.label, cellAt(i, y)));
          });
        });
      } else {
        this.artifact(() => {
          header.forEach((cell, i) => {
            this.write(cell, styles.label, cellAt(i, y));
          });
        });
      }
      ruleBelow(y + headerHeight);
      this.doc.y = y + headerHeight;
    };

    this.keepTogether(headerHeight + 2 * this.lineHeight(styles.body) + 2 * CELL_PADDING);
    this.group(this.root, 'Table', (table) => {
      drawHeader(table);
      const room = this.bottom - this.top - headerHeight;
      for (const row of rows) {
        const cells = cellsOf(row);
        const height = heightOf(cells, styles.body);
        if (height > room) {
          this.tallRow(table, header, cells);
          continue;
        }
        if (this.doc.y + height > this.bottom) {
          this.doc.addPage();
          drawHeader(null);
        }
        const y = this.doc.y;
        this.group(table, 'TR', (tr) => {
          cells.forEach((cell, i) => {
            this.tag(tr, 'TD', () => this.write(cell, styles.body, cellAt(i, y)));
          });
        });
        ruleBelow(y + height);
        this.doc.y = y + height;
      }
    });
    this.doc.y += BLOCK_GAP;
  }

  /** A row taller than a page: its cells one under the other, each under its column's name, across pages. */
  private tallRow(table: Struct, header: readonly string[], cells: readonly string[]): void {
    this.keepTogether(3 * this.lineHeight(styles.body));
    this.doc.y += CELL_PADDING;
    this.group(table, 'TR', (row) => {
      cells.forEach((cell, i) => {
        this.keepTogether(this.lineHeight(styles.label) + this.lineHeight(styles.body));
        this.artifact(() => this.write(header[i] ?? '', styles.label));
        this.tag(row, 'TD', () => this.write(cell, styles.body));
        this.doc.y += CELL_PADDING;
      });
    });
    const y = this.doc.y;
    this.artifact(() => this.doc.lineWidth(0.75).moveTo(this.left, y).lineTo(this.right, y).stroke(colors.rule));
  }

  private note(tone: 'info' | 'warning', title: string | undefined, text: string): void {
    const bar = tone === 'warning' ? { width: 6, color: colors.warning } : { width: 4, color: colors.info };
    const indent = 16;
    const padding = 6;
    const at = () => ({ x: this.left + indent, width: this.width - indent });
    this.keepTogether((title ? this.measure(title, styles.strong) : 0) + 2 * this.lineHeight(styles.body) + 2 * padding);
    const start = { page: this.pageIndex, y: this.doc.y };
    this.doc.y += padding;
    this.group(this.root, 'Div', (div) => {
      if (title) {
        this.tag(div, 'P', () => this.write(title, styles.strong, at()));
        this.doc.y += 2;
      }
      this.tag(div, 'P', () => this.write(text, styles.body, at()));
    });
    this.doc.y += padding;
    const end = { page: this.pageIndex, y: Math.min(this.doc.y, this.bottom) };
    // The text may have run over several pages: draw the bar beside it on each.
    for (let page = start.page; page <= end.page; page++) {
      this.doc.switchToPage(page);
      const top = page === start.page ? start.y : this.top;
      const bottom = page === end.page ? end.y : this.bottom;
      this.artifact(() => this.doc.rect(this.left, top, bar.width, bottom - top).fill(bar.color));
    }
    this.doc.switchToPage(end.page);
    this.doc.y = end.y + BLOCK_GAP;
  }

  /** Labels with ruled lines under them; several fields share the width side by side. */
  private fillIn(fields: readonly { label: string; hint?: string | undefined }[], requestedLines: number): void {
    if (fields.length === 0) return;
    const lines = Math.min(Math.max(Math.trunc(requestedLines), 1), MAX_FILL_IN_LINES);
    const columnWidth = (this.width - FILL_IN_COLUMN_GAP * (fields.length - 1)) / fields.length;
    const columnX = (i: number) => this.left + i * (columnWidth + FILL_IN_COLUMN_GAP);
    const textHeight = Math.max(
      ...fields.map(
        ({ label, hint }) => this.measure(label, styles.body, columnWidth) + (hint ? 2 + this.measure(hint, styles.small, columnWidth) : 0),
      ),
    );
    this.keepTogether(textHeight + lines * FILL_IN_LINE_SPACING + 2);
    const top = this.doc.y;
    fields.forEach(({ label, hint }, i) => {
      const at = { x: columnX(i), width: columnWidth };
      this.tag(this.root, 'P', () => this.write(label, styles.body, { ...at, y: top }));
      if (hint) {
        const y = this.doc.y + 2;
        this.tag(this.root, 'P', () => this.write(hint, styles.small, { ...at, y }));
      }
    });
    const y = top + textHeight;
    this.artifact(() => {
      this.doc.lineWidth(0.75);
      for (let line = 1; line <= lines; line++) {
        const lineY = y + line * FILL_IN_LINE_SPACING;
        fields.forEach((_, i) => {
          this.doc.moveTo(columnX(i), lineY).lineTo(columnX(i) + columnWidth, lineY);
        });
      }
      this.doc.stroke(colors.text);
    });
    this.doc.y = y + lines * FILL_IN_LINE_SPACING + BLOCK_GAP + 4;
  }

  private choice(label: string, options: readonly string[]): void {
    const optionHeight = this.lineHeight(styles.body) + 6;
    this.keepTogether(this.measure(label, styles.body) + 4 + options.length * optionHeight);
    this.tag(this.root, 'P', () => this.write(label, styles.body));
    this.doc.y += 4;
    const textX = this.left + CHECKBOX_SIZE + 8;
    this.group(this.root, 'L', (list) => {
      for (const option of options) {
        this.keepTogether(optionHeight);
        const y = this.doc.y;
        this.artifact(() => this.doc.lineWidth(0.75).rect(this.left, y, CHECKBOX_SIZE, CHECKBOX_SIZE).stroke(colors.text));
        this.group(list, 'LI', (item) => {
          this.tag(item, 'LBody', () => this.write(option, styles.body, { x: textX, y: y + 0.5, width: this.right - textX }));
        });
        this.doc.y += 6;
      }
    });
    this.doc.y += BLOCK_GAP - 6;
  }

  /** "Sida 1 av 3" and the title on every page, once the number of pages is known. */
  private footers(): void {
    const t = pdfTexts(this.model.lang);
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = 0; i < count; i++) {
      this.doc.switchToPage(start + i);
      const y = this.doc.page.height - this.doc.page.margins.bottom + 28;
      this.doc.markContent('Artifact', { type: 'Pagination' });
      this.doc
        .lineWidth(0.75)
        .moveTo(this.left, y - 8)
        .lineTo(this.right, y - 8)
        .stroke(colors.rule);
      this.use(styles.small);
      const pageText = toWinAnsi(t.pageOf(i + 1, count));
      const pageWidth = this.doc.widthOfString(pageText);
      this.doc.text(pageText, this.right - pageWidth, y, { lineBreak: false });
      this.doc.text(this.fitted(toWinAnsi(this.model.title), this.width - pageWidth - 24), this.left, y, { lineBreak: false });
      this.doc.endMarkedContent();
    }
  }

  /** The text cut with an ellipsis to fit `width` on one line in the current font. */
  private fitted(text: string, width: number): string {
    const line = text.replace(/\s+/g, ' ');
    if (this.doc.widthOfString(line) <= width) return line;
    let low = 0;
    let high = line.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.doc.widthOfString(`${line.slice(0, mid)}…`) <= width) low = mid;
      else high = mid - 1;
    }
    return `${line.slice(0, low).trimEnd()}…`;
  }
}
