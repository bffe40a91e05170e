import { Money, TableScroll } from '../../platform/components.tsx';
import { formatKronor } from '../../platform/format.ts';
import { type Lang, swedishOnly } from '../../platform/i18n.ts';
import { Layout } from '../../platform/layout.tsx';
import type { PageContext } from '../../platform/page-context.ts';
import { sourceCitation } from '../../platform/sources.ts';
import { SourceCell } from '../calls/parts.tsx';
import { programmeName } from '../calls/views.tsx';
import { queryNoteText } from '../catalogue/texts.ts';
import { FilterSelect } from '../catalogue/views.tsx';
import type { RecordedFigure, StatisticsOptions } from './queries.ts';
import { barLength, type CallStatistics, type CountyYearStatistics, type StatisticsFilters, type StatisticsQueryNote } from './rules.ts';
import { texts } from './texts.ts';

function Count({ value, lang }: { value: number | null; lang: Lang }) {
  return value === null ? texts(lang).notStated : String(value);
}

const CHART = { width: 760, labelWidth: 200, barArea: 400, barHeight: 18, groupGap: 22, top: 44 };

/** Applied vs granted per county-year as horizontal bars, drawn on the server; the table below holds the same data. */
function BarChart({ rows, lang }: { rows: CountyYearStatistics[]; lang: Lang }) {
  const t = texts(lang);
  const max = Math.max(0, ...rows.flatMap((r) => [r.appliedOre ?? 0, r.grantedOre ?? 0]));
  const groupHeight = 2 * CHART.barHeight + 4 + CHART.groupGap;
  const height = CHART.top + rows.length * groupHeight;
  const bar = (value: number | null, y: number, kind: 'applied' | 'granted') => {
    const length = barLength(value, max, CHART.barArea);
    const textY = y + CHART.barHeight - 4;
    const legend = kind === 'applied' ? t.legendApplied : t.legendGranted;
    if (length === null || value === null) {
      return (
        <text x={CHART.labelWidth} y={textY} font-size="14" safe>
          {`${legend}: ${t.notStated}`}
        </text>
      );
    }
    return (
      <>
        <rect
          class={`bp-chart__bar bp-chart__bar--${kind}`}
          x={CHART.labelWidth}
          y={y}
          width={Math.max(length, 1)}
          height={CHART.barHeight}
          fill={kind === 'applied' ? '#1d70b8' : '#00703c'}
        />
        <text x={CHART.labelWidth + Math.max(length, 1) + 6} y={textY} font-size="14" safe>
          {formatKronor(value, lang)}
        </text>
      </>
    );
  };
  return (
    <svg
      class="bp-chart"
      role="img"
      aria-labelledby="statistics-chart-title statistics-chart-desc"
      viewBox={`0 0 ${CHART.width} ${height}`}
      width={CHART.width}
      height={height}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="statistics-chart-title">{t.chartTitle}</title>
      <desc id="statistics-chart-desc">{t.chartDescription}</desc>
      <rect x="0" y="6" width="16" height="16" fill="#1d70b8" class="bp-chart__bar--applied" />
      <text x="22" y="19" font-size="14">
        {t.legendApplied}
      </text>
      <rect x="180" y="6" width="16" height="16" fill="#00703c" class="bp-chart__bar--granted" />
      <text x="202" y="19" font-size="14">
        {t.legendGranted}
      </text>
      {rows.map((r, i) => {
        const y = CHART.top + i * groupHeight;
        return (
          <g>
            <text x="0" y={y + CHART.barHeight + 2} font-size="14" font-weight="bold" safe>
              {`${r.countyName} ${r.year}`}
            </text>
            {bar(r.appliedOre, y, 'applied')}
            {bar(r.grantedOre, y + CHART.barHeight + 4, 'granted')}
          </g>
        );
      })}
    </svg>
  );
}

function Th({ children }: { children: JSX.Element | string }) {
  return (
    <th scope="col" class="govuk-table__header">
      {children as 'safe'}
    </th>
  );
}

function FigureCells({
  row,
  lang,
}: {
  row: Pick<CallStatistics, 'applicationsCount' | 'appliedOre' | 'grantedCount' | 'grantedOre'>;
  lang: Lang;
}) {
  return (
    <>
      <td class="govuk-table__cell govuk-table__cell--numeric">
        <Count value={row.applicationsCount} lang={lang} />
      </td>
      <td class="govuk-table__cell govuk-table__cell--numeric">
        <Money ore={row.appliedOre} lang={lang} />
      </td>
      <td class="govuk-table__cell govuk-table__cell--numeric">
        <Count value={row.grantedCount} lang={lang} />
      </td>
      <td class="govuk-table__cell govuk-table__cell--numeric">
        <Money ore={row.grantedOre} lang={lang} />
      </td>
    </>
  );
}

function FigureHeaders({ lang }: { lang: Lang }) {
  const t = texts(lang);
  return (
    <>
      <Th>{t.colApplications}</Th>
      <Th>{t.colApplied}</Th>
      <Th>{t.colGrantedCount}</Th>
      <Th>{t.colGranted}</Th>
    </>
  );
}

function originText(origin: 'recorded' | 'service', lang: Lang): string {
  const t = texts(lang);
  return origin === 'recorded' ? t.originRecorded : t.originService;
}

function FilterForm({ filters, options, lang }: { filters: StatisticsFilters; options: StatisticsOptions; lang: Lang }) {
  const t = texts(lang);
  return (
    <form method="get" action="/statistik" class="bp-filters">
      <h2 class="govuk-heading-m">{t.filtersHeading}</h2>
      <FilterSelect
        name="lan"
        label={t.county}
        allLabel={t.allCounties}
        options={options.counties.map((c) => ({ value: c.code, text: c.name }))}
        selected={filters.countyCode}
      />
      <FilterSelect
        name="bidrag"
        label={t.programme}
        allLabel={t.allProgrammes}
        options={options.programmes.map((p) => ({ value: p.code, text: lang === 'en' ? p.nameEn : p.name }))}
        selected={filters.programmeCode}
      />
      <button type="submit" class="govuk-button">
        {t.apply}
      </button>
    </form>
  );
}

export interface StatisticsPageProps {
  ctx: PageContext;
  filters: StatisticsFilters;
  notes: StatisticsQueryNote[];
  options: StatisticsOptions;
  countyYears: CountyYearStatistics[];
  calls: CallStatistics[];
  figures: RecordedFigure[];
}

export function StatisticsPage({ ctx, filters, notes, options, countyYears, calls, figures }: StatisticsPageProps) {
  const t = texts(ctx.lang);
  const lang = ctx.lang;
  return (
    <Layout ctx={ctx} title={t.title} section="statistics">
      <h1 class="govuk-heading-l">{t.title}</h1>
      <p class="govuk-body-l">{t.lead}</p>
      <p class="govuk-body">{t.explanation}</p>
      {notes.length > 0 ? (
        <div class="govuk-inset-text" role="status">
          <h2 class="govuk-heading-s">{t.notesHeading}</h2>
          <ul class="govuk-list">
            {notes.map((n) => (
              <li safe>{queryNoteText(lang, n)}</li>
            ))}
          </ul>
        </div>
      ) : (
        ''
      )}
      <FilterForm filters={filters} options={options} lang={lang} />

      <h2 class="govuk-heading-m">{t.countyYearHeading}</h2>
      {countyYears.length === 0 ? (
        <p class="govuk-body">{t.noData}</p>
      ) : (
        <>
          <TableScroll labelledBy="statistics-chart-title">
            <figure class="govuk-!-margin-0">
              <BarChart rows={countyYears} lang={lang} />
            </figure>
          </TableScroll>
          <TableScroll label={t.countyYearCaption}>
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--s">{t.countyYearCaption}</caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <Th>{t.colCounty}</Th>
                  <Th>{t.colYear}</Th>
                  <FigureHeaders lang={lang} />
                  <Th>{t.colOrigin}</Th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                {countyYears.map((r) => (
                  <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header" safe>
                      {r.countyName}
                    </th>
                    <td class="govuk-table__cell">{r.year}</td>
                    <FigureCells row={r} lang={lang} />
                    <td class="govuk-table__cell" safe>
                      {r.origins.map((o) => originText(o, lang)).join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}

      <h2 class="govuk-heading-m">{t.perCallHeading}</h2>
      {calls.length === 0 ? (
        <p class="govuk-body">{t.noData}</p>
      ) : (
        <TableScroll label={t.perCallCaption}>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--s">{t.perCallCaption}</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <Th>{t.colCall}</Th>
                <Th>{t.colCounty}</Th>
                <Th>{t.colYear}</Th>
                <Th>{t.colProgramme}</Th>
                <FigureHeaders lang={lang} />
                <Th>{t.colOrigin}</Th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {calls.map((c) => (
                <tr class="govuk-table__row">
                  {c.callTitle ? (
                    <th scope="row" class="govuk-table__header" lang={swedishOnly(lang)} safe>
                      {c.callTitle}
                    </th>
                  ) : (
                    <th scope="row" class="govuk-table__header">
                      {t.callNotNamed}
                    </th>
                  )}
                  <td class="govuk-table__cell" safe>
                    {c.countyName}
                  </td>
                  <td class="govuk-table__cell">{c.year}</td>
                  <td class="govuk-table__cell" safe>
                    {programmeName({ name: c.programmeName, nameEn: c.programmeNameEn }, lang)}
                  </td>
                  <FigureCells row={c} lang={lang} />
                  <td class={c.sourceText ? 'govuk-table__cell bp-quote-cell' : 'govuk-table__cell'}>
                    <span safe>{originText(c.origin, lang)}</span>
                    {c.sourceText ? (
                      <span class="bp-source govuk-!-display-block">
                        <q lang={swedishOnly(lang)} safe>
                          {c.sourceText}
                        </q>
                        {c.sourceRef ? (
                          <span>
                            <span safe>{` (${t.source}: `}</span>
                            <span lang={swedishOnly(lang)} safe>
                              {sourceCitation(c.sourceRef)}
                            </span>
                            )
                          </span>
                        ) : (
                          ''
                        )}
                      </span>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <h2 class="govuk-heading-m">{t.figuresHeading}</h2>
      <p class="govuk-body">{t.figuresIntro}</p>
      {figures.length === 0 ? (
        <p class="govuk-body">{t.noFigures}</p>
      ) : (
        <TableScroll label={t.figuresCaption}>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--s">{t.figuresCaption}</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <Th>{t.colFigure}</Th>
                <Th>{t.colCounty}</Th>
                <Th>{t.colYear}</Th>
                <Th>{t.colValue}</Th>
                <Th>{t.colSource}</Th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {figures.map((f) => (
                <tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header" lang={swedishOnly(lang)} safe>
                    {f.label}
                  </th>
                  <td class="govuk-table__cell" safe>
                    {f.countyName ?? t.nationwide}
                  </td>
                  <td class="govuk-table__cell">{f.year}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">
                    {f.amountOre !== null ? <Money ore={f.amountOre} lang={lang} /> : <Count value={f.count} lang={lang} />}
                  </td>
                  <SourceCell text={f.sourceText} sourceRef={f.sourceRef} lang={lang} />
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}
