import { LinkList, MailLink, Money, TableScroll } from '../../platform/components.tsx';
import { formatDate, formatKronor, telHref } from '../../platform/format.ts';
import { type Lang, swedishOnly } from '../../platform/i18n.ts';
import { Layout } from '../../platform/layout.tsx';
import type { PageContext } from '../../platform/page-context.ts';
import { sourceCitation } from '../../platform/sources.ts';
import type { CatalogueOptions, Option, ProjectDetail } from './queries.ts';
import {
  type CatalogueFilters,
  catalogueQueryString,
  describePeriod,
  type ProjectPeriodFields,
  type ProjectSummary,
  pageWindow,
  type QueryNote,
  sortParam,
} from './rules.ts';
import { exportFields, pageLinkLabel, queryNoteText, resultsCountText, texts } from './texts.ts';

function Period({ project, lang }: { project: ProjectPeriodFields; lang: Lang }) {
  const period = describePeriod(project);
  if (period.kind === 'missing') return <>{texts(lang).notStated}</>;
  if (period.kind === 'dates') return <span safe>{`${formatDate(period.startsOn, lang)} – ${formatDate(period.endsOn, lang)}`}</span>;
  return (
    <>
      <span lang={swedishOnly(lang)} safe>
        {period.wording}
      </span>
      {period.note ? (
        <span class="bp-source govuk-!-display-block" lang={swedishOnly(lang)} safe>
          {period.note}
        </span>
      ) : (
        ''
      )}
    </>
  );
}

function DemoTag({ lang }: { lang: Lang }) {
  const t = texts(lang);
  return (
    <strong class="govuk-tag govuk-tag--yellow" title={t.demoExplanation}>
      {t.demo}
      <span class="govuk-visually-hidden">: {t.demoExplanation}</span>
    </strong>
  );
}

function Source({ project, lang }: { project: Pick<ProjectSummary, 'sourceRef' | 'sourceDate'>; lang: Lang }) {
  if (!project.sourceRef) return '';
  return (
    <p class="bp-source">
      {texts(lang).source}:{' '}
      <span lang={swedishOnly(lang)} safe>
        {sourceCitation(project.sourceRef)}
      </span>
      {project.sourceDate ? (
        <span lang={swedishOnly(lang)} safe>
          {` (${project.sourceDate})`}
        </span>
      ) : (
        ''
      )}
    </p>
  );
}

function optionName(option: Option, lang: Lang): string {
  return lang === 'en' ? option.nameEn : option.name;
}

/** A labelled select whose empty first option means "all", for the catalogue and statistics filters. */
export function FilterSelect(props: {
  name: string;
  label: string;
  allLabel: string;
  options: { value: string; text: string }[];
  selected: string | undefined;
}) {
  const id = `filter-${props.name}`;
  return (
    <div class="govuk-form-group">
      <label class="govuk-label" for={id}>
        {props.label as 'safe'}
      </label>
      <select class="govuk-select" id={id} name={props.name}>
        <option value="">{props.allLabel as 'safe'}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.selected} safe>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

function FilterForm({ filters, options, lang }: { filters: CatalogueFilters; options: CatalogueOptions; lang: Lang }) {
  const t = texts(lang);
  const sorts = [
    { value: sortParam('newest'), text: t.sortNewest },
    { value: sortParam('title'), text: t.sortTitle },
    { value: sortParam('county'), text: t.sortCounty },
    { value: sortParam('amount'), text: t.sortAmount },
  ];
  const named = (list: Option[]) => list.map((o) => ({ value: o.value, text: optionName(o, lang) }));
  const selects = [
    { name: 'lan', label: t.county, allLabel: t.allCounties, options: named(options.counties), selected: filters.countyCode },
    {
      name: 'ar',
      label: t.year,
      allLabel: t.allYears,
      options: options.years.map((y) => ({ value: String(y), text: String(y) })),
      selected: filters.year === undefined ? undefined : String(filters.year),
    },
    {
      name: 'kommun',
      label: t.municipality,
      allLabel: t.allMunicipalities,
      // With a county chosen, only its municipalities: 290 options would triple the page's size.
      options: named(
        options.municipalities.filter(
          (m) => !filters.countyCode || m.countyCode === filters.countyCode || m.value === filters.municipalityCode,
        ),
      ),
      selected: filters.municipalityCode,
    },
    { name: 'bidrag', label: t.programme, allLabel: t.allProgrammes, options: named(options.programmes), selected: filters.programmeCode },
    // Left out when no project states a purpose: every choice would find nothing.
    ...(options.purposes.length > 0
      ? [{ name: 'syfte', label: t.purpose, allLabel: t.allPurposes, options: named(options.purposes), selected: filters.purposeCode }]
      : []),
  ];
  return (
    <form method="get" action="/projekt" class="bp-filters">
      <h2 class="govuk-heading-m">{t.filtersHeading}</h2>
      {selects.map((select) => (
        <FilterSelect {...select} />
      ))}
      <div class="govuk-form-group">
        <label class="govuk-label" for="filter-q">
          {t.search}
        </label>
        <input class="govuk-input" id="filter-q" name="q" type="search" maxlength="200" value={filters.text ?? ''} />
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label" for="filter-sortering">
          {t.sort}
        </label>
        <select class="govuk-select" id="filter-sortering" name="sortering">
          {sorts.map((s) => (
            <option value={s.value} selected={s.value === sortParam(filters.sort)}>
              {s.text}
            </option>
          ))}
        </select>
      </div>
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button">
          {t.apply}
        </button>
        <a class="govuk-link" href="/projekt">
          {t.clear}
        </a>
      </div>
    </form>
  );
}

function Notes({ notes, lang }: { notes: QueryNote[]; lang: Lang }) {
  if (notes.length === 0) return '';
  return (
    <div class="govuk-inset-text" role="status">
      <h2 class="govuk-heading-s">{texts(lang).notesHeading}</h2>
      <ul class="govuk-list">
        {notes.map((n) => (
          <li safe>{queryNoteText(lang, n)}</li>
        ))}
      </ul>
    </div>
  );
}

function SummaryList({ rows }: { rows: [string, JSX.Element][] }) {
  return (
    <dl class="govuk-summary-list">
      {rows.map(([key, value]) => (
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key" safe>
            {key}
          </dt>
          <dd class="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The municipalities of a project, or "Uppgift saknas". */
function placesOf(project: ProjectSummary, lang: Lang): string {
  return project.municipalities.length > 0 ? project.municipalities.map((m) => m.name).join(', ') : texts(lang).notStated;
}

/**
 * One row per project, kept lean (the page is cached and served often): columns a filter already
 * fixes are left out, a programme is named by its section with a key below the table, and demo data
 * is explained once above it, with a tag per row only when the page mixes demo and real projects.
 * The cells carry no classes: `.bp-results` in main.scss gives them GOV.UK's table styles (the
 * class attributes were a fifth of the page), the last column being the numeric amount.
 */
function ResultsTable({
  projects,
  filters,
  programmes,
  lang,
}: {
  projects: ProjectSummary[];
  filters: CatalogueFilters;
  programmes: CatalogueOptions['programmes'];
  lang: Lang;
}) {
  const t = texts(lang);
  const showCounty = !filters.countyCode;
  const showYear = filters.year === undefined;
  const showProgramme = !filters.programmeCode;
  const listed = programmes.filter((p) => projects.some((project) => project.programmeCode === p.value));
  const sectionOf = new Map(programmes.map((p) => [p.value, p.section]));
  const demos = projects.filter((p) => p.isDemo).length;
  const tagEach = demos > 0 && demos < projects.length;
  return (
    <>
      {demos === 0 ? '' : <p class="govuk-body">{demos === projects.length ? t.demoAll : t.demoSome}</p>}
      <TableScroll labelledBy="resultat">
        <table class="govuk-table govuk-table--small-text-until-tablet bp-results" aria-labelledby="resultat">
          <thead>
            <tr>
              <th scope="col">{t.project}</th>
              <th scope="col">{t.municipalities}</th>
              {showCounty ? <th scope="col">{t.countyLabel}</th> : ''}
              {showYear ? <th scope="col">{t.yearLabel}</th> : ''}
              {showProgramme ? <th scope="col">{t.programmeLabel}</th> : ''}
              <th scope="col">{t.amount}</th>
            </tr>
          </thead>
          <tbody>
            {projects.map((p) => (
              <tr>
                <th scope="row">
                  <a href={`/projekt/${p.id}`} lang={swedishOnly(lang)} safe>
                    {p.title}
                  </a>
                  {tagEach && p.isDemo ? (
                    <>
                      {' '}
                      <strong class="govuk-tag govuk-tag--yellow">{t.demo}</strong>
                    </>
                  ) : (
                    ''
                  )}
                </th>
                <td safe>{placesOf(p, lang)}</td>
                {showCounty ? <td safe>{p.countyName}</td> : ''}
                {showYear ? <td>{p.year}</td> : ''}
                {showProgramme ? <td safe>{sectionOf.get(p.programmeCode) ?? p.programmeName}</td> : ''}
                {p.amountOre === null ? <td>{t.notStated}</td> : <td safe>{formatKronor(p.amountOre, lang)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {showProgramme && listed.length > 0 ? (
        <p class="govuk-body-s" safe>
          {listed.map((p) => `${p.section}: ${optionName(p, lang)}.`).join(' ')}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

function Pagination({ filters, pages, lang }: { filters: CatalogueFilters; pages: number; lang: Lang }) {
  if (pages <= 1) return '';
  const t = texts(lang);
  const href = (page: number) => `/projekt${catalogueQueryString(filters, { page })}`;
  return (
    <nav class="govuk-pagination" aria-label={t.paginationLabel}>
      {filters.page > 1 ? (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={href(Math.min(filters.page - 1, pages))} rel="prev">
            <span class="govuk-pagination__link-title">{t.previous}</span>
          </a>
        </div>
      ) : (
        ''
      )}
      <ul class="govuk-pagination__list">
        {pageWindow(Math.min(filters.page, pages), pages).map((p) =>
          p === 'gap' ? (
            <li class="govuk-pagination__item govuk-pagination__item--ellipsis">…</li>
          ) : (
            <li class={`govuk-pagination__item${p === filters.page ? ' govuk-pagination__item--current' : ''}`}>
              <a
                class="govuk-link govuk-pagination__link"
                href={href(p)}
                aria-label={pageLinkLabel(lang, p)}
                aria-current={p === filters.page ? 'page' : undefined}
              >
                {p}
              </a>
            </li>
          ),
        )}
      </ul>
      {filters.page < pages ? (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={href(filters.page + 1)} rel="next">
            <span class="govuk-pagination__link-title">{t.next}</span>
          </a>
        </div>
      ) : (
        ''
      )}
    </nav>
  );
}

export interface CataloguePageProps {
  ctx: PageContext;
  filters: CatalogueFilters;
  notes: QueryNote[];
  options: CatalogueOptions;
  projects: ProjectSummary[];
  total: number;
  offset: number;
  pages: number;
}

export function CataloguePage({ ctx, filters, notes, options, projects, total, offset, pages }: CataloguePageProps) {
  const t = texts(ctx.lang);
  const exportQuery = catalogueQueryString(filters, { withPaging: false });
  return (
    <Layout ctx={ctx} title={t.title} section="projects">
      <h1 class="govuk-heading-l">{t.title}</h1>
      <p class="govuk-body-l">{t.lead}</p>
      <Notes notes={notes} lang={ctx.lang} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third">
          <FilterForm filters={filters} options={options} lang={ctx.lang} />
        </div>
        <div class="govuk-grid-column-two-thirds">
          <h2 class="govuk-heading-m" id="resultat">
            {t.resultsHeading}
          </h2>
          {projects.length === 0 && total > 0 ? (
            <p class="govuk-body" role="status">
              {t.pageBeyondEnd}{' '}
              <a class="govuk-link" href={`/projekt${catalogueQueryString(filters, { page: 1 })}`}>
                {t.firstPage}
              </a>
            </p>
          ) : (
            <p class="govuk-body" role="status" safe>
              {resultsCountText(ctx.lang, total, offset + 1, offset + projects.length)}
            </p>
          )}
          {total === 0 ? <p class="govuk-body">{t.noResults}</p> : ''}
          {projects.length > 0 ? (
            <ResultsTable projects={projects} filters={filters} programmes={options.programmes} lang={ctx.lang} />
          ) : (
            ''
          )}
          <Pagination filters={filters} pages={pages} lang={ctx.lang} />
          <h2 class="govuk-heading-m">{t.exportHeading}</h2>
          <ul class="govuk-list">
            <li>
              <a class="govuk-link" href={`/projekt.csv${exportQuery}`}>
                {t.exportCsv}
              </a>
            </li>
            <li>
              <a class="govuk-link" href={`/projekt.json${exportQuery}`}>
                {t.exportJson}
              </a>
            </li>
            <li>
              <a class="govuk-link" href="/oppna-data">
                {t.aboutOpenData}
              </a>
            </li>
          </ul>
        </div>
      </div>
    </Layout>
  );
}

export function ProjectPage({ ctx, project }: { ctx: PageContext; project: ProjectDetail }) {
  const t = texts(ctx.lang);
  const lang = ctx.lang;
  // The project's own texts (title, description, partners, period wording) exist only in Swedish.
  const sv = swedishOnly(lang);
  // The sources give few phone numbers: a column that would be empty in every row is left out.
  const hasPhone = project.contacts.some((c) => c.phone);
  const rows: [string, JSX.Element][] = [
    [
      t.municipalities,
      project.municipalities.length > 0 ? <span safe>{project.municipalities.map((m) => m.name).join(', ')}</span> : t.notStated,
    ],
    [
      t.partners,
      project.partners.length > 0 ? (
        <span lang={sv} safe>
          {project.partners.join(', ')}
        </span>
      ) : (
        t.notStated
      ),
    ],
    [t.period, <Period project={project} lang={lang} />],
    [t.amount, <Money ore={project.amountOre} lang={lang} />],
    [
      t.call,
      project.call ? (
        <a class="govuk-link" href={`/utlysningar/${encodeURIComponent(project.call.slug)}`} lang={sv} safe>
          {project.call.title}
        </a>
      ) : (
        t.notStated
      ),
    ],
    [t.programmeLabel, <span safe>{lang === 'en' ? project.programmeNameEn : project.programmeName}</span>],
    [t.countyLabel, <span safe>{project.countyName}</span>],
    [t.yearLabel, String(project.year)],
  ];
  if (project.purposes.length > 0) {
    rows.push([t.purposes, <span safe>{project.purposes.map((p) => (lang === 'en' ? p.nameEn : p.name)).join(', ')}</span>]);
  }
  return (
    <Layout
      ctx={ctx}
      title={project.title}
      section="projects"
      breadcrumbs={[
        { text: t.title, href: '/projekt' },
        { text: project.title, lang: swedishOnly(lang) },
      ]}
    >
      <h1 class="govuk-heading-l" lang={sv} safe>
        {project.title}
      </h1>
      {project.isDemo ? (
        <p class="govuk-body">
          <DemoTag lang={lang} />
        </p>
      ) : (
        ''
      )}
      <h2 class="govuk-heading-m">{t.description}</h2>
      <p class="govuk-body" lang={sv} safe>
        {project.description}
      </p>
      <h2 class="govuk-heading-m">{t.detailsHeading}</h2>
      <SummaryList rows={rows} />
      <h2 class="govuk-heading-m">{t.contacts}</h2>
      {project.contacts.length === 0 ? (
        <p class="govuk-body">{t.noContacts}</p>
      ) : (
        <TableScroll label={t.contacts}>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-visually-hidden">{t.contacts}</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">
                  {t.contactName}
                </th>
                <th scope="col" class="govuk-table__header">
                  {t.contactTitle}
                </th>
                <th scope="col" class="govuk-table__header">
                  {t.contactEmail}
                </th>
                {hasPhone ? (
                  <th scope="col" class="govuk-table__header">
                    {t.contactPhone}
                  </th>
                ) : (
                  ''
                )}
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {project.contacts.map((c) => (
                <tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header" safe>
                    {c.name}
                  </th>
                  <td class="govuk-table__cell" lang={sv} safe>
                    {c.title ?? ''}
                  </td>
                  <td class="govuk-table__cell">{c.email ? <MailLink address={c.email} /> : ''}</td>
                  {hasPhone ? (
                    <td class="govuk-table__cell">
                      {c.phone ? (
                        <a class="govuk-link" href={telHref(c.phone)} safe>
                          {c.phone}
                        </a>
                      ) : (
                        ''
                      )}
                    </td>
                  ) : (
                    ''
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Source project={project} lang={lang} />
      <p class="govuk-body">
        <a class="govuk-link" href="/projekt">
          {t.backToList}
        </a>
      </p>
    </Layout>
  );
}

export function OpenDataPage({ ctx }: { ctx: PageContext }) {
  const t = texts(ctx.lang);
  return (
    <Layout ctx={ctx} title={t.openDataTitle}>
      <h1 class="govuk-heading-l">{t.openDataTitle}</h1>
      <p class="govuk-body-l">{t.openDataLead}</p>
      <h2 class="govuk-heading-m">{t.openDataLinks}</h2>
      <LinkList
        links={[
          { href: '/projekt.csv', text: t.openDataAllCsv },
          { href: '/projekt.json', text: t.openDataAllJson },
        ]}
      />
      <h2 class="govuk-heading-m">{t.openDataFormats}</h2>
      <p class="govuk-body">{t.openDataCsvText}</p>
      <p class="govuk-body">{t.openDataJsonText}</p>
      <p class="govuk-body">{t.openDataPrivacy}</p>
      <TableScroll label={t.openDataFields}>
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">{t.openDataFields}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                {t.openDataFieldName}
              </th>
              <th scope="col" class="govuk-table__header">
                {t.openDataCsvColumn}
              </th>
              <th scope="col" class="govuk-table__header">
                {t.openDataFieldMeaning}
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {exportFields.map((f) => (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                  <code safe>{f.json}</code>
                </th>
                <td class="govuk-table__cell" safe>
                  {f.csv}
                </td>
                <td class="govuk-table__cell" safe>
                  {ctx.lang === 'en' ? f.en : f.sv}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2 class="govuk-heading-m">{t.openDataLicenceHeading}</h2>
      <p class="govuk-body">{t.openDataLicence}</p>
    </Layout>
  );
}
