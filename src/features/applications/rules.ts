import { createHash } from 'node:crypto';
import organisationsnummerModule from 'organisationsnummer';
import { addDays, stockholmDateOf } from '../../platform/format.ts';
import { type CallWithDecision, callStatus, closesSoon, daysLeft } from '../calls/rules.ts';
import { isCalendarDate } from './eligibility.ts';
import { confirmations, costCategories, type Field, fieldsByKey, type RowColumn, type Step, steps } from './form.ts';

/**
 * A draft keeps exactly what the applicant typed, valid or not, so that nothing is lost; the
 * typed values are checked when they continue and in full at submission.
 */
export type DraftRow = Record<string, string>;
export type DraftValue = string | string[] | DraftRow[] | boolean;
export type DraftAnswers = Record<string, DraftValue>;

export type ErrorCode =
  | 'required'
  | 'tooLong'
  | 'invalidDate'
  | 'invalidAmount'
  | 'amountTooLarge'
  | 'amountNotPositive'
  | 'invalidEmail'
  | 'invalidOrgNumber'
  | 'orgNumberIsPersonal'
  | 'invalidChoice'
  | 'tooManyRows'
  | 'tooFewRows'
  | 'periodOrder'
  | 'budgetSum'
  | 'milestoneOutsidePeriod';

/** A problem with one answer; `key` is the field (or `field.row.column`) it belongs to. */
export interface AnswerError {
  key: string;
  code: ErrorCode;
  /** The label of the field, or the row number, for the message. */
  row?: number;
  max?: number;
}

export interface ChoiceOption {
  code: string;
  name: string;
  nameEn: string;
}

export interface ChoiceOptions {
  purposes: ChoiceOption[];
  targetGroups: ChoiceOption[];
}

// The package's CommonJS build puts the class on the default import itself.
const Organisationsnummer = organisationsnummerModule as unknown as typeof organisationsnummerModule.default;

/** HTML id for a field key: "partners.0.role" → "partners-0-role". */
export function fieldId(key: string): string {
  return key.replaceAll('.', '-');
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : '';
  return '';
}

function asList(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return [];
}

/** Line endings as the browser sends them become "\n", so a saved text equals the shown text. */
function normaliseText(value: string): string {
  return value.replaceAll('\r\n', '\n');
}

/**
 * A row whose text fields are all empty is removed, whatever its yes/no says: a chosen radio
 * cannot be unticked, so counting it would make such a row impossible to remove.
 */
function isBlankRow(row: DraftRow, columns: readonly RowColumn[]): boolean {
  return columns.every((c) => c.kind === 'yesNo' || (row[c.key] ?? '').trim() === '');
}

/**
 * Reads one step's fields from a posted form body. Rows come as "key.index.column"; blank rows
 * are dropped. Values are kept as typed (only line endings normalised).
 */
export function readFields(fields: readonly Field[], body: Record<string, unknown>): DraftAnswers {
  const answers: DraftAnswers = {};
  for (const field of fields) {
    switch (field.kind) {
      case 'choices':
        answers[field.key] = asList(body[field.key]);
        break;
      case 'confirm':
        answers[field.key] = asText(body[field.key]) === 'yes';
        break;
      case 'rows': {
        const rows: DraftRow[] = [];
        for (let i = 0; i < field.maxRows + 5; i++) {
          const row: DraftRow = {};
          let present = false;
          for (const column of field.columns) {
            const name = `${field.key}.${i}.${column.key}`;
            if (name in body) present = true;
            const text = normaliseText(asText(body[name]));
            row[column.key] = column.kind === 'orgNumber' ? canonicalOrgNumber(text) : text;
          }
          if (present && !isBlankRow(row, field.columns)) rows.push(row);
        }
        answers[field.key] = rows;
        break;
      }
      default:
        answers[field.key] = normaliseText(asText(body[field.key]));
    }
  }
  return answers;
}

/** Reads every field a body names; used by autosave, which posts the step it is on. */
export function readStep(step: Step, body: Record<string, unknown>): DraftAnswers {
  return readFields(step.fields, body);
}

export function readConfirmations(body: Record<string, unknown>): DraftAnswers {
  return readFields(Object.values(confirmations), body);
}

export function textAnswer(answers: DraftAnswers, key: string): string {
  const value = answers[key];
  return typeof value === 'string' ? value : '';
}

export function listAnswer(answers: DraftAnswers, key: string): string[] {
  const value = answers[key];
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : [];
}

export function rowsAnswer(answers: DraftAnswers, key: string): DraftRow[] {
  const value = answers[key];
  return Array.isArray(value) ? (value.filter((v) => typeof v === 'object' && v !== null) as DraftRow[]) : [];
}

/** A real calendar date as "YYYY-MM-DD" (Swedish standard notation); "2019-06-31" is not one. */
export function parseDate(text: string): string | null {
  const trimmed = text.trim();
  return isCalendarDate(trimmed) ? trimmed : null;
}

/** Whole kronor, plain or in groups of three after a comma or point ("1,000", "1.000"), then öre. */
const kronorPattern = /^(\d+|\d{1,3}(?:([,.])\d{3})(?:\2\d{3})*)(?:([,.])(\d{1,2}))?$/;
/** More than any budget: 999 999 999 999 kr, which still fits an öre count in a JavaScript number. */
const MAX_KRONOR_DIGITS = 12;

/**
 * Kronor as people type them ("12 500", "12 500,50", "12500 kr") to whole öre. Spaces (also the
 * no-break spaces a copied amount carries) separate thousands; decimals take comma or point. A
 * comma or point before groups of exactly three digits separates thousands too, as English pages
 * and copied figures write them ("1,000.50", "1.000,50"): no one writes öre with three digits.
 * 'tooLarge' for a number of more than twelve digits of kronor.
 */
export function readKronor(text: string): number | 'invalid' | 'tooLarge' {
  const compact = text
    .trim()
    .replace(/\s*(kr|sek|kronor)\.?$/i, '')
    .replace(/[\s\u00a0\u202f]/g, '');
  const match = kronorPattern.exec(compact);
  if (!match) return 'invalid';
  const [, grouped = '', separator, decimalSeparator, decimals] = match;
  // "1,000,50": the same mark cannot both group thousands and start the öre.
  if (separator && decimalSeparator === separator) return 'invalid';
  const whole = separator ? grouped.replaceAll(separator, '') : grouped;
  if (whole.replace(/^0+(?=\d)/, '').length > MAX_KRONOR_DIGITS) return 'tooLarge';
  const fraction = decimals ? Number(decimals.padEnd(2, '0')) : 0;
  return Number(whole) * 100 + fraction;
}

/** An amount in öre as readKronor reads it; null for anything that is not one. */
export function parseKronor(text: string): number | null {
  const read = readKronor(text);
  return typeof read === 'number' ? read : null;
}

const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

export function isEmail(text: string): boolean {
  return emailPattern.test(text.trim());
}

/**
 * Word processors and web pages turn "-" into a typographic dash (or hide a soft hyphen in a
 * number), which a pasted number then carries.
 */
function plainDashes(text: string): string {
  return text.replace(/\u00ad/g, '').replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-');
}

/**
 * An organisation number as the form asks for it: ten digits, NNNNNN-NNNN (or with Skatteverket's
 * prefix 16), with a valid check digit. A sole trader's number is the owner's personal identity
 * number, which the service never shows in full to others: that is `personal`, to be left out.
 */
export function orgNumberProblem(text: string): 'invalid' | 'personal' | null {
  const trimmed = plainDashes(text).trim();
  if (!Organisationsnummer.valid(trimmed)) return 'invalid';
  if (Organisationsnummer.parse(trimmed).isPersonnummer()) return 'personal';
  return /^(16)?\d{6}-?\d{4}$/.test(trimmed) ? null : 'invalid';
}

/**
 * A valid organisation number in the one form the service shows: NNNNNN-NNNN, however it was typed
 * (without the dash, with a typographic dash, with the prefix 16, with spaces around). Anything else stays as typed, so that
 * its message can point at what was written.
 */
export function canonicalOrgNumber(text: string): string {
  return orgNumberProblem(text) === null ? Organisationsnummer.parse(plainDashes(text).trim()).format(true) : text;
}

function formatError(column: RowColumn, trimmed: string): ErrorCode | null {
  if (column.kind === 'date' && parseDate(trimmed) === null) return 'invalidDate';
  if (column.kind === 'email' && !isEmail(trimmed)) return 'invalidEmail';
  if (column.kind === 'orgNumber') {
    const problem = orgNumberProblem(trimmed);
    if (problem) return problem === 'personal' ? 'orgNumberIsPersonal' : 'invalidOrgNumber';
  }
  if (column.kind === 'yesNo' && trimmed !== 'yes' && trimmed !== 'no') return 'required';
  return null;
}

/**
 * A date, amount, organisation number or yes/no longer than this is no typing mistake but a paste
 * gone wrong: it is refused as too long, so that it never replaces the saved answer.
 */
const FORMATTED_MAX = 100;

function beyondAnyFormat(trimmed: string, maxLength = 0): boolean {
  return trimmed.length > Math.max(maxLength, FORMATTED_MAX);
}

/**
 * The format is checked before the length: "1 mars 2027" is a wrong date, not a too long one, and
 * only `tooLong` makes a save keep the table's previous rows (see `answersToStore`).
 */
function columnError(column: RowColumn, value: string): ErrorCode | null {
  const trimmed = value.trim();
  if (trimmed === '') return column.required ? 'required' : null;
  if (beyondAnyFormat(trimmed, column.maxLength)) return 'tooLong';
  return formatError(column, trimmed) ?? (trimmed.length > column.maxLength ? 'tooLong' : null);
}

function fieldErrors(field: Field, answers: DraftAnswers, options: ChoiceOptions): AnswerError[] {
  switch (field.kind) {
    case 'choices': {
      const chosen = listAnswer(answers, field.key);
      const valid = new Set(options[field.source].map((o) => o.code));
      if (chosen.some((code) => !valid.has(code))) return [{ key: field.key, code: 'invalidChoice' }];
      return field.required && chosen.length === 0 ? [{ key: field.key, code: 'required' }] : [];
    }
    case 'confirm':
      return field.required && answers[field.key] !== true ? [{ key: field.key, code: 'required' }] : [];
    case 'rows': {
      const rows = rowsAnswer(answers, field.key);
      const errors: AnswerError[] = [];
      if (rows.length < field.minRows) errors.push({ key: `${field.key}.0.${field.columns[0]?.key}`, code: 'tooFewRows' });
      if (rows.length > field.maxRows) errors.push({ key: field.key, code: 'tooManyRows', max: field.maxRows });
      rows.slice(0, field.maxRows).forEach((row, i) => {
        for (const column of field.columns) {
          const code = columnError(column, row[column.key] ?? '');
          if (code) errors.push({ key: `${field.key}.${i}.${column.key}`, code, row: i + 1, max: column.maxLength });
        }
      });
      return errors;
    }
    default: {
      const value = textAnswer(answers, field.key);
      if (value.trim() === '') return field.required ? [{ key: field.key, code: 'required' }] : [];
      if ((field.kind === 'date' || field.kind === 'amount') && beyondAnyFormat(value.trim()))
        return [{ key: field.key, code: 'tooLong', max: FORMATTED_MAX }];
      if (field.kind === 'date') return parseDate(value) ? [] : [{ key: field.key, code: 'invalidDate' }];
      if (field.kind === 'amount') {
        const ore = readKronor(value);
        if (ore === 'invalid') return [{ key: field.key, code: 'invalidAmount' }];
        if (ore === 'tooLarge') return [{ key: field.key, code: 'amountTooLarge' }];
        // Eligibility says the same at submission; here it shows on the step where it is typed.
        return field.positive && ore === 0 ? [{ key: field.key, code: 'amountNotPositive' }] : [];
      }
      return value.length > field.maxLength ? [{ key: field.key, code: 'tooLong', max: field.maxLength }] : [];
    }
  }
}

/** Sum of the budget's cost rows in öre; null while any given cost is not a valid amount. */
export function budgetTotal(answers: DraftAnswers): number | null {
  let total = 0;
  for (const c of costCategories) {
    const text = textAnswer(answers, `cost.${c.key}`);
    if (text.trim() === '') continue;
    const ore = parseKronor(text);
    if (ore === null) return null;
    total += ore;
  }
  return total;
}

/** Rules between fields of one step: the period's order, milestones inside it, the budget's sums. */
function crossFieldErrors(step: Step, answers: DraftAnswers, own: AnswerError[]): AnswerError[] {
  const failed = new Set(own.map((e) => e.key));
  const errors: AnswerError[] = [];
  const start = parseDate(textAnswer(answers, 'projectStart'));
  const end = parseDate(textAnswer(answers, 'projectEnd'));
  if (step.key === 'project' && start && end && end <= start) errors.push({ key: 'projectEnd', code: 'periodOrder' });
  if (step.key === 'timePlan' && start && end) {
    rowsAnswer(answers, 'milestones').forEach((row, i) => {
      const date = parseDate(row.date ?? '');
      if (date && (date < start || date > end)) errors.push({ key: `milestones.${i}.date`, code: 'milestoneOutsidePeriod', row: i + 1 });
    });
  }
  if (step.key === 'budget' && !step.fields.some((f) => failed.has(f.key))) {
    const total = budgetTotal(answers);
    const applied = parseKronor(textAnswer(answers, 'amountApplied'));
    const own = textAnswer(answers, 'ownFinancing').trim() === '' ? 0 : parseKronor(textAnswer(answers, 'ownFinancing'));
    if (total !== null && applied !== null && own !== null && total !== applied + own) {
      errors.push({ key: 'amountApplied', code: 'budgetSum' });
    }
  }
  return errors;
}

/** What is wrong with one step's answers, field by field, in the order the fields are shown. */
export function validateStep(step: Step, answers: DraftAnswers, options: ChoiceOptions): AnswerError[] {
  const own = step.fields.flatMap((f) => fieldErrors(f, answers, options));
  // In page order, as the error summary lists them: an error comparing two fields belongs with its
  // field, and a table's errors go row by row, column by column. A field's own key may hold a dot
  // ("cost.travel"); a cell's key is "<field>.<row>.<column>".
  const position = (error: AnswerError): [number, number, number] => {
    const index = step.fields.findIndex((f) => error.key === f.key || error.key.startsWith(`${f.key}.`));
    const field = step.fields[index];
    if (field?.kind !== 'rows' || error.key === field.key) return [index === -1 ? step.fields.length : index, -1, -1];
    const [, row, column] = error.key.split('.');
    return [index, Number(row), field.columns.findIndex((c) => c.key === column)];
  };
  const order = (a: AnswerError, b: AnswerError) => {
    const [pa, pb] = [position(a), position(b)];
    return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
  };
  return [...own, ...crossFieldErrors(step, answers, own)].sort(order);
}

export type StepState = 'notStarted' | 'inProgress' | 'complete';

function hasAnyAnswer(step: Step, answers: DraftAnswers): boolean {
  return step.fields.some((f) => {
    const value = answers[f.key];
    if (typeof value === 'string') return value.trim() !== '';
    if (Array.isArray(value)) return value.length > 0;
    return value === true;
  });
}

/**
 * For the task list: a step is complete once saved without errors, not started while it has no
 * answers. A step whose questions are all optional (the partners) is not complete before it was saved.
 */
export function stepState(step: Step, answers: DraftAnswers, options: ChoiceOptions): StepState {
  const saved = step.fields.some((f) => f.key in answers);
  if (saved && validateStep(step, answers, options).length === 0) return 'complete';
  return hasAnyAnswer(step, answers) ? 'inProgress' : 'notStarted';
}

/** How many of the form's steps are complete, as the task list marks them, and how many there are. */
export function completedSteps(answers: DraftAnswers, options: ChoiceOptions): { done: number; total: number } {
  return { done: steps.filter((step) => stepState(step, answers, options) === 'complete').length, total: steps.length };
}

/** Partners that receive money: each needs a partner certificate. */
export function partnersReceivingMoney(answers: DraftAnswers): { index: number; organisation: string }[] {
  return rowsAnswer(answers, 'partners')
    .map((row, index) => ({ index, organisation: row.organisation ?? '', receives: row.receivesMoney === 'yes' }))
    .filter((p) => p.receives)
    .map(({ index, organisation }) => ({ index, organisation }));
}

/**
 * Partner certificates are tied to a partner by its row. When a save removes or reorders rows, a
 * certificate follows its partner's name to the new row; a partner renamed in place keeps it; one
 * whose partner is gone is tied to none (it then counts for nobody). Returns only what changes.
 */
export function relinkedPartnerCertificates(
  before: DraftAnswers,
  after: DraftAnswers,
  certificates: readonly { id: string; partnerIndex: number | null }[],
): { id: string; partnerIndex: number | null }[] {
  const name = (row: DraftRow | undefined) => (row?.organisation ?? '').trim().toLocaleLowerCase('sv');
  const old = rowsAnswer(before, 'partners');
  const now = rowsAnswer(after, 'partners');
  const changes: { id: string; partnerIndex: number | null }[] = [];
  for (const c of certificates) {
    if (c.partnerIndex === null) continue;
    const was = name(old[c.partnerIndex]);
    if (was === name(now[c.partnerIndex])) continue;
    const moved = was === '' ? -1 : now.findIndex((row) => name(row) === was);
    const partnerIndex = moved >= 0 ? moved : old.length === now.length ? c.partnerIndex : null;
    if (partnerIndex !== c.partnerIndex) changes.push({ id: c.id, partnerIndex });
  }
  return changes;
}

/** Where a submission's confirmation mail goes: each contact person's address, once, in lower case. */
export function confirmationRecipients(answers: DraftAnswers): string[] {
  const addresses = rowsAnswer(answers, 'contacts').map((c) => (c.email ?? '').trim().toLowerCase());
  return [...new Set(addresses)].filter((to) => to !== '');
}

/** Draft answers the form does not define are dropped when merged, so a crafted post stores nothing extra. */
export function mergeAnswers(current: DraftAnswers, update: DraftAnswers): DraftAnswers {
  const merged: DraftAnswers = { ...current };
  for (const [key, value] of Object.entries(update)) if (fieldsByKey.has(key)) merged[key] = value;
  return merged;
}

/**
 * The answers a new draft starts with when copied from an earlier application: everything but the
 * confirmations, which the applicant must give again for the new application.
 */
export function copiedAnswers(source: DraftAnswers): DraftAnswers {
  const copied = mergeAnswers({}, source);
  for (const field of Object.values(confirmations)) delete copied[field.key];
  return copied;
}

/** The fields whose saved value differs from the one a person tried to save: shown on a conflict. */
export function changedKeys(saved: DraftAnswers, attempted: DraftAnswers): string[] {
  return Object.keys(attempted).filter((key) => JSON.stringify(saved[key] ?? null) !== JSON.stringify(attempted[key]));
}

/** A file may be opened once the scanner passed it, or where no scanner is configured; not while in quarantine. */
export function mayDownload(file: { scanStatus: 'notScanned' | 'pending' | 'clean' | 'infected' }): boolean {
  return file.scanStatus === 'clean' || file.scanStatus === 'notScanned';
}

/**
 * Saved, never shown in the browser (a file is the applicant's, not the service's page), under its
 * own name: ASCII for old clients, the real name in UTF-8 (RFC 6266) for the rest.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** The fields two versions of a draft answer differently, whichever of them holds the answer. */
export function differingKeys(one: DraftAnswers, other: DraftAnswers): Set<string> {
  return new Set([...changedKeys(one, other), ...changedKeys(other, one)]);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Drafts are deleted after 14 days without change (seed 001). */
export const DRAFT_LIFETIME_DAYS = 14;

/** The date (Europe/Stockholm) a draft last changed at `updatedAt` is deleted on. */
export function deletionDate(updatedAt: Date): string {
  return addDays(stockholmDateOf(updatedAt), DRAFT_LIFETIME_DAYS);
}

/**
 * The answers to store from a save: a field whose typed value breaks its length or row limit keeps
 * its saved value, so an oversized paste never replaces good work. The form still shows what was
 * typed, with the message, so the person can shorten it.
 */
export function answersToStore(
  step: Step,
  saved: DraftAnswers,
  typed: DraftAnswers,
  options: ChoiceOptions,
): { answers: DraftAnswers; refusedKeys: string[] } {
  const oversized = new Set(
    validateStep(step, typed, options)
      .filter((e) => e.code === 'tooLong' || e.code === 'tooManyRows')
      .map((e) => e.key.split('.')[0] ?? e.key),
  );
  const answers: DraftAnswers = { ...typed };
  for (const key of oversized) {
    const previous = saved[key];
    if (previous === undefined) delete answers[key];
    else answers[key] = previous;
  }
  return { answers, refusedKeys: [...oversized] };
}

/** What the application pages warn about the call: not open yet, closing within three days, or closed. */
export type CallBannerState =
  | null
  | { kind: 'closesSoon'; days: number; date: string }
  | { kind: 'closed'; date: string }
  | { kind: 'notOpenYet'; date: string };

export function bannerFor(call: CallWithDecision, today: string): CallBannerState {
  const status = callStatus(call, today);
  if (status === 'coming' && call.opensOn) return { kind: 'notOpenYet', date: call.opensOn };
  if (status === 'closed' && call.closesOn) return { kind: 'closed', date: call.closesOn };
  if (closesSoon(call, today) && call.closesOn) return { kind: 'closesSoon', days: daysLeft(call, today) ?? 0, date: call.closesOn };
  return null;
}
