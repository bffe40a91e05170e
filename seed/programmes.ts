import type { programmes, purposes, targetGroups } from '../src/db/schema/index.ts';
import { sources } from './sources.ts';

type Programme = typeof programmes.$inferInsert;
type Purpose = Omit<typeof purposes.$inferInsert, 'id'>;
type TargetGroup = Omit<typeof targetGroups.$inferInsert, 'id'>;

const LEGAL_BASIS = 'Förordning (2010:1122) om statlig ersättning för insatser för vissa utlänningar';

/** Every § 37 a page (seeds 000, 001, 002, 004) states the same purposes and core target groups. */
const s37aPagesRef = 'seed 000, 001, 002, 004';

export const programmeRows: Programme[] = [
  {
    code: 's37a',
    name: 'Bidrag för flyktingguider och familjekontakter',
    nameEn: 'Grants for refugee guides and family contacts',
    legalBasis: `${LEGAL_BASIS}, § 37 a`,
    summary:
      'Länsstyrelsen kan hjälpa till med bidrag till integrationsinsatser som underlättar etablering i samhället, ' +
      'skapar nätverk, stödjer språkinlärning eller ger socialt stöd till ensamkommande barn.\n\n' +
      'Länsstyrelsen har möjlighet att bidra med ersättning för att stärka och utveckla verksamhet med flyktingguider ' +
      'och familjekontakter som riktas till nyanlända personer, ensamkommande barn och asylsökande personer.',
    summaryEn:
      'The county administrative board can help with grants for integration activities that make it easier to ' +
      'become established in society, build networks, support language learning or give social support to ' +
      'unaccompanied children.\n\n' +
      'The county administrative board can contribute funds to strengthen and develop work with refugee guides and ' +
      'family contacts aimed at newly arrived people, unaccompanied children and asylum seekers.',
    eligibleKinds: ['municipality'],
    // Seed 001, "Kommuner kan söka medel", verbatim.
    eligibilityText:
      'Ansökan kan endast göras av kommuner och ska vara underskriven av firmatecknare. Medel kan inte beviljas till ' +
      'kommunalförbund.\n\n' +
      'Insatsen kan genomförs antingen av kommunen i egen regi eller av kommunen i samverkan med en eller flera ' +
      'organisationer.\n\n' +
      'Ansökande kommun är alltid ansvarig för genomförande av insatsen. Aktiv medverkan av ansökande kommun måste ' +
      'säkerställas i de fall insatsen genomförs i samverkan med en eller flera organisationer.',
    sortOrder: 1,
  },
  {
    code: 's37',
    name: 'Bidrag för att utveckla kapacitet och beredskap i mottagandet av nyanlända',
    nameEn: 'Grants to develop capacity and preparedness in the reception of newcomers',
    legalBasis: `${LEGAL_BASIS}, § 37`,
    summary:
      'Länsstyrelsen kan ge ersättning till kommuner som vill utveckla kapacitet och beredskap i mottagandet av ' +
      'nyanlända personer och ensamkommande barn. Vi kan även ge ersättning för att utveckla samverkan mellan ' +
      'kommuner samt mellan kommuner och andra aktörer i syfte att underlätta etableringen i samhället.',
    summaryEn:
      'The county administrative board can compensate municipalities that want to develop capacity and ' +
      'preparedness in the reception of newly arrived people and unaccompanied children. It can also compensate ' +
      'work to develop cooperation between municipalities, and between municipalities and other actors, to make it ' +
      'easier to become established in society.',
    eligibleKinds: ['municipality', 'municipalFederation'],
    // Seed 003, verbatim.
    eligibilityText:
      'Länsstyrelsen fördelar medel till kommuner och kommunalförbund för verksamhet och samverkan som väsentligt ' +
      'bidrar till att underlätta bosättning och öka mottagningskapaciteten i kommunerna.',
    sortOrder: 2,
  },
];

export const purposeRows: Purpose[] = [
  {
    programmeCode: 's37a',
    code: 'establishment',
    name: 'Underlätta etableringen i samhället',
    nameEn: 'Make it easier to become established in society',
    sourceRef: s37aPagesRef,
    sortOrder: 1,
  },
  { programmeCode: 's37a', code: 'networks', name: 'Skapa nätverk', nameEn: 'Build networks', sourceRef: s37aPagesRef, sortOrder: 2 },
  {
    programmeCode: 's37a',
    code: 'languageLearning',
    name: 'Stödja språkinlärning',
    nameEn: 'Support language learning',
    sourceRef: s37aPagesRef,
    sortOrder: 3,
  },
  {
    programmeCode: 's37a',
    code: 'socialSupportUnaccompaniedChildren',
    name: 'Ge socialt stöd till ensamkommande barn',
    nameEn: 'Give social support to unaccompanied children',
    sourceRef: s37aPagesRef,
    sortOrder: 4,
  },
  {
    programmeCode: 's37',
    code: 'receptionCapacity',
    name: 'Utveckla kapacitet och beredskap i mottagandet av nyanlända personer och ensamkommande barn',
    nameEn: 'Develop capacity and preparedness in the reception of newly arrived people and unaccompanied children',
    sourceRef: sources.ostergotland.ref,
    sortOrder: 1,
  },
  {
    programmeCode: 's37',
    code: 'cooperation',
    name: 'Utveckla samverkan mellan kommuner samt mellan kommuner och andra aktörer i syfte att underlätta etableringen i samhället',
    nameEn: 'Develop cooperation between municipalities, and between municipalities and other actors, to ease establishment in society',
    sourceRef: sources.ostergotland.ref,
    sortOrder: 2,
  },
];

/**
 * Target groups. Those every page states are open-ended (from_year null); the temporary-protection
 * group first appears in the 2022 pages, after the Temporary Protection Directive was activated.
 */
export const targetGroupRows: TargetGroup[] = [
  {
    programmeCode: 's37a',
    code: 'newcomers',
    name: 'Nyanlända invandrare',
    nameEn: 'Newly arrived immigrants',
    sourceRef: s37aPagesRef,
    sortOrder: 1,
  },
  {
    programmeCode: 's37a',
    code: 'asylumSeekers',
    name: 'Asylsökande personer',
    nameEn: 'Asylum seekers',
    sourceRef: s37aPagesRef,
    sortOrder: 2,
  },
  {
    programmeCode: 's37a',
    code: 'unaccompaniedChildren',
    name: 'Ensamkommande barn som är asylsökande eller har uppehållstillstånd',
    nameEn: 'Unaccompanied children who are seeking asylum or have a residence permit',
    sourceRef: s37aPagesRef,
    sortOrder: 3,
  },
  {
    programmeCode: 's37a',
    code: 'temporaryProtection',
    name: 'Personer på flykt från Ukraina som omfattas av massflyktsdirektivet',
    nameEn: 'People fleeing Ukraine who are covered by the Temporary Protection Directive',
    fromYear: 2022,
    sourceRef: `${sources.stockholm.ref}, 001`,
    sortOrder: 4,
  },
  {
    programmeCode: 's37',
    code: 'newcomersWithResidencePermit',
    name: 'Nyanlända personer med uppehållstillstånd',
    nameEn: 'Newly arrived people with a residence permit',
    sourceRef: sources.ostergotland.ref,
    sortOrder: 1,
  },
  {
    programmeCode: 's37',
    code: 'unaccompaniedChildren',
    name: 'Ensamkommande barn som är asylsökande eller har uppehållstillstånd',
    nameEn: 'Unaccompanied children who are seeking asylum or have a residence permit',
    sourceRef: sources.ostergotland.ref,
    sortOrder: 2,
  },
];
