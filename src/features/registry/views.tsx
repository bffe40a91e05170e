import {
  ConfirmationPanel,
  Csrf,
  ErrorSummary,
  FieldError,
  type FormError,
  LinkList,
  SummaryList,
  type SummaryRow,
  TableHead,
  TableScroll,
  WarningText,
} from '../../platform/components.tsx';
import { formatDate, formatDateTime, kronorUnit, stockholmDateOf } from '../../platform/format.ts';
import { swedishOnly } from '../../platform/i18n.ts';
import { Layout } from '../../platform/layout.tsx';
import type { PageContext } from '../../platform/page-context.ts';
import type { Attachment } from '../applications/queries.ts';
import type { DraftAnswers } from '../applications/rules.ts';
import { AttachmentTable } from '../applications/views.tsx';
import type { DocumentKind, RegistryCaseRow } from './queries.ts';
import type { ReceivedChannel } from './rules.ts';
import { registryTexts } from './texts.ts';

type T = ReturnType<typeof registryTexts>;

function kindName(t: T, kind: DocumentKind): string {
  const names: Record<DocumentKind, string> = {
    application: t.kindApplication,
    supplement: t.kindSupplement,
    statement: t.kindStatement,
    decision: t.kindDecision,
    interimReport: t.kindInterimReport,
    finalReport: t.kindFinalReport,
    changeRequest: t.kindChangeRequest,
    repaymentDemand: t.kindRepaymentDemand,
    other: t.kindOther,
  };
  return names[kind];
}

function channelName(t: T, channel: ReceivedChannel): string {
  return { eService: t.viaEService, email: t.viaEmail, post: t.viaPost }[channel];
}

function staffCrumbs(t: T, current: string) {
  return [{ text: t.staffStart, href: '/handlaggning' }, { text: current }];
}

/** Links the registry's query (board, year, page) together; only the values that differ from the defaults. */
function registryHref(board: string, year: number | null, page: number): string {
  const query = new URLSearchParams({ myndighet: board });
  if (year !== null) query.set('ar', String(year));
  if (page > 1) query.set('sida', String(page));
  return `/handlaggning/diarium?${query.toString()}`;
}

function CaseEntry({ entry, t, ctx }: { entry: RegistryCaseRow; t: T; ctx: PageContext }): JSX.Element {
  return (
    <section class="govuk-!-margin-bottom-8" aria-labelledby={`case-${entry.id}`}>
      <h2 class="govuk-heading-m" id={`case-${entry.id}`}>
        <span safe>{entry.registryNumber}</span>
        <span class="govuk-caption-m" lang={swedishOnly(ctx.lang)} safe>
          {entry.subject}
        </span>
      </h2>
      <p class="govuk-body">
        {t.opened}: <span safe>{formatDate(stockholmDateOf(entry.openedAt), ctx.lang)}</span>
        {entry.applicationId ? (
          <>
            {' · '}
            <a class="govuk-link" href={`/handlaggning/ansokningar/${entry.applicationId}/kvitto.pdf`}>
              {t.receiptLink}
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      <TableScroll label={t.documentsOf(entry.registryNumber)}>
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden" safe>
            {t.documentsOf(entry.registryNumber)}
          </caption>
          <TableHead headers={[t.colDocumentNumber, t.colReceived, t.colSender, t.colKind, t.colDescription, t.colLate]} />
          <tbody class="govuk-table__body">
            {entry.documents.map((d) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell" safe>
                  {String(d.documentNumber)}
                </td>
                <td class="govuk-table__cell" safe>
                  {formatDateTime(d.receivedAt, ctx.lang)}
                </td>
                <td class="govuk-table__cell" safe>
                  {d.sender}
                </td>
                <td class="govuk-table__cell" safe>
                  {kindName(t, d.kind)}
                </td>
                <td class="govuk-table__cell" lang={swedishOnly(ctx.lang)} safe>
                  {d.description}
                </td>
                <td class="govuk-table__cell">{d.isLate ? <strong class="govuk-tag govuk-tag--orange">{t.lateYes}</strong> : t.lateNo}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

export interface RegistryPageProps {
  ctx: PageContext;
  boards: { countyCode: string; name: string }[];
  board: { countyCode: string; name: string };
  years: number[];
  year: number | null;
  total: number;
  page: number;
  pages: number;
  cases: RegistryCaseRow[];
  mayRegister: boolean;
}

export function RegistryPage(props: RegistryPageProps): JSX.Element {
  const { ctx, board } = props;
  const t = registryTexts(ctx.lang);
  const title = t.registryOf(board.name);
  return (
    <Layout ctx={ctx} title={title} breadcrumbs={staffCrumbs(t, t.registryTitle)}>
      <h1 class="govuk-heading-l" safe>
        {title}
      </h1>
      <p class="govuk-body">{t.registryIntro}</p>
      {props.mayRegister ? (
        <p class="govuk-body">
          <a class="govuk-link" href="/handlaggning/registrera">
            {t.registerLink}
          </a>
        </p>
      ) : (
        ''
      )}
      <form method="get" action="/handlaggning/diarium" class="bp-filters">
        <h2 class="govuk-heading-s">{t.filterHeading}</h2>
        {props.boards.length > 1 ? (
          <div class="govuk-form-group">
            <label class="govuk-label" for="myndighet">
              {t.filterBoard}
            </label>
            <select class="govuk-select" id="myndighet" name="myndighet">
              {props.boards.map((b) => (
                <option value={b.countyCode} selected={b.countyCode === board.countyCode} safe>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <input type="hidden" name="myndighet" value={board.countyCode} />
        )}
        <div class="govuk-form-group">
          <label class="govuk-label" for="ar">
            {t.filterYear}
          </label>
          <select class="govuk-select" id="ar" name="ar">
            <option value="" selected={props.year === null}>
              {t.filterAllYears}
            </option>
            {props.years.map((y) => (
              <option value={String(y)} selected={y === props.year} safe>
                {String(y)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
          {t.filterSubmit}
        </button>
      </form>
      {props.cases.length === 0 ? (
        <p class="govuk-body">{t.noCases}</p>
      ) : (
        <>
          <p class="govuk-body" safe>
            {`${t.caseCount(props.total)} · ${t.pageOf(props.page, props.pages)}`}
          </p>
          {props.cases.map((entry) => (
            <CaseEntry entry={entry} t={t} ctx={ctx} />
          ))}
        </>
      )}
      {props.pages > 1 ? (
        <nav class="govuk-pagination govuk-pagination--block" aria-label={t.paginationLabel}>
          {props.page > 1 ? (
            <div class="govuk-pagination__prev">
              <a class="govuk-link govuk-pagination__link" href={registryHref(board.countyCode, props.year, props.page - 1)} rel="prev">
                <span class="govuk-pagination__link-title">{t.previous}</span>
              </a>
            </div>
          ) : (
            ''
          )}
          {props.page < props.pages ? (
            <div class="govuk-pagination__next">
              <a class="govuk-link govuk-pagination__link" href={registryHref(board.countyCode, props.year, props.page + 1)} rel="next">
                <span class="govuk-pagination__link-title">{t.next}</span>
              </a>
            </div>
          ) : (
            ''
          )}
        </nav>
      ) : (
        ''
      )}
    </Layout>
  );
}

export interface RegistrationFormValues {
  callSlug: string;
  organisationId: string;
  channel: string;
  receivedDate: string;
  receivedTime: string;
  title: string;
  amountApplied: string;
  note: string;
  idempotencyKey: string;
}

export interface RegisterPageProps {
  ctx: PageContext;
  calls: { slug: string; title: string; year: number }[];
  organisations: { id: number; name: string; countyName: string }[];
  values: RegistrationFormValues;
  errors: FormError[];
  /** A file was sent with a form that had errors: it must be chosen again. */
  fileNotKept: boolean;
}

/** A GOV.UK form group; its children are rendered elements, escaped where they were built. */
function FormGroup({ error, children }: { error: FormError | undefined; children: JSX.Element | JSX.Element[] }): JSX.Element {
  return <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>{children as 'safe'}</div>;
}

function Hint({ id, text }: { id: string; text: string }): JSX.Element {
  return (
    <div class="govuk-hint" id={`${id}-hint`} safe>
      {text}
    </div>
  );
}

function describedBy(id: string, error: FormError | undefined): string {
  return error ? `${id}-hint ${id}-error` : `${id}-hint`;
}

export function RegisterPage(props: RegisterPageProps): JSX.Element {
  const { ctx, values } = props;
  const t = registryTexts(ctx.lang);
  const errors = new Map(props.errors.map((e) => [e.href.slice(1), e]));
  const err = (id: string) => errors.get(id);
  const counties = [...new Set(props.organisations.map((o) => o.countyName))];
  const inputClass = (id: string, width: string) => `govuk-input ${width}${err(id) ? ' govuk-input--error' : ''}`;
  return (
    <Layout ctx={ctx} hasErrors={props.errors.length > 0} title={t.registerTitle} breadcrumbs={staffCrumbs(t, t.registerTitle)}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={props.errors} lang={ctx.lang} />
          <h1 class="govuk-heading-l">{t.registerTitle}</h1>
          <p class="govuk-body">{t.registerIntro}</p>
          {props.calls.length === 0 ? (
            <p class="govuk-body">{t.noPreparedCalls}</p>
          ) : (
            <form method="post" action="/handlaggning/registrera" enctype="multipart/form-data" novalidate data-upload-progress>
              <Csrf ctx={ctx} />
              <input type="hidden" name="idempotencyKey" value={values.idempotencyKey} />
              <FormGroup error={err('callSlug')}>
                <label class="govuk-label govuk-label--s" for="callSlug">
                  {t.fieldCall}
                </label>
                <Hint id="callSlug" text={t.fieldCallHint} />
                <FieldError id="callSlug-error" error={err('callSlug')} lang={ctx.lang} />
                <select
                  class={`govuk-select${err('callSlug') ? ' govuk-select--error' : ''}`}
                  id="callSlug"
                  name="callSlug"
                  aria-describedby={describedBy('callSlug', err('callSlug'))}
                >
                  <option value="">{t.chooseCall}</option>
                  {props.calls.map((c) => (
                    <option value={c.slug} selected={c.slug === values.callSlug} lang={swedishOnly(ctx.lang)} safe>
                      {`${c.title} (${c.year})`}
                    </option>
                  ))}
                </select>
              </FormGroup>
              <FormGroup error={err('organisationId')}>
                <label class="govuk-label govuk-label--s" for="organisationId">
                  {t.fieldOrganisation}
                </label>
                <Hint id="organisationId" text={t.fieldOrganisationHint} />
                <FieldError id="organisationId-error" error={err('organisationId')} lang={ctx.lang} />
                <select
                  class={`govuk-select${err('organisationId') ? ' govuk-select--error' : ''}`}
                  id="organisationId"
                  name="organisationId"
                  aria-describedby={describedBy('organisationId', err('organisationId'))}
                >
                  <option value="">{t.chooseOrganisation}</option>
                  {counties.map((county) => (
                    <optgroup label={county}>
                      {props.organisations
                        .filter((o) => o.countyName === county)
                        .map((o) => (
                          <option value={String(o.id)} selected={String(o.id) === values.organisationId} safe>
                            {o.name}
                          </option>
                        ))}
                    </optgroup>
                  ))}
                </select>
              </FormGroup>
              <FormGroup error={err('channel')}>
                <fieldset class="govuk-fieldset" aria-describedby={err('channel') ? 'channel-error' : undefined}>
                  <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t.fieldChannel}</legend>
                  <FieldError id="channel-error" error={err('channel')} lang={ctx.lang} />
                  <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
                    {(
                      [
                        ['channel', 'email', t.channelEmail],
                        ['channel-post', 'post', t.channelPost],
                      ] as const
                    ).map(([id, value, label]) => (
                      <div class="govuk-radios__item">
                        <input
                          class="govuk-radios__input"
                          id={id}
                          name="channel"
                          type="radio"
                          value={value}
                          checked={values.channel === value}
                        />
                        <label class="govuk-label govuk-radios__label" for={id}>
                          {label}
                        </label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              </FormGroup>
              <FormGroup error={err('receivedDate')}>
                <label class="govuk-label govuk-label--s" for="receivedDate">
                  {t.fieldReceivedDate}
                </label>
                <Hint id="receivedDate" text={t.fieldReceivedDateHint} />
                <FieldError id="receivedDate-error" error={err('receivedDate')} lang={ctx.lang} />
                <input
                  class={inputClass('receivedDate', 'govuk-input--width-10')}
                  id="receivedDate"
                  name="receivedDate"
                  type="date"
                  value={values.receivedDate}
                  aria-describedby={describedBy('receivedDate', err('receivedDate'))}
                />
              </FormGroup>
              <FormGroup error={err('receivedTime')}>
                <label class="govuk-label govuk-label--s" for="receivedTime">
                  {t.fieldReceivedTime}
                </label>
                <Hint id="receivedTime" text={t.fieldReceivedTimeHint} />
                <FieldError id="receivedTime-error" error={err('receivedTime')} lang={ctx.lang} />
                <input
                  class={inputClass('receivedTime', 'govuk-input--width-5')}
                  id="receivedTime"
                  name="receivedTime"
                  type="time"
                  value={values.receivedTime}
                  aria-describedby={describedBy('receivedTime', err('receivedTime'))}
                />
              </FormGroup>
              <FormGroup error={err('title')}>
                <label class="govuk-label govuk-label--s" for="title">
                  {t.fieldTitle}
                </label>
                <Hint id="title" text={t.fieldTitleHint} />
                <FieldError id="title-error" error={err('title')} lang={ctx.lang} />
                <input
                  class={inputClass('title', 'govuk-!-width-full')}
                  id="title"
                  name="title"
                  type="text"
                  value={values.title}
                  aria-describedby={describedBy('title', err('title'))}
                />
              </FormGroup>
              <FormGroup error={err('amountApplied')}>
                <label class="govuk-label govuk-label--s" for="amountApplied">
                  {t.fieldAmount}
                </label>
                <Hint id="amountApplied" text={t.fieldAmountHint} />
                <FieldError id="amountApplied-error" error={err('amountApplied')} lang={ctx.lang} />
                <div class="govuk-input__wrapper">
                  <input
                    class={inputClass('amountApplied', 'govuk-input--width-10')}
                    id="amountApplied"
                    name="amountApplied"
                    type="text"
                    inputmode="decimal"
                    spellcheck="false"
                    value={values.amountApplied}
                    aria-describedby={describedBy('amountApplied', err('amountApplied'))}
                  />
                  <div class="govuk-input__suffix" aria-hidden="true" safe>
                    {kronorUnit(ctx.lang)}
                  </div>
                </div>
              </FormGroup>
              <FormGroup error={err('note')}>
                <label class="govuk-label govuk-label--s" for="note">
                  {t.fieldNote}
                </label>
                <Hint id="note" text={t.fieldNoteHint} />
                <FieldError id="note-error" error={err('note')} lang={ctx.lang} />
                <textarea
                  class={`govuk-textarea${err('note') ? ' govuk-textarea--error' : ''}`}
                  id="note"
                  name="note"
                  rows="4"
                  aria-describedby={describedBy('note', err('note'))}
                  safe
                >
                  {values.note}
                </textarea>
              </FormGroup>
              <FormGroup error={err('file')}>
                <label class="govuk-label govuk-label--s" for="file">
                  {t.fieldFile}
                </label>
                <Hint id="file" text={props.fileNotKept ? `${t.fieldFileHint} ${t.fileNotKept}` : t.fieldFileHint} />
                <FieldError id="file-error" error={err('file')} lang={ctx.lang} />
                <input
                  class={`govuk-file-upload${err('file') ? ' govuk-file-upload--error' : ''}`}
                  id="file"
                  name="file"
                  type="file"
                  aria-describedby={describedBy('file', err('file'))}
                />
              </FormGroup>
              <progress class="bp-progress" max="100" value="0" hidden data-upload-bar aria-label={t.uploading} />
              <button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
                {t.submit}
              </button>
            </form>
          )}
        </div>
      </div>
    </Layout>
  );
}

export interface RegisteredPageProps {
  ctx: PageContext;
  application: {
    id: string;
    registryNumber: string;
    boardName: string;
    boardCountyCode: string;
    submittedAt: Date;
    channel: ReceivedChannel;
    isLate: boolean;
    organisationName: string;
    callTitle: string;
    title: string;
    note: string;
  };
  /** Arrived from the registration form: the page confirms the registration and says what to do with the receipt. */
  justRegistered: boolean;
  /** The files that came with the application and its supplements. */
  files: Attachment[];
  /** The application's answers, whose partners the partner certificates name. */
  answers: DraftAnswers;
  mayRegister: boolean;
}

/** After registering (and for any application a case officer may read): the number and the receipt. */
export function RegisteredPage(props: RegisteredPageProps): JSX.Element {
  const { ctx, application: a } = props;
  const t = registryTexts(ctx.lang);
  const rows: SummaryRow[] = [
    [t.registryNumber, a.registryNumber],
    [t.board, a.boardName],
    [t.received, formatDateTime(a.submittedAt, ctx.lang)],
    [t.receivedVia, channelName(t, a.channel)],
    [t.applicant, a.organisationName],
    [t.fieldTitle, a.title, swedishOnly(ctx.lang)],
    [t.call, a.callTitle, swedishOnly(ctx.lang)],
    ...(a.note ? [[t.note, a.note] satisfies SummaryRow] : []),
  ];
  return (
    <Layout
      ctx={ctx}
      title={props.justRegistered ? t.registeredTitle : `${t.applicationNumbered(a.registryNumber)} – ${a.title}`}
      breadcrumbs={staffCrumbs(t, props.justRegistered ? t.registeredTitle : t.applicationNumbered(a.registryNumber))}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {props.justRegistered ? (
            <ConfirmationPanel title={t.registeredTitle} label={t.registryNumber} reference={a.registryNumber} />
          ) : (
            <>
              <span class="govuk-caption-l" lang={swedishOnly(ctx.lang)} safe>
                {a.title}
              </span>
              <h1 class="govuk-heading-l" safe>
                {t.applicationNumbered(a.registryNumber)}
              </h1>
            </>
          )}
          {a.isLate ? <WarningText prefix={t.warning} text={t.lateWarning} /> : ''}
          <SummaryList rows={rows} />
          <p class="govuk-body">
            <a class="govuk-link" href={`/handlaggning/ansokningar/${a.id}/kvitto.pdf`}>
              {t.receiptDownload}
            </a>
          </p>
          {props.justRegistered ? <p class="govuk-body">{t.receiptHint}</p> : ''}
          {props.files.length > 0 ? <AttachmentTable ctx={ctx} files={props.files} answers={props.answers} removeBase={null} /> : ''}
          <LinkList
            links={[
              props.mayRegister && props.justRegistered && { href: '/handlaggning/registrera', text: t.registerAnother },
              { href: registryHref(a.boardCountyCode, null, 1), text: t.registryLink },
            ]}
          />
        </div>
      </div>
    </Layout>
  );
}
