import { formatDate } from '../../platform/format.ts';
import type { Lang } from '../../platform/i18n.ts';
import type { Section } from '../guidance/prose.tsx';

/**
 * The accessibility statement (tillgänglighetsredogörelse) required by lag (2018:1937) om
 * tillgänglighet till digital offentlig service, in the structure DIGG prescribes. Update the
 * dates whenever the assessment or the statement changes.
 */

/** When compliance was last assessed (self-assessment). */
export const assessedOn = '2026-11-23';
/** When the statement was first made. */
export const statementMadeOn = '2026-11-23';
/** When the statement was last updated. */
export const statementUpdatedOn = '2026-11-23';

export const diggReportUrl = 'https://www.digg.se/tdosanmalan';
/** County boards' contact people are listed with each grant. */
export const contactsPath = '/bidrag';

export interface AccessibilityStatement {
  lead: readonly string[];
  sections: readonly Section[];
}

function sv(): AccessibilityStatement {
  return {
    lead: [
      'Bidragsportalen är en e-tjänst för länsstyrelsernas bidrag enligt förordningen (2010:1122) om statlig ersättning för insatser för vissa utlänningar: § 37 a (flyktingguider och familjekontakter) och § 37 (kapacitet och beredskap i mottagandet av nyanlända). Länsstyrelserna står bakom webbplatsen. Vi vill att så många som möjligt ska kunna använda den.',
      'Den här redogörelsen beskriver hur Bidragsportalen uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka kända brister som finns och hur du kan rapportera brister till oss så att vi kan åtgärda dem.',
    ],
    sections: [
      {
        id: 'vad-redogorelsen-omfattar',
        heading: 'Vad redogörelsen omfattar',
        blocks: [
          {
            kind: 'p',
            text: 'Redogörelsen gäller hela Bidragsportalen: de öppna sidorna (bidrag, utlysningar, beviljade projekt, statistik, stöd för sökande, ordförklaringar och integrationsråd), e-tjänsten där kommuner ansöker och rapporterar (Mina sidor) och länsstyrelsernas sidor för handläggning.',
          },
        ],
      },
      {
        id: 'hur-tillganglig',
        heading: 'Hur tillgänglig är webbplatsen?',
        blocks: [
          {
            kind: 'p',
            text: 'Vi vet att delar av webbplatsen inte är kontrollerade fullt ut. Se avsnittet om innehåll som inte är tillgängligt nedan.',
          },
        ],
      },
      {
        id: 'om-du-inte-kan-anvanda',
        heading: 'Vad kan du göra om du inte kan använda delar av webbplatsen?',
        blocks: [
          {
            kind: 'p',
            text: 'Om du behöver innehåll från Bidragsportalen i ett annat format, eller inte kan använda en del av webbplatsen, kontakta den länsstyrelse som handlägger ditt ärende.',
          },
          { kind: 'link', before: 'Kontaktpersoner hos länsstyrelserna finns på sidorna om', text: 'bidragen', href: contactsPath },
        ],
      },
      {
        id: 'rapportera-brister',
        heading: 'Rapportera brister i webbplatsens tillgänglighet',
        blocks: [
          {
            kind: 'p',
            text: 'Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, kontakta den länsstyrelse som handlägger ditt ärende så att vi får veta att problemet finns.',
          },
          { kind: 'link', before: 'Kontaktpersoner hos länsstyrelserna finns på sidorna om', text: 'bidragen', href: contactsPath },
        ],
      },
      {
        id: 'tillsyn',
        heading: 'Tillsyn',
        blocks: [
          {
            kind: 'p',
            text: 'Myndigheten för digital förvaltning (DIGG) ansvarar för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta DIGG och påtala det.',
          },
          { kind: 'link', before: 'Använd DIGG:s formulär på digg.se:', text: 'Anmäl bristande tillgänglighet', href: diggReportUrl },
        ],
      },
      {
        id: 'teknisk-information',
        heading: 'Teknisk information om webbplatsens tillgänglighet',
        blocks: [
          {
            kind: 'p',
            text: 'Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.',
          },
          {
            kind: 'p',
            text: 'Lagen hänvisar till standarden EN 301 549, som för webbplatser motsvarar WCAG 2.1 på nivå AA. Webbplatsen förblir delvis förenlig tills en manuell kontroll med enbart tangentbord och med skärmläsare är gjord och dokumenterad.',
          },
        ],
      },
      {
        id: 'innehall-som-inte-ar-tillgangligt',
        heading: 'Innehåll som inte är tillgängligt',
        blocks: [],
        subsections: [
          {
            heading: 'Bristande förenlighet med lagkraven',
            blocks: [
              {
                kind: 'list',
                items: [
                  'Ingen manuell kontroll med enbart tangentbord eller med skärmläsare är gjord och dokumenterad. Vi vet därför inte säkert att alla sidor och formulär fungerar med de hjälpmedlen.',
                  'Kvitton och andra dokument i pdf-format som tjänsten skapar, till exempel kvittot på en inskickad ansökan, är inte kontrollerade mot kraven på tillgänglighet.',
                  'Den engelska versionen är ofullständig. Sidornas egna texter finns på engelska, men innehåll från länsstyrelsernas källor, till exempel ordförklaringar, projektbeskrivningar och uppgifter om integrationsråd, finns bara på svenska.',
                  'Innehållet kommer från länsstyrelsernas publicerade sidor. Där källan innehåller fel, till exempel en felstavning eller en veckodag som inte stämmer med datumet, har vi avsiktligt behållit källans lydelse och lagt till en förklarande anteckning. Det kan göra texten svårare att förstå.',
                ],
              },
            ],
          },
          {
            heading: 'Oskäligt betungande anpassning',
            blocks: [{ kind: 'p', text: 'Vi åberopar inte undantaget för oskäligt betungande anpassning (12 § i lagen).' }],
          },
          {
            heading: 'Innehåll som inte omfattas av lagkraven',
            blocks: [{ kind: 'p', text: 'Vi har inte undantagit något innehåll på webbplatsen med stöd av 9 § i lagen.' }],
          },
        ],
      },
      {
        id: 'hur-vi-testat',
        heading: 'Hur vi testat webbplatsen',
        blocks: [
          {
            kind: 'p',
            text: 'Vi har gjort en självskattning (intern testning) av Bidragsportalen. Automatiska kontroller med verktyget axe-core körs i webbläsartesterna på varje typ av publik sida, varje gång testerna körs. Automatiska kontroller hittar bara en del av bristerna, och därför behövs också den manuella kontroll som beskrivs ovan.',
          },
          { kind: 'p', text: `Senaste bedömningen gjordes den ${formatDate(assessedOn, 'sv')}.` },
          {
            kind: 'p',
            text: `Redogörelsen upprättades den ${formatDate(statementMadeOn, 'sv')} och uppdaterades senast den ${formatDate(statementUpdatedOn, 'sv')}.`,
          },
        ],
      },
    ],
  };
}

function en(): AccessibilityStatement {
  return {
    lead: [
      'Bidragsportalen is an e-service for the county administrative boards’ grants under förordningen (2010:1122) om statlig ersättning för insatser för vissa utlänningar (the ordinance on state compensation for measures for certain foreign nationals): § 37 a (refugee guides and family contacts) and § 37 (capacity and preparedness in receiving newly arrived immigrants). The county administrative boards are behind this website. We want as many people as possible to be able to use it.',
      'This statement describes how Bidragsportalen complies with lag (2018:1937) om tillgänglighet till digital offentlig service (the Swedish act on accessibility to digital public services), the known shortcomings, and how you can report problems to us so that we can fix them.',
    ],
    sections: [
      {
        id: 'vad-redogorelsen-omfattar',
        heading: 'What this statement covers',
        blocks: [
          {
            kind: 'p',
            text: 'The statement covers all of Bidragsportalen: the public pages (grants, calls, granted projects, statistics, help for applicants, glossary and integration councils), the e-service where municipalities apply and report (Mina sidor, “My pages”) and the county boards’ casework pages.',
          },
        ],
      },
      {
        id: 'hur-tillganglig',
        heading: 'How accessible is this website?',
        blocks: [
          {
            kind: 'p',
            text: 'We know that parts of the website have not been fully checked. See the section on content that is not accessible below.',
          },
        ],
      },
      {
        id: 'om-du-inte-kan-anvanda',
        heading: 'What to do if you cannot use parts of the website',
        blocks: [
          {
            kind: 'p',
            text: 'If you need content from Bidragsportalen in another format, or cannot use part of the website, contact the county administrative board that handles your case.',
          },
          {
            kind: 'link',
            before: 'Contact people at the county boards are listed on the pages about',
            text: 'the grants',
            href: contactsPath,
          },
        ],
      },
      {
        id: 'rapportera-brister',
        heading: 'Reporting accessibility problems with this website',
        blocks: [
          {
            kind: 'p',
            text: 'We are always looking to improve the accessibility of the website. If you find a problem that is not described on this page, or think we do not meet the requirements of the law, contact the county administrative board that handles your case so that we know about the problem.',
          },
          {
            kind: 'link',
            before: 'Contact people at the county boards are listed on the pages about',
            text: 'the grants',
            href: contactsPath,
          },
        ],
      },
      {
        id: 'tillsyn',
        heading: 'Enforcement procedure',
        blocks: [
          {
            kind: 'p',
            text: 'Myndigheten för digital förvaltning (DIGG, the Agency for Digital Government) is responsible for supervising the act on accessibility to digital public services. If you are not happy with how we handle your comments, you can contact DIGG and tell them.',
          },
          {
            kind: 'link',
            before: 'Use DIGG’s form at digg.se (in Swedish):',
            text: 'Anmäl bristande tillgänglighet (report a lack of accessibility)',
            href: diggReportUrl,
          },
        ],
      },
      {
        id: 'teknisk-information',
        heading: 'Technical information about this website’s accessibility',
        blocks: [
          {
            kind: 'p',
            text: 'This website is partially compliant with the act on accessibility to digital public services, because of the shortcomings described below.',
          },
          {
            kind: 'p',
            text: 'The act refers to the standard EN 301 549, which for websites corresponds to WCAG 2.1 level AA. The website remains partially compliant until a manual check with the keyboard alone and with a screen reader has been carried out and documented.',
          },
        ],
      },
      {
        id: 'innehall-som-inte-ar-tillgangligt',
        heading: 'Content that is not accessible',
        blocks: [],
        subsections: [
          {
            heading: 'Non-compliance with the requirements',
            blocks: [
              {
                kind: 'list',
                items: [
                  'No manual check with the keyboard alone or with a screen reader has been carried out and documented. We therefore do not know for certain that all pages and forms work with those tools.',
                  'Receipts and other PDF documents the service produces, such as the receipt for a submitted application, have not been checked against the accessibility requirements.',
                  'The English version is partial. The pages’ own texts are in English, but content from the county boards’ sources, such as glossary entries, project descriptions and information about integration councils, is in Swedish only.',
                  'The content comes from the county boards’ published pages. Where a source contains errors, such as a misspelling or a weekday that does not match the date, we have deliberately kept the source’s wording and added an explanatory note. This can make the text harder to understand.',
                ],
              },
            ],
          },
          {
            heading: 'Disproportionate burden',
            blocks: [{ kind: 'p', text: 'We do not claim the exemption for disproportionate burden (section 12 of the act).' }],
          },
          {
            heading: 'Content that is not within the scope of the requirements',
            blocks: [{ kind: 'p', text: 'We have not exempted any content on the website under section 9 of the act.' }],
          },
        ],
      },
      {
        id: 'hur-vi-testat',
        heading: 'How we tested this website',
        blocks: [
          {
            kind: 'p',
            text: 'We have carried out a self-assessment (internal testing) of Bidragsportalen. Automated checks with the axe-core tool run in the browser tests on every type of public page, every time the tests run. Automated checks find only some problems, which is why the manual check described above is also needed.',
          },
          { kind: 'p', text: `The most recent assessment was made on ${formatDate(assessedOn, 'en')}.` },
          {
            kind: 'p',
            text: `This statement was prepared on ${formatDate(statementMadeOn, 'en')} and last updated on ${formatDate(statementUpdatedOn, 'en')}.`,
          },
        ],
      },
    ],
  };
}

export function accessibilityStatement(lang: Lang): AccessibilityStatement {
  return lang === 'sv' ? sv() : en();
}
