import type { Lang } from '../../platform/i18n.ts';
import { requiredConfirmations } from '../applications/eligibility.ts';
import {
  type AmountField,
  type ChoicesField,
  type ConfirmField,
  confirmations,
  costCategories,
  type Field,
  fieldFor,
  type RowColumn,
  type RowsField,
  type Step,
} from '../applications/form.ts';
import type { ChoiceOption } from '../applications/rules.ts';
import { texts } from './texts.ts';

/**
 * What the questions page and its PDF both show, derived from the application form's definition
 * (applications/form.ts) and a programme's reference data. Plain functions, no I/O.
 */

export interface QuestionsProgramme {
  code: string;
  name: string;
  nameEn: string;
  legalBasis: string;
  eligibleKinds: readonly string[];
}

/** Everything the questions of one programme depend on besides the form itself. */
export interface QuestionSheet {
  programme: QuestionsProgramme;
  /** The year whose purposes and target groups are listed. */
  year: number;
  purposes: readonly ChoiceOption[];
  targetGroups: readonly ChoiceOption[];
}

export const questionsPath = '/ansokan/fragor';
export const questionsPdfPath = '/ansokan/fragor.pdf';
/** The certificate templates page of the guidance feature. */
export const templatesPath = '/vagledning/mallar';

export function questionsHref(programmeCode: string): string {
  return `${questionsPath}?bidrag=${encodeURIComponent(programmeCode)}`;
}

export function questionsPdfHref(programmeCode: string): string {
  return `${questionsPdfPath}?bidrag=${encodeURIComponent(programmeCode)}`;
}

export function programmeName(programme: Pick<QuestionsProgramme, 'name' | 'nameEn'>, lang: Lang): string {
  return lang === 'sv' ? programme.name : programme.nameEn;
}

export function optionName(option: ChoiceOption, lang: Lang): string {
  return lang === 'sv' ? option.name : option.nameEn;
}

/** "kommuner och kommunalförbund", capitalised. */
export function whoMayApply(eligibleKinds: readonly string[], lang: Lang): string {
  const t = texts(lang);
  const names: Record<string, string> = { municipality: t.municipality, municipalFederation: t.municipalFederation };
  const who = eligibleKinds.map((kind) => names[kind] ?? kind);
  const text = who.length > 1 ? `${who.slice(0, -1).join(', ')} ${t.and} ${who.at(-1)}` : (who[0] ?? '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A step's questions as shown: the budget's cost categories gathered into one table. */
export type StepItem = { kind: 'field'; field: Field } | { kind: 'costs'; fields: AmountField[] };

const costFieldKeys = new Set(costCategories.map((c) => `cost.${c.key}`));

export function stepItems(step: Step, programmeCode: string): StepItem[] {
  const items: StepItem[] = [];
  for (const field of step.fields.map((f) => fieldFor(f, programmeCode))) {
    const last = items.at(-1);
    if (field.kind === 'amount' && costFieldKeys.has(field.key)) {
      if (last?.kind === 'costs') last.fields.push(field);
      else items.push({ kind: 'costs', fields: [field] });
    } else {
      items.push({ kind: 'field', field });
    }
  }
  return items;
}

/**
 * The confirmations a programme asks for: those always asked, and those asked only when the
 * project has cooperation partners.
 */
export function programmeConfirmations(programmeCode: string): { always: ConfirmField[]; withPartners: ConfirmField[] } {
  const always = requiredConfirmations(programmeCode, false);
  const withPartners = requiredConfirmations(programmeCode, true).filter((key) => !always.includes(key));
  return { always: always.map((key) => confirmations[key]), withPartners: withPartners.map((key) => confirmations[key]) };
}

export function choiceOptions(field: ChoicesField, sheet: QuestionSheet): readonly ChoiceOption[] {
  return field.source === 'purposes' ? sheet.purposes : sheet.targetGroups;
}

function count(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB');
}

/** What kind of answer a question takes, e.g. "Fritext, högst 10 000 tecken". */
export function answerFormat(field: Field, lang: Lang): string {
  const t = texts(lang);
  switch (field.kind) {
    case 'text':
      return t.shortText(count(field.maxLength, lang));
    case 'textarea':
      return t.longText(count(field.maxLength, lang));
    case 'date':
      return t.date;
    case 'amount':
      return t.amount;
    case 'choices':
      return t.choices;
    case 'rows':
      return t.rows(field.minRows, field.maxRows);
    case 'confirm':
      return t.confirm;
  }
}

/** What a column of a repeated question takes, e.g. "E-postadress". */
export function columnFormat(column: RowColumn, lang: Lang): string {
  const t = texts(lang);
  switch (column.kind) {
    case 'text':
      return t.shortText(count(column.maxLength, lang));
    case 'date':
      return t.date;
    case 'email':
      return t.email;
    case 'orgNumber':
      return t.orgNumber;
    case 'yesNo':
      return t.yesNo;
  }
}

/** The attachments an application asks for, each with when it is needed. */
export function attachments(lang: Lang): { name: string; when: string }[] {
  const t = texts(lang);
  return [
    { name: t.signatoryCertificate, when: t.signatoryCertificateWhen },
    { name: t.partnerCertificate, when: t.partnerCertificateWhen },
    { name: t.projectPlan, when: t.projectPlanWhen },
  ];
}

/** Rows printed on the PDF form for a repeated question: at least its minimum, three if allowed. */
export function printedRows(field: RowsField): number {
  return Math.min(field.maxRows, Math.max(field.minRows, 3));
}

/** Columns longer than a line's worth of text get their own fill-in field on the printed form. */
export function isLongColumn(column: RowColumn): boolean {
  return column.kind === 'text' && column.maxLength > 300;
}

export function stepAnchor(step: Step): string {
  return `steg-${step.slug}`;
}
