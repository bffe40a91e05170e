import { formatDate, telHref } from '../../platform/format.ts';
import { Layout } from '../../platform/layout.tsx';
import type { PageContext } from '../../platform/page-context.ts';
import { sourceCitation } from '../../platform/sources.ts';
import { paragraphsOf } from '../glossary/rules.ts';
import type { CouncilContact, CouncilDetail, CouncilMeeting, CouncilSummary } from './queries.ts';
import { distinctSources } from './rules.ts';
import { texts } from './texts.ts';

export const councilsPath = '/integrationsradet';
export const councilPath = (countySlug: string) => `${councilsPath}/${encodeURIComponent(countySlug)}`;

/** Source content is Swedish only: mark it as such on the English pages. */
const contentLang = (ctx: PageContext) => (ctx.lang === 'sv' ? undefined : 'sv');

/** Cites the county board's page by name and, if known, the time it speaks of. */
function Sources({
  ctx,
  board,
  refs,
  period,
}: {
  ctx: PageContext;
  board: string | null;
  refs: string[];
  period?: string | null;
}): JSX.Element {
  const t = texts(ctx.lang);
  // A seed page names its board itself; a reference entered in the service is the board's own.
  const cited = refs
    .map((ref) => {
      const citation = sourceCitation(ref);
      return citation === ref && board ? `${board} (${ref})` : citation;
    })
    .join('; ');
  return (
    <p class="bp-source">
      {t.source}{' '}
      <span lang={contentLang(ctx)} safe>
        {period ? `${cited}. ${period}` : cited}
      </span>
    </p>
  );
}

function ContentLanguageNote({ ctx }: { ctx: PageContext }): JSX.Element {
  const t = texts(ctx.lang);
  return t.contentLanguage ? <p class="govuk-inset-text">{t.contentLanguage}</p> : '';
}

export function CouncilsPage({ ctx, councils }: { ctx: PageContext; councils: CouncilSummary[] }): JSX.Element {
  const t = texts(ctx.lang);
  return (
    <Layout ctx={ctx} title={t.indexTitle}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{t.indexTitle}</h1>
          {councils.length === 0 ? (
            <p class="govuk-body">{t.empty}</p>
          ) : (
            <>
              <p class="govuk-body">{t.indexLead}</p>
              <ContentLanguageNote ctx={ctx} />
              <ul class="govuk-list">
                {councils.map((c) => (
                  <li class="govuk-!-margin-bottom-4">
                    <h2 class="govuk-heading-m govuk-!-margin-bottom-2">
                      <a class="govuk-link" href={councilPath(c.countySlug)} safe>
                        {t.councilTitle(c.countyName)}
                      </a>
                    </h2>
                    <p class="govuk-body" lang={contentLang(ctx)} safe>
                      {paragraphsOf(c.description)[0] ?? ''}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </Layout>
  );
}

function Meeting({ ctx, meeting }: { ctx: PageContext; meeting: CouncilMeeting }): JSX.Element {
  const t = texts(ctx.lang);
  const lang = contentLang(ctx);
  return (
    <li>
      <p class="govuk-body govuk-!-margin-bottom-1">
        <strong>{meeting.meetsOn ? <span safe>{formatDate(meeting.meetsOn, ctx.lang)}</span> : t.notStated}</strong>
        {meeting.timeText ? (
          <span lang={lang} safe>
            {`, ${meeting.timeText}`}
          </span>
        ) : (
          ''
        )}
      </p>
      <p class="govuk-body govuk-!-margin-bottom-1">
        {t.sourceWording}{' '}
        <q lang={lang} safe>
          {meeting.dateSource}
        </q>
      </p>
      {meeting.note ? (
        <p class="govuk-body" lang={lang} safe>
          {meeting.note}
        </p>
      ) : (
        ''
      )}
    </li>
  );
}

function Contact({ ctx, contact }: { ctx: PageContext; contact: CouncilContact }): JSX.Element {
  const t = texts(ctx.lang);
  const rows: { key: string; value: string; href: string | null; lang: string | undefined }[] = [
    { key: t.title, value: contact.title ?? t.notStated, href: null, lang: contact.title ? contentLang(ctx) : undefined },
    { key: t.phone, value: contact.phone ?? t.notStated, href: contact.phone ? telHref(contact.phone) : null, lang: undefined },
    { key: t.email, value: contact.email ?? t.notStated, href: contact.email ? `mailto:${contact.email}` : null, lang: undefined },
  ];
  return (
    <>
      <h3 class="govuk-heading-s" safe>
        {contact.name}
      </h3>
      <dl class="govuk-summary-list">
        {rows.map((row) => (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key" safe>
              {row.key}
            </dt>
            <dd class="govuk-summary-list__value" lang={row.lang}>
              {row.href ? (
                <a class="govuk-link" href={row.href} safe>
                  {row.value}
                </a>
              ) : (
                <span safe>{row.value}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

export function CouncilPage({ ctx, council }: { ctx: PageContext; council: CouncilDetail }): JSX.Element {
  const t = texts(ctx.lang);
  const lang = contentLang(ctx);
  const title = t.councilTitle(council.countyName);
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={[{ text: t.indexTitle, href: councilsPath }]}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l" safe>
            {title}
          </h1>
          <ContentLanguageNote ctx={ctx} />
          {paragraphsOf(council.description).map((p) => (
            <p class="govuk-body" lang={lang} safe>
              {p}
            </p>
          ))}
          <Sources ctx={ctx} board={council.boardName} refs={[council.sourceRef]} period={council.sourceDate} />

          <h2 class="govuk-heading-m">{t.missionHeading}</h2>
          <p class="govuk-body">{t.missionIntro}</p>
          <ul class="govuk-list govuk-list--bullet" lang={lang}>
            {council.mission.map((point) => (
              <li safe>{point}</li>
            ))}
          </ul>

          <h2 class="govuk-heading-m">{t.membersHeading}</h2>
          {council.members.length === 0 ? (
            <p class="govuk-body">{t.noneMembers}</p>
          ) : (
            <>
              <p class="govuk-body" safe>
                {t.membersCount(council.members.length)}
              </p>
              <ul class="govuk-list govuk-list--bullet">
                {council.members.map((m) => (
                  <li>
                    <span safe>{m.name}</span>,{' '}
                    <span lang={lang} safe>
                      {m.role}
                    </span>
                  </li>
                ))}
              </ul>
              <Sources ctx={ctx} board={council.boardName} refs={distinctSources(council.members)} />
            </>
          )}

          <h2 class="govuk-heading-m">{t.meetingsHeading}</h2>
          {council.meetings.length === 0 ? (
            <p class="govuk-body">{t.noneMeetings}</p>
          ) : (
            <>
              <p class="govuk-body">{t.meetingsIntro}</p>
              <ul class="govuk-list">
                {council.meetings.map((m) => (
                  <Meeting ctx={ctx} meeting={m} />
                ))}
              </ul>
              <Sources ctx={ctx} board={council.boardName} refs={distinctSources(council.meetings)} />
            </>
          )}

          <h2 class="govuk-heading-m">{t.contactHeading}</h2>
          {council.contacts.length === 0 ? (
            <p class="govuk-body">{t.noneContacts}</p>
          ) : (
            <>
              {council.contacts.map((c) => (
                <Contact ctx={ctx} contact={c} />
              ))}
              <Sources ctx={ctx} board={council.boardName} refs={distinctSources(council.contacts)} />
            </>
          )}
        </div>
      </div>
    </Layout>
  );
}
