import type { Lang } from '../../platform/i18n.ts';
import type { PdfBlock, PdfDocumentModel } from '../../platform/pdf/model.ts';
import { type AmountField, type Field, type Guidance, type RowsField, steps } from '../applications/form.ts';
import {
  answerFormat,
  attachments,
  choiceOptions,
  isLongColumn,
  optionName,
  printedRows,
  programmeConfirmations,
  programmeName,
  type QuestionSheet,
  stepItems,
  whoMayApply,
} from './rules.ts';
import { texts } from './texts.ts';

/**
 * The questions of one programme as a printable PDF form: the same content as the questions page,
 * with ruled lines, boxes and rows to fill in by hand.
 */
export function questionsDocument(sheet: QuestionSheet, lang: Lang, templatesUrl: string): PdfDocumentModel {
  const t = texts(lang);
  const name = programmeName(sheet.programme, lang);
  const blocks: PdfBlock[] = [
    { kind: 'paragraph', text: t.pdfPurpose },
    ...(t.languageNote ? [{ kind: 'paragraph', text: t.languageNote } as const] : []),
    {
      kind: 'keyValue',
      items: [
        { label: t.legalBasis, value: sheet.programme.legalBasis },
        { label: t.whoMayApply, value: whoMayApply(sheet.programme.eligibleKinds, lang) },
      ],
    },
  ];

  steps.forEach((step, i) => {
    blocks.push({ kind: 'heading', level: 1, text: `${i + 1}. ${step.title[lang]}` });
    if (step.intro) blocks.push(guidanceNote(step.intro, lang));
    for (const item of stepItems(step, sheet.programme.code)) {
      blocks.push({
        kind: 'keepTogether',
        blocks: item.kind === 'costs' ? costBlocks(item.fields, lang) : fieldBlocks(item.field, sheet, lang),
      });
    }
  });

  const { always, withPartners } = programmeConfirmations(sheet.programme.code);
  blocks.push({ kind: 'heading', level: 1, text: t.confirmationsHeading });
  if (always.length + withPartners.length === 0) {
    blocks.push({ kind: 'paragraph', text: t.confirmationsNone });
  } else {
    blocks.push({
      kind: 'choice',
      label: t.confirmationsChoice,
      options: [...always.map((c) => c.label[lang]), ...withPartners.map((c) => `${c.label[lang]} ${t.onlyWithPartners}`)],
    });
  }

  blocks.push(
    { kind: 'heading', level: 1, text: t.attachmentsHeading },
    { kind: 'paragraph', text: t.attachmentsIntro },
    { kind: 'list', items: attachments(lang).map((a) => `${a.name}: ${a.when}`) },
    // The address on a line of its own, so that it is not broken.
    { kind: 'paragraph', text: `${t.pdfTemplates}:\n${templatesUrl}` },
  );

  return {
    title: t.title,
    subtitle: t.subtitle(name, sheet.year),
    lang,
    meta: { author: 'Bidragsportalen', subject: name },
    blocks,
  };
}

function guidanceNote(guidance: Guidance, lang: Lang): PdfBlock {
  const t = texts(lang);
  return { kind: 'note', tone: 'info', title: t.guidanceLabel, text: `${guidance.text[lang]}\n${t.source}: ${guidance.source}` };
}

function fieldBlocks(field: Field, sheet: QuestionSheet, lang: Lang): PdfBlock[] {
  const t = texts(lang);
  const blocks: PdfBlock[] = [{ kind: 'heading', level: 2, text: field.label[lang] }];
  if (field.hint) blocks.push({ kind: 'paragraph', text: field.hint[lang] });
  blocks.push({ kind: 'paragraph', text: `${field.required ? t.required : t.optional}. ${answerFormat(field, lang)}.` });
  if (field.guidance) blocks.push(guidanceNote(field.guidance, lang));
  return [...blocks, ...answerBlocks(field, sheet, lang)];
}

/** Where the answer is written on the printed form. */
function answerBlocks(field: Field, sheet: QuestionSheet, lang: Lang): PdfBlock[] {
  const t = texts(lang);
  switch (field.kind) {
    case 'text':
      return [{ kind: 'fillIn', label: t.answer, lines: field.maxLength > 100 ? 2 : 1 }];
    case 'textarea':
      return [{ kind: 'fillIn', label: t.answer, lines: 6 }];
    case 'date':
      return [{ kind: 'fillIn', label: t.answer, hint: t.dateHint }];
    case 'amount':
      return [{ kind: 'fillIn', label: t.answer, hint: t.kronorHint }];
    case 'choices': {
      const options = choiceOptions(field, sheet);
      return options.length === 0
        ? [{ kind: 'paragraph', text: `${t.optionsOfYear(sheet.year)} ${t.noOptions}` }]
        : [{ kind: 'choice', label: t.optionsOfYear(sheet.year), options: options.map((o) => optionName(o, lang)) }];
    }
    case 'rows':
      return rowBlocks(field, lang);
    case 'confirm':
      return [{ kind: 'choice', label: t.confirmationsChoice, options: [field.label[lang]] }];
  }
}

/**
 * Each printed row of a repeated question: short columns side by side, a long text column on
 * lines of its own, a yes-or-no column as two boxes, in the columns' order.
 */
function rowBlocks(field: RowsField, lang: Lang): PdfBlock[] {
  const t = texts(lang);
  const blocks: PdfBlock[] = [];
  for (let n = 1; n <= printedRows(field); n++) {
    const row: PdfBlock[] = [{ kind: 'heading', level: 3, text: t.rowNumber(field.rowLabel[lang], n) }];
    let line: { label: string; hint?: string }[] = [];
    const endLine = () => {
      if (line.length > 0) row.push({ kind: 'fillInRow', fields: line });
      line = [];
    };
    for (const column of field.columns) {
      const hint = [column.kind === 'date' ? t.dateHint : '', column.required ? '' : t.optionalHint].filter(Boolean).join(', ');
      const labelled = { label: column.label[lang], ...(hint ? { hint } : {}) };
      if (column.kind === 'yesNo') {
        endLine();
        row.push({ kind: 'choice', label: column.label[lang], options: [t.yes, t.no] });
      } else if (isLongColumn(column)) {
        endLine();
        row.push({ kind: 'fillIn', ...labelled, lines: 2 });
      } else {
        line.push(labelled);
      }
    }
    endLine();
    blocks.push({ kind: 'keepTogether', blocks: row });
  }
  return blocks;
}

function costBlocks(fields: readonly AmountField[], lang: Lang): PdfBlock[] {
  const t = texts(lang);
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 2, text: t.costsHeading },
    { kind: 'paragraph', text: t.costsIntro },
  ];
  // Two categories to a line.
  for (let i = 0; i < fields.length; i += 2) {
    blocks.push({
      kind: 'fillInRow',
      fields: fields
        .slice(i, i + 2)
        .map((f) => ({ label: f.label[lang], hint: f.required ? t.kronorHint : `${t.kronorHint}, ${t.optionalHint}` })),
    });
  }
  return blocks;
}
