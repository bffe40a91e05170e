/**
 * Editorial text kept as data (content modules in Swedish and English) and rendered with GOV.UK
 * classes. Every string is escaped on output: the content is ours, but escaping costs nothing and
 * keeps the XSS scan meaningful.
 */

export type ListItem = string | { text: string; items: readonly string[] };

export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'list'; items: readonly ListItem[] }
  /** A paragraph that ends in a link, e.g. "Anmäl bristande tillgänglighet" at digg.se. */
  | { kind: 'link'; before: string; text: string; href: string };

export interface Subsection {
  id?: string;
  heading: string;
  blocks: readonly Block[];
  /** Where the text comes from, shown in small print. */
  source?: string;
}

export interface Section {
  id: string;
  heading: string;
  blocks: readonly Block[];
  subsections?: readonly Subsection[];
  source?: string;
}

function Item({ item }: { item: ListItem }): JSX.Element {
  if (typeof item === 'string') return <li safe>{item}</li>;
  return (
    <li>
      <span safe>{item.text}</span>
      <ul class="govuk-list govuk-list--bullet">
        {item.items.map((sub) => (
          <li safe>{sub}</li>
        ))}
      </ul>
    </li>
  );
}

function BlockView({ block }: { block: Block }): JSX.Element {
  switch (block.kind) {
    case 'p':
      return (
        <p class="govuk-body" safe>
          {block.text}
        </p>
      );
    case 'list':
      return (
        <ul class="govuk-list govuk-list--bullet">
          {block.items.map((item) => (
            <Item item={item} />
          ))}
        </ul>
      );
    case 'link':
      return (
        <p class="govuk-body">
          <span safe>{block.before}</span>{' '}
          <a class="govuk-link" href={block.href}>
            <span safe>{block.text}</span>
          </a>
          .
        </p>
      );
  }
}

export function Blocks({ blocks }: { blocks: readonly Block[] }): JSX.Element {
  return (
    <>
      {blocks.map((block) => (
        <BlockView block={block} />
      ))}
    </>
  );
}

export function SourceNote({ text }: { text: string | undefined }): JSX.Element {
  return text ? (
    <p class="bp-source" safe>
      {text}
    </p>
  ) : (
    ''
  );
}

/** A section as an h2 with its text, its h3 subsections and its source. */
export function SectionView({ section }: { section: Section }): JSX.Element {
  return (
    <section aria-labelledby={section.id}>
      <h2 class="govuk-heading-m" id={section.id} safe>
        {section.heading}
      </h2>
      <Blocks blocks={section.blocks} />
      {(section.subsections ?? []).map((sub) => (
        <>
          <h3 class="govuk-heading-s" id={sub.id} safe>
            {sub.heading}
          </h3>
          <Blocks blocks={sub.blocks} />
          <SourceNote text={sub.source} />
        </>
      ))}
      <SourceNote text={section.source} />
    </section>
  );
}

/** A "Contents" list of in-page links to the sections. */
export function ContentsList({ label, sections }: { label: string; sections: readonly Section[] }): JSX.Element {
  return (
    <nav aria-label={label} class="govuk-!-margin-bottom-6">
      <h2 class="govuk-heading-s" safe>
        {label}
      </h2>
      <ul class="govuk-list">
        {sections.map((s) => (
          <li>
            <a class="govuk-link" href={`#${s.id}`} safe>
              {s.heading}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
