import {
  ConfirmationPanel,
  Csrf,
  describedBy,
  ErrorSummary,
  FieldError,
  type FormError,
  LinkList,
  MailLink,
  Notice,
  NotificationBanner,
  SummaryList,
  type SummaryRow,
  TableHead,
  TableScroll,
  WarningText,
} from '../../platform/components.tsx';
import { formatDate, formatDateTime, formatFileSize, formatKronor, formatList, kronorUnit } from '../../platform/format.ts';
import { type Lang, swedishOnly } from '../../platform/i18n.ts';
import { type Crumb, Layout } from '../../platform/layout.tsx';
import type { PageContext } from '../../platform/page-context.ts';
import type { ConfirmField, Field, Guidance, RowsField, Step } from './form.ts';
import { fieldFor, steps } from './form.ts';
import type { ApplicationDetail, ApplicationReceipt, Attachment, SupplementRow } from './queries.ts';
import {
  budgetTotal,
  type CallBannerState,
  type ChoiceOption,
  type ChoiceOptions,
  confirmationRecipients,
  type DraftAnswers,
  type DraftRow,
  deletionDate,
  differingKeys,
  fieldId,
  listAnswer,
  mayDownload,
  parseKronor,
  rowsAnswer,
  type StepState,
  textAnswer,
} from './rules.ts';
import type { RequiredCertificate } from './snapshot.ts';
import { type Texts, texts } from './texts.ts';

type Errors = Map<string, FormError>;

function errorMap(errors: FormError[]): Errors {
  const map = new Map<string, FormError>();
  for (const e of errors) {
    const id = e.href.split('#')[1];
    if (id && !map.has(id)) map.set(id, e);
  }
  return map;
}

/** Where a guidance text comes from: a Swedish page title, so marked as Swedish on an English page. */
function GuidanceSource({ source, lang }: { source: string; lang: Lang }): JSX.Element {
  return (
    <p class="bp-source">
      {texts(lang).guidanceSource}:{' '}
      <span lang={swedishOnly(lang)} safe>
        {source}
      </span>
    </p>
  );
}

function GuidanceAside({ guidance, id, lang }: { guidance: Guidance | undefined; id: string; lang: Lang }): JSX.Element {
  if (!guidance) return '';
  const t = texts(lang);
  return (
    // Neither a heading nor a landmark: one per question would crowd both lists in a screen reader;
    // the question names it in its aria-describedby instead.
    <div class="bp-guidance" id={id}>
      <p class="govuk-heading-s">{t.guidanceHeading}</p>
      <p class="govuk-body-s" safe>
        {guidance.text[lang]}
      </p>
      <GuidanceSource source={guidance.source} lang={lang} />
    </div>
  );
}

/** A question with its guidance beside it (below it on a narrow screen). */
function QuestionRow({ field, lang, children }: { field: Field; lang: Lang; children: JSX.Element }): JSX.Element {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">{children}</div>
      <div class="govuk-grid-column-one-third">
        <GuidanceAside guidance={field.guidance} id={`${fieldId(field.key)}-guidance`} lang={lang} />
      </div>
    </div>
  );
}

function Label({ field, lang, forId }: { field: Field; lang: Lang; forId: string }): JSX.Element {
  const t = texts(lang);
  return (
    <label class="govuk-label govuk-label--s" for={forId}>
      <span safe>{field.label[lang]}</span>
      {field.required ? '' : <span> {t.optional}</span>}
    </label>
  );
}

function Hint({ field, lang }: { field: Field; lang: Lang }): JSX.Element {
  if (!field.hint) return '';
  return (
    <div class="govuk-hint" id={`${fieldId(field.key)}-hint`} safe>
      {field.hint[lang]}
    </div>
  );
}

function TextInput(props: { field: Field; answers: DraftAnswers; errors: Errors; lang: Lang }): JSX.Element {
  const { field, lang } = props;
  const id = fieldId(field.key);
  const error = props.errors.get(id);
  const value = textAnswer(props.answers, field.key);
  const aria = describedBy(field.hint && `${id}-hint`, field.guidance && `${id}-guidance`, error && `${id}-error`);
  const errorClass = error ? ' govuk-input--error' : '';
  let control: JSX.Element;
  if (field.kind === 'textarea') {
    control = (
      <textarea
        class={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={field.key}
        rows="7"
        aria-describedby={aria}
        safe
      >
        {value}
      </textarea>
    );
  } else if (field.kind === 'amount') {
    control = (
      <div class="govuk-input__wrapper">
        <input
          class={`govuk-input govuk-input--width-10${errorClass}`}
          id={id}
          name={field.key}
          type="text"
          inputmode="decimal"
          spellcheck="false"
          value={value}
          aria-describedby={aria}
        />
        <div class="govuk-input__suffix" aria-hidden="true" safe>
          {kronorUnit(lang)}
        </div>
      </div>
    );
  } else {
    control = (
      <input
        class={`govuk-input${field.kind === 'date' ? ' govuk-input--width-10' : ''}${errorClass}`}
        id={id}
        name={field.key}
        type="text"
        autocomplete="off"
        value={value}
        aria-describedby={aria}
      />
    );
  }
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <Label field={field} lang={lang} forId={id} />
      <Hint field={field} lang={lang} />
      <FieldError id={`${id}-error`} error={error} lang={lang} />
      {control}
    </div>
  );
}

function Choices(props: { field: Field; options: ChoiceOption[]; answers: DraftAnswers; errors: Errors; lang: Lang }): JSX.Element {
  const { field, lang } = props;
  const id = fieldId(field.key);
  const error = props.errors.get(id);
  const chosen = new Set(listAnswer(props.answers, field.key));
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset
        class="govuk-fieldset"
        aria-describedby={describedBy(field.hint && `${id}-hint`, field.guidance && `${id}-guidance`, error && `${id}-error`)}
      >
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s" safe>
          {field.label[lang]}
        </legend>
        <Hint field={field} lang={lang} />
        <FieldError id={`${id}-error`} error={error} lang={lang} />
        <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          {props.options.map((o, i) => (
            <div class="govuk-checkboxes__item">
              <input
                class="govuk-checkboxes__input"
                id={i === 0 ? id : `${id}-${i}`}
                name={field.key}
                type="checkbox"
                value={o.code}
                checked={chosen.has(o.code)}
              />
              <label class="govuk-label govuk-checkboxes__label" for={i === 0 ? id : `${id}-${i}`} safe>
                {lang === 'sv' ? o.name : o.nameEn}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function Rows(props: { field: RowsField; answers: DraftAnswers; errors: Errors; lang: Lang }): JSX.Element {
  const { field, lang } = props;
  const t = texts(lang);
  const saved = rowsAnswer(props.answers, field.key);
  // Saved rows, then empty ones to fill in: at least the minimum, and one more while there is room.
  const shown: DraftRow[] = [...saved];
  while (shown.length < Math.max(field.minRows, 1) || (shown.length === saved.length && shown.length < field.maxRows)) shown.push({});
  const id = fieldId(field.key);
  const error = props.errors.get(id);
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset
        class="govuk-fieldset"
        id={id}
        aria-describedby={describedBy(field.hint && `${id}-hint`, field.guidance && `${id}-guidance`, error && `${id}-error`)}
      >
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m" safe>
          {field.label[lang]}
        </legend>
        <Hint field={field} lang={lang} />
        <FieldError id={`${id}-error`} error={error} lang={lang} />
        {shown.map((row, i) => (
          <fieldset class="govuk-fieldset bp-row">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s" safe>
              {`${field.rowLabel[lang]} ${i + 1}`}
            </legend>
            {field.columns.map((column) => {
              const key = `${field.key}.${i}.${column.key}`;
              const cid = fieldId(key);
              const cellError = props.errors.get(cid);
              const value = row[column.key] ?? '';
              if (column.kind === 'yesNo') {
                return (
                  <div class={`govuk-form-group${cellError ? ' govuk-form-group--error' : ''}`}>
                    <fieldset class="govuk-fieldset" aria-describedby={cellError ? `${cid}-error` : undefined}>
                      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s" safe>
                        {column.label[lang]}
                      </legend>
                      <FieldError id={`${cid}-error`} error={cellError} lang={lang} />
                      <div class="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
                        {(['yes', 'no'] as const).map((choice) => (
                          <div class="govuk-radios__item">
                            <input
                              class="govuk-radios__input"
                              id={choice === 'yes' ? cid : `${cid}-no`}
                              name={key}
                              type="radio"
                              value={choice}
                              checked={value === choice}
                            />
                            <label class="govuk-label govuk-radios__label" for={choice === 'yes' ? cid : `${cid}-no`}>
                              {choice === 'yes' ? t.yes : t.no}
                            </label>
                          </div>
                        ))}
                      </div>
                    </fieldset>
                  </div>
                );
              }
              return (
                <div class={`govuk-form-group${cellError ? ' govuk-form-group--error' : ''}`}>
                  <label class="govuk-label" for={cid}>
                    <span safe>{column.label[lang]}</span>
                    {column.required ? '' : <span> {t.optional}</span>}
                  </label>
                  {column.hint ? (
                    <div id={`${cid}-hint`} class="govuk-hint" safe>
                      {column.hint[lang]}
                    </div>
                  ) : (
                    ''
                  )}
                  <FieldError id={`${cid}-error`} error={cellError} lang={lang} />
                  <input
                    class={`govuk-input${column.kind === 'date' ? ' govuk-input--width-10' : ''}${cellError ? ' govuk-input--error' : ''}`}
                    id={cid}
                    name={key}
                    type={column.kind === 'email' ? 'email' : 'text'}
                    autocomplete={column.kind === 'email' ? 'email' : undefined}
                    spellcheck={column.kind === 'email' || column.kind === 'orgNumber' ? 'false' : undefined}
                    value={value}
                    aria-describedby={describedBy(column.hint && `${cid}-hint`, cellError && `${cid}-error`)}
                  />
                </div>
              );
            })}
          </fieldset>
        ))}
        <p class="govuk-body-s">
          {t.rowRemoveHint} <span safe>{t.addRowHint(field.rowLabel[lang])}</span>
        </p>
      </fieldset>
    </div>
  );
}

function Confirm(props: { field: ConfirmField; answers: DraftAnswers; errors: Errors; lang: Lang }): JSX.Element {
  const id = fieldId(props.field.key);
  const error = props.errors.get(id);
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <FieldError id={`${id}-error`} error={error} lang={props.lang} />
      <div class="govuk-checkboxes govuk-checkboxes--small">
        <div class="govuk-checkboxes__item">
          <input
            class="govuk-checkboxes__input"
            id={id}
            name={props.field.key}
            type="checkbox"
            value="yes"
            checked={props.answers[props.field.key] === true}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <label class="govuk-label govuk-checkboxes__label" for={id} safe>
            {props.field.label[props.lang]}
          </label>
        </div>
      </div>
    </div>
  );
}

/** The budget's total costs as shown, "–" while a cost is not a valid amount; autosave sends it to the page too. */
export function budgetTotalText(answers: DraftAnswers, lang: Lang): string {
  const total = budgetTotal(answers);
  return total === null ? '–' : formatKronor(total, lang);
}

function BudgetSum({ answers, lang }: { answers: DraftAnswers; lang: Lang }): JSX.Element {
  return (
    <p class="govuk-body govuk-!-font-weight-bold" id="budget-total" aria-live="polite">
      {texts(lang).budgetTotal}:{' '}
      <span data-budget-total safe>
        {budgetTotalText(answers, lang)}
      </span>
    </p>
  );
}

export function FieldInput(props: {
  field: Field;
  answers: DraftAnswers;
  options: ChoiceOptions;
  errors: Errors;
  lang: Lang;
}): JSX.Element {
  const { field } = props;
  switch (field.kind) {
    case 'choices':
      return <Choices {...props} options={props.options[field.source]} />;
    case 'rows':
      return <Rows field={field} answers={props.answers} errors={props.errors} lang={props.lang} />;
    case 'confirm':
      return <Confirm field={field} answers={props.answers} errors={props.errors} lang={props.lang} />;
    default:
      return <TextInput {...props} />;
  }
}

function CallBanner({ banner, lang }: { banner: CallBannerState; lang: Lang }): JSX.Element {
  if (!banner) return '';
  const t = texts(lang);
  const text =
    banner.kind === 'closesSoon'
      ? t.callClosesSoon(banner.days, formatDate(banner.date, lang))
      : banner.kind === 'closed'
        ? t.callClosed(formatDate(banner.date, lang))
        : t.callNotOpenYet(formatDate(banner.date, lang));
  return <WarningText id="call" prefix={t.warning} text={text} />;
}

/**
 * An application's title, written in Swedish for the county board (and shown so as the granted
 * project's title), marked as such on an English page; without one, our own text in the page's language.
 */
function applicationTitle(title: string, lang: Lang): { text: string; lang: Lang | undefined } {
  return title ? { text: title, lang: swedishOnly(lang) } : { text: texts(lang).untitled, lang: undefined };
}

function appCrumbs(ctx: PageContext, app: { id: string; title: string }, current?: string): Crumb[] {
  const t = texts(ctx.lang);
  const title = applicationTitle(app.title, ctx.lang);
  return [
    { text: t.myPages, href: '/mina-sidor' },
    ...(current ? [{ ...title, href: `/ansokningar/${app.id}` }, { text: current }] : [title]),
  ];
}

/** The title of a page about one application: the page's own, then the application's. */
function pageOfApplication(page: string, app: { title: string }, lang: Lang): string {
  return `${page} – ${applicationTitle(app.title, lang).text}`;
}

/** The application's title above a heading that names the page, so that it is clear which application it is about. */
function TitleCaption({ app, lang }: { app: { title: string }; lang: Lang }): JSX.Element {
  const title = applicationTitle(app.title, lang);
  return (
    <span class="govuk-caption-l" lang={title.lang} safe>
      {title.text}
    </span>
  );
}

/** The application's title as the page's heading. */
function TitleHeading({ app, lang }: { app: { title: string }; lang: Lang }): JSX.Element {
  const title = applicationTitle(app.title, lang);
  return (
    <h1 class="govuk-heading-l" lang={title.lang} safe>
      {title.text}
    </h1>
  );
}

export function NewApplicationPage(props: {
  ctx: PageContext;
  call: { slug: string; title: string; countyName: string; programmeName: string };
  organisations: { id: number; name: string }[];
  selectedOrganisationId: number | null;
  copySources: { id: string; title: string; callTitle: string }[];
  idempotencyKey: string;
  banner: CallBannerState;
  errors: FormError[];
}): JSX.Element {
  const t = texts(props.ctx.lang);
  const errors = errorMap(props.errors);
  return (
    <Layout
      ctx={props.ctx}
      hasErrors={props.errors.length > 0}
      title={t.newTitle}
      breadcrumbs={[{ text: t.myPages, href: '/mina-sidor' }, { text: t.newTitle }]}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={props.errors} lang={props.ctx.lang} />
          <span class="govuk-caption-l" lang={swedishOnly(props.ctx.lang)} safe>
            {props.call.title}
          </span>
          <h1 class="govuk-heading-l">{t.newTitle}</h1>
          <CallBanner banner={props.banner} lang={props.ctx.lang} />
          <p class="govuk-body">{t.newIntro}</p>
          <form method="post" action={`/ansokningar?utlysning=${encodeURIComponent(props.call.slug)}`} novalidate>
            <Csrf ctx={props.ctx} />
            <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
            <div class={`govuk-form-group${errors.has('organisationId') ? ' govuk-form-group--error' : ''}`}>
              <fieldset class="govuk-fieldset" aria-describedby={errors.has('organisationId') ? 'organisationId-error' : undefined}>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t.newOrganisation}</legend>
                <FieldError id="organisationId-error" error={errors.get('organisationId')} lang={props.ctx.lang} />
                <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
                  {props.organisations.map((o, i) => (
                    <div class="govuk-radios__item">
                      <input
                        class="govuk-radios__input"
                        id={i === 0 ? 'organisationId' : `organisationId-${i}`}
                        name="organisationId"
                        type="radio"
                        value={String(o.id)}
                        checked={props.selectedOrganisationId === o.id || props.organisations.length === 1}
                      />
                      <label class="govuk-label govuk-radios__label" for={i === 0 ? 'organisationId' : `organisationId-${i}`} safe>
                        {o.name}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
            {props.copySources.length > 0 ? (
              <div class="govuk-form-group">
                <label class="govuk-label govuk-label--s" for="copyFrom">
                  {t.newStartFrom}
                </label>
                <div class="govuk-hint" id="copyFrom-hint">
                  {t.newStartHint}
                </div>
                <select class="govuk-select" id="copyFrom" name="copyFrom" aria-describedby="copyFrom-hint">
                  <option value="">{t.newStartBlank}</option>
                  {props.copySources.map((s) => (
                    <option value={s.id} lang={swedishOnly(props.ctx.lang)} safe>
                      {`${s.title} (${s.callTitle})`}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              ''
            )}
            <button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
              {t.newCreate}
            </button>
          </form>
        </div>
      </div>
    </Layout>
  );
}

export function NoMembershipPage(props: { ctx: PageContext; message: string; mayRequestAccess: boolean }): JSX.Element {
  const t = texts(props.ctx.lang);
  return (
    <Layout ctx={props.ctx} title={t.newTitle}>
      <h1 class="govuk-heading-l">{t.newTitle}</h1>
      <p class="govuk-body" safe>
        {props.message}
      </p>
      {/* Where to go from a call this organisation may not apply to. */}
      <LinkList
        links={[
          props.mayRequestAccess && { href: '/mina-sidor/behorighet', text: t.newRequestAccess },
          { href: '/utlysningar', text: t.newSeeCalls },
          { href: '/mina-sidor', text: t.newToMyPages },
        ]}
      />
    </Layout>
  );
}

function stateTag(t: Texts, state: StepState): JSX.Element {
  if (state === 'complete') return <strong class="govuk-tag govuk-tag--green">{t.stateComplete}</strong>;
  if (state === 'inProgress') return <strong class="govuk-tag govuk-tag--light-blue">{t.stateInProgress}</strong>;
  return <strong class="govuk-tag govuk-tag--grey">{t.stateNotStarted}</strong>;
}

export interface KeptVersion {
  id: number;
  byName: string | null;
  createdAt: Date;
  answers: DraftAnswers;
}

/**
 * What taking a kept version would change: the answers it gives differently from the draft as it
 * is now, under their parts, folded behind the parts' names.
 */
function KeptVersionChanges(props: { kept: KeptVersion; current: DraftAnswers; options: ChoiceOptions; lang: Lang }): JSX.Element {
  const t = texts(props.lang);
  const differing = differingKeys(props.current, props.kept.answers);
  const parts = answerRows(props.kept.answers, props.options, props.lang)
    .map(({ step, rows }) => ({ step, rows: rows.filter((_, i) => differing.has(step.fields[i]?.key ?? '')) }))
    .filter((part) => part.rows.length > 0);
  if (parts.length === 0) return <p class="govuk-body-s">{t.keptVersionSame}</p>;
  return (
    <details class="govuk-details govuk-!-margin-bottom-2">
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text" safe>
          {t.keptVersionDiffers(parts.map((p) => p.step.title[props.lang]).join(', '))}
        </span>
      </summary>
      <div class="govuk-details__text">
        {parts.map((part) => (
          <>
            <h3 class="govuk-heading-s" safe>
              {part.step.title[props.lang]}
            </h3>
            <SummaryList rows={part.rows} />
          </>
        ))}
      </div>
    </details>
  );
}

export function OverviewPage(props: {
  ctx: PageContext;
  app: ApplicationDetail;
  states: StepState[];
  /** The files attached, and the certificates still missing (as the submission counts them). */
  attachments: { count: number; missing: number };
  deletionDate: string;
  banner: CallBannerState;
  kept: KeptVersion[];
  options: ChoiceOptions;
  notice: string | null;
  /** A signatory who is not an applicant reads the draft and approves it, but cannot change it. */
  mayEdit: boolean;
  maySign: boolean;
}): JSX.Element {
  const { ctx, app, mayEdit } = props;
  const t = texts(ctx.lang);
  const done = props.states.filter((s) => s === 'complete').length;
  const base = `/ansokningar/${app.id}`;
  const task = (href: string, name: string, status: JSX.Element | string, statusId?: string) => (
    <li class={`govuk-task-list__item${mayEdit ? ' govuk-task-list__item--with-link' : ''}`}>
      <div class="govuk-task-list__name-and-hint">
        {mayEdit ? (
          <a class="govuk-link govuk-task-list__link" href={href} aria-describedby={statusId} safe>
            {name}
          </a>
        ) : (
          <span safe>{name}</span>
        )}
      </div>
      <div class="govuk-task-list__status" id={statusId}>
        {status as 'safe'}
      </div>
    </li>
  );
  return (
    <Layout ctx={ctx} title={applicationTitle(app.title, ctx.lang).text} breadcrumbs={appCrumbs(ctx, app)}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {props.notice ? <Notice text={props.notice} /> : ''}
          <span class="govuk-caption-l" lang={swedishOnly(ctx.lang)} safe>
            {`${app.call.title} · ${app.organisationName}`}
          </span>
          <TitleHeading app={app} lang={ctx.lang} />
          <CallBanner banner={props.banner} lang={ctx.lang} />
          <p class="govuk-body">
            <strong class="govuk-tag govuk-tag--grey">{t.statusDraft}</strong> <span safe>{t.progress(done, steps.length)}</span>
          </p>
          <p class="govuk-body-s" safe>
            {t.deletionNote(formatDate(props.deletionDate, ctx.lang))}
          </p>
          <p class="govuk-body-s" safe>
            {app.updatedByName
              ? t.lastSaved(formatDateTime(app.updatedAt, ctx.lang), app.updatedByName)
              : t.lastSavedAnon(formatDateTime(app.updatedAt, ctx.lang))}
          </p>
          <h2 class="govuk-heading-m">{t.sectionQuestions}</h2>
          <ul class="govuk-task-list">
            {steps.map((step, i) =>
              task(`${base}/${step.slug}`, step.title[ctx.lang], stateTag(t, props.states[i] ?? 'notStarted'), `step-${step.key}-status`),
            )}
          </ul>
          <h2 class="govuk-heading-m">{t.sectionAttachments}</h2>
          <ul class="govuk-task-list">
            {task(
              `${base}/bilagor`,
              t.attachmentsTask,
              props.attachments.missing > 0 ? (
                <strong class="govuk-tag govuk-tag--light-blue" safe>
                  {t.certificatesMissing(props.attachments.missing)}
                </strong>
              ) : (
                <strong class="govuk-tag govuk-tag--green" safe>
                  {t.attachmentsCount(props.attachments.count)}
                </strong>
              ),
              'attachments-status',
            )}
          </ul>
          <h2 class="govuk-heading-m">{t.sectionSubmit}</h2>
          <p class="govuk-body">
            {mayEdit ? (
              <a class="govuk-button" href={`${base}/skicka-in`}>
                {t.reviewTask}
              </a>
            ) : props.maySign ? (
              <a class="govuk-button" href={`${base}/godkann`}>
                {t.signatoryApproveTitle}
              </a>
            ) : (
              ''
            )}
          </p>
          {mayEdit && props.kept.length > 0 ? (
            <>
              <h2 class="govuk-heading-m">{t.keptVersions}</h2>
              <p class="govuk-body">{t.keptVersionsIntro}</p>
              <ul class="govuk-list">
                {props.kept.map((k) => (
                  <li>
                    <span safe>{t.keptVersionBy(k.byName ?? t.conflictSomeone, formatDateTime(k.createdAt, ctx.lang))}</span>
                    <KeptVersionChanges kept={k} current={app.answers} options={props.options} lang={ctx.lang} />
                    <form method="post" action={`${base}/versioner/${k.id}`} class="bp-inline-form">
                      <Csrf ctx={ctx} />
                      <input type="hidden" name="version" value={String(app.version)} />
                      <button type="submit" name="action" value="use" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                        {t.useKeptVersion}
                      </button>{' '}
                      <button
                        type="submit"
                        name="action"
                        value="discard"
                        class="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                      >
                        {t.discardKeptVersion}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
          {mayEdit ? (
            <p class="govuk-body">
              <a class="govuk-link" href={`${base}/radera`}>
                {t.deleteDraft}
              </a>
            </p>
          ) : (
            ''
          )}
        </div>
      </div>
    </Layout>
  );
}

export interface Conflict {
  byName: string | null;
  at: Date;
  changedLabels: string[];
}

export function StepPage(props: {
  ctx: PageContext;
  app: ApplicationDetail;
  step: Step;
  answers: DraftAnswers;
  version: number;
  options: ChoiceOptions;
  errors: FormError[];
  banner: CallBannerState;
  notice: string | null;
  conflict: Conflict | null;
}): JSX.Element {
  const { ctx, app, step } = props;
  const t = texts(ctx.lang);
  const errors = errorMap(props.errors);
  const index = steps.indexOf(step);
  const base = `/ansokningar/${app.id}`;
  const previous = index > 0 ? `${base}/${steps[index - 1]?.slug}` : base;
  return (
    <Layout
      ctx={ctx}
      hasErrors={props.errors.length > 0}
      title={pageOfApplication(step.title[ctx.lang], app, ctx.lang)}
      breadcrumbs={appCrumbs(ctx, app, step.title[ctx.lang])}
    >
      <a href={previous} class="govuk-back-link">
        {t.back}
      </a>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={props.errors} lang={ctx.lang} />
          {props.conflict ? (
            <NotificationBanner id="conflict-title" title={t.important} heading={t.conflictTitle}>
              <p class="govuk-body" safe>
                {t.conflictBody(props.conflict.byName ?? t.conflictSomeone, formatDateTime(props.conflict.at, ctx.lang))}
              </p>
              {props.conflict.changedLabels.length > 0 ? (
                <>
                  <p class="govuk-body">{t.conflictFields}</p>
                  <ul class="govuk-list govuk-list--bullet">
                    {props.conflict.changedLabels.map((label) => (
                      <li safe>{label}</li>
                    ))}
                  </ul>
                </>
              ) : (
                ''
              )}
              <p class="govuk-body">{t.conflictHowTo}</p>
            </NotificationBanner>
          ) : (
            ''
          )}
          {props.notice ? <Notice text={props.notice} /> : ''}
          <span class="govuk-caption-l" safe>
            {t.stepOf(index + 1, steps.length)}
          </span>
          <h1 class="govuk-heading-l" safe>
            {step.title[ctx.lang]}
          </h1>
          <CallBanner banner={props.banner} lang={ctx.lang} />
        </div>
      </div>
      {step.intro ? (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <div class="govuk-inset-text">
              <p class="govuk-body" safe>
                {step.intro.text[ctx.lang]}
              </p>
              <GuidanceSource source={step.intro.source} lang={ctx.lang} />
            </div>
          </div>
        </div>
      ) : (
        ''
      )}
      <form method="post" action={`${base}/${step.slug}`} novalidate data-autosave={`${base}/autospara/${step.slug}`}>
        <Csrf ctx={ctx} />
        <input type="hidden" name="version" value={String(props.version)} />
        {step.key === 'budget' ? (
          <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
              <h2 class="govuk-heading-m">{t.budgetCaption}</h2>
            </div>
          </div>
        ) : (
          ''
        )}
        {step.fields
          .map((stepField) => fieldFor(stepField, app.call.programmeCode))
          .map((field) => (
            <>
              {step.key === 'budget' && field.key === 'ownFinancing' ? (
                <div class="govuk-grid-row">
                  <div class="govuk-grid-column-two-thirds">
                    <BudgetSum answers={props.answers} lang={ctx.lang} />
                    <h2 class="govuk-heading-m">{t.budgetFinancing}</h2>
                  </div>
                </div>
              ) : (
                ''
              )}
              <QuestionRow field={field} lang={ctx.lang}>
                <FieldInput field={field} answers={props.answers} options={props.options} errors={errors} lang={ctx.lang} />
              </QuestionRow>
            </>
          ))}
        <p
          class="govuk-body-s bp-autosave-status"
          role="status"
          aria-live="polite"
          data-autosave-status
          data-idle={t.autosaveIdle}
          data-saving={t.autosaveSaving}
          data-saved={t.autosaveSaved}
          data-refused={t.autosaveRefused}
          data-failed={t.autosaveFailed}
          data-conflict={t.autosaveConflict}
          hidden
        >
          {t.autosaveIdle}
        </p>
        <div class="govuk-button-group">
          <button type="submit" name="action" value="next" class="govuk-button" data-module="govuk-button">
            {t.saveAndContinue}
          </button>
          <button type="submit" name="action" value="save" class="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t.save}
          </button>
          <a class="govuk-link" href={base}>
            {t.backToOverview}
          </a>
        </div>
      </form>
    </Layout>
  );
}

/** A partner by the name given, or by its row while the name is still empty. */
export function partnerName(t: Texts, organisation: string | undefined, index: number): string {
  return organisation?.trim() || t.partnerNumbered(index + 1);
}

function kindName(t: Texts, kind: Attachment['kind']): string {
  const names: Record<Attachment['kind'], string> = {
    signatoryCertificate: t.kindSignatoryCertificate,
    partnerCertificate: t.kindPartnerCertificate,
    projectPlan: t.kindProjectPlan,
    ledgerExtract: t.kindLedgerExtract,
    other: t.kindOther,
  };
  return names[kind];
}

function scanName(t: Texts, status: Attachment['scanStatus']): string {
  const names: Record<Attachment['scanStatus'], string> = {
    clean: t.scanClean,
    pending: t.scanPending,
    notScanned: t.scanNotScanned,
    infected: t.scanInfected,
  };
  return names[status];
}

export function AttachmentTable(props: {
  ctx: PageContext;
  files: Attachment[];
  /** The application's answers, whose partners the partner certificates name. */
  answers: DraftAnswers;
  removeBase: string | null;
}): JSX.Element {
  const t = texts(props.ctx.lang);
  const partners = rowsAnswer(props.answers, 'partners');
  if (props.files.length === 0) return <p class="govuk-body">{t.noAttachments}</p>;
  return (
    <TableScroll label={t.attachmentsTitle}>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">{t.attachmentsTitle}</caption>
        <TableHead headers={[t.colFile, t.colKind, t.colSize, t.colScan]} blankLast={props.removeBase !== null} />
        <tbody class="govuk-table__body">
          {props.files.map((f) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell bp-break">
                {mayDownload(f) ? (
                  <a class="govuk-link" href={`/ansokningar/${f.applicationId}/bilagor/${f.id}/fil`} safe>
                    {f.filename}
                  </a>
                ) : (
                  <span safe>{f.filename}</span>
                )}
              </td>
              <td class="govuk-table__cell" safe>
                {f.kind === 'partnerCertificate' && f.partnerIndex !== null
                  ? `${kindName(t, f.kind)}: ${partnerName(t, partners[f.partnerIndex]?.organisation, f.partnerIndex)}`
                  : kindName(t, f.kind)}
              </td>
              <td class="govuk-table__cell bp-nowrap" safe>
                {formatFileSize(f.sizeBytes, props.ctx.lang)}
              </td>
              <td class="govuk-table__cell" safe>
                {scanName(t, f.scanStatus)}
              </td>
              {props.removeBase ? (
                <td class="govuk-table__cell">
                  <form method="post" action={`${props.removeBase}/${f.id}/ta-bort`}>
                    <Csrf ctx={props.ctx} />
                    <button type="submit" class="bp-link-button govuk-link">
                      {t.removeAttachment}{' '}
                      <span class="govuk-visually-hidden" safe>
                        {f.filename}
                      </span>
                    </button>
                  </form>
                </td>
              ) : (
                ''
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A file field with its error, the upload progress bar (shown by script) and the send button. */
function FileUpload(props: {
  label: string;
  error: FormError | undefined;
  /** Which files are taken, under the label where the page does not say it already. */
  hint?: string;
  buttonText: string;
  secondary: boolean;
  lang: Lang;
}): JSX.Element {
  const t = texts(props.lang);
  return (
    <>
      <div class={`govuk-form-group${props.error ? ' govuk-form-group--error' : ''}`}>
        <label class="govuk-label govuk-label--s" for="file" safe>
          {props.label}
        </label>
        {props.hint ? (
          <div id="file-hint" class="govuk-hint" safe>
            {props.hint}
          </div>
        ) : (
          ''
        )}
        <FieldError id="file-error" error={props.error} lang={props.lang} />
        <input
          class={`govuk-file-upload${props.error ? ' govuk-file-upload--error' : ''}`}
          id="file"
          name="file"
          type="file"
          accept=".pdf,.doc,.docx,.xlsx,.odt,.tif,.tiff,.png,.jpg,.jpeg"
          aria-describedby={[props.hint ? 'file-hint' : '', props.error ? 'file-error' : ''].filter(Boolean).join(' ') || undefined}
        />
      </div>
      <progress class="bp-progress" max="100" value="0" hidden data-upload-bar aria-label={t.uploading} />
      <button
        type="submit"
        class={`govuk-button${props.secondary ? ' govuk-button--secondary' : ''}`}
        data-module="govuk-button"
        data-prevent-double-click="true"
        safe
      >
        {props.buttonText}
      </button>
    </>
  );
}

const certificateStateText: Record<RequiredCertificate['state'], (t: Texts) => string> = {
  attached: (t) => t.certificateAttached,
  approvedInService: (t) => t.certificateApprovedInService,
  approvalOutdated: (t) => t.certificateApprovalOutdated,
  missing: (t) => t.certificateMissing,
};

export function AttachmentsPage(props: {
  ctx: PageContext;
  app: ApplicationDetail;
  certificates: RequiredCertificate[];
  files: Attachment[];
  partners: { index: number; organisation: string }[];
  errors: FormError[];
  notice: string | null;
  selectedKind: string;
}): JSX.Element {
  const { ctx, app } = props;
  const t = texts(ctx.lang);
  const errors = errorMap(props.errors);
  const base = `/ansokningar/${app.id}`;
  const kinds: Attachment['kind'][] = ['signatoryCertificate', 'partnerCertificate', 'projectPlan', 'other'];
  // The first radio has the field's own id, so that the error summary's link lands on it.
  const kindId = (i: number) => (i === 0 ? 'kind' : `kind-${i}`);
  return (
    <Layout
      ctx={ctx}
      hasErrors={props.errors.length > 0}
      title={pageOfApplication(t.attachmentsTitle, app, ctx.lang)}
      breadcrumbs={appCrumbs(ctx, app, t.attachmentsTitle)}
    >
      <a href={base} class="govuk-back-link">
        {t.back}
      </a>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={props.errors} lang={ctx.lang} />
          {props.notice ? <Notice text={props.notice} /> : ''}
          <h1 class="govuk-heading-l">{t.attachmentsTitle}</h1>
          <p class="govuk-body">{t.attachmentsIntro}</p>
          <p class="govuk-body">
            <a class="govuk-link" href="/vagledning/mallar">
              {t.templatesLink}
            </a>
          </p>
          <h2 class="govuk-heading-m">{t.certificatesNeeded}</h2>
          <SummaryList
            rows={props.certificates.map(
              (c): SummaryRow => [
                c.kind === 'signatoryCertificate'
                  ? t.certificateSignatoryNeeded
                  : t.certificatePartnerNeeded(partnerName(t, c.organisation, c.partnerIndex)),
                certificateStateText[c.state](t),
              ],
            )}
          />
          <AttachmentTable ctx={ctx} files={props.files} answers={app.answers} removeBase={`${base}/bilagor`} />
          <form method="post" action={`${base}/bilagor`} enctype="multipart/form-data" novalidate data-upload-progress>
            <Csrf ctx={ctx} />
            <div class={`govuk-form-group${errors.has('kind') ? ' govuk-form-group--error' : ''}`}>
              <fieldset class="govuk-fieldset" aria-describedby={errors.has('kind') ? 'kind-error' : undefined}>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t.uploadKind}</legend>
                <FieldError id="kind-error" error={errors.get('kind')} lang={ctx.lang} />
                <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
                  {kinds.map((kind, i) => (
                    <div class="govuk-radios__item">
                      <input
                        class="govuk-radios__input"
                        id={kindId(i)}
                        name="kind"
                        type="radio"
                        value={kind}
                        checked={props.selectedKind === kind}
                      />
                      <label class="govuk-label govuk-radios__label" for={kindId(i)}>
                        <span safe>{kindName(t, kind)}</span>
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
            {props.partners.length > 0 ? (
              <div
                class={`govuk-form-group${errors.has('partnerIndex') ? ' govuk-form-group--error' : ''}`}
                data-shown-when={kindId(kinds.indexOf('partnerCertificate'))}
              >
                <label class="govuk-label govuk-label--s" for="partnerIndex">
                  {t.uploadPartner}
                </label>
                <FieldError id="partnerIndex-error" error={errors.get('partnerIndex')} lang={ctx.lang} />
                <select
                  class={`govuk-select${errors.has('partnerIndex') ? ' govuk-select--error' : ''}`}
                  id="partnerIndex"
                  name="partnerIndex"
                  aria-describedby={errors.has('partnerIndex') ? 'partnerIndex-error' : undefined}
                >
                  <option value="">–</option>
                  {/* Only one partner needs a certificate: it is the one, so the first upload need not fail. */}
                  {props.partners.map((p) => (
                    <option value={String(p.index)} selected={props.partners.length === 1} safe>
                      {partnerName(t, p.organisation, p.index)}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              ''
            )}
            <FileUpload label={t.uploadFile} error={errors.get('file')} buttonText={t.upload} secondary lang={ctx.lang} />
          </form>
          <p class="govuk-body">
            <a class="govuk-link" href={base}>
              {t.backToOverview}
            </a>
          </p>
        </div>
      </div>
    </Layout>
  );
}

/** Every answer as label and text, for the review page and the receipt. */
/**
 * The answers step by step, as summary lists under the steps' headings (`h2`, or `h3` inside a
 * section of their own). With `changeBase`, each row links to its question in the draft.
 */
function AnswerSummary(props: {
  answers: DraftAnswers;
  options: ChoiceOptions;
  lang: Lang;
  changeBase: string | null;
  nested?: boolean;
}): JSX.Element {
  const t = texts(props.lang);
  return (
    <>
      {answerRows(props.answers, props.options, props.lang).map(({ step, rows }) => (
        <>
          {props.nested ? (
            <h3 class="govuk-heading-s" safe>
              {step.title[props.lang]}
            </h3>
          ) : (
            <h2 class="govuk-heading-m" safe>
              {step.title[props.lang]}
            </h2>
          )}
          <dl class="govuk-summary-list">
            {rows.map(([label, value], i) => (
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key" safe>
                  {label}
                </dt>
                <dd class="govuk-summary-list__value bp-pre" safe>
                  {value}
                </dd>
                {props.changeBase ? (
                  <dd class="govuk-summary-list__actions">
                    <a class="govuk-link" href={`${props.changeBase}/${step.slug}#${fieldId(step.fields[i]?.key ?? '')}`}>
                      {t.change}
                      <span class="govuk-visually-hidden" safe>{` ${label}`}</span>
                    </a>
                  </dd>
                ) : (
                  ''
                )}
              </div>
            ))}
          </dl>
        </>
      ))}
    </>
  );
}

export function answerRows(answers: DraftAnswers, options: ChoiceOptions, lang: Lang): { step: Step; rows: [string, string][] }[] {
  const t = texts(lang);
  const names = (source: 'purposes' | 'targetGroups', codes: string[]) =>
    codes.map((code) => {
      const o = options[source].find((x) => x.code === code);
      return o ? (lang === 'sv' ? o.name : o.nameEn) : code;
    });
  return steps.map((step) => ({
    step,
    rows: step.fields.map((field): [string, string] => {
      const label = field.label[lang];
      switch (field.kind) {
        case 'choices': {
          const chosen = names(field.source, listAnswer(answers, field.key));
          return [label, chosen.length > 0 ? chosen.join(', ') : t.notAnswered];
        }
        case 'rows': {
          const rows = rowsAnswer(answers, field.key);
          if (rows.length === 0) return [label, t.notAnswered];
          return [
            label,
            rows
              .map((row) =>
                field.columns
                  .map((c) => {
                    const v = row[c.key] ?? '';
                    const shown = c.kind === 'yesNo' ? (v === 'yes' ? t.yes : v === 'no' ? t.no : '') : v;
                    return shown ? `${c.label[lang]}: ${shown}` : '';
                  })
                  .filter(Boolean)
                  // A column per line, a blank line between rows: a role written as a sentence reads whole.
                  .join('\n'),
              )
              .join('\n\n'),
          ];
        }
        case 'confirm':
          return [label, answers[field.key] === true ? t.yes : t.no];
        default: {
          const v = textAnswer(answers, field.key);
          if (v.trim() === '') return [label, t.notAnswered];
          if (field.kind !== 'amount') return [label, v];
          // An amount not yet valid (only a draft can hold one) is shown as typed, and said to be wrong.
          const ore = parseKronor(v);
          return [label, ore === null ? t.notAnAmount(v) : formatKronor(ore, lang)];
        }
      }
    }),
  }));
}

export interface SignatoryState {
  kind: 'approved' | 'stale' | 'certificate' | 'none';
  name?: string;
  at?: Date;
}

/** The files that go with the application, on the pages where it is read through before it is sent or approved. */
function AttachmentsSection({ ctx, app, answers }: { ctx: PageContext; app: ApplicationDetail; answers: DraftAnswers }): JSX.Element {
  const t = texts(ctx.lang);
  return (
    <>
      <h2 class="govuk-heading-m">{t.attachmentsTitle}</h2>
      <AttachmentTable ctx={ctx} files={app.attachments} answers={answers} removeBase={null} />
    </>
  );
}

export function ReviewPage(props: {
  ctx: PageContext;
  app: ApplicationDetail;
  answers: DraftAnswers;
  options: ChoiceOptions;
  confirmations: ConfirmField[];
  problems: FormError[];
  signatory: SignatoryState;
  isSignatory: boolean;
  /** A signatory who is not an applicant reads the draft and approves it, but cannot change or submit it. */
  mayEdit: boolean;
  banner: CallBannerState;
  late: boolean;
  notice: string | null;
}): JSX.Element {
  const { ctx, app, mayEdit } = props;
  const t = texts(ctx.lang);
  const base = `/ansokningar/${app.id}`;
  const errors = errorMap(props.problems);
  const blocking = props.problems.filter((p) => !props.confirmations.some((c) => p.href.endsWith(`#${fieldId(c.key)}`)));
  const signatoryText = {
    approved:
      props.signatory.name && props.signatory.at
        ? t.signatoryApproved(props.signatory.name, formatDateTime(props.signatory.at, ctx.lang))
        : '',
    stale: t.signatoryStale,
    certificate: t.signatoryCertificateAttached,
    none: t.signatoryNone,
  }[props.signatory.kind];
  return (
    <Layout
      ctx={ctx}
      hasErrors={props.problems.length > 0}
      title={pageOfApplication(t.reviewTitle, app, ctx.lang)}
      breadcrumbs={appCrumbs(ctx, app, t.reviewTitle)}
    >
      <a href={base} class="govuk-back-link">
        {t.back}
      </a>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={props.problems} lang={ctx.lang} />
          {props.notice ? <Notice text={props.notice} /> : ''}
          <h1 class="govuk-heading-l">{t.reviewTitle}</h1>
          <CallBanner banner={props.banner} lang={ctx.lang} />
          <p class="govuk-body">{t.reviewIntro}</p>
          <AnswerSummary answers={props.answers} options={props.options} lang={ctx.lang} changeBase={mayEdit ? base : null} />
          <AttachmentsSection ctx={ctx} app={app} answers={props.answers} />
          <h2 class="govuk-heading-m">{t.signatoryHeading}</h2>
          <p class="govuk-body" safe>
            {signatoryText}
          </p>
          {props.isSignatory && props.signatory.kind !== 'approved' ? (
            <p class="govuk-body">
              <a class="govuk-link" href={`${base}/godkann`}>
                {t.signatoryLink}
              </a>
            </p>
          ) : (
            ''
          )}
          {mayEdit ? (
            <form method="post" action={`${base}/skicka-in`} novalidate>
              <Csrf ctx={ctx} />
              <input type="hidden" name="version" value={String(app.version)} />
              {props.confirmations.length > 0 ? (
                <fieldset class="govuk-fieldset">
                  <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{t.confirmationsHeading}</legend>
                  {props.confirmations.map((field) => (
                    <Confirm field={field} answers={props.answers} errors={errors} lang={ctx.lang} />
                  ))}
                </fieldset>
              ) : (
                ''
              )}
              {blocking.length > 0 ? <p class="govuk-body govuk-!-font-weight-bold">{t.cannotSubmitYet}</p> : ''}
              <button
                type="submit"
                class={`govuk-button${props.late ? ' govuk-button--warning' : ''}`}
                data-module="govuk-button"
                data-prevent-double-click="true"
              >
                {props.late ? t.submitLate : t.submit}
              </button>
            </form>
          ) : (
            <p class="govuk-body">{t.signatoryCannotSubmit}</p>
          )}
        </div>
      </div>
    </Layout>
  );
}

export function SignatoryPage(props: {
  ctx: PageContext;
  app: ApplicationDetail;
  answers: DraftAnswers;
  options: ChoiceOptions;
  contentSha256: string;
  fresh: boolean;
  approved: boolean;
  /** What must be put right before an approval would last (problemsBeforeApproval); no approval is offered meanwhile. */
  notReady: string[];
  errors: FormError[];
}): JSX.Element {
  const { ctx, app } = props;
  const t = texts(ctx.lang);
  const base = `/ansokningar/${app.id}`;
  return (
    <Layout
      ctx={ctx}
      hasErrors={props.errors.length > 0}
      title={pageOfApplication(t.signatoryApproveTitle, app, ctx.lang)}
      breadcrumbs={appCrumbs(ctx, app, t.signatoryApproveTitle)}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={props.errors} lang={ctx.lang} />
          {props.approved ? <Notice text={t.signatoryApproved2} /> : ''}
          <TitleCaption app={app} lang={ctx.lang} />
          <h1 class="govuk-heading-l">{t.signatoryApproveTitle}</h1>
          <p class="govuk-body">{t.signatoryApproveIntro}</p>
          <p class="govuk-body-s">{t.productionNote}</p>
          {props.notReady.length > 0 ? (
            <div id="not-ready">
              <WarningText prefix={t.warning} text={t.signatoryNotReadyTitle} />
              <p class="govuk-body">{t.signatoryNotReady}</p>
              <ul class="govuk-list govuk-list--bullet">
                {props.notReady.map((text) => (
                  <li safe>{text}</li>
                ))}
              </ul>
            </div>
          ) : (
            ''
          )}
          <SummaryList rows={[[t.signatoryApproveHash, props.contentSha256]]} />
          {answerRows(props.answers, props.options, ctx.lang).map(({ step, rows }) => (
            <>
              <h2 class="govuk-heading-m" safe>
                {step.title[ctx.lang]}
              </h2>
              <SummaryList rows={rows} />
            </>
          ))}
          <AttachmentsSection ctx={ctx} app={app} answers={props.answers} />
          {props.approved || props.notReady.length > 0 ? (
            ''
          ) : props.fresh ? (
            <form method="post" action={`${base}/godkann`}>
              <Csrf ctx={ctx} />
              <input type="hidden" name="sha256" value={props.contentSha256} />
              <button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
                {t.signatoryApproveConfirm}
              </button>
            </form>
          ) : (
            <a class="govuk-button" href={`/logga-in/e-legitimation?igen=1&tillbaka=${encodeURIComponent(`${base}/godkann`)}`}>
              {t.signatoryApproveButton}
            </a>
          )}
        </div>
      </div>
    </Layout>
  );
}

export function statusText(t: Texts, status: ApplicationDetail['status']): string {
  const names: Record<ApplicationDetail['status'], string> = {
    draft: t.statusDraft,
    submitted: t.statusSubmitted,
    inPreparation: t.statusInPreparation,
    decided: t.statusDecided,
    closed: t.statusClosed,
  };
  return names[status];
}

/** Rows both the confirmation page and the application's own page show about the registration. */
function registrationRows(
  t: Texts,
  app: Pick<ApplicationReceipt, 'boardName' | 'submittedAt' | 'status' | 'snapshotSha256'>,
  lang: Lang,
): [string, string][] {
  return [
    [t.receiptBoard, app.boardName ?? ''],
    [t.receiptReceived, app.submittedAt ? formatDateTime(app.submittedAt, lang) : ''],
    [t.colStatus, statusText(t, app.status)],
    [t.receiptChecksum, app.snapshotSha256 ?? ''],
  ];
}

/** What the checksum in the registration list is for, folded: most readers never need it. */
function ChecksumHelp({ t }: { t: Texts }): JSX.Element {
  return (
    <details class="govuk-details">
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{t.checksumHelpSummary}</span>
      </summary>
      <div class="govuk-details__text">{t.checksumHelpText}</div>
    </details>
  );
}

/** Where a confirmation mail went, when it went anywhere. */
function MailedTo({ t, addresses, lang }: { t: Texts; addresses: string[]; lang: Lang }): JSX.Element {
  return addresses.length > 0 ? (
    <p class="govuk-body" safe>
      {t.receiptMailTo(formatList(addresses, lang))}
    </p>
  ) : (
    ''
  );
}

function LateWarning({ t, late }: { t: Texts; late: boolean }): JSX.Element {
  return late ? <WarningText prefix={t.warning} text={t.receiptLate} /> : '';
}

function ReceiptPdfLink({ t, app }: { t: Texts; app: { id: string } }): JSX.Element {
  return (
    <p class="govuk-body">
      {/* The receipt is the registry's document, in Swedish whatever the page's language. */}
      <a class="govuk-link" href={`/ansokningar/${app.id}/kvitto.pdf`} hreflang="sv">
        {t.receiptPdf}
      </a>
    </p>
  );
}

/**
 * The confirmation page right after a submission (GOV.UK's confirmation pattern): the registry
 * number, where the receipt is, and what happens next. The answers, the attachments and the
 * supplement form are on the application's own page, one link away.
 */
export function ReceiptPage(props: { ctx: PageContext; app: ApplicationReceipt; today: string }): JSX.Element {
  const { ctx, app } = props;
  const t = texts(ctx.lang);
  const decision = app.decisionAnnouncedOn;
  return (
    <Layout
      ctx={ctx}
      title={pageOfApplication(`${t.receiptTitle}: ${app.registryNumber ?? ''}`, app, ctx.lang)}
      breadcrumbs={appCrumbs(ctx, app, t.receiptTitle)}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ConfirmationPanel title={t.receiptTitle} label={t.receiptRegistryNumber} reference={app.registryNumber ?? ''} />
          <LateWarning t={t} late={app.isLate} />
          {/* The panel shows the registry number; the list does not say it again. */}
          <SummaryList rows={registrationRows(t, app, ctx.lang)} />
          <ChecksumHelp t={t} />
          <p class="govuk-body">{t.receiptUseNumber}</p>
          <MailedTo t={t} addresses={app.mailedTo} lang={ctx.lang} />
          <ReceiptPdfLink t={t} app={app} />
          <h2 class="govuk-heading-m">{t.whatNext}</h2>
          <p class="govuk-body">{t.whatNextBody}</p>
          {/* A date already past (a late application) says nothing about this one. */}
          {decision === null ? (
            <p class="govuk-body">{t.whatNextNoDecisionDate}</p>
          ) : decision >= props.today ? (
            <p class="govuk-body" safe>
              {t.whatNextDecision(formatDate(decision, ctx.lang))}
            </p>
          ) : (
            ''
          )}
          {app.functionalMailbox ? (
            <p class="govuk-body">
              {t.whatNextContactBefore} <MailLink address={app.functionalMailbox} /> {t.whatNextContactAfter}
            </p>
          ) : (
            ''
          )}
          <ul class="govuk-list">
            <li>
              <a class="govuk-link" href={`/ansokningar/${app.id}`}>
                {t.receiptToApplication}
              </a>
            </li>
            <li>
              <a class="govuk-link" href="/mina-sidor">
                {t.receiptToMyPages}
              </a>
            </li>
          </ul>
        </div>
      </div>
    </Layout>
  );
}

/** A submitted application's own page: its registration, attachments, supplements and the supplement form. */
export function SubmittedPage(props: {
  ctx: PageContext;
  app: ApplicationDetail;
  options: ChoiceOptions;
  files: Attachment[];
  errors: FormError[];
  notice: string | null;
  /** The supplement just sent, shown in a success banner. */
  sentSupplement: SupplementRow | undefined;
  statement: string;
}): JSX.Element {
  const { ctx, app } = props;
  const t = texts(ctx.lang);
  const base = `/ansokningar/${app.id}`;
  const errors = errorMap(props.errors);
  // Files sent with a supplement are listed under it, not among the files the application was submitted with.
  const original = props.files.filter((f) => !app.supplementFileIds.includes(f.id));
  return (
    <Layout
      ctx={ctx}
      hasErrors={props.errors.length > 0}
      title={applicationTitle(app.title, ctx.lang).text}
      breadcrumbs={appCrumbs(ctx, app)}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={props.errors} lang={ctx.lang} />
          {props.notice ? <Notice text={props.notice} /> : ''}
          {props.sentSupplement && props.errors.length === 0 ? (
            <NotificationBanner id="supplement-sent-title" title={t.success} heading={t.supplementSent} success>
              <p class="govuk-body" safe>
                {t.supplementRegistered(
                  app.registryNumber ?? '',
                  app.boardName ?? '',
                  props.sentSupplement.documentNumber ?? 0,
                  formatDateTime(props.sentSupplement.createdAt, ctx.lang),
                )}
              </p>
              <MailedTo t={t} addresses={confirmationRecipients(app.answers)} lang={ctx.lang} />
            </NotificationBanner>
          ) : (
            ''
          )}
          <span class="govuk-caption-l" lang={swedishOnly(ctx.lang)} safe>
            {app.call.title}
          </span>
          <TitleHeading app={app} lang={ctx.lang} />
          <LateWarning t={t} late={app.isLate} />
          <SummaryList rows={[[t.receiptRegistryNumber, app.registryNumber ?? ''], ...registrationRows(t, app, ctx.lang)]} />
          <ChecksumHelp t={t} />
          <p class="govuk-body">{t.receiptUseNumber}</p>
          <ReceiptPdfLink t={t} app={app} />
          {/* The answers as submitted (they cannot change after submission), folded so the supplement form stays near. */}
          <h2 class="govuk-heading-m">{t.answersHeading}</h2>
          <details class="govuk-details">
            <summary class="govuk-details__summary">
              <span class="govuk-details__summary-text">{t.showAnswers}</span>
            </summary>
            <div class="govuk-details__text">
              <AnswerSummary answers={app.answers} options={props.options} lang={ctx.lang} changeBase={null} nested />
            </div>
          </details>
          <AttachmentTable ctx={ctx} files={original} answers={app.answers} removeBase={null} />
          <h2 class="govuk-heading-m">{t.whatNext}</h2>
          <p class="govuk-body">{t.whatNextBody}</p>
          {app.supplements.length > 0 ? (
            <>
              <h2 class="govuk-heading-m">{t.supplementsHeading}</h2>
              <ul class="govuk-list">
                {app.supplements.map((s) => (
                  <li>
                    <span safe>{`${formatDateTime(s.createdAt, ctx.lang)}${s.files.length > 0 ? ` – ${s.files.join(', ')}` : ''}`}</span>
                    {s.statement ? (
                      <p class="govuk-body bp-pre" safe>
                        {s.statement}
                      </p>
                    ) : (
                      ''
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
          <h2 class="govuk-heading-m">{t.supplementTitle}</h2>
          <p class="govuk-body">{t.supplementIntro}</p>
          <form method="post" action={`${base}/komplettering`} enctype="multipart/form-data" novalidate data-upload-progress>
            <Csrf ctx={ctx} />
            <div class={`govuk-form-group${errors.has('statement') ? ' govuk-form-group--error' : ''}`}>
              <label class="govuk-label govuk-label--s" for="statement">
                {t.supplementStatement}
              </label>
              <FieldError id="statement-error" error={errors.get('statement')} lang={ctx.lang} />
              <textarea
                class={`govuk-textarea${errors.has('statement') ? ' govuk-textarea--error' : ''}`}
                id="statement"
                name="statement"
                rows="5"
                aria-describedby={errors.has('statement') ? 'statement-error' : undefined}
                safe
              >
                {props.statement}
              </textarea>
            </div>
            <FileUpload
              label={t.supplementFile}
              hint={t.attachmentsIntro}
              error={errors.get('file')}
              buttonText={t.supplementSend}
              secondary={false}
              lang={ctx.lang}
            />
          </form>
        </div>
      </div>
    </Layout>
  );
}

export function DeleteDraftPage(props: { ctx: PageContext; app: ApplicationDetail }): JSX.Element {
  const { ctx, app } = props;
  const t = texts(ctx.lang);
  return (
    <Layout ctx={ctx} title={pageOfApplication(t.deleteDraft, app, ctx.lang)} breadcrumbs={appCrumbs(ctx, app, t.deleteDraft)}>
      <TitleCaption app={app} lang={ctx.lang} />
      <h1 class="govuk-heading-l">{t.deleteDraft}</h1>
      <p class="govuk-body">{t.deleteDraftConfirm}</p>
      <form method="post" action={`/ansokningar/${app.id}/radera`}>
        <Csrf ctx={ctx} />
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
            {t.deleteDraftButton}
          </button>
          <a class="govuk-link" href={`/ansokningar/${app.id}`}>
            {t.back}
          </a>
        </div>
      </form>
    </Layout>
  );
}

export interface MyApplicationRow {
  id: string;
  title: string;
  status: ApplicationDetail['status'];
  updatedAt: Date;
  submittedAt: Date | null;
  isLate: boolean;
  callTitle: string;
  callClosesOn: string | null;
  registryNumber: string | null;
  boardName: string | null;
  /** A draft's complete steps; null once submitted. */
  progress: { done: number; total: number } | null;
}

/** An application's title on Mina sidor, linked to its page. */
function TitleLink({ row, lang }: { row: MyApplicationRow; lang: Lang }): JSX.Element {
  const title = applicationTitle(row.title, lang);
  return (
    <a class="govuk-link" href={`/ansokningar/${row.id}`} lang={title.lang} safe>
      {title.text}
    </a>
  );
}

/** Mina sidor's list: drafts with the date they will be deleted, and what was submitted within a year. */
export function MyApplications(props: { ctx: PageContext; rows: MyApplicationRow[]; today: string; notice: string | null }): JSX.Element {
  const { ctx } = props;
  const t = texts(ctx.lang);
  const drafts = props.rows.filter((r) => r.status === 'draft');
  const submitted = props.rows.filter((r) => r.status !== 'draft');
  return (
    <>
      {props.notice ? <Notice text={props.notice} /> : ''}
      <h2 class="govuk-heading-m">{t.myDrafts}</h2>
      <p class="govuk-body">{t.myDraftsIntro}</p>
      {drafts.length === 0 ? (
        <p class="govuk-body">{t.noDrafts}</p>
      ) : (
        <TableScroll label={t.myDrafts}>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-visually-hidden">{t.myDrafts}</caption>
            <TableHead headers={[t.colTitle, t.colProgress, t.colCall, t.colChanged, t.colDeleted]} />
            <tbody class="govuk-table__body">
              {drafts.map((r) => (
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell">
                    <TitleLink row={r} lang={ctx.lang} />
                  </td>
                  <td class="govuk-table__cell">{r.progress ? t.stepsDone(r.progress.done, r.progress.total) : ''}</td>
                  <td class="govuk-table__cell">
                    <span lang={swedishOnly(ctx.lang)} safe>
                      {r.callTitle}
                    </span>
                    {r.callClosesOn && r.callClosesOn < props.today ? (
                      <>
                        <br />
                        <strong class="govuk-tag govuk-tag--orange">{t.callClosedShort}</strong>
                      </>
                    ) : r.callClosesOn ? (
                      <>
                        <br />
                        <span class="govuk-body-s" safe>
                          {t.lastDayShort(formatDate(r.callClosesOn, ctx.lang))}
                        </span>
                      </>
                    ) : (
                      ''
                    )}
                  </td>
                  <td class="govuk-table__cell" safe>
                    {formatDateTime(r.updatedAt, ctx.lang)}
                  </td>
                  <td class="govuk-table__cell" safe>
                    {formatDate(deletionDate(r.updatedAt), ctx.lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2 class="govuk-heading-m">{t.mySubmitted}</h2>
      <p class="govuk-body">{t.mySubmittedIntro}</p>
      {submitted.length === 0 ? (
        <p class="govuk-body">{t.noSubmitted}</p>
      ) : (
        <TableScroll label={t.mySubmitted}>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-visually-hidden">{t.mySubmitted}</caption>
            <TableHead headers={[t.colTitle, t.colRegistryNumber, t.colSubmitted, t.colStatus]} />
            <tbody class="govuk-table__body">
              {submitted.map((r) => (
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell">
                    <TitleLink row={r} lang={ctx.lang} />
                  </td>
                  <td class="govuk-table__cell">
                    <span class="bp-nowrap" safe>
                      {r.registryNumber ?? ''}
                    </span>
                    {r.boardName ? (
                      <>
                        <br />
                        <span class="govuk-body-s" safe>
                          {r.boardName}
                        </span>
                      </>
                    ) : (
                      ''
                    )}
                  </td>
                  <td class="govuk-table__cell">{r.submittedAt ? formatDateTime(r.submittedAt, ctx.lang) : ''}</td>
                  <td class="govuk-table__cell">
                    <span safe>{statusText(t, r.status)}</span>
                    {r.isLate ? (
                      <>
                        {' '}
                        <strong class="govuk-tag govuk-tag--orange">{t.statusLate}</strong>
                      </>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href="/utlysningar">
          {t.startNew}
        </a>
      </p>
    </>
  );
}
