import { ErrorSummary, FieldError } from '../components.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import type { Persona } from './personas.ts';
import { localIdpTexts } from './texts.ts';

function formatNumber(twelveDigits: string): string {
  return `${twelveDigits.slice(0, 8)}-${twelveDigits.slice(8)}`;
}

export function PersonaLoginPage(props: {
  ctx: PageContext;
  action: string;
  staff: boolean;
  personas: Persona[];
  missingChoice: boolean;
}): JSX.Element {
  const t = localIdpTexts(props.ctx.lang);
  const missing = props.missingChoice ? { text: t.noPersona, href: `#persona-${props.personas[0]?.id ?? ''}` } : undefined;
  return (
    <Layout ctx={props.ctx} hasErrors={props.missingChoice} title={t.title}>
      <ErrorSummary errors={missing ? [missing] : []} lang={props.ctx.lang} />
      <h1 class="govuk-heading-l">{props.staff ? t.staffHeading : t.publicHeading}</h1>
      <p class="govuk-body">{t.intro}</p>
      <form method="post" action={props.action} novalidate>
        <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
        <div class={`govuk-form-group${props.missingChoice ? ' govuk-form-group--error' : ''}`}>
          <fieldset class="govuk-fieldset" aria-describedby={props.missingChoice ? 'persona-error' : undefined}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{t.legend}</legend>
            <FieldError id="persona-error" error={missing} lang={props.ctx.lang} />
            <div class="govuk-radios" data-module="govuk-radios">
              {props.personas.map((p) => (
                <div class="govuk-radios__item">
                  <input class="govuk-radios__input" id={`persona-${p.id}`} name="persona" type="radio" value={p.id} />
                  <label class="govuk-label govuk-radios__label" for={`persona-${p.id}`}>
                    <span safe>{`${p.givenName} ${p.familyName}`}</span>
                  </label>
                  <div class="govuk-hint govuk-radios__hint">
                    <span safe>{p.description[props.ctx.lang]}</span>
                    {p.kind === 'public' ? (
                      <>
                        <br />
                        {t.personalIdentityNumber}: <span safe>{formatNumber(p.personalIdentityNumber)}</span>
                      </>
                    ) : (
                      ''
                    )}
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {t.submit}
        </button>
      </form>
    </Layout>
  );
}

/** The confirmation oidc-provider asks for at RP-initiated logout; `form` is its own hidden form. */
export function LogoutConfirmPage(props: { ctx: PageContext; form: string }): JSX.Element {
  const t = localIdpTexts(props.ctx.lang);
  return (
    <Layout ctx={props.ctx} title={t.logoutTitle}>
      <h1 class="govuk-heading-l">{t.logoutTitle}</h1>
      <p class="govuk-body">{t.logoutBody}</p>
      {props.form as 'safe'}
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button" form="op.logoutForm" name="logout" value="yes">
          {t.logoutYes}
        </button>
        <button type="submit" class="govuk-button govuk-button--secondary" form="op.logoutForm">
          {t.logoutNo}
        </button>
      </div>
    </Layout>
  );
}
