import { swedishOnly } from '../../platform/i18n.ts';
import { Layout } from '../../platform/layout.tsx';
import type { PageContext } from '../../platform/page-context.ts';
import type { CallSummary } from '../calls/queries.ts';
import { CallTable, programmeName } from '../calls/views.tsx';
import type { ProgrammeWithCounties } from '../programmes/queries.ts';
import { programmeHref } from '../programmes/views.tsx';
import { homeTexts } from './texts.ts';

interface HomePageProps {
  ctx: PageContext;
  programmes: ProgrammeWithCounties[];
  openCalls: CallSummary[];
  comingCalls: CallSummary[];
  today: string;
}

export function HomePage({ ctx, programmes, openCalls, comingCalls, today }: HomePageProps): JSX.Element {
  const lang = ctx.lang;
  const t = homeTexts(lang);
  const sections = [
    { href: '/bidrag', text: t.programmes, description: t.programmesDescription },
    { href: '/utlysningar', text: t.calls, description: t.callsDescription },
    { href: '/projekt', text: t.projects, description: t.projectsDescription },
    { href: '/statistik', text: t.statistics, description: t.statisticsDescription },
    { href: '/vagledning', text: t.guidance, description: t.guidanceDescription },
    { href: '/ordlista', text: t.glossary, description: t.glossaryDescription },
    { href: '/integrationsradet', text: t.council, description: t.councilDescription },
    { href: '/tillganglighet', text: t.accessibility, description: t.accessibilityDescription },
    { href: '/oppna-data', text: t.openData, description: t.openDataDescription },
  ];
  return (
    <Layout ctx={ctx} title={t.title}>
      <h1 class="govuk-heading-xl">{t.title}</h1>
      <p class="govuk-body-l">{t.lead}</p>
      <p class="govuk-body">{t.about}</p>

      <h2 class="govuk-heading-m">{t.programmesHeading}</h2>
      <ul class="govuk-list">
        {programmes.map((p) => (
          <li class="govuk-!-margin-bottom-4">
            <a class="govuk-link govuk-!-font-weight-bold" href={programmeHref(p.code)} safe>
              {programmeName(p, lang)}
            </a>
            <br />
            <span class="govuk-hint" lang={swedishOnly(lang)} safe>
              {p.legalBasis}
            </span>
          </li>
        ))}
      </ul>

      <CallTable heading={t.openCalls} calls={openCalls} today={today} lang={lang} showTimeLeft emptyText={t.noOpenCalls} />
      <CallTable heading={t.comingCalls} calls={comingCalls} today={today} lang={lang} showTimeLeft emptyText={t.noComingCalls} />
      <p class="govuk-body">
        <a class="govuk-link" href="/utlysningar">
          {t.allCalls}
        </a>
      </p>

      <h2 class="govuk-heading-m">{t.sectionsHeading}</h2>
      <ul class="govuk-list">
        {sections.map((s) => (
          <li class="govuk-!-margin-bottom-3">
            <a class="govuk-link govuk-!-font-weight-bold" href={s.href}>
              {s.text}
            </a>
            <br />
            {s.description}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
