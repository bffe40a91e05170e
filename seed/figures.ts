import type { recordedFigures, recordedStatistics } from '../src/db/schema/index.ts';
import { sources } from './sources.ts';

/** Figures and statistics the seeds state, each with the sentence it comes from. Öre throughout. */

const KR = 100;
const MILLION_KR = 1_000_000 * KR;

type Figure = Omit<typeof recordedFigures.$inferInsert, 'id' | 'callId'> & { callSlug?: string };
type Statistic = Omit<typeof recordedStatistics.$inferInsert, 'id' | 'callId'> & { callSlug?: string };

export const figureRows: Figure[] = [
  {
    countyCode: '01',
    programmeCode: 's37a',
    year: 2022,
    kind: 'distributed',
    amountOre: 8_480_000 * KR,
    label: 'Förmedlat under våren 2022',
    sourceText:
      'Länsstyrelsen Stockholm har under våren 2022 förmedlat 8 480 000 kronor till verksamheter som syftar till att ' +
      'stärka och utveckla verksamheter med flyktingguider och familjekontakter.',
    sourceRef: sources.stockholm.ref,
  },
  {
    countyCode: '01',
    programmeCode: 's37a',
    year: 2021,
    kind: 'projectsGranted',
    count: 14,
    label: 'Beviljade projekt 2021',
    sourceText:
      'Under 2021 beviljade Länsstyrelsen utvecklingsmedel till 14 projekt i länet som syftar till att utveckla ' +
      'metoder, arbetssätt eller nya samarbeten.',
    sourceRef: sources.stockholm.ref,
  },
  {
    countyCode: '14',
    programmeCode: 's37a',
    callSlug: 'vastra-gotaland-s37a-2022-varen',
    year: 2022,
    kind: 'distributed',
    amountOre: 8_171_000 * KR,
    label: 'Fördelat i vårens utlysning 2022',
    sourceText: 'Under vårens utlysning fördelade Länsstyrelsen Västra Götaland 8 171 000 kronor.',
    sourceRef: sources.vastraGotaland.ref,
  },
  {
    countyCode: '14',
    programmeCode: 's37a',
    year: 2022,
    kind: 'distributed',
    amountOre: 14_010_544 * KR,
    label: 'Fördelat under hela 2022',
    sourceText: 'Under 2022 har Länsstyrelsen Västra Götaland fördelat 14 010 544 kronor i länet.',
    sourceRef: sources.vastraGotaland.ref,
  },
  // "miljoner" without a unit: kronor, as everywhere else on these pages.
  {
    countyCode: null,
    programmeCode: 's37a',
    year: 2022,
    kind: 'nationalFunds',
    amountOre: 81 * MILLION_KR,
    label: 'Länsstyrelsernas medel för fördelning 2022',
    sourceText: 'Under 2022 förfogar länsstyrelserna över 81 miljoner för fördelning.',
    sourceRef: sources.stockholm.ref,
  },
  {
    countyCode: null,
    programmeCode: 's37a',
    year: 2019,
    kind: 'nationalFunds',
    amountOre: 66 * MILLION_KR,
    label: 'Länsstyrelsernas medel för fördelning 2019',
    sourceText: 'Under 2019 förfogar länsstyrelserna över 66 miljoner för fördelning.',
    sourceRef: sources.jamtland.ref,
  },
];

/** Seed 004: each sentence precedes the document "Beviljade § 37 a-medel <year>" it summarises. */
export const statisticRows: Statistic[] = [
  {
    countyCode: '18',
    programmeCode: 's37a',
    year: 2018,
    callSlug: 'orebro-s37a-2018',
    applicationsCount: 8,
    appliedOre: 3_400_000 * KR,
    grantedCount: 7,
    grantedOre: 2_500_000 * KR,
    sourceText:
      'Av åtta stycken inkomna ansökningar till Länsstyrelsen i Örebro med en total summa på 3,4 miljoner kronor har sju ' +
      'stycken insatser beviljats medel till en summa av 2,5 miljoner kronor.',
    sourceRef: sources.orebro.ref,
  },
  {
    countyCode: '18',
    programmeCode: 's37a',
    year: 2017,
    applicationsCount: 8,
    appliedOre: 6_100_000 * KR,
    grantedCount: 6,
    grantedOre: 2_600_000 * KR,
    sourceText:
      'Av åtta stycken inkomna ansökningar till Länsstyrelsen i Örebro med en total summa på 6,1 miljoner kronor har sex ' +
      'stycken insatser beviljats medel till en summa av 2,6 miljoner kronor.',
    sourceRef: sources.orebro.ref,
  },
];
