import type { FormError } from '../../platform/components.tsx';
import { formatDate, formatKronor } from '../../platform/format.ts';
import type { Lang } from '../../platform/i18n.ts';
import { eligibilityMessage } from './eligibility.ts';
import { fieldsByKey, steps } from './form.ts';
import { type AnswerError, budgetTotal, type DraftAnswers, fieldId, parseKronor, textAnswer } from './rules.ts';
import type { SubmissionProblem } from './snapshot.ts';
import { errorNames, texts } from './texts.ts';

/** The Swedish (or English) message for an answer error, naming the field or the row it is on. */
export function answerErrorText(error: AnswerError, answers: DraftAnswers, lang: Lang): string {
  const t = texts(lang);
  const [fieldKey, , columnKey] = error.key.split('.');
  const field = fieldsByKey.get(error.key) ?? fieldsByKey.get(fieldKey ?? '');
  const column = field?.kind === 'rows' ? field.columns.find((c) => c.key === columnKey) : undefined;
  const nameOf = (key: string, label: string | undefined) => errorNames[lang][key] ?? (label ?? key).toLowerCase();
  const fieldName = nameOf(field?.key ?? error.key, field?.label[lang]);
  const name = column && field ? nameOf(`${field.key}.${column.key}`, column.label[lang]) : fieldName;
  const message = (() => {
    switch (error.code) {
      case 'required':
        if (field?.kind === 'confirm') return t.errConfirm(name);
        return field?.kind === 'choices' || column?.kind === 'yesNo' ? t.errChoose(name) : t.errRequired(name);
      case 'tooLong':
        return t.errTooLong(name, error.max ?? 0);
      case 'invalidDate':
        return t.errInvalidDate(name);
      case 'invalidAmount':
        return t.errInvalidAmount(name);
      case 'amountTooLarge':
        return t.errAmountTooLarge(name);
      case 'amountNotPositive':
        return t.errAmountNotPositive(name);
      case 'invalidEmail':
        return t.errInvalidEmail(name);
      case 'invalidOrgNumber':
        return t.errInvalidOrgNumber(name);
      case 'orgNumberIsPersonal':
        return t.errOrgNumberIsPersonal(name);
      case 'invalidChoice':
        return t.errInvalidChoice(name);
      case 'tooManyRows':
        return t.errTooManyRows(fieldName, error.max ?? 0);
      case 'tooFewRows':
        return t.errTooFewRows(fieldName);
      case 'periodOrder':
        return t.errPeriodOrder;
      case 'milestoneOutsidePeriod':
        return t.errMilestoneOutsidePeriod;
      case 'budgetSum': {
        const applied = parseKronor(textAnswer(answers, 'amountApplied')) ?? 0;
        const own = parseKronor(textAnswer(answers, 'ownFinancing')) ?? 0;
        return t.errBudgetSum(formatKronor(budgetTotal(answers) ?? 0, lang), formatKronor(applied + own, lang));
      }
    }
  })();
  return error.row !== undefined && field?.kind === 'rows' && error.code !== 'tooFewRows'
    ? t.errRow(field.rowLabel[lang], error.row, message)
    : message;
}

export function answerErrorsToForm(errors: AnswerError[], answers: DraftAnswers, lang: Lang, hrefPrefix = ''): FormError[] {
  return errors.map((e) => ({ text: answerErrorText(e, answers, lang), href: `${hrefPrefix}#${fieldId(e.key)}` }));
}

/** Submission problems as error-summary entries linking to the step and field to correct. */
export function problemsToForm(problems: SubmissionProblem[], answers: DraftAnswers, applicationId: string, lang: Lang): FormError[] {
  const t = texts(lang);
  const base = `/ansokningar/${applicationId}`;
  return problems.map((p): FormError => {
    if (p.source === 'field')
      return { text: answerErrorText(p.error, answers, lang), href: `${base}/${p.stepSlug}#${fieldId(p.error.key)}` };
    if (p.source === 'eligibility') {
      const step = steps.find((s) => s.fields.some((f) => f.key === p.key));
      return { text: eligibilityMessage(p.failure, lang), href: step ? `${base}/${step.slug}#${fieldId(p.key)}` : `#${fieldId(p.key)}` };
    }
    if (p.source === 'attachment') {
      return {
        text: p.code === 'signatoryCertificateMissing' ? t.errSignatoryMissing : t.errPartnerCertificateMissing(p.organisation ?? ''),
        href: `${base}/bilagor`,
      };
    }
    return { text: p.code === 'notOpenYet' && p.opensOn ? t.errNotOpenYet(formatDate(p.opensOn, lang)) : t.errNoPeriod, href: '#call' };
  });
}
