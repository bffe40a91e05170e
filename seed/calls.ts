import type { calls } from '../src/db/schema/index.ts';
import { addDays } from '../src/platform/format.ts';
import { priorityRows } from './county-pages.ts';
import { parsePeriod, parseSwedishDate } from './dates.ts';
import { sources } from './sources.ts';
import { blocks } from './text.ts';

export type CallRow = Omit<typeof calls.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

const KR = 100; // öre per krona

function period(periodSource: string, year: number, parseFrom: string = periodSource) {
  const { startsOn, endsOn, note } = parsePeriod(parseFrom, year);
  return { opensOn: startsOn, closesOn: endsOn, periodSource, periodNote: note };
}

const VG_PERIODS = 'Ansökningsperioderna för 2022 var 15 februari till och med 31 mars, samt 30 augusti till och med 3 oktober.';

/** Seed 001, "Bedömning": the criteria applications are assessed against. */
const VG_CRITERIA = [
  'att insatsen stärker och/eller utvecklar verksamheter som bidraget är riktat till',
  'att insatsen riktas i huvudsak till målgruppen för specifikt bidrag (Nyanlända utlänningar, och / eller asylsökande ' +
    'och/eller skyddsbehövande som berörs av massflyktsdirektivet.)',
  'att insatsen syftar till att: stödja språkinlärning och/eller underlätta etableringen i samhället och/eller skapa ' +
    'nätverk och/eller ge socialt stöd till ensamkommande barn',
  'att ersättningen lämnas för verksamhet som bedrivs utan vinstsyfte',
  'att insatsen genomförs antingen av kommunen i egen regi eller av kommunen i samverkan med en eller flera organisationer',
  'att budgeten är grundligt genomarbetad',
  'att insatsen tar hänsyn till barn- och jämställdhetsperspektivet samt tillgänglighetsaspekter',
];

const VG_APPLY =
  'Skicka in din ansökan via e-tjänsten när en utlysningsperiod är igång. Ansökningar som kommer in utanför ' +
  'utlysningsperioden eller efter sista ansökningsdag kan komma att avvisas.';

/** The calls exactly as the seeds give them. Where a seed is silent (board, budget, date) the field is null. */
export const sourceCalls: CallRow[] = [
  {
    slug: 'stockholm-s37a-2022-hosten',
    countyCode: '01',
    programmeCode: 's37a',
    year: 2022,
    title: 'Flyktingguider och familjekontakter – utlysning hösten 2022',
    description:
      'I syfte att ytterligare stärka och utveckla verksamheter med flyktingguider och familjekontakter kan ' +
      'Länsstyrelsen Stockholm fördela 5 800 000 kronor under hösten 2022.',
    ...period('Utlysningen öppnar den 1 september och stänger den 29 september.', 2022),
    budgetOre: 5_800_000 * KR,
    sourceRef: sources.stockholm.ref,
    sourceDate: sources.stockholm.period,
  },
  // Seed 001's "Beslut och utbetalning" describes how the board works (VG prepares, Jönköping decides
  // and pays) without tying it to one period, so both 2022 calls get those boards; the decision date
  // belongs to the autumn call, the one still being decided when the page was written.
  {
    slug: 'vastra-gotaland-s37a-2022-varen',
    countyCode: '14',
    programmeCode: 's37a',
    year: 2022,
    title: 'Flyktingguider och familjekontakter – utlysning våren 2022',
    description: VG_APPLY,
    ...period(VG_PERIODS, 2022, '15 februari till och med 31 mars'),
    criteria: VG_CRITERIA,
    preparingBoard: '14',
    decidingBoard: '06',
    payingBoard: '06',
    paymentBySource: 'Utbetalning av beviljade medel sker från Länsstyrelsen i Jönköpings län.',
    sourceRef: sources.vastraGotaland.ref,
    sourceDate: sources.vastraGotaland.period,
  },
  {
    slug: 'vastra-gotaland-s37a-2022-hosten',
    countyCode: '14',
    programmeCode: 's37a',
    year: 2022,
    title: 'Flyktingguider och familjekontakter – utlysning hösten 2022',
    description: VG_APPLY,
    ...period(VG_PERIODS, 2022, '30 augusti till och med 3 oktober'),
    criteria: VG_CRITERIA,
    preparingBoard: '14',
    decidingBoard: '06',
    payingBoard: '06',
    decisionAnnouncedOn: parseSwedishDate('den 18 november 2022'),
    decisionAnnouncedSource:
      'Ansökan bereds av Länsstyrelsen Västra Götaland. Länsstyrelsen i Jönköpings län fattar beslut och meddelar ' +
      'sökande den 18 november 2022.',
    paymentBySource: 'Utbetalning av beviljade medel sker från Länsstyrelsen i Jönköpings län.',
    sourceRef: sources.vastraGotaland.ref,
    sourceDate: sources.vastraGotaland.period,
  },
  {
    slug: 'ostergotland-s37-2023-andra',
    countyCode: '05',
    programmeCode: 's37',
    year: 2023,
    title: 'Kapacitet och beredskap i mottagandet – årets andra utlysning 2023',
    description: 'I denna utlysning har Länsstyrelsen 500 000 kr att fördela.',
    ...period('Ansökningsperiod för årets andra utlysning är 6 september-25 september.', 2023),
    budgetOre: 500_000 * KR,
    sourceRef: sources.ostergotland.ref,
    sourceDate: sources.ostergotland.period,
  },
  // Applications went "till oss" (Örebro) and are "handläggs" there, so Örebro prepares and decides;
  // Jönköping pays.
  {
    slug: 'orebro-s37a-2018',
    countyCode: '18',
    programmeCode: 's37a',
    year: 2018,
    title: 'Flyktingguider och familjekontakter – ansökningsperioden 2018',
    description:
      'När vi har en ansökningsperiod ansöker du genom att fylla i och skicka en ansökningsblankett och ett intyg till ' +
      'oss. Ansökan behöver vara undertecknad av behörig firmatecknare. Endast korrekt ifyllda och undertecknade ' +
      'ansökningar handläggs.',
    ...period('Ansökningsperioden för 2018 avslutades i april.', 2018),
    preparingBoard: '18',
    decidingBoard: '18',
    payingBoard: '06',
    decisionAnnouncedOn: parseSwedishDate('senast den 7 juni 2018'),
    decisionAnnouncedSource: 'Vi meddelar beslut om bidrag senast den 7 juni 2018.',
    paymentBy: parseSwedishDate('senast den 21 juni 2018'),
    paymentBySource: 'Utbetalning av bidrag sker från Länsstyrelsen i Jönköpings län senast den 21 juni 2018.',
    functionalMailbox: 'utvecklingsmedel.orebro@lansstyrelsen.se',
    sourceRef: sources.orebro.ref,
    sourceDate: sources.orebro.period,
  },
];

/**
 * Demo calls, always open (or, for one, about to open) so that the service can be tried. Their
 * dates are set by redateDemoCalls from the day it runs; everything they borrow from a real call
 * says so in the description.
 */
interface DemoCall {
  slug: string;
  status: 'open' | 'coming';
  countyCode: string;
  programmeCode: 's37a' | 's37';
  title: string;
  description: string;
  /** The real seed call it borrows from, and what it borrows. */
  copiedFrom: string;
  copies: readonly ('budget' | 'criteria' | 'boards')[];
}

const DEMO_NOTICE =
  'Det här är en demoutlysning för att prova tjänsten: den är inte en riktig utlysning, och det som skickas in är ' + 'testdata.';

function prioritiesText(countyCode: string, programmeCode: string, year: number): string {
  return blocks(
    ...priorityRows.filter((p) => p.countyCode === countyCode && p.programmeCode === programmeCode && p.year === year).map((p) => p.text),
  );
}

export const demoCalls: DemoCall[] = [
  {
    slug: 'demo-vastra-gotaland-s37a',
    status: 'open',
    countyCode: '14',
    programmeCode: 's37a',
    title: 'Demoutlysning: flyktingguider och familjekontakter i Västra Götalands län',
    description: blocks(
      DEMO_NOTICE,
      'Bedömningskriterierna och beslutsordningen (beredning hos Länsstyrelsen Västra Götaland, beslut och utbetalning ' +
        'hos Länsstyrelsen i Jönköpings län) är kopierade från Länsstyrelsen Västra Götalands utlysning hösten 2022. ' +
        'Den utlysningen angav ingen budget.',
    ),
    copiedFrom: 'vastra-gotaland-s37a-2022-hosten',
    copies: ['criteria', 'boards'],
  },
  {
    slug: 'demo-ostergotland-s37a',
    status: 'open',
    countyCode: '05',
    programmeCode: 's37a',
    title: 'Demoutlysning: flyktingguider och familjekontakter i Östergötlands län',
    description: blocks(
      DEMO_NOTICE,
      'Källorna har ingen § 37 a-utlysning från Östergötland. Bedömningskriterierna är därför kopierade från den ' +
        'närmaste § 37 a-utlysningen i källorna, Länsstyrelsen Västra Götalands utlysning hösten 2022. ' +
        'Budget och beslutsordning anges inte.',
    ),
    copiedFrom: 'vastra-gotaland-s37a-2022-hosten',
    copies: ['criteria'],
  },
  {
    slug: 'demo-ostergotland-s37',
    status: 'open',
    countyCode: '05',
    programmeCode: 's37',
    title: 'Demoutlysning: kapacitet och beredskap i mottagandet i Östergötlands län',
    description: blocks(
      DEMO_NOTICE,
      'Budgeten är kopierad från Länsstyrelsen Östergötlands andra utlysning 2023, och så är prioriteringarna, som där löd:',
      prioritiesText('05', 's37', 2023),
    ),
    copiedFrom: 'ostergotland-s37-2023-andra',
    copies: ['budget'],
  },
  {
    slug: 'demo-stockholm-s37a-kommande',
    status: 'coming',
    countyCode: '01',
    programmeCode: 's37a',
    title: 'Demoutlysning: flyktingguider och familjekontakter i Stockholms län (kommande)',
    description: blocks(
      DEMO_NOTICE,
      'Budgeten är kopierad från Länsstyrelsen Stockholms utlysning hösten 2022, och så är ' + 'prioriteringarna, som där löd:',
      prioritiesText('01', 's37a', 2022),
    ),
    copiedFrom: 'stockholm-s37a-2022-hosten',
    copies: ['budget'],
  },
];

export interface DemoPeriod {
  year: number;
  opensOn: string;
  closesOn: string;
}

/**
 * Open demo calls opened a week ago and close in three weeks; the coming one opens in two weeks.
 * An open call keeps today's year even when its first day fell in the previous year.
 */
export function demoCallPeriod(status: DemoCall['status'], today: string): DemoPeriod {
  if (status === 'open') {
    return { year: Number(today.slice(0, 4)), opensOn: addDays(today, -7), closesOn: addDays(today, 21) };
  }
  const opensOn = addDays(today, 14);
  return { year: Number(opensOn.slice(0, 4)), opensOn, closesOn: addDays(today, 35) };
}

/** A demo call's row without its dates, which redateDemoCalls owns. */
export function demoCallRow(demo: DemoCall): Omit<CallRow, 'year' | 'opensOn' | 'closesOn'> {
  const copied = sourceCalls.find((c) => c.slug === demo.copiedFrom);
  if (!copied) throw new Error(`Demo call ${demo.slug} copies the unknown call ${demo.copiedFrom}`);
  const boards = demo.copies.includes('boards');
  return {
    slug: demo.slug,
    countyCode: demo.countyCode,
    programmeCode: demo.programmeCode,
    title: demo.title,
    description: demo.description,
    periodSource: null,
    periodNote:
      demo.status === 'open'
        ? 'Demodatum: perioden räknas om från dagens datum så att utlysningen alltid är öppen.'
        : 'Demodatum: perioden räknas om från dagens datum så att utlysningen alltid öppnar om två veckor.',
    budgetOre: demo.copies.includes('budget') ? (copied.budgetOre ?? null) : null,
    criteria: demo.copies.includes('criteria') ? (copied.criteria ?? []) : [],
    preparingBoard: boards ? (copied.preparingBoard ?? null) : null,
    decidingBoard: boards ? (copied.decidingBoard ?? null) : null,
    payingBoard: boards ? (copied.payingBoard ?? null) : null,
    isDemo: true,
    sourceRef: null,
    sourceDate: null,
  };
}
