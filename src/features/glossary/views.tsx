import { Layout } from '../../platform/layout.tsx';
import type { PageContext } from '../../platform/page-context.ts';
import type { GlossaryEntry } from './queries.ts';
import { groupByInitial, type LetterGroup, letterAnchor, paragraphsOf, swedishAlphabet } from './rules.ts';
import { texts } from './texts.ts';

export const glossaryPath = '/ordlista';

function JumpList({ ctx, groups }: { ctx: PageContext; groups: LetterGroup<GlossaryEntry>[] }): JSX.Element {
  const t = texts(ctx.lang);
  const present = new Set(groups.map((g) => g.letter));
  const others = groups.filter((g) => !swedishAlphabet.includes(g.letter));
  return (
    <nav aria-label={t.jumpList} class="govuk-!-margin-bottom-6">
      <ul class="govuk-footer__inline-list govuk-body-l">
        {swedishAlphabet.map((letter) => (
          <li class="govuk-footer__inline-list-item">
            {present.has(letter) ? (
              <a class="govuk-link govuk-!-font-weight-bold" href={`#${letterAnchor(letter)}`} safe>
                {letter}
              </a>
            ) : (
              <span safe>{letter}</span>
            )}
          </li>
        ))}
        {others.length > 0 ? (
          <li class="govuk-footer__inline-list-item">
            <a class="govuk-link govuk-!-font-weight-bold" href={`#${letterAnchor('')}`}>
              {t.otherHeading}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}

function Entry({ ctx, entry }: { ctx: PageContext; entry: GlossaryEntry }): JSX.Element {
  const t = texts(ctx.lang);
  // The entries exist in Swedish only.
  const lang = ctx.lang === 'sv' ? undefined : 'sv';
  return (
    <>
      <dt class="govuk-heading-s govuk-!-margin-bottom-1" id={entry.slug} lang={lang} safe>
        {entry.headword}
      </dt>
      <dd class="govuk-!-margin-left-0 govuk-!-margin-bottom-6">
        {paragraphsOf(entry.definition).map((p) => (
          <p class="govuk-body" lang={lang} safe>
            {p}
          </p>
        ))}
        {entry.headwordIsEditorial ? (
          <p class="bp-source">
            <strong>{t.editorialMarker}</strong>
            {entry.editorialNote ? (
              <>
                {': '}
                <span lang={lang} safe>
                  {entry.editorialNote}
                </span>
              </>
            ) : (
              '.'
            )}
          </p>
        ) : (
          ''
        )}
      </dd>
    </>
  );
}

export function GlossaryPage({ ctx, entries }: { ctx: PageContext; entries: GlossaryEntry[] }): JSX.Element {
  const t = texts(ctx.lang);
  const groups = groupByInitial(entries);
  return (
    <Layout ctx={ctx} title={t.title}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{t.title}</h1>
          <p class="govuk-body">{t.source}</p>
          <p class="govuk-body">{t.editorialExplanation}</p>
          {t.contentLanguage ? <p class="govuk-inset-text">{t.contentLanguage}</p> : ''}
          {groups.length === 0 ? (
            <p class="govuk-body">{t.empty}</p>
          ) : (
            <>
              <JumpList ctx={ctx} groups={groups} />
              {groups.map((group) => (
                <section aria-labelledby={letterAnchor(group.letter)}>
                  <h2 class="govuk-heading-m" id={letterAnchor(group.letter)}>
                    {swedishAlphabet.includes(group.letter) ? (
                      <>
                        <span class="govuk-visually-hidden">{t.letterHeading} </span>
                        <span safe>{group.letter}</span>
                      </>
                    ) : (
                      t.otherHeading
                    )}
                  </h2>
                  <dl>
                    {group.entries.map((entry) => (
                      <Entry ctx={ctx} entry={entry} />
                    ))}
                  </dl>
                </section>
              ))}
            </>
          )}
        </div>
      </div>
    </Layout>
  );
}
