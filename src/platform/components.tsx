import { formatKronor } from './format.ts';
import { defineTexts, type Lang } from './i18n.ts';
import type { PageContext } from './page-context.ts';

// Small view pieces with no domain knowledge, shared by every feature's pages.

const texts = defineTexts({
  sv: { notStated: 'Uppgift saknas', errorPrefix: 'Fel:', errorSummaryTitle: 'Det finns ett problem' },
  en: { notStated: 'Not stated', errorPrefix: 'Error:', errorSummaryTitle: 'There is a problem' },
});

/** An amount in öre as kronor, or "Uppgift saknas" when the source gives none. */
export function Money({ ore, lang }: { ore: number | null; lang: Lang }): JSX.Element {
  if (ore === null) return texts(lang).notStated;
  return (
    <span class="bp-nowrap" safe>
      {formatKronor(ore, lang)}
    </span>
  );
}

/** A form error: the message and the id of the field it belongs to, for the GOV.UK error summary. */
export interface FormError {
  text: string;
  href: string;
}

/** The GOV.UK error summary; its title is the same on every form of the service. */
export function ErrorSummary({ errors, lang }: { errors: FormError[]; lang: Lang }): JSX.Element {
  if (errors.length === 0) return '';
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">{texts(lang).errorSummaryTitle}</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li>
                <a href={e.href} safe>
                  {e.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** The message beside a field; its hidden prefix tells a screen reader it is an error, in the page's language. */
/** The message beside a field; `id` when the field's `aria-describedby` names the message itself. */
/** The ids a field's `aria-describedby` names: its hint, guidance and error, those it has. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string');
  return list.length > 0 ? list.join(' ') : undefined;
}

/** A field's error message; `id` is what the field's (or fieldset's) `aria-describedby` names, so a screen reader reads it with the field. */
export function FieldError({ error, lang, id }: { error: FormError | undefined; lang: Lang; id: string }): JSX.Element {
  if (!error) return '';
  return (
    <p class="govuk-error-message" id={id}>
      <span class="govuk-visually-hidden">{texts(lang).errorPrefix}</span> <span safe>{error.text}</span>
    </p>
  );
}

export function Csrf({ ctx }: { ctx: PageContext }): JSX.Element {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />;
}

/** A GOV.UK list of links; a link given as `false` (one this viewer is not offered) is left out. */
export function LinkList({ links }: { links: ({ href: string; text: string } | false)[] }): JSX.Element {
  return (
    <ul class="govuk-list">
      {links
        .filter((link) => link !== false)
        .map((link) => (
          <li>
            <a class="govuk-link" href={link.href} safe>
              {link.text}
            </a>
          </li>
        ))}
    </ul>
  );
}

/** An e-mail address as a link that opens the reader's mail program. */
export function MailLink({ address }: { address: string }): JSX.Element {
  return (
    <a class="govuk-link" href={`mailto:${encodeURI(address)}`} safe>
      {address}
    </a>
  );
}

/** GOV.UK confirmation panel: the page's heading, and the reference the person keeps (a registry number). */
export function ConfirmationPanel(props: { title: string; label: string; reference: string }): JSX.Element {
  return (
    <div class="govuk-panel govuk-panel--confirmation">
      <h1 class="govuk-panel__title" safe>
        {props.title}
      </h1>
      <div class="govuk-panel__body">
        <span safe>{props.label}</span>
        <br />
        <strong safe>{props.reference}</strong>
      </div>
    </div>
  );
}

/** GOV.UK warning text: the icon, then the text after a prefix ("Varning") that only screen readers hear. */
export function WarningText(props: { prefix: string; text: string; id?: string }): JSX.Element {
  return (
    <div class="govuk-warning-text" id={props.id}>
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden" safe>
          {props.prefix}
        </span>{' '}
        <span safe>{props.text}</span>
      </strong>
    </div>
  );
}

/**
 * A GOV.UK notification banner: `title` in its header, `heading` as its first line, then the
 * children. `success` after an action that went through; otherwise something the user must know.
 */
export function NotificationBanner(props: {
  id: string;
  title: string;
  heading: string;
  success?: boolean;
  children: JSX.Element | JSX.Element[];
}): JSX.Element {
  return (
    <div
      class={`govuk-notification-banner${props.success ? ' govuk-notification-banner--success' : ''}`}
      role="alert"
      aria-labelledby={props.id}
      data-module="govuk-notification-banner"
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id={props.id} safe>
          {props.title}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading" safe>
          {props.heading}
        </p>
        {props.children as 'safe'}
      </div>
    </div>
  );
}

export function Notice({ text }: { text: string }): JSX.Element {
  return (
    <div class="govuk-inset-text" data-notice>
      <span safe>{text}</span>
    </div>
  );
}

/** A summary list row: label, value and, where it differs from the page's, the value's language. */
export type SummaryRow = [key: string, value: string, valueLang?: Lang | undefined];

/** A GOV.UK summary list of label and plain-text value pairs (values escaped). */
export function SummaryList(props: { rows: SummaryRow[] }): JSX.Element {
  return (
    <dl class="govuk-summary-list">
      {props.rows.map(([key, value, valueLang]) => (
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key" safe>
            {key}
          </dt>
          <dd class="govuk-summary-list__value" lang={valueLang} safe>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A table cell: plain text, or text with a link and, where it differs from the page's, a language. */
export type Cell = string | { text: string; href?: string; lang?: Lang | undefined };

/** A GOV.UK table's header row of column headings (escaped); `blankLast` adds an empty column, e.g. for row actions. */
export function TableHead(props: { headers: string[]; blankLast?: boolean }): JSX.Element {
  return (
    <thead class="govuk-table__head">
      <tr class="govuk-table__row">
        {props.headers.map((h) => (
          <th scope="col" class="govuk-table__header" safe>
            {h}
          </th>
        ))}
        {props.blankLast ? <td class="govuk-table__header" /> : ''}
      </tr>
    </thead>
  );
}

/** A GOV.UK table of plain texts (escaped) and links, with a caption and column headers. */
export function DataTable(props: { caption: string; headers: string[]; rows: Cell[][]; size?: 's' | 'm' }): JSX.Element {
  return (
    <table class="govuk-table">
      <caption class={`govuk-table__caption govuk-table__caption--${props.size ?? 'm'}`} safe>
        {props.caption}
      </caption>
      <TableHead headers={props.headers} />
      <tbody class="govuk-table__body">
        {props.rows.map((row) => (
          <tr class="govuk-table__row">
            {row.map((cell) => {
              const { text, href, lang } = typeof cell === 'string' ? { text: cell } : cell;
              return href ? (
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={href} lang={lang} safe>
                    {text}
                  </a>
                </td>
              ) : (
                <td class="govuk-table__cell" lang={lang} safe>
                  {text}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A data table's own scroll container (WCAG 1.4.10): on a narrow screen the table scrolls sideways
 * inside it instead of the whole page. Focusable so a keyboard can scroll it, and labelled (usually
 * by the table's caption) so a screen reader names the region.
 */
export function TableScroll({
  label,
  labelledBy,
  children,
}: {
  label?: string;
  labelledBy?: string;
  children: JSX.Element | JSX.Element[];
}): JSX.Element {
  return (
    <section class="bp-table-scroll" tabindex="0" aria-label={labelledBy ? undefined : label} aria-labelledby={labelledBy}>
      {children as 'safe'}
    </section>
  );
}
