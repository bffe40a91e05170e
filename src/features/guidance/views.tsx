import type { Lang } from '../../platform/i18n.ts';
import { Layout } from '../../platform/layout.tsx';
import type { PageContext } from '../../platform/page-context.ts';
import { anchors, guidanceContent } from './content.ts';
import { ContentsList, SectionView, SourceNote } from './prose.tsx';
import { type CertificateTemplate, templateDescriptions, templateFileNames } from './templates.ts';
import { texts } from './texts.ts';

export const guidancePath = '/vagledning';
export const checklistsPath = '/vagledning/checklistor';
export const templatesPath = '/vagledning/mallar';

/** Where a template's PDF in one language is downloaded. */
export function templateHref(template: CertificateTemplate, lang: Lang): string {
  return `${templatesPath}/${templateFileNames[template][lang]}`;
}

function LanguageNote({ ctx }: { ctx: PageContext }): JSX.Element {
  const t = texts(ctx.lang);
  return t.languageNote ? <p class="govuk-inset-text">{t.languageNote}</p> : '';
}

export function GuidancePage({ ctx }: { ctx: PageContext }): JSX.Element {
  const t = texts(ctx.lang);
  const content = guidanceContent(ctx.lang);
  return (
    <Layout ctx={ctx} title={t.title} section="guidance">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{t.title}</h1>
          <p class="govuk-body-l">{t.lead}</p>
          <LanguageNote ctx={ctx} />
          <p class="govuk-body">
            {t.templatesLinkBefore}{' '}
            <a class="govuk-link" href={templatesPath}>
              {t.templatesLink}
            </a>
            .
          </p>
          <p class="govuk-body">
            <a class="govuk-link" href="/ansokan/fragor">
              {t.questionsLink}
            </a>
          </p>
          <ContentsList label={t.contents} sections={content.sections} />
          {content.sections.map((section) => (
            <>
              <SectionView section={section} />
              {section.id === anchors.perspectives ? (
                <p class="govuk-body">
                  {t.checklistsLinkBefore}{' '}
                  <a class="govuk-link" href={checklistsPath}>
                    {t.checklistsLink}
                  </a>
                  .
                </p>
              ) : (
                ''
              )}
            </>
          ))}
        </div>
      </div>
    </Layout>
  );
}

export function ChecklistsPage({ ctx }: { ctx: PageContext }): JSX.Element {
  const t = texts(ctx.lang);
  const content = guidanceContent(ctx.lang);
  return (
    <Layout ctx={ctx} title={t.checklistsTitle} section="guidance" breadcrumbs={[{ text: t.title, href: guidancePath }]}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{t.checklistsTitle}</h1>
          <p class="govuk-body">{t.checklistsLead}</p>
          <LanguageNote ctx={ctx} />
          {content.checklists.map((checklist) => (
            <section aria-labelledby={checklist.id}>
              <h2 class="govuk-heading-m" id={checklist.id} safe>
                {checklist.heading}
              </h2>
              <p class="govuk-body">{t.checklistSource}</p>
              <ol class="govuk-list govuk-list--number">
                {checklist.items.map((item) => (
                  <li>
                    <span safe>{item.question}</span>{' '}
                    <span class="bp-source" safe>
                      {t.pointReference(item.point)}
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          ))}
          <section aria-labelledby={anchors.targetGroupAnalysis}>
            <h2 class="govuk-heading-m" id={anchors.targetGroupAnalysis}>
              {t.pointsHeading}
            </h2>
            <ol class="govuk-list govuk-list--number">
              {([1, 2, 3] as const).map((point) => (
                <li safe>{content.targetGroupPoints[point]}</li>
              ))}
            </ol>
            <SourceNote text={content.targetGroupSource} />
            <p class="govuk-body">{t.orebroChecklists}</p>
          </section>
          <p class="govuk-body">
            <a class="govuk-link" href={`${guidancePath}#${anchors.applicantSupport}`}>
              {t.backToGuidance}
            </a>
          </p>
        </div>
      </div>
    </Layout>
  );
}

export function TemplatesPage({ ctx }: { ctx: PageContext }): JSX.Element {
  const t = texts(ctx.lang);
  return (
    <Layout ctx={ctx} title={t.templatesTitle} section="guidance" breadcrumbs={[{ text: t.title, href: guidancePath }]}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{t.templatesTitle}</h1>
          <p class="govuk-body">{t.templatesLead}</p>
          <LanguageNote ctx={ctx} />
          {templateDescriptions(ctx.lang).map((description) => (
            <section aria-labelledby={`mall-${description.template}`}>
              <h2 class="govuk-heading-m" id={`mall-${description.template}`} safe>
                {description.heading}
              </h2>
              {description.paragraphs.map((paragraph) => (
                <p class="govuk-body" safe>
                  {paragraph}
                </p>
              ))}
              <ul class="govuk-list">
                <li>
                  <a class="govuk-link" href={templateHref(description.template, 'sv')} hreflang="sv" download="" safe>
                    {t.templateInSwedish(description.heading)}
                  </a>
                </li>
                <li>
                  <a class="govuk-link" href={templateHref(description.template, 'en')} hreflang="en" download="" safe>
                    {t.templateInEnglish(description.heading)}
                  </a>
                </li>
              </ul>
              {description.sources.map((source) => (
                <SourceNote text={source} />
              ))}
            </section>
          ))}
          <p class="govuk-body">{t.templatesOwn}</p>
          <p class="govuk-body">
            <a class="govuk-link" href={guidancePath}>
              {t.backToGuidance}
            </a>
          </p>
        </div>
      </div>
    </Layout>
  );
}
