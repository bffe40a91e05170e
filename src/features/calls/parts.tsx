import { formatDate } from '../../platform/format.ts';
import { type Lang, swedishOnly } from '../../platform/i18n.ts';
import { sourceCitation } from '../../platform/sources.ts';
import { type CallPeriod, type CallStatus, callStatus, daysLeft, daysUntilOpen } from './rules.ts';
import { callTexts } from './texts.ts';

// Presentation pieces shared by the public pages (calls, programmes, home).

const dayMonthFormat: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }),
};

function dayMonth(iso: string, lang: Lang): string {
  return dayMonthFormat[lang].format(new Date(`${iso}T00:00:00Z`));
}

/** A calendar date, machine-readable in `datetime`. */
export function DateText({ iso, lang }: { iso: string; lang: Lang }): JSX.Element {
  return (
    <time datetime={iso} safe>
      {formatDate(iso, lang)}
    </time>
  );
}

/**
 * "1–29 september 2022", "15 februari – 31 mars 2022", or the one end that is known. Each date
 * stays on one line (`.bp-period`); the period may break at the dash on a narrow screen.
 */
export function Period({ period, lang }: { period: CallPeriod; lang: Lang }): JSX.Element {
  const t = callTexts(lang);
  const { opensOn, closesOn } = period;
  if (opensOn && closesOn) {
    const sameYear = opensOn.slice(0, 4) === closesOn.slice(0, 4);
    const sameMonth = sameYear && opensOn.slice(5, 7) === closesOn.slice(5, 7);
    const start = sameMonth ? String(Number(opensOn.slice(8))) : sameYear ? dayMonth(opensOn, lang) : formatDate(opensOn, lang);
    return (
      <span class="bp-period">
        <time datetime={opensOn} safe>
          {start}
        </time>
        {sameMonth ? '–' : ' – '}
        <DateText iso={closesOn} lang={lang} />
      </span>
    );
  }
  if (opensOn) return <span safe>{t.from(formatDate(opensOn, lang))}</span>;
  if (closesOn) return <span safe>{t.until(formatDate(closesOn, lang))}</span>;
  return t.missing;
}

type HeadingLevel = 2 | 3 | 4;

function SubHeading({ level, text, lang }: { level: HeadingLevel; text: string; lang: Lang | undefined }): JSX.Element {
  if (level === 2)
    return (
      <h2 class="govuk-heading-m" lang={lang} safe>
        {text}
      </h2>
    );
  if (level === 3)
    return (
      <h3 class="govuk-heading-s" lang={lang} safe>
        {text}
      </h3>
    );
  return (
    <h4 class="govuk-heading-s" lang={lang} safe>
      {text}
    </h4>
  );
}

/**
 * A stored long text (county pages, priorities, descriptions) in the seed's format: blocks
 * separated by a blank line; "## " starts a subheading, lines starting "- " make a bulleted list,
 * "1. " a numbered one; any other block is a paragraph. `headingLevel` keeps subheadings in order
 * under the section the text sits in; `lang` marks text not in the page's language.
 */
export function RichText({
  text,
  lang,
  headingLevel = 3,
}: {
  text: string;
  lang?: Lang | undefined;
  headingLevel?: HeadingLevel;
}): JSX.Element {
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '');
  return (
    <>
      {blocks.map((block) => {
        if (block.startsWith('## ')) return <SubHeading level={headingLevel} text={block.slice(3)} lang={lang} />;
        const lines = block.split('\n').map((l) => l.trim());
        if (lines.every((l) => l.startsWith('- '))) {
          return (
            <ul class="govuk-list govuk-list--bullet" lang={lang}>
              {lines.map((l) => (
                <li safe>{l.slice(2)}</li>
              ))}
            </ul>
          );
        }
        if (lines.every((l) => /^\d+\. /.test(l))) {
          return (
            <ol class="govuk-list govuk-list--number" lang={lang}>
              {lines.map((l) => (
                <li safe>{l.replace(/^\d+\. /, '')}</li>
              ))}
            </ol>
          );
        }
        return (
          <p class="govuk-body" lang={lang} safe>
            {block}
          </p>
        );
      })}
    </>
  );
}

/** Where a fact comes from, in small print. The source's date is stored in Swedish only. */
export function SourceNote({
  sourceRef,
  sourceDate,
  lang,
}: {
  sourceRef: string | null;
  sourceDate?: string | null;
  lang: Lang;
}): JSX.Element {
  if (!sourceRef && !sourceDate) return '';
  const t = callTexts(lang);
  return (
    <p class="bp-source">
      {t.source}:{' '}
      {sourceRef ? (
        <span lang={swedishOnly(lang)} safe>
          {sourceCitation(sourceRef)}
        </span>
      ) : (
        ''
      )}
      {sourceDate ? (
        <span lang={swedishOnly(lang)} safe>
          {sourceRef ? `. ${sourceDate}` : sourceDate}
        </span>
      ) : (
        ''
      )}
    </p>
  );
}

export function DemoTag({ lang }: { lang: Lang }): JSX.Element {
  return <strong class="govuk-tag govuk-tag--yellow">{callTexts(lang).demo}</strong>;
}

const statusTagClass: Record<CallStatus, string> = {
  open: 'govuk-tag govuk-tag--green',
  coming: 'govuk-tag govuk-tag--blue',
  closed: 'govuk-tag govuk-tag--grey',
  unknown: 'govuk-tag govuk-tag--grey',
};

export function StatusTag({ status, lang }: { status: CallStatus; lang: Lang }): JSX.Element {
  const t = callTexts(lang);
  const text = { open: t.statusOpen, coming: t.statusComing, closed: t.statusClosed, unknown: t.statusUnknown }[status];
  return <strong class={statusTagClass[status]}>{text}</strong>;
}

/** "12 dagar kvar" for an open call, "Öppnar om 3 dagar" for a coming one, empty otherwise. */
export function TimeLeft({ period, today, lang }: { period: CallPeriod; today: string; lang: Lang }): JSX.Element {
  const t = callTexts(lang);
  const left = daysLeft(period, today);
  if (left !== null) return <span safe>{t.daysLeftText(left)}</span>;
  const until = daysUntilOpen(period, today);
  if (until !== null) return <span safe>{t.opensIn(until)}</span>;
  return callStatus(period, today) === 'unknown' ? t.missing : '';
}

/** A recorded figure's source as a table cell: the source's own Swedish wording, quoted, and its reference. */
export function SourceCell({ text, sourceRef, lang }: { text: string; sourceRef: string; lang: Lang }): JSX.Element {
  return (
    <td class="govuk-table__cell bp-source bp-quote-cell">
      <q lang={swedishOnly(lang)} safe>
        {text}
      </q>{' '}
      <span lang={swedishOnly(lang)} safe>{`(${sourceCitation(sourceRef)})`}</span>
    </td>
  );
}
