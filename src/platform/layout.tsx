import { layoutTexts } from './layout-texts.ts';
import type { PageContext } from './page-context.ts';

export interface Crumb {
  text: string;
  href?: string;
  /** The text's language where it differs from the page's (a Swedish title on an English page). */
  lang?: 'sv' | 'en' | undefined;
}

interface LayoutProps {
  ctx: PageContext;
  /** The page's own title; " – Bidragsportalen" is added, except to the service's name itself (the home page). */
  title: string;
  /** A form shown again with its errors: the title starts "Fel: ", the first thing a screen reader says. */
  hasErrors?: boolean;
  breadcrumbs?: Crumb[];
  /** Marks the current section in the service navigation. */
  section?: 'programmes' | 'calls' | 'projects' | 'statistics' | 'guidance';
  children?: JSX.Element | JSX.Element[] | string;
}

function withReturn(path: string, url: string): string {
  return `${path}?tillbaka=${encodeURIComponent(url)}`;
}

export function Layout({ ctx, title, hasErrors, breadcrumbs, section, children }: LayoutProps): JSX.Element {
  const t = layoutTexts(ctx.lang);
  const nav = [
    { key: 'programmes', href: '/bidrag', text: t.navProgrammes },
    { key: 'calls', href: '/utlysningar', text: t.navCalls },
    { key: 'projects', href: '/projekt', text: t.navProjects },
    { key: 'statistics', href: '/statistik', text: t.navStatistics },
    { key: 'guidance', href: '/vagledning', text: t.navGuidance },
  ] as const;
  const otherLang = ctx.lang === 'sv' ? 'en' : 'sv';
  return (
    <>
      {'<!DOCTYPE html>'}
      <html lang={ctx.lang} class="govuk-template govuk-template--rendered">
        <head>
          <meta charset="utf-8" />
          <title safe>{`${hasErrors ? t.titleErrorPrefix : ''}${title === t.titleSuffix ? title : `${title} – ${t.titleSuffix}`}`}</title>
          <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
          <meta name="theme-color" content="#0b4f6c" />
          <link rel="icon" href="/assets/images/favicon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href="/assets/app.css" />
        </head>
        <body class="govuk-template__body">
          <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">
            {t.skipLink}
          </a>
          <header class="bp-header">
            {/* Inside the header, so that the banner is in a landmark like everything else. */}
            {ctx.demoMode ? (
              <div class="bp-demo-banner">
                <div class="govuk-width-container">{t.demoBanner}</div>
              </div>
            ) : (
              ''
            )}
            <div class="govuk-width-container bp-header__container">
              <a href="/" class="bp-header__logo">
                {t.serviceName}
              </a>
              <div class="bp-header__tools">
                <a
                  class="govuk-link"
                  href={withReturn(`/sprak/${otherLang}`, ctx.url)}
                  lang={t.otherLanguageLang}
                  hreflang={t.otherLanguageLang}
                >
                  {t.otherLanguage}
                </a>
                {ctx.viewer ? (
                  <>
                    {/* Who is logged in, as text; the link says where it goes. */}
                    <span class="bp-header__user" safe>
                      {ctx.viewer.actingFor ? `${ctx.viewer.displayName} (${ctx.viewer.actingFor})` : ctx.viewer.displayName}
                    </span>
                    <a class="govuk-link" href={ctx.viewer.home === 'staffStart' ? '/handlaggning' : '/mina-sidor'}>
                      {ctx.viewer.home === 'staffStart' ? t.staffStart : t.myPages}
                    </a>
                    <form method="post" action="/logga-ut">
                      <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
                      <button type="submit" class="bp-link-button">
                        {t.logout}
                      </button>
                    </form>
                  </>
                ) : (
                  <a class="govuk-link" href={withReturn('/logga-in', ctx.url)}>
                    {t.login}
                  </a>
                )}
              </div>
            </div>
          </header>
          <section aria-label={t.navLabel} class="govuk-service-navigation" data-module="govuk-service-navigation">
            <div class="govuk-width-container">
              <div class="govuk-service-navigation__container">
                <nav aria-label={t.navLabel} class="govuk-service-navigation__wrapper">
                  <ul class="govuk-service-navigation__list" id="navigation">
                    {nav.map((item) => (
                      <li class={section === item.key ? 'govuk-service-navigation__item--active' : undefined}>
                        <a href={item.href} aria-current={section === item.key ? 'true' : undefined}>
                          {section === item.key ? (
                            <strong class="govuk-service-navigation__active-fallback">{item.text}</strong>
                          ) : (
                            item.text
                          )}
                        </a>
                      </li>
                    ))}
                  </ul>
                </nav>
              </div>
            </div>
          </section>
          <div class="govuk-width-container">
            {breadcrumbs && breadcrumbs.length > 0 ? (
              <nav class="govuk-breadcrumbs" aria-label={ctx.lang === 'sv' ? 'Brödsmulor' : 'Breadcrumbs'}>
                <ol class="govuk-breadcrumbs__list">
                  {breadcrumbs.map((c) => (
                    <li class="govuk-breadcrumbs__list-item">
                      {c.href ? (
                        <a class="govuk-breadcrumbs__link" href={c.href}>
                          <span lang={c.lang} safe>
                            {c.text}
                          </span>
                        </a>
                      ) : (
                        <span lang={c.lang} safe>
                          {c.text}
                        </span>
                      )}
                    </li>
                  ))}
                </ol>
              </nav>
            ) : (
              ''
            )}
            <main class="govuk-main-wrapper" id="main-content" tabindex="-1">
              {children as 'safe'}
            </main>
          </div>
          <footer class="govuk-footer">
            <div class="govuk-width-container">
              <div class="govuk-footer__meta">
                <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                  <h2 class="govuk-visually-hidden">{t.footerHeading}</h2>
                  <ul class="govuk-footer__inline-list bp-footer-links">
                    <li>
                      <a href="/ordlista">{t.footerGlossary}</a>
                    </li>
                    <li>
                      <a href="/integrationsradet">{t.footerCouncil}</a>
                    </li>
                    <li>
                      <a href="/tillganglighet">{t.footerAccessibility}</a>
                    </li>
                    <li>
                      <a href="/oppna-data">{t.footerOpenData}</a>
                    </li>
                  </ul>
                  <p class="govuk-body-s">{t.footerLicence}</p>
                </div>
              </div>
            </div>
          </footer>
          <script type="module" src="/assets/app.js"></script>
        </body>
      </html>
    </>
  );
}
