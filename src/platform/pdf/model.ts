import type { Lang } from '../i18n.ts';

/**
 * A document to render as PDF: plain data, no layout. Every string is shown literally, as text;
 * nothing in it is interpreted as markup.
 */
export interface PdfDocumentModel {
  /** Shown at the top of the first page (as the H1), in the footer and as the window title. */
  title: string;
  subtitle?: string;
  /** The document language, declared for screen readers; it also picks the footer's wording. */
  lang: Lang;
  meta?: PdfMeta;
  blocks: readonly PdfBlock[];
}

export interface PdfMeta {
  author?: string;
  subject?: string;
  /**
   * Written as the creation and modification date. Defaults to the Unix epoch, never the clock:
   * the same model always gives the same bytes.
   */
  date?: Date;
}

export type PdfBlock =
  /** A section heading under the title: level 1 is tagged H2, level 2 H3, level 3 H4. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** A paragraph; `\n` starts a new line. */
  | { kind: 'paragraph'; text: string }
  /** Label and value pairs, each label above its value. */
  | { kind: 'keyValue'; items: readonly { label: string; value: string }[] }
  /**
   * A table with a header row that is repeated on each page. `widths` are relative (e.g. [2, 1, 1]);
   * without them the columns share the width equally. A row taller than a page is set as its cells
   * one under another, each under its column's name.
   */
  | { kind: 'table'; header: readonly string[]; rows: readonly (readonly string[])[]; widths?: readonly number[] }
  | { kind: 'list'; items: readonly string[] }
  /** Text set off by a bar beside it (blue; red and wider for a warning), with an optional bold title. */
  | { kind: 'note'; tone: 'info' | 'warning'; title?: string; text: string }
  /** A label with empty ruled lines under it, to fill in by hand on a printed template. */
  | { kind: 'fillIn'; label: string; lines?: number; hint?: string }
  /** Fill-in fields side by side on one line each, e.g. place and date beside the signature. */
  | { kind: 'fillInRow'; fields: readonly { label: string; hint?: string }[] }
  /** A question with a box to tick for each answer, to fill in by hand. */
  | { kind: 'choice'; label: string; options: readonly string[] }
  | { kind: 'pageBreak' }
  /** Blocks moved together to a new page if they do not fit on this one but do fit on a page. */
  | { kind: 'keepTogether'; blocks: readonly PdfBlock[] };
