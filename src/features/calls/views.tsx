import { MailLink, Money, TableScroll, WarningText } from '../../platform/components.tsx';
import { type Lang, swedishOnly } from '../../platform/i18n.ts';
import { Layout } from '../../platform/layout.tsx';
import type { PageContext } from '../../platform/page-context.ts';
import { DateText, DemoTag, Period, RichText, SourceCell, SourceNote, StatusTag, TimeLeft } from './parts.tsx';
import type { CallDetail, CallSummary, FilterOptions } from './queries.ts';
import { applicationWindow, type CallGroups, callStatus } from './rules.ts';
import { callTexts } from './texts.ts';

export function programmeName(row: { name: string; nameEn: string }, lang: Lang): string {
  return lang === 'sv' ? row.name : row.nameEn;
}

export function callHref(slug: string): string {
  return `/utlysningar/${encodeURIComponent(slug)}`;
}

interface CallTableProps {
  heading: string;
  calls: CallSummary[];
  today: string;
  lang: Lang;
  /** Closed calls have no time left to show. */
  showTimeLeft: boolean;
  emptyText: string;
}

/** A group of calls under an h2 that doubles as the table caption. */
export function CallTable({ heading, calls, today, lang, showTimeLeft, emptyText }: CallTableProps): JSX.Element {
  const t = callTexts(lang);
  if (calls.length === 0) {
    return (
      <>
        <h2 class="govuk-heading-m" safe>
          {heading}
        </h2>
        <p class="govuk-body" safe>
          {emptyText}
        </p>
      </>
    );
  }
  return (
    <TableScroll label={heading}>
      <table class="govuk-table">
        <caption class="govuk-table__caption">
          <h2 class="govuk-heading-m" safe>
            {heading}
          </h2>
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              {t.colCall}
            </th>
            <th scope="col" class="govuk-table__header">
              {t.colCounty}
            </th>
            <th scope="col" class="govuk-table__header">
              {t.colProgramme}
            </th>
            <th scope="col" class="govuk-table__header">
              {t.colPeriod}
            </th>
            {showTimeLeft ? (
              <th scope="col" class="govuk-table__header">
                {t.colDays}
              </th>
            ) : (
              ''
            )}
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">
              {t.colBudget}
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {calls.map((call) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">
                <a class="govuk-link" href={callHref(call.slug)} lang={swedishOnly(lang)} safe>
                  {call.title}
                </a>
                {call.isDemo ? (
                  <>
                    {' '}
                    <DemoTag lang={lang} />
                  </>
                ) : (
                  ''
                )}
              </th>
              <td class="govuk-table__cell" safe>
                {call.countyName}
              </td>
              <td class="govuk-table__cell" safe>
                {programmeName({ name: call.programmeName, nameEn: call.programmeNameEn }, lang)}
              </td>
              <td class="govuk-table__cell">
                <Period period={call} lang={lang} />
              </td>
              {showTimeLeft ? (
                <td class="govuk-table__cell">
                  <TimeLeft period={call} today={today} lang={lang} />
                </td>
              ) : (
                ''
              )}
              <td class="govuk-table__cell govuk-table__cell--numeric">
                <Money ore={call.budgetOre} lang={lang} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export interface CallListSelection {
  countySlug: string | null;
  programmeCode: string | null;
}

interface CallListPageProps {
  ctx: PageContext;
  groups: CallGroups<CallSummary>;
  today: string;
  options: FilterOptions;
  selection: CallListSelection;
  /** Filter values that were not understood and were ignored, already worded for the visitor. */
  notes: string[];
}

export function CallListPage({ ctx, groups, today, options, selection, notes }: CallListPageProps): JSX.Element {
  const t = callTexts(ctx.lang);
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={t.listTitle} section="calls" breadcrumbs={[{ text: t.home, href: '/' }, { text: t.listTitle }]}>
      <h1 class="govuk-heading-l">{t.listTitle}</h1>
      <p class="govuk-body-l">{t.listIntro}</p>
      {notes.length > 0 ? (
        <div class="govuk-inset-text" role="status">
          <p class="govuk-body govuk-!-font-weight-bold">{t.filterNoteHeading}</p>
          {notes.map((note) => (
            <p class="govuk-body" safe>
              {note}
            </p>
          ))}
        </div>
      ) : (
        ''
      )}
      <form method="get" action="/utlysningar" class="bp-filters">
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t.filterHeading}</legend>
          <div class="govuk-form-group">
            <label class="govuk-label" for="filter-lan">
              {t.filterCounty}
            </label>
            <select class="govuk-select" id="filter-lan" name="lan">
              <option value="">{t.filterAllCounties}</option>
              {options.counties.map((c) => (
                <option value={c.slug} selected={c.slug === selection.countySlug} safe>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div class="govuk-form-group">
            <label class="govuk-label" for="filter-bidrag">
              {t.filterProgramme}
            </label>
            <select class="govuk-select" id="filter-bidrag" name="bidrag">
              <option value="">{t.filterAllProgrammes}</option>
              {options.programmes.map((p) => (
                <option value={p.code} selected={p.code === selection.programmeCode} safe>
                  {programmeName(p, lang)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button">
            {t.filterSubmit}
          </button>{' '}
          {selection.countySlug || selection.programmeCode ? (
            <a class="govuk-link" href="/utlysningar">
              {t.filterClear}
            </a>
          ) : (
            ''
          )}
        </fieldset>
      </form>
      <CallTable heading={t.groupOpen} calls={groups.open} today={today} lang={lang} showTimeLeft emptyText={t.emptyOpen} />
      <CallTable heading={t.groupComing} calls={groups.coming} today={today} lang={lang} showTimeLeft emptyText={t.emptyComing} />
      <CallTable heading={t.groupClosed} calls={groups.closed} today={today} lang={lang} showTimeLeft={false} emptyText={t.emptyClosed} />
      {groups.unknown.length > 0 ? (
        <CallTable heading={t.groupUnknown} calls={groups.unknown} today={today} lang={lang} showTimeLeft={false} emptyText="" />
      ) : (
        ''
      )}
    </Layout>
  );
}

function SummaryRow({ label, children }: { label: string; children: JSX.Element | JSX.Element[] }): JSX.Element {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key" safe>
        {label}
      </dt>
      <dd class="govuk-summary-list__value">{children as 'safe'}</dd>
    </div>
  );
}

/** A stored date with the source's own wording of it beside it. */
function DateWithSource({ iso, source, lang }: { iso: string | null; source: string | null; lang: Lang }): JSX.Element {
  const t = callTexts(lang);
  return (
    <>
      {iso ? <DateText iso={iso} lang={lang} /> : t.missing}
      {source ? (
        <p class="bp-source govuk-!-margin-bottom-0">
          {t.sourceText}:{' '}
          <q lang={swedishOnly(lang)} safe>
            {source}
          </q>
        </p>
      ) : (
        ''
      )}
    </>
  );
}

function BoardName({ name, lang }: { name: string | null; lang: Lang }): JSX.Element {
  return name ? (
    <span lang={swedishOnly(lang)} safe>
      {name}
    </span>
  ) : (
    callTexts(lang).missing
  );
}

export function CallPage({ ctx, detail, today }: { ctx: PageContext; detail: CallDetail; today: string }): JSX.Element {
  const { call, county, programme, boards } = detail;
  const lang = ctx.lang;
  const t = callTexts(lang);
  const status = callStatus(call, today);
  const applyWindow = applicationWindow(call, today);
  const partialPeriod = call.opensOn === null || call.closesOn === null;
  // Not every county presents every programme; a link to a county page that does not exist is a 404.
  const programmePage = detail.hasCountyPage
    ? { href: `/bidrag/${encodeURIComponent(programme.code)}/${encodeURIComponent(county.slug)}`, text: t.programmePageLink }
    : { href: `/bidrag/${encodeURIComponent(programme.code)}`, text: t.programmeGeneralLink };
  return (
    <Layout
      ctx={ctx}
      title={call.title}
      section="calls"
      breadcrumbs={[
        { text: t.home, href: '/' },
        { text: t.listTitle, href: '/utlysningar' },
        { text: call.title, lang: swedishOnly(lang) },
      ]}
    >
      <span class="govuk-caption-l" safe>
        {`${county.name} · ${programmeName(programme, lang)}`}
      </span>
      <h1 class="govuk-heading-l" lang={swedishOnly(lang)} safe>
        {call.title}
      </h1>
      <p class="govuk-body">
        <StatusTag status={status} lang={lang} />
        {call.isDemo ? (
          <>
            {' '}
            <DemoTag lang={lang} />
          </>
        ) : (
          ''
        )}
      </p>
      {call.isDemo ? <p class="govuk-body-s">{t.demoNote}</p> : ''}
      {applyWindow !== null ? (
        <a
          href={`/ansokningar/ny?utlysning=${encodeURIComponent(call.slug)}`}
          class="govuk-button govuk-button--start"
          data-module="govuk-button"
        >
          {applyWindow === 'open' ? t.apply : t.applyLate}
        </a>
      ) : (
        ''
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={`/ansokan/fragor?bidrag=${encodeURIComponent(programme.code)}`}>
          {t.questionsLink}
        </a>
      </p>
      {status === 'closed' ? <WarningText prefix={t.warningPrefix} text={t.lateWarning} /> : ''}
      {call.description ? <RichText text={call.description} lang={swedishOnly(lang)} headingLevel={2} /> : ''}

      <h2 class="govuk-heading-m">{t.detailsHeading}</h2>
      <dl class="govuk-summary-list">
        <SummaryRow label={t.period}>
          <Period period={call} lang={lang} />
          {call.periodNote ? (
            <p class="bp-source govuk-!-margin-bottom-0" lang={swedishOnly(lang)} safe>
              {call.periodNote}
            </p>
          ) : (
            ''
          )}
          {partialPeriod && call.periodSource && !call.periodNote?.includes(call.periodSource) ? (
            <p class="bp-source govuk-!-margin-bottom-0">
              {t.periodSourceLabel}:{' '}
              <q lang={swedishOnly(lang)} safe>
                {call.periodSource}
              </q>
            </p>
          ) : (
            ''
          )}
        </SummaryRow>
        <SummaryRow label={t.status}>
          <StatusTag status={status} lang={lang} />
        </SummaryRow>
        {status === 'open' || status === 'coming' ? (
          <SummaryRow label={t.daysLeft}>
            <TimeLeft period={call} today={today} lang={lang} />
          </SummaryRow>
        ) : (
          ''
        )}
        <SummaryRow label={t.budget}>
          <Money ore={call.budgetOre} lang={lang} />
        </SummaryRow>
        {call.maxAmountOre !== null ? (
          <SummaryRow label={t.maxAmount}>
            <Money ore={call.maxAmountOre} lang={lang} />
          </SummaryRow>
        ) : (
          ''
        )}
        <SummaryRow label={t.preparingBoard}>
          <BoardName name={boards.preparing} lang={lang} />
        </SummaryRow>
        <SummaryRow label={t.decidingBoard}>
          <BoardName name={boards.deciding} lang={lang} />
        </SummaryRow>
        <SummaryRow label={t.payingBoard}>
          <BoardName name={boards.paying} lang={lang} />
        </SummaryRow>
        <SummaryRow label={t.decisionAnnounced}>
          <DateWithSource iso={call.decisionAnnouncedOn} source={call.decisionAnnouncedSource} lang={lang} />
        </SummaryRow>
        <SummaryRow label={t.paymentBy}>
          <DateWithSource iso={call.paymentBy} source={call.paymentBySource} lang={lang} />
        </SummaryRow>
        <SummaryRow label={t.mailbox}>{call.functionalMailbox ? <MailLink address={call.functionalMailbox} /> : t.missing}</SummaryRow>
      </dl>

      <h2 class="govuk-heading-m" safe>
        {t.prioritiesOfYear(call.year)}
      </h2>
      {detail.priorities.length > 0 ? (
        <>
          {detail.priorities.map((p) => (
            <RichText text={p.text} lang={swedishOnly(lang)} />
          ))}
          <SourceNote sourceRef={[...new Set(detail.priorities.map((p) => p.sourceRef))].join(', ')} lang={lang} />
        </>
      ) : (
        <p class="govuk-body">{t.noPriorities}</p>
      )}

      <h2 class="govuk-heading-m">{t.criteriaHeading}</h2>
      {call.criteria.length > 0 ? (
        <>
          <p class="govuk-body">{t.criteriaIntro}</p>
          <ul class="govuk-list govuk-list--bullet">
            {call.criteria.map((c) => (
              <li lang={swedishOnly(lang)} safe>
                {c}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="govuk-body">{t.noCriteria}</p>
      )}

      {detail.figures.length > 0 ? <FiguresTable figures={detail.figures} lang={lang} /> : ''}

      <p class="govuk-body">
        <a class="govuk-link" href={programmePage.href}>
          {programmePage.text}
        </a>
      </p>
      <SourceNote sourceRef={call.sourceRef} sourceDate={call.sourceDate} lang={lang} />
    </Layout>
  );
}

function FiguresTable({ figures, lang }: { figures: CallDetail['figures']; lang: Lang }): JSX.Element {
  const t = callTexts(lang);
  return (
    <TableScroll label={t.figuresHeading}>
      <table class="govuk-table">
        <caption class="govuk-table__caption">
          <h2 class="govuk-heading-m">{t.figuresHeading}</h2>
          <span class="govuk-visually-hidden">{t.figureCaption}</span>
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              {t.figureLabel}
            </th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">
              {t.figureAmount}
            </th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">
              {t.figureCount}
            </th>
            <th scope="col" class="govuk-table__header">
              {t.figureSource}
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {figures.map((f) => (
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header" lang={swedishOnly(lang)} safe>
                {f.label}
              </th>
              <td class="govuk-table__cell govuk-table__cell--numeric">
                {f.amountOre === null ? '' : <Money ore={f.amountOre} lang={lang} />}
              </td>
              <td class="govuk-table__cell govuk-table__cell--numeric" safe>
                {f.count === null ? '' : String(f.count)}
              </td>
              <SourceCell text={f.sourceText} sourceRef={f.sourceRef} lang={lang} />
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
