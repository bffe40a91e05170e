import { MailLink } from '../../platform/components.tsx';
import { telHref } from '../../platform/format.ts';
import { type Lang, swedishOnly } from '../../platform/i18n.ts';
import { Layout } from '../../platform/layout.tsx';
import type { PageContext } from '../../platform/page-context.ts';
import { RichText, SourceNote } from '../calls/parts.tsx';
import { programmeName } from '../calls/views.tsx';
import type { CountyProgrammeDetail, Programme, ProgrammeDetail, ProgrammeWithCounties, Purpose } from './queries.ts';
import { programmeTexts } from './texts.ts';

export function programmeHref(code: string): string {
  return `/bidrag/${encodeURIComponent(code)}`;
}

export function countyProgrammeHref(code: string, countySlug: string): string {
  return `${programmeHref(code)}/${encodeURIComponent(countySlug)}`;
}

function CountyLinks({ programme, lang }: { programme: ProgrammeWithCounties; lang: Lang }): JSX.Element {
  const t = programmeTexts(lang);
  if (programme.counties.length === 0) return <p class="govuk-body">{t.noCounties}</p>;
  return (
    <ul class="govuk-list">
      {programme.counties.map((c) => (
        <li>
          <a class="govuk-link" href={countyProgrammeHref(programme.code, c.slug)} safe>
            {c.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function ProgrammeListPage({ ctx, programmes }: { ctx: PageContext; programmes: ProgrammeWithCounties[] }): JSX.Element {
  const lang = ctx.lang;
  const t = programmeTexts(lang);
  return (
    <Layout ctx={ctx} title={t.listTitle} section="programmes" breadcrumbs={[{ text: t.home, href: '/' }, { text: t.listTitle }]}>
      <h1 class="govuk-heading-l">{t.listTitle}</h1>
      <p class="govuk-body-l">{t.listIntro}</p>
      <div>
        {programmes.map((p) => (
          <section class="govuk-!-margin-bottom-8">
            <h2 class="govuk-heading-m">
              <a class="govuk-link" href={programmeHref(p.code)} safe>
                {programmeName(p, lang)}
              </a>
            </h2>
            <p class="govuk-body govuk-hint" lang={swedishOnly(lang)} safe>
              {p.legalBasis}
            </p>
            <RichText text={lang === 'sv' ? p.summary : p.summaryEn} />
            <h3 class="govuk-heading-s">{t.presentedBy}</h3>
            <CountyLinks programme={p} lang={lang} />
          </section>
        ))}
      </div>
    </Layout>
  );
}

function kindNames(programme: Programme, lang: Lang): string[] {
  const t = programmeTexts(lang);
  const names: Record<string, string> = { municipality: t.kindMunicipality, municipalFederation: t.kindMunicipalFederation };
  return programme.eligibleKinds.map((k) => names[k] ?? k);
}

/** Who may apply: the eligible kinds, the exclusion of federations where it applies, the source text. */
function Eligibility({ programme, lang }: { programme: Programme; lang: Lang }): JSX.Element {
  const t = programmeTexts(lang);
  return (
    <>
      <p class="govuk-body">
        {t.mayApply}: <span safe>{kindNames(programme, lang).join(', ')}</span>.
        {programme.eligibleKinds.includes('municipalFederation') ? '' : <> {t.federationsExcluded}</>}
      </p>
      <RichText text={programme.eligibilityText} lang={swedishOnly(lang)} />
    </>
  );
}

function validity(item: { fromYear: number | null; toYear: number | null }, lang: Lang): string | null {
  const t = programmeTexts(lang);
  if (item.fromYear !== null && item.toYear !== null) return t.validBetween(item.fromYear, item.toYear);
  if (item.fromYear !== null) return t.validFrom(item.fromYear);
  if (item.toYear !== null) return t.validUntil(item.toYear);
  return null;
}

function YearBoundList({ items, lang }: { items: Purpose[]; lang: Lang }): JSX.Element {
  return (
    <ul class="govuk-list govuk-list--bullet">
      {items.map((item) => {
        const years = validity(item, lang);
        return (
          <li>
            <span safe>{lang === 'sv' ? item.name : item.nameEn}</span>
            {years ? <span class="govuk-hint govuk-!-display-inline" safe>{` (${years})`}</span> : ''}
          </li>
        );
      })}
    </ul>
  );
}

export function ProgrammePage({ ctx, programme }: { ctx: PageContext; programme: ProgrammeDetail }): JSX.Element {
  const lang = ctx.lang;
  const t = programmeTexts(lang);
  const name = programmeName(programme, lang);
  const sources = [...new Set([...programme.purposes, ...programme.targetGroups].map((i) => i.sourceRef))].join('; ');
  return (
    <Layout
      ctx={ctx}
      title={name}
      section="programmes"
      breadcrumbs={[{ text: t.home, href: '/' }, { text: t.listTitle, href: '/bidrag' }, { text: name }]}
    >
      <h1 class="govuk-heading-l" safe>
        {name}
      </h1>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{t.legalBasis}</dt>
          <dd class="govuk-summary-list__value" lang={swedishOnly(lang)} safe>
            {programme.legalBasis}
          </dd>
        </div>
      </dl>
      <h2 class="govuk-heading-m">{t.about}</h2>
      <RichText text={lang === 'sv' ? programme.summary : programme.summaryEn} />
      <h2 class="govuk-heading-m">{t.whoMayApply}</h2>
      <Eligibility programme={programme} lang={lang} />
      <h2 class="govuk-heading-m">{t.purposes}</h2>
      <p class="govuk-body">{t.purposesIntro}</p>
      <YearBoundList items={programme.purposes} lang={lang} />
      <h2 class="govuk-heading-m">{t.targetGroups}</h2>
      <p class="govuk-body">{t.targetGroupsIntro}</p>
      <YearBoundList items={programme.targetGroups} lang={lang} />
      <SourceNote sourceRef={sources} lang={lang} />
      <h2 class="govuk-heading-m">{t.presentedBy}</h2>
      <CountyLinks programme={programme} lang={lang} />
    </Layout>
  );
}

/** Priorities grouped by year, newest first; only the years the county has stated. */
function PrioritiesByYear({ priorities, lang }: { priorities: CountyProgrammeDetail['priorities']; lang: Lang }): JSX.Element {
  const t = programmeTexts(lang);
  if (priorities.length === 0) return <p class="govuk-body">{t.noPriorities}</p>;
  const years = [...new Set(priorities.map((p) => p.year))];
  return (
    <>
      {years.map((year) => {
        const ofYear = priorities.filter((p) => p.year === year);
        return (
          <>
            <h3 class="govuk-heading-s" safe>
              {t.prioritiesOfYear(year)}
            </h3>
            {ofYear.map((p) => (
              <RichText text={p.text} lang={swedishOnly(lang)} headingLevel={4} />
            ))}
            <SourceNote sourceRef={[...new Set(ofYear.map((p) => p.sourceRef))].join(', ')} lang={lang} />
          </>
        );
      })}
    </>
  );
}

function Contacts({ contacts, lang }: { contacts: CountyProgrammeDetail['contacts']; lang: Lang }): JSX.Element {
  const t = programmeTexts(lang);
  if (contacts.length === 0) return <p class="govuk-body">{t.noContacts}</p>;
  return (
    <ul class="govuk-list">
      {contacts.map((c) => (
        <li class="govuk-!-margin-bottom-4">
          <span class="govuk-!-font-weight-bold" safe>
            {c.name}
          </span>
          {c.title ? (
            <>
              ,{' '}
              <span lang={swedishOnly(lang)} safe>
                {c.title}
              </span>
            </>
          ) : (
            ''
          )}
          {c.context === 'projects' ? <span>, {t.projectsContact}</span> : ''}
          {c.phone ? (
            <>
              <br />
              {t.phone}:{' '}
              <a class="govuk-link" href={telHref(c.phone)} safe>
                {c.phone}
              </a>
            </>
          ) : (
            ''
          )}
          {c.email ? (
            <>
              <br />
              {t.email}: <MailLink address={c.email} />
            </>
          ) : (
            ''
          )}
          <SourceNote sourceRef={c.sourceRef} lang={lang} />
        </li>
      ))}
    </ul>
  );
}

export function CountyProgrammePage({ ctx, detail }: { ctx: PageContext; detail: CountyProgrammeDetail }): JSX.Element {
  const lang = ctx.lang;
  const t = programmeTexts(lang);
  const { programme, county, page } = detail;
  const name = programmeName(programme, lang);
  const sv = swedishOnly(lang);
  const callsHref = `/utlysningar?lan=${encodeURIComponent(county.slug)}&bidrag=${encodeURIComponent(programme.code)}`;
  return (
    <Layout
      ctx={ctx}
      title={`${page.title} – ${county.name}`}
      section="programmes"
      breadcrumbs={[
        { text: t.home, href: '/' },
        { text: t.listTitle, href: '/bidrag' },
        { text: name, href: programmeHref(programme.code) },
        { text: county.name },
      ]}
    >
      <span class="govuk-caption-l" safe>
        {county.name}
      </span>
      <h1 class="govuk-heading-l" lang={sv} safe>
        {page.title}
      </h1>
      <RichText text={page.intro} lang={sv} headingLevel={2} />

      <h2 class="govuk-heading-m">{t.prioritiesHeading}</h2>
      <PrioritiesByYear priorities={detail.priorities} lang={lang} />

      <h2 class="govuk-heading-m">{t.whoMayApply}</h2>
      <Eligibility programme={programme} lang={lang} />

      <h2 class="govuk-heading-m">{t.howToApply}</h2>
      {page.howToApply ? <RichText text={page.howToApply} lang={sv} /> : <p class="govuk-body">{t.missing}</p>}

      <h2 class="govuk-heading-m">{t.afterGrant}</h2>
      <p class="govuk-body">{t.alwaysApplies}</p>
      <ul class="govuk-list govuk-list--bullet">
        <li>{t.obligationInterim}</li>
        <li>{t.obligationFinal}</li>
        <li>{t.obligationAccounts}</li>
        <li>{t.obligationChanges}</li>
        <li>{t.obligationRepayment}</li>
      </ul>
      <SourceNote sourceRef={t.obligationsSource} lang={lang} />
      {page.afterGrant ? <RichText text={page.afterGrant} lang={sv} /> : ''}

      <h2 class="govuk-heading-m">{t.contactsHeading}</h2>
      <Contacts contacts={detail.contacts} lang={lang} />

      <h2 class="govuk-heading-m">{t.callsHeading}</h2>
      <p class="govuk-body">
        <a class="govuk-link" href={callsHref} safe>
          {t.callsLink(county.name)}
        </a>
      </p>
      <SourceNote sourceRef={page.sourceRef} sourceDate={page.sourceDate} lang={lang} />
    </Layout>
  );
}
