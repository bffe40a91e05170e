import { TableScroll } from '../../platform/components.tsx';
import type { Lang } from '../../platform/i18n.ts';
import { Layout } from '../../platform/layout.tsx';
import type { PageContext } from '../../platform/page-context.ts';
import { type AmountField, type ConfirmField, type Field, type Guidance, type RowsField, steps } from '../applications/form.ts';
import {
  answerFormat,
  attachments,
  choiceOptions,
  columnFormat,
  optionName,
  programmeConfirmations,
  programmeName,
  type QuestionSheet,
  type QuestionsProgramme,
  questionsHref,
  questionsPdfHref,
  stepAnchor,
  stepItems,
  templatesPath,
  whoMayApply,
} from './rules.ts';
import { texts } from './texts.ts';

const confirmationsAnchor = 'bekraftelser';
const attachmentsAnchor = 'bilagor';

/** The guidance sources name Swedish pages: on the English page they are marked as Swedish. */
function swedishIn(lang: Lang): 'sv' | undefined {
  return lang === 'sv' ? undefined : 'sv';
}

function GuidanceText({ guidance, lang }: { guidance: Guidance; lang: Lang }): JSX.Element {
  const t = texts(lang);
  return (
    <div class="govuk-inset-text">
      <p class="govuk-body">
        <strong>{t.guidanceLabel}:</strong> <span safe>{guidance.text[lang]}</span>
      </p>
      <p class="bp-source">
        {t.source}:{' '}
        <span lang={swedishIn(lang)} safe>
          {guidance.source}
        </span>
      </p>
    </div>
  );
}

function ProgrammeNav({
  ctx,
  programmes,
  current,
}: {
  ctx: PageContext;
  programmes: readonly QuestionsProgramme[];
  current: string;
}): JSX.Element {
  const t = texts(ctx.lang);
  return (
    <nav aria-labelledby="bidrag-rubrik" class="govuk-!-margin-bottom-6">
      <h2 class="govuk-heading-s" id="bidrag-rubrik">
        {t.programmesHeading}
      </h2>
      <ul class="govuk-list">
        {programmes.map((p) => (
          <li>
            <a
              class={p.code === current ? 'govuk-link govuk-!-font-weight-bold' : 'govuk-link'}
              href={questionsHref(p.code)}
              aria-current={p.code === current ? 'page' : undefined}
              safe
            >
              {programmeName(p, ctx.lang)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Contents({ lang }: { lang: Lang }): JSX.Element {
  const t = texts(lang);
  return (
    <nav aria-labelledby="innehall-rubrik" class="govuk-!-margin-bottom-6">
      <h2 class="govuk-heading-s" id="innehall-rubrik">
        {t.contents}
      </h2>
      <ul class="govuk-list">
        {steps.map((step) => (
          <li>
            <a class="govuk-link" href={`#${stepAnchor(step)}`} safe>
              {step.title[lang]}
            </a>
          </li>
        ))}
        <li>
          <a class="govuk-link" href={`#${confirmationsAnchor}`}>
            {t.confirmationsHeading}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`#${attachmentsAnchor}`}>
            {t.attachmentsHeading}
          </a>
        </li>
      </ul>
    </nav>
  );
}

function RowsTable({ field, lang }: { field: RowsField; lang: Lang }): JSX.Element {
  const t = texts(lang);
  return (
    <TableScroll label={t.rowsCaption(field.rowLabel[lang])}>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s" safe>
          {t.rowsCaption(field.rowLabel[lang])}
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              {t.colColumn}
            </th>
            <th scope="col" class="govuk-table__header">
              {t.colAnswer}
            </th>
            <th scope="col" class="govuk-table__header">
              {t.colRequired}
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {field.columns.map((column) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header" safe>
                {column.label[lang]}
              </th>
              <td class="govuk-table__cell" safe>
                {columnFormat(column, lang)}
              </td>
              <td class="govuk-table__cell">{column.required ? t.yes : t.no}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Answer({ field, sheet, lang }: { field: Field; sheet: QuestionSheet; lang: Lang }): JSX.Element {
  const t = texts(lang);
  if (field.kind === 'rows') return <RowsTable field={field} lang={lang} />;
  if (field.kind !== 'choices') return '';
  const options = choiceOptions(field, sheet);
  return (
    <>
      <p class="govuk-body" safe>
        {t.optionsOfYear(sheet.year)}
      </p>
      {options.length === 0 ? (
        <p class="govuk-body">{t.noOptions}</p>
      ) : (
        <ul class="govuk-list govuk-list--bullet">
          {options.map((o) => (
            <li safe>{optionName(o, lang)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function Question({ field, sheet, lang }: { field: Field; sheet: QuestionSheet; lang: Lang }): JSX.Element {
  const t = texts(lang);
  return (
    <div class="govuk-!-margin-bottom-8">
      <h3 class="govuk-heading-s" safe>
        {field.label[lang]}
      </h3>
      {field.hint ? (
        <p class="govuk-hint" safe>
          {field.hint[lang]}
        </p>
      ) : (
        ''
      )}
      <p class="govuk-body">
        <strong>{field.required ? t.required : t.optional}.</strong> <span safe>{`${answerFormat(field, lang)}.`}</span>
      </p>
      <Answer field={field} sheet={sheet} lang={lang} />
      {field.guidance ? <GuidanceText guidance={field.guidance} lang={lang} /> : ''}
    </div>
  );
}

function Costs({ fields, lang }: { fields: readonly AmountField[]; lang: Lang }): JSX.Element {
  const t = texts(lang);
  return (
    <div class="govuk-!-margin-bottom-8">
      <h3 class="govuk-heading-s">{t.costsHeading}</h3>
      <p class="govuk-body">{t.costsIntro}</p>
      <TableScroll label={t.costsHeading}>
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--s">{t.costsHeading}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                {t.colCategory}
              </th>
              <th scope="col" class="govuk-table__header">
                {t.colAnswer}
              </th>
              <th scope="col" class="govuk-table__header">
                {t.colRequired}
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {fields.map((field) => (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header" safe>
                  {field.label[lang]}
                </th>
                <td class="govuk-table__cell" safe>
                  {answerFormat(field, lang)}
                </td>
                <td class="govuk-table__cell">{field.required ? t.yes : t.no}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

function ConfirmationList({ items, lang }: { items: readonly ConfirmField[]; lang: Lang }): JSX.Element {
  return (
    <ul class="govuk-list govuk-list--bullet">
      {items.map((c) => (
        <li safe>{c.label[lang]}</li>
      ))}
    </ul>
  );
}

function Confirmations({ programmeCode, lang }: { programmeCode: string; lang: Lang }): JSX.Element {
  const t = texts(lang);
  const { always, withPartners } = programmeConfirmations(programmeCode);
  return (
    <section aria-labelledby={confirmationsAnchor}>
      <h2 class="govuk-heading-m" id={confirmationsAnchor}>
        {t.confirmationsHeading}
      </h2>
      {always.length + withPartners.length === 0 ? <p class="govuk-body">{t.confirmationsNone}</p> : ''}
      {always.length > 0 ? (
        <>
          <p class="govuk-body">{t.confirmationsAlways}</p>
          <ConfirmationList items={always} lang={lang} />
        </>
      ) : (
        ''
      )}
      {withPartners.length > 0 ? (
        <>
          <p class="govuk-body">{t.confirmationsWithPartners}</p>
          <ConfirmationList items={withPartners} lang={lang} />
        </>
      ) : (
        ''
      )}
    </section>
  );
}

function Attachments({ lang }: { lang: Lang }): JSX.Element {
  const t = texts(lang);
  return (
    <section aria-labelledby={attachmentsAnchor}>
      <h2 class="govuk-heading-m" id={attachmentsAnchor}>
        {t.attachmentsHeading}
      </h2>
      <p class="govuk-body">{t.attachmentsIntro}</p>
      <ul class="govuk-list govuk-list--bullet">
        {attachments(lang).map((a) => (
          <li>
            <strong safe>{a.name}</strong>
            <span safe>{`: ${a.when}`}</span>
          </li>
        ))}
      </ul>
      <p class="govuk-body">
        {t.templatesBefore}{' '}
        <a class="govuk-link" href={templatesPath}>
          {t.templatesLink}
        </a>
        .
      </p>
    </section>
  );
}

export function QuestionsPage({
  ctx,
  sheet,
  programmes,
}: {
  ctx: PageContext;
  sheet: QuestionSheet;
  programmes: readonly QuestionsProgramme[];
}): JSX.Element {
  const t = texts(ctx.lang);
  const lang = ctx.lang;
  const name = programmeName(sheet.programme, lang);
  return (
    <Layout
      ctx={ctx}
      title={t.pageTitle(name)}
      section="guidance"
      breadcrumbs={[{ text: t.home, href: '/' }, { text: t.guidance, href: '/vagledning' }, { text: t.title }]}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <span class="govuk-caption-l" safe>
            {name}
          </span>
          <h1 class="govuk-heading-l">{t.title}</h1>
          <p class="govuk-body-l">{t.lead}</p>
          {t.languageNote ? <p class="govuk-inset-text">{t.languageNote}</p> : ''}
          <dl class="govuk-summary-list">
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">{t.legalBasis}</dt>
              <dd class="govuk-summary-list__value" lang={swedishIn(lang)} safe>
                {sheet.programme.legalBasis}
              </dd>
            </div>
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">{t.whoMayApply}</dt>
              <dd class="govuk-summary-list__value" safe>
                {whoMayApply(sheet.programme.eligibleKinds, lang)}
              </dd>
            </div>
          </dl>
          <p class="govuk-body">
            <a class="govuk-link" href={questionsPdfHref(sheet.programme.code)} safe>
              {`${t.pdfLink}: ${name}`}
            </a>
          </p>
          <p class="govuk-body">{t.pdfLinkAfter}</p>
          <ProgrammeNav ctx={ctx} programmes={programmes} current={sheet.programme.code} />
          <Contents lang={lang} />
          {steps.map((step, i) => (
            <section aria-labelledby={stepAnchor(step)}>
              <h2 class="govuk-heading-m" id={stepAnchor(step)}>
                <span class="govuk-caption-m" safe>
                  {t.stepOf(i + 1, steps.length)}
                </span>
                <span safe>{step.title[lang]}</span>
              </h2>
              {step.intro ? <GuidanceText guidance={step.intro} lang={lang} /> : ''}
              {stepItems(step, sheet.programme.code).map((item) =>
                item.kind === 'costs' ? (
                  <Costs fields={item.fields} lang={lang} />
                ) : (
                  <Question field={item.field} sheet={sheet} lang={lang} />
                ),
              )}
            </section>
          ))}
          <Confirmations programmeCode={sheet.programme.code} lang={lang} />
          <Attachments lang={lang} />
        </div>
      </div>
    </Layout>
  );
}
