import { sources } from './sources.ts';
import { blocks } from './text.ts';

/**
 * The glossary (ordförklaringar) of seed 004. The copied page lost every headword and kept only the
 * definitions, in the order of the original list; each headword below is the standard Swedish term
 * the definition defines, supplied editorially and marked as such. Definitions are verbatim (only
 * whitespace is normalised); a continuation paragraph stays with its entry, separated by a blank
 * line. The definitions keep the page's typos and its link labels ("länk till annan webbplats"),
 * which glossaryDefinitionText leaves out of the shown text.
 */

export const GLOSSARY_EDITORIAL_NOTE =
  'Uppslagsordet har lagts till redaktionellt; definitionen är hämtad från Länsstyrelsen i Örebro läns ' +
  'ordförklaringar, som bygger på Migrationsverkets ordlista och lagars definitioner.';

export const GLOSSARY_SOURCE_REF = sources.orebro.ref;

export interface GlossaryDefinition {
  headword: string;
  /** The definition's paragraphs as the source gives them. */
  paragraphs: string[];
}

// The copied page's text for its external-link icon, glued to the link's last word
// ("invandrarelänk till annan webbplats"): the icon's label, not part of the definition.
const LINK_ICON_LABEL = /länk till annan webbplats/g;

/** A definition as the glossary shows it: the source's paragraphs without the link-icon labels. */
export function glossaryDefinitionText(definition: GlossaryDefinition): string {
  return blocks(...definition.paragraphs.map((p) => p.replace(LINK_ICON_LABEL, '')));
}

export const glossaryDefinitions: GlossaryDefinition[] = [
  {
    headword: 'Alternativt skyddsbehövande',
    paragraphs: [
      'Är en person som riskerar att straffas med döden eller att utsättas för kroppsstraff, tortyr eller annan omänsklig eller förnedrande behandling. Eller en civilperson som löper stor risk att skadas på grund av väpnad konflikt.',
    ],
  },
  {
    headword: 'Ankomstkommun',
    paragraphs: ['Den kommun där barnet först tar kontakt med en svensk myndighet. Kommunen ansvarar då i första hand för boende.'],
  },
  {
    headword: 'Anläggningsboende',
    paragraphs: ['Ett boende som Migrationsverket erbjuder asylsökande under väntetiden, normalt en lägenhet i ett hyreshus.'],
  },
  {
    headword: 'Anvisningskommun',
    paragraphs: ['Den kommun Migrationsverket anvisar för att ta hand om barnet, den anvisade kommunen tar över det långsiktiga ansvaret.'],
  },
  {
    headword: 'Asylsökande',
    paragraphs: [
      'En utländsk medborgare (ej EU) som i Sverige begärt skydd men som inte fått sin ansökan slutligt prövad av Migrationsverket eller migrationsdomstol.',
    ],
  },
  {
    headword: 'Avvisning',
    paragraphs: [
      'Beslut om att en person skall lämna Sverige. Kan beslutas av polis. Beslutet skall fattas inom tre månader. Avvisningsbeslutet får normalt inte verkställas innan det vunnit laga kraft.',
    ],
  },
  {
    headword: 'Avvisning med omedelbar verkställighet',
    paragraphs: [
      'Om det är uppenbart att en person saknar rätt till asyl eller uppehållstillstånd kan hen få beslut om avvisning som skall genomföras omedelbart. Personen får inte stanna i Sverige i väntan på eventuekk överklagan (till exempel utgånget visum).',
    ],
  },
  {
    headword: 'Bosättningslagen',
    paragraphs: [
      'Lag (2016:38) om mottagande av vissa nyanlända invandrarelänk till annan webbplats för bosättninglänk till annan webbplats innebär att alla kommuner blir skyldiga att efter anvisning ta emot nyanlända för bosättning.',
      'Gäller från 1 mars 2016.',
    ],
  },
  {
    headword: 'Dublinförordningen',
    paragraphs: [
      'Garanterar att den som söker asyl i någon av EU:s medlemsstater får sin ansökan prövad i någon av dessa stater och ska alltså inte kunna sändas från en medlemsstat till en annan. Dublinförordningen gäller i Sverige, i övriga EU-länder samt Island, Liechtenstein, Norge och Schweiz.',
    ],
  },
  {
    headword: 'Familjeanknytning',
    paragraphs: [
      'Det familjeband som en sökande hänvisar till när hen söker uppehållstillstånd.',
      'Som familjeanknytning räknas fru, make, registrerad partnereller sambo, en person som den sökande planerar att gifta sig eller bli sambo med samt föräldrar och barn.',
    ],
  },
  {
    headword: 'Flykting',
    paragraphs: [
      'Utlänning som ansökt om asyl och fått uppehållstillstånd i Sverige av flyktingskäl (enligt Genèvekonventionen/internationell rätt). Flykt från krig, fattigdom, naturkatastrof etc. ger inte automatiskt status som flykting.',
    ],
  },
  {
    headword: 'Eget boende (EBO)',
    paragraphs: [
      'Den asylsökande kan under asyltiden välja att ordna boende på egen hand Det kan till exempel innebära att den asylsökande bor hos släkt eller vänner.',
    ],
  },
  {
    headword: 'Ensamkommande barn',
    paragraphs: [
      'Barn och ungdomar under 18 år som utan medföljande förälder eller annan vårdnadshavare kommer till Sverige för att ansöka om asyl.',
    ],
  },
  {
    headword: 'Etableringsersättning',
    paragraphs: [
      'Finns i två former: en för medverkan inför upprättandet av en etableringsplan och en när etableringsplanen är upprättad och aktiviteter pågår.',
    ],
  },
  {
    headword: 'Etableringsplan',
    paragraphs: [
      'Upprättas på Arbetsförmedlingen och kan maximalt omfatta 24 månader. Innehåller aktiviteter som ska motsvara heltid, 40 timmar per vecka. Aktiviteternas innehåll planeras individuellt utifrån den arbetssökandes förutsättningar och behov.',
    ],
  },
  {
    headword: 'Etableringslagen',
    paragraphs: [
      'Lagen om etableringsinsatser för vissa nyanlända invandrare (2010:197)länk till annan webbplats innehåller bestämmelser om ansvar och insatser som syftar till att underlätta och påskynda vissa nyanlända invandrares etablering i arbets- och samhällslivet.',
      'Gäller personer med uppehållstillstånd i åldern 20–64 år.',
    ],
  },
  {
    headword: 'Evakueringsboende',
    paragraphs: [
      'Har använts framförallt i samband med det stora asylmottagandet under hösten 2015. Tillfälliga lösningar i samarbete med kommuner.',
    ],
  },
  {
    headword: 'Flyktingskäl',
    paragraphs: [
      'Enligt flyktingkonventionen, svensk lag och EU-regler. Välgrundade skäl för rädsla för förföljelse på grund av ras, nationalitet, religiös eller politisk uppfattning, sexuell läggning eller tillhörighet till viss samhällsgrupp.',
    ],
  },
  {
    headword: 'Förvar',
    paragraphs: [
      'En låst lokal där asylsökande och andra utlänningar hålls i väntan på avvisning/utvisning i de fall där verket har anledning att tro att personen kommer att hålla sig undan.',
      'Individen är i regel inte dömd för kriminell handling. Har ingen rätt att arbeta. En asylsökande kan även sättas i förvar om identiteten är oklar.',
    ],
  },
  {
    headword: 'God man',
    paragraphs: [
      'En god man utses av kommunen för barn under 18 år som kommer till Sverige utan förälder eller annan vuxen som fyller föräldrarnas roll.',
      'En god man företräder ensam kommande barn i ekonomiska, personliga och rättsliga sammanhang.',
    ],
  },
  {
    headword: 'Identitet',
    paragraphs: [
      'Finns ingen rättslig definition, enligt praxis är det namn, födelsetid och medborgarskap. Styrks av pass eller id-handling utfärdat av myndighet i hemlandet.',
    ],
  },
  {
    headword: 'Kommuntal',
    paragraphs: [
      'Tal som tas fram varje år utifrån länstalen (se nedan) och beskriver det antal som kommunen förväntas ta emot på anvisning och som fördelas under året enligt en årsplan.',
      'Länsstyrelsen fattar beslut om kommuntalen.',
    ],
  },
  {
    headword: 'Kvotflykting',
    paragraphs: [
      'Utländsk medborgare som före resan till Sverige fått uppehållstillstånd inom den flyktingkvot som regeringen fastställt. Resan till Sverige organiseras och betalas av Migrationsverket. Individen kommunplaceras direkt.',
    ],
  },
  {
    headword: 'Laga kraft',
    paragraphs: [
      'När det inte längre finns möjlighet att överklaga ett beslut eller en dom eller när denna möjlighet aldrig funnits vinner beslutet eller domen laga kraft och börjar gälla.',
    ],
  },
  {
    headword: 'LMA',
    paragraphs: [
      'Lagen om mottagande av asylsökande med flera (1994:137)länk till annan webbplats reglerar ersättningar till asylsökande och sysselsättning för dessa.',
    ],
  },
  {
    headword: 'LMA-kort',
    paragraphs: [
      'Alla asylsökande, även barn, får ett LMA-kort av Migrationsverket. På kortet finns det personuppgifter och foto på den sökande.',
      'Där framgår också personens ärendenummer hos Migrationsverket. På baksidan av kortet finns information om vid vilken mottagningsenhet personen är registrerad.',
    ],
  },
  {
    headword: 'Länstal',
    paragraphs: [
      'Länstalet är det antal anvisningsbara platser som behövs för nyanlända invandrare som har fått uppehållstillstånd och inte på egen hand kan ordna sin bosättning.',
      'Regeringen fattar beslut om länstalen utifrån de prognoser som Migrationsverket lämnar till regeringen.',
    ],
  },
  {
    headword: 'Medborgarskap',
    paragraphs: [
      'Ett rättsligt bindande förhållande mellan stat och individ. Uppstår genom automatik vid födelse eller efter ansökan/anmälan.',
    ],
  },
  {
    headword: 'Nyanländ',
    paragraphs: [
      'En nyanländ person är någon som är mottagen i en kommun och har beviljats uppehållstillstånd för bosättning på grund av flyktingskäl eller andra skyddsskäl.',
      'Även anhöriga till dessa anses vara nyanlända. En person är nyanländ under tiden som hen omfattas av lagen om etableringsinsatser under två till tre år.',
    ],
  },
  {
    headword: 'Permanent uppehållstillstånd (PUT)',
    paragraphs: [
      'En utländsk medborgare som beviljats PUT har tillstånd att bo och arbeta i Sverige på obegränsad tid (så länge man är bosatt i Sverige).',
    ],
  },
  {
    headword: 'Permanent uppehållsrätt',
    paragraphs: [
      'Gäller medborgare i EU/EES-land samt familjemedlemmar som vistats lagligt i Sverige under 5 år. Det går att ansöka om intyg på den permanenta uppehållsrätten.',
    ],
  },
  {
    headword: 'Samhällsorientering (SO)',
    paragraphs: [
      'Kommunen är skyldig att tillhandahålla samhällsorientering för nyanlända. SO ska omfatta minst 60 timmar och helst levereras på modersmål.',
      'Många kommuner erbjuder hälsokommunikation tillsammans med SO.',
    ],
  },
  {
    headword: 'Svenska för invandrare (SFI)',
    paragraphs: ['Grundläggande svenskundervisning som kommunen är skyldig att anordna.'],
  },
  {
    headword: 'Tillfälligt anläggningsboende',
    paragraphs: [
      'Ett tillfälligt boende till asylsökande som Migrationsverket hyr och som inte är i lägenhet. Det är i stället boende på vandrarhem, i stugbyar och andra liknande anläggningar.',
    ],
  },
  {
    headword: 'Tillfälligt uppehållstillstånd',
    paragraphs: [
      'Den som är i behov av skydd kan få ett tillfälligt uppehållstillstånd. Den som bedöms vara flykting får ett uppehållstillstånd som gäller i tre år. Den som bedöms vara alternativt skyddsbehövande får ett tillstånd för 13 månader.',
    ],
  },
  {
    headword: 'Tredjelandsmedborgare',
    paragraphs: ['Personer som inte är medborgare i något EU/EES land eller i Schweiz. Kan ha uppehållstillstånd inom EU/EES.'],
  },
  {
    headword: 'Undantag från kravet på arbetstillstånd (AT-UND)',
    paragraphs: [
      'Bedömer Migrationsverket att det tar längre tid än fyra månader att fatta beslut om en asylansökan behöver den sökande inte ha arbetstillstånd för att arbeta. Beslutet förs in på LMA-kortet (se ovan).',
    ],
  },
  {
    headword: 'Utvisning',
    paragraphs: [
      'Beslut om avlägsnande som en person kan få från och med tre månader (längre tid än tre månader) efter den dag hen ansökt om uppehållstillstånd. Domstol kan även döma till utvisning vid brott.',
    ],
  },
];
