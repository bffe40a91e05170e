import { formatDate } from '../../platform/format.ts';
import { Layout } from '../../platform/layout.tsx';
import type { PageContext } from '../../platform/page-context.ts';
import { ContentsList, SectionView } from '../guidance/prose.tsx';
import { accessibilityStatement, assessedOn, statementUpdatedOn } from './content.ts';
import { texts } from './texts.ts';

export const accessibilityPath = '/tillganglighet';

export function AccessibilityPage({ ctx }: { ctx: PageContext }): JSX.Element {
  const t = texts(ctx.lang);
  const statement = accessibilityStatement(ctx.lang);
  const summary = [
    { key: t.status, value: t.statusValue },
    { key: t.standard, value: t.standardValue },
    { key: t.method, value: t.methodValue },
    { key: t.assessed, value: formatDate(assessedOn, ctx.lang) },
    { key: t.updated, value: formatDate(statementUpdatedOn, ctx.lang) },
  ];
  return (
    <Layout ctx={ctx} title={t.title}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{t.title}</h1>
          {statement.lead.map((p) => (
            <p class="govuk-body" safe>
              {p}
            </p>
          ))}
          <h2 class="govuk-heading-m">{t.summaryHeading}</h2>
          <dl class="govuk-summary-list">
            {summary.map((row) => (
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{row.key}</dt>
                <dd class="govuk-summary-list__value" safe>
                  {row.value}
                </dd>
              </div>
            ))}
          </dl>
          <ContentsList label={t.contents} sections={statement.sections} />
          {statement.sections.map((section) => (
            <SectionView section={section} />
          ))}
        </div>
      </div>
    </Layout>
  );
}
