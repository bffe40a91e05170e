import { maskPersonalIdentityNumber } from '../../platform/auth/personal-identity-number.ts';
import type { Membership, StaffMembership } from '../../platform/auth/policy.ts';
import {
  Csrf,
  DataTable,
  describedBy,
  ErrorSummary,
  FieldError,
  type FormError,
  LinkList,
  Notice,
  SummaryList,
  TableScroll,
} from '../../platform/components.tsx';
import { swedishOnly } from '../../platform/i18n.ts';
import { Layout } from '../../platform/layout.tsx';
import type { PageContext } from '../../platform/page-context.ts';
import { texts } from './texts.ts';

/** A table that scrolls on its own at 320 px instead of widening the page (WCAG 1.4.10). */
function ScrollingTable(props: Parameters<typeof DataTable>[0]): JSX.Element {
  return (
    <TableScroll label={props.caption}>
      <DataTable {...props} />
    </TableScroll>
  );
}

export type { FormError } from '../../platform/components.tsx';

type T = ReturnType<typeof texts>;

export function roleName(t: T, role: string): string {
  const names: Record<string, string> = {
    applicant: t.roleApplicant,
    signatory: t.roleSignatory,
    caseOfficer: t.roleCaseOfficer,
    decisionMaker: t.roleDecisionMaker,
    finance: t.roleFinance,
    admin: t.roleAdmin,
  };
  return names[role] ?? role;
}

function statusName(t: T, status: string): string {
  const names: Record<string, string> = {
    draft: t.statusDraft,
    submitted: t.statusSubmitted,
    inPreparation: t.statusInPreparation,
    decided: t.statusDecided,
    closed: t.statusClosed,
  };
  return names[status] ?? status;
}

export function LoginPage(props: { ctx: PageContext; returnTo: string; formKept: boolean }): JSX.Element {
  const t = texts(props.ctx.lang);
  const q = `?tillbaka=${encodeURIComponent(props.returnTo)}`;
  return (
    <Layout ctx={props.ctx} title={t.loginTitle}>
      <h1 class="govuk-heading-l">{t.loginTitle}</h1>
      {props.formKept ? <Notice text={t.formKept} /> : ''}
      <p class="govuk-body">{t.loginIntro}</p>
      {props.ctx.demoMode ? <p class="govuk-body">{t.loginDemo}</p> : ''}
      <h2 class="govuk-heading-m">
        <a class="govuk-link" href={`/logga-in/e-legitimation${q}`}>
          {t.loginPublic}
        </a>
      </h2>
      <p class="govuk-body">{t.loginPublicHint}</p>
      <h2 class="govuk-heading-m">
        <a class="govuk-link" href={`/logga-in/personal${q}`}>
          {t.loginStaff}
        </a>
      </h2>
      <p class="govuk-body">{t.loginStaffHint}</p>
    </Layout>
  );
}

export function MyPagesView(props: {
  ctx: PageContext;
  memberships: Membership[];
  acting: Membership | null;
  /** The acting organisation's applications, rendered by the applications feature. */
  applications: JSX.Element;
}): JSX.Element {
  const t = texts(props.ctx.lang);
  const { acting } = props;
  return (
    <Layout ctx={props.ctx} title={t.myPagesTitle}>
      <h1 class="govuk-heading-l">{t.myPagesTitle}</h1>
      {props.memberships.length === 0 ? <p class="govuk-body">{t.noMembership}</p> : ''}
      {props.memberships.length > 0 && !acting ? <p class="govuk-body">{t.chooseOrganisationPrompt}</p> : ''}
      {acting ? (
        <SummaryList
          rows={[
            [t.actingFor, acting.organisationName],
            [t.yourRoles, acting.roles.map((r) => roleName(t, r)).join(', ')],
          ]}
        />
      ) : (
        ''
      )}
      <ul class="govuk-list">
        {props.memberships.length > 1 || (props.memberships.length === 1 && !acting) ? (
          <li>
            <a class="govuk-link" href="/mina-sidor/organisation">
              {acting ? t.changeOrganisation : t.pickerTitle}
            </a>
          </li>
        ) : (
          ''
        )}
        <li>
          <a class="govuk-link" href="/mina-sidor/profil">
            {t.profileLink}
          </a>
        </li>
        <li>
          <a class="govuk-link" href="/mina-sidor/behorighet">
            {t.requestAccessLink}
          </a>
        </li>
      </ul>
      {acting ? props.applications : ''}
    </Layout>
  );
}

export function OrganisationPicker(props: {
  ctx: PageContext;
  memberships: Membership[];
  selected: number | null;
  error: boolean;
}): JSX.Element {
  const t = texts(props.ctx.lang);
  const errors = props.error ? [{ text: t.pickerError, href: `#organisation-${props.memberships[0]?.organisationId ?? ''}` }] : [];
  return (
    <Layout
      ctx={props.ctx}
      hasErrors={errors.length > 0}
      title={t.pickerTitle}
      breadcrumbs={[{ text: t.myPagesTitle, href: '/mina-sidor' }, { text: t.pickerTitle }]}
    >
      <ErrorSummary errors={errors} lang={props.ctx.lang} />
      <form method="post" action="/mina-sidor/organisation" novalidate>
        <Csrf ctx={props.ctx} />
        <div class={`govuk-form-group${props.error ? ' govuk-form-group--error' : ''}`}>
          <fieldset class="govuk-fieldset" aria-describedby={describedBy(props.error && 'organisation-error')}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
              <h1 class="govuk-fieldset__heading">{t.pickerLegend}</h1>
            </legend>
            <FieldError id="organisation-error" error={errors[0]} lang={props.ctx.lang} />
            <div class="govuk-radios" data-module="govuk-radios">
              {props.memberships.map((m) => (
                <div class="govuk-radios__item">
                  <input
                    class="govuk-radios__input"
                    id={`organisation-${m.organisationId}`}
                    name="organisationId"
                    type="radio"
                    value={String(m.organisationId)}
                    checked={m.organisationId === props.selected}
                  />
                  <label class="govuk-label govuk-radios__label" for={`organisation-${m.organisationId}`} safe>
                    {m.organisationName}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {t.pickerSubmit}
        </button>
      </form>
    </Layout>
  );
}

export function ProfileView(props: {
  ctx: PageContext;
  name: string;
  personalIdentityNumber: string | null;
  email: string | null;
  emailVerified: boolean;
  emailInput: string;
  error: FormError | null;
  restored: boolean;
}): JSX.Element {
  const t = texts(props.ctx.lang);
  const errors = props.error ? [props.error] : [];
  const pnrText: string = props.personalIdentityNumber ? maskPersonalIdentityNumber(props.personalIdentityNumber) : t.notStated;
  const emailText: string = props.email ? `${props.email} (${props.emailVerified ? t.emailVerified : t.emailNotVerified})` : t.notStated;
  return (
    <Layout
      ctx={props.ctx}
      hasErrors={errors.length > 0}
      title={t.profileTitle}
      breadcrumbs={[{ text: t.myPagesTitle, href: '/mina-sidor' }, { text: t.profileTitle }]}
    >
      <ErrorSummary errors={errors} lang={props.ctx.lang} />
      <h1 class="govuk-heading-l">{t.profileTitle}</h1>
      {props.restored ? <Notice text={t.restoredNotice} /> : ''}
      <SummaryList
        rows={[
          [t.name, props.name],
          [t.personalIdentityNumber, pnrText],
          [t.email, emailText],
        ]}
      />
      <form method="post" action="/mina-sidor/profil" novalidate>
        <Csrf ctx={props.ctx} />
        <div class={`govuk-form-group${props.error ? ' govuk-form-group--error' : ''}`}>
          <label class="govuk-label govuk-label--m" for="email">
            {t.email}
          </label>
          <div id="email-hint" class="govuk-hint">
            {t.emailHint}
          </div>
          <FieldError id="email-error" error={props.error ?? undefined} lang={props.ctx.lang} />
          <input
            class={`govuk-input${props.error ? ' govuk-input--error' : ''}`}
            id="email"
            name="email"
            type="email"
            spellcheck="false"
            autocomplete="email"
            aria-describedby={describedBy('email-hint', props.error ? 'email-error' : undefined)}
            value={props.emailInput}
          />
        </div>
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {t.emailSubmit}
        </button>
      </form>
    </Layout>
  );
}

export function EmailSentView(props: { ctx: PageContext; email: string; demoLink: string | null }): JSX.Element {
  const t = texts(props.ctx.lang);
  const sentText =
    props.ctx.lang === 'sv'
      ? `Vi har skickat en länk till ${props.email}. Öppna länken inom ett dygn för att bekräfta adressen.`
      : `We have sent a link to ${props.email}. Open it within a day to confirm the address.`;
  return (
    <Layout ctx={props.ctx} title={t.emailSentTitle}>
      <h1 class="govuk-heading-l">{t.emailSentTitle}</h1>
      {props.demoLink ? (
        <>
          <p class="govuk-body">{t.emailDemoLink}</p>
          <p class="govuk-body">
            <a class="govuk-link" href={props.demoLink}>
              {t.emailConfirmLink}
            </a>
          </p>
        </>
      ) : (
        <p class="govuk-body" safe>
          {sentText}
        </p>
      )}
    </Layout>
  );
}

export interface AccessFormValues {
  organisationId: string;
  roles: string[];
  motivation: string;
}

export interface DecisionErrors {
  decision?: FormError;
  answer?: FormError;
}

export interface AccessFormErrors {
  organisation?: FormError;
  roles?: FormError;
  motivation?: FormError;
}

export function AccessRequestView(props: {
  ctx: PageContext;
  organisations: { id: number; name: string }[];
  requests: { id: number; organisationName: string; requestedRoles: string[]; status: string; answer: string | null }[];
  values: AccessFormValues;
  errors: AccessFormErrors;
  sent: boolean;
}): JSX.Element {
  const t = texts(props.ctx.lang);
  const errors = [props.errors.organisation, props.errors.roles, props.errors.motivation].filter((e): e is FormError => e !== undefined);
  const statusText: Record<string, string> = { pending: t.requestPending, approved: t.requestApproved, refused: t.requestRefused };
  return (
    <Layout
      ctx={props.ctx}
      hasErrors={errors.length > 0}
      title={t.accessTitle}
      breadcrumbs={[{ text: t.myPagesTitle, href: '/mina-sidor' }, { text: t.accessTitle }]}
    >
      <ErrorSummary errors={errors} lang={props.ctx.lang} />
      <h1 class="govuk-heading-l">{t.accessTitle}</h1>
      {props.sent ? <Notice text={t.requestSent} /> : ''}
      <p class="govuk-body">{t.accessIntro}</p>
      <form method="post" action="/mina-sidor/behorighet" novalidate>
        <Csrf ctx={props.ctx} />
        <div class={`govuk-form-group${props.errors.organisation ? ' govuk-form-group--error' : ''}`}>
          <label class="govuk-label govuk-label--s" for="organisationId">
            {t.organisation}
          </label>
          <FieldError id="organisationId-error" error={props.errors.organisation} lang={props.ctx.lang} />
          <select
            class={`govuk-select${props.errors.organisation ? ' govuk-select--error' : ''}`}
            id="organisationId"
            name="organisationId"
            aria-describedby={describedBy(props.errors.organisation && 'organisationId-error')}
          >
            <option value=""></option>
            {props.organisations.map((o) => (
              <option value={String(o.id)} selected={String(o.id) === props.values.organisationId} safe>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div class={`govuk-form-group${props.errors.roles ? ' govuk-form-group--error' : ''}`}>
          <fieldset class="govuk-fieldset" aria-describedby={describedBy(props.errors.roles && 'roles-error')}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t.rolesLegend}</legend>
            <FieldError id="roles-error" error={props.errors.roles} lang={props.ctx.lang} />
            <div class="govuk-checkboxes" data-module="govuk-checkboxes">
              {(['applicant', 'signatory'] as const).map((role) => (
                <div class="govuk-checkboxes__item">
                  <input
                    class="govuk-checkboxes__input"
                    id={`role-${role}`}
                    name="roles"
                    type="checkbox"
                    value={role}
                    checked={props.values.roles.includes(role)}
                  />
                  <label class="govuk-label govuk-checkboxes__label" for={`role-${role}`}>
                    {role === 'applicant' ? t.roleApplicant : t.roleSignatory}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div class={`govuk-form-group${props.errors.motivation ? ' govuk-form-group--error' : ''}`}>
          <label class="govuk-label govuk-label--s" for="motivation">
            {t.motivation}
          </label>
          <FieldError id="motivation-error" error={props.errors.motivation} lang={props.ctx.lang} />
          <textarea
            class={`govuk-textarea${props.errors.motivation ? ' govuk-textarea--error' : ''}`}
            id="motivation"
            name="motivation"
            aria-describedby={describedBy(props.errors.motivation && 'motivation-error')}
            rows="3"
            safe
          >
            {props.values.motivation}
          </textarea>
        </div>
        <button type="submit" class="govuk-button" data-module="govuk-button">
          {t.accessSubmit}
        </button>
      </form>
      {props.requests.length > 0 ? (
        <ScrollingTable
          caption={t.ownRequestsCaption}
          headers={[t.organisation, t.colRoles, t.colStatus, t.colAnswer]}
          rows={props.requests.map((r) => [
            r.organisationName,
            r.requestedRoles.map((role) => roleName(t, role)).join(', '),
            statusText[r.status] ?? r.status,
            r.answer ?? '',
          ])}
        />
      ) : (
        ''
      )}
    </Layout>
  );
}

export interface BoardCall {
  slug: string;
  title: string;
  year: number;
  roles: string[];
}

export function StaffStartView(props: {
  ctx: PageContext;
  staff: StaffMembership[];
  calls: BoardCall[];
  applications: { id: string; title: string; status: string; organisationName: string; callTitle: string }[];
  isAdmin: boolean;
  /** Keeps a board's registry (case officer or administrator). */
  keepsRegistry: boolean;
}): JSX.Element {
  const t = texts(props.ctx.lang);
  // Call and application titles are written in Swedish.
  const sv = swedishOnly(props.ctx.lang);
  return (
    <Layout ctx={props.ctx} title={t.staffTitle}>
      <h1 class="govuk-heading-l">{t.staffTitle}</h1>
      <LinkList
        links={[
          props.keepsRegistry && { href: '/handlaggning/diarium', text: t.registryLink },
          props.keepsRegistry && { href: '/handlaggning/registrera', text: t.registerLink },
          props.isAdmin && { href: '/handlaggning/behorigheter', text: t.accessRequestsLink },
        ]}
      />
      <ScrollingTable
        caption={t.boardsCaption}
        headers={[t.colBoard, t.colRoles]}
        rows={props.staff.map((s) => [s.boardName, s.roles.map((r) => roleName(t, r)).join(', ')])}
      />
      {props.calls.length === 0 ? (
        <p class="govuk-body">{t.noCalls}</p>
      ) : (
        <ScrollingTable
          caption={t.callsCaption}
          headers={[t.colCall, t.colYear, t.colBoardRole]}
          rows={props.calls.map((c) => [
            { href: `/utlysningar/${encodeURIComponent(c.slug)}`, text: c.title, lang: sv },
            String(c.year),
            c.roles.join(', '),
          ])}
        />
      )}
      {props.applications.length === 0 ? (
        <p class="govuk-body">{t.noStaffApplications}</p>
      ) : (
        <ScrollingTable
          caption={t.staffApplicationsCaption}
          headers={[t.colTitle, t.colOrganisation, t.colCall, t.colStatus]}
          rows={props.applications.map((a) => [
            { href: `/handlaggning/ansokningar/${a.id}/kvitto`, ...(a.title ? { text: a.title, lang: sv } : { text: t.untitled }) },
            a.organisationName,
            { text: a.callTitle, lang: sv },
            statusName(t, a.status),
          ])}
        />
      )}
    </Layout>
  );
}

export function AccessRequestsAdminView(props: {
  ctx: PageContext;
  requests: {
    id: number;
    givenName: string | null;
    familyName: string | null;
    organisationName: string;
    boardName: string;
    requestedRoles: string[];
    motivation: string | null;
  }[];
  notice: string | null;
  /** The request whose form was sent with errors, and what was typed in it. */
  failed: { id: number; decision: string; answer: string; errors: DecisionErrors } | null;
}): JSX.Element {
  const t = texts(props.ctx.lang);
  const failed = props.failed;
  const errors = [failed?.errors.decision, failed?.errors.answer].filter((e): e is FormError => e !== undefined);
  return (
    <Layout
      ctx={props.ctx}
      hasErrors={errors.length > 0}
      title={t.adminTitle}
      breadcrumbs={[{ text: t.staffTitle, href: '/handlaggning' }, { text: t.adminTitle }]}
    >
      <ErrorSummary errors={errors} lang={props.ctx.lang} />
      <h1 class="govuk-heading-l">{t.adminTitle}</h1>
      {props.notice ? <Notice text={props.notice} /> : ''}
      {props.requests.length === 0 ? <p class="govuk-body">{t.noPendingRequests}</p> : ''}
      <div>
        {props.requests.map((r) => {
          const typed = failed?.id === r.id ? failed : null;
          return (
            <section class="govuk-!-margin-bottom-8">
              <h2 class="govuk-heading-m" safe>
                {`${[r.givenName, r.familyName].filter(Boolean).join(' ')} – ${r.organisationName}`}
              </h2>
              <SummaryList
                rows={[
                  [t.colBoard, r.boardName],
                  [t.colRoles, r.requestedRoles.map((role) => roleName(t, role)).join(', ')],
                  [t.colMotivation, r.motivation ?? t.notStated],
                ]}
              />
              <form method="post" action={`/handlaggning/behorigheter/${r.id}`} novalidate>
                <Csrf ctx={props.ctx} />
                <div class={`govuk-form-group${typed?.errors.decision ? ' govuk-form-group--error' : ''}`}>
                  <fieldset class="govuk-fieldset" aria-describedby={describedBy(typed?.errors.decision && `decision-${r.id}-error`)}>
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t.decisionLegend}</legend>
                    <FieldError id={`decision-${r.id}-error`} error={typed?.errors.decision} lang={props.ctx.lang} />
                    <div class="govuk-radios govuk-radios--inline" data-module="govuk-radios">
                      <div class="govuk-radios__item">
                        <input
                          class="govuk-radios__input"
                          id={`decision-${r.id}`}
                          name="decision"
                          type="radio"
                          value="approve"
                          checked={typed?.decision === 'approve'}
                        />
                        <label class="govuk-label govuk-radios__label" for={`decision-${r.id}`}>
                          {t.approve}
                        </label>
                      </div>
                      <div class="govuk-radios__item">
                        <input
                          class="govuk-radios__input"
                          id={`decision-${r.id}-refuse`}
                          name="decision"
                          type="radio"
                          value="refuse"
                          checked={typed?.decision === 'refuse'}
                        />
                        <label class="govuk-label govuk-radios__label" for={`decision-${r.id}-refuse`}>
                          {t.refuse}
                        </label>
                      </div>
                    </div>
                  </fieldset>
                </div>
                <div class={`govuk-form-group${typed?.errors.answer ? ' govuk-form-group--error' : ''}`}>
                  <label class="govuk-label" for={`answer-${r.id}`}>
                    {t.answer}
                  </label>
                  <FieldError id={`answer-${r.id}-error`} error={typed?.errors.answer} lang={props.ctx.lang} />
                  <textarea
                    class={`govuk-textarea${typed?.errors.answer ? ' govuk-textarea--error' : ''}`}
                    id={`answer-${r.id}`}
                    name="answer"
                    aria-describedby={describedBy(typed?.errors.answer && `answer-${r.id}-error`)}
                    rows="2"
                    safe
                  >
                    {typed?.answer ?? ''}
                  </textarea>
                </div>
                <button type="submit" class="govuk-button" data-module="govuk-button">
                  {t.decideSubmit}
                </button>
              </form>
            </section>
          );
        })}
      </div>
    </Layout>
  );
}
