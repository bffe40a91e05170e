import { parsePeriod } from './dates.ts';
import { sources } from './sources.ts';

/**
 * Every granted project in the seeds. Amounts are not given anywhere, so they stay null; the seeds
 * do not say which purpose a project serves, so none is recorded.
 */
export interface SeedProject {
  countyCode: string;
  programmeCode: 's37a' | 's37';
  /** The year the grant was decided, as the source groups it. */
  year: number;
  title: string;
  description: string;
  /** Short municipality names as in the SCB data, resolved to codes when seeding. */
  municipalities: string[];
  partners: string[];
  periodSource: string;
  startsOn: string | null;
  endsOn: string | null;
  periodNote: string | null;
  contacts: { name: string; title?: string; email?: string }[];
  sourceRef: string;
  sourceDate: string;
}

type ProjectInput = Omit<SeedProject, 'startsOn' | 'endsOn' | 'periodNote' | 'year' | 'sourceRef' | 'sourceDate'> & {
  year?: number;
};

function withPeriod(p: ProjectInput, source: { ref: string; period: string }): SeedProject {
  const { startsOn, endsOn, note } = parsePeriod(p.periodSource);
  // Seed 002 gives no grant year, only the project period: the start year stands in for it.
  const year = p.year ?? Number((startsOn ?? '').slice(0, 4));
  if (!Number.isInteger(year) || year < 2000) throw new Error(`No year for project ${p.title}`);
  return { ...p, year, startsOn, endsOn, periodNote: note, sourceRef: source.ref, sourceDate: source.period };
}

const jamtland = (p: Omit<ProjectInput, 'programmeCode' | 'countyCode'>) =>
  withPeriod({ ...p, countyCode: '23', programmeCode: 's37a' }, sources.jamtland);
const ostergotland = (p: Omit<ProjectInput, 'programmeCode' | 'countyCode' | 'partners' | 'contacts'>) =>
  withPeriod({ ...p, countyCode: '05', programmeCode: 's37', partners: [], contacts: [] }, sources.ostergotland);

export const seedProjects: SeedProject[] = [
  jamtland({
    title: 'Föräldrautbildning',
    description:
      'Erbjuda en introduktion till hur det är att var förälder i Sverige. En arena för att skapa kontaktnät med andra ' +
      'föräldrar och personal inom MVC/BVC samt förskola/skola.',
    municipalities: ['Berg'],
    partners: ['Södra Jämtlands Röda korsets'],
    periodSource: '1 juli 2018—31 december 2018',
    contacts: [
      { title: 'Områdeschef integrationsenheten', name: 'Maria Östlund', email: 'maria.ostlund@berg.se' },
      { name: 'Agneta Sivertsson', email: 'agneta.sivertsson@berg.se' },
    ],
  }),
  jamtland({
    title: 'Samhällsorientering med hälsofrämjande insats för asylsökande/nyanlända',
    description:
      'Utveckla en hållbar och inkluderande integrationsprocess med ett hälsoperspektiv för att underlätta nyanländas ' +
      'etablering på arbetsmarknaden och i samhället. AME och ABF hjälper till att erbjuda tidig information i SO/hälsa. ' +
      'Förskola erbjuds på plats i lokalen.',
    municipalities: ['Bräcke'],
    partners: ['ABF'],
    periodSource: '3 september 2018—31 augusti 2019',
    contacts: [{ title: 'Integrationshandläggare', name: 'Åsa H Boije', email: 'asa.hedenstrom.boije@bracke.se' }],
  }),
  jamtland({
    title: 'Träffpunkt i byarna del 2',
    description:
      'Träffpunkt för att underlätta etablering och nätverksbyggande mellan föreningar och näringsliv i byarna. Öka ' +
      'förutsättningarna för att de som är bosatta i byarna kan etablera sig och bo kvar.',
    municipalities: ['Härjedalen'],
    // "Lillhärdals idrottsförening, Ytterhogdals idrottsförening samt Svegs idrottsklubb"
    partners: ['Lillhärdals idrottsförening', 'Ytterhogdals idrottsförening', 'Svegs idrottsklubb'],
    periodSource: '1 september 2018—31 juni 2019',
    contacts: [
      { title: 'Avdelningschef', name: 'Eva Larsson', email: 'eva.larsson@herjedalen.se' },
      { title: 'Verksamhetskoordinator', name: 'Kenneth Bergman', email: 'kenneth.bergman@herjedalen.se' },
    ],
  }),
  jamtland({
    title: 'Integration och jämställdhet',
    description:
      'Anordna träffar för föräldralediga och erbjuda föreläsningar och aktiviteter så som sång och dans. Öka ' +
      'förståelsen för familjecentralernas syfte för att målgruppen i större utsträckning ska ta del av dessa.',
    municipalities: ['Härjedalen'],
    partners: ['Region Jämtland/Härjedalen'],
    periodSource: '22 oktober 2018—23 augusti 2019',
    contacts: [
      { name: 'Agneta Roberts', email: 'agneta.roberts@herjedalen.se' },
      { name: 'Ingeborg Johansson', email: 'ingeborg.johansson@herjedalen.se' },
    ],
  }),
  jamtland({
    title: 'Växa tillsammans i Krokom',
    description:
      'Säkerställa att asylsökande och nyanlända föräldrar får kännedom om, och vid behov hjälp att ta sig till, ' +
      'kommunens familjecentral och de öppna förskolor och kyrkis som finns etablerade. Även erbjuda en utbildning i hur ' +
      'det är att vara förälder i Sverige samt arbeta med att hitta fler svenska vänner att vänskapsmatcha med ' +
      'asylsökande och nyanlända.',
    municipalities: ['Krokom'],
    partners: ['Hej främling', 'Svenska kyrkan'],
    periodSource: '1 september 2018—30 december 2019',
    contacts: [
      { title: 'Enhetschef integration Krokoms kommun', name: 'Elisabeth Wickzell', email: 'elisabeth.wickzell@krokom.se' },
      { title: 'Frivilligstödjare', name: 'Britta Pettersson', email: 'britta.pettersson@krokom.se' },
    ],
  }),
  jamtland({
    title: 'Språkvän Ragunda – en väg till inkludering och innanförskap',
    description:
      'Arbeta med språkvänsmatchningar samt initiera och inspirera till språkcafè-tillfällen i samverkan med ' +
      'civilsamhället. Erbjuda hembesök för att nå ut till hemmavarande föräldrar samt anordna aktiviteter som ' +
      'underlättar för familjer att delta.',
    municipalities: ['Ragunda'],
    partners: ['Studieförbundet Vuxenskolan'],
    periodSource: '1 oktober 2018—30 september 2019',
    contacts: [{ title: 'Integrationssamordnare', name: 'Elisabeth Johnson', email: 'elisabeth.johnson@ragunda.se' }],
  }),
  jamtland({
    title: 'Svenska och övriga etableringsinsatser för föräldralediga',
    description:
      'Erbjuda hembesök till familjer med små barn för att fånga upp frågor, ge stöd och motivera till att delta i ' +
      'aktiviteter. Även anordna studiebesök på arbetsplatser och besöksmål samt gruppträffar med inslag av ' +
      'undervisning, språkträning, samtal med mera.',
    municipalities: ['Ragunda'],
    partners: ['Svenska kyrkan', 'Studieförbundet Vuxenskolan'],
    periodSource: '1 januari 2019—30 juni 2019',
    contacts: [
      { title: 'Integrationssamordnare', name: 'Elisabeth Johnson', email: 'elisabeth.johnson@ragunda.se' },
      { title: 'Enhetschef', name: 'Elin Dahlin', email: 'elin.dahlin@ragunda.se' },
    ],
  }),
  ostergotland({
    year: 2023,
    title: 'Stadsdelsmammor',
    description:
      'Insatsen innefattar att nyanlända kvinnor som kommit närmare samhället ska stötta andra kvinnor som står längre ' +
      'ifrån samhället och bygga broar för att underlätta inkludering och etablering inklusive att bygga nätverk till ' +
      'offentliga organisationer samt utforska möjligheten att komma ut i arbete. Genom att skapa hållbar struktur på ' +
      'de arenor och mötesplatser som finns för målgruppen skapas delaktighet, inflytande och social trygghet.',
    municipalities: ['Norrköping'],
    periodSource: '2023-11-01 - 2024-11-01',
  }),
  ostergotland({
    year: 2023,
    title: 'Öschöte Gu´schelov',
    description:
      'Insatsen är en länsgemensam satsning som ska bidra till att utveckla evidensbaserade arbetssätt för ' +
      'integrationsarbetet i syfte att påskynda etablering i samhället och arbetsmarknaden, öka inkludering och minska ' +
      'segregation och utanförskap. Insatsen innefattar bland annat att kartlägga tidigare och pågående ' +
      'integrationsinsatser i länet, analysera relevant statistik och ta tillvara på migranters röster. Insatsen är en ' +
      'förstudie som ska ge underlag för en större projektansökan.',
    municipalities: ['Linköping'],
    periodSource: '2023-06-15 – 2024-01-31',
  }),
  ostergotland({
    year: 2023,
    title: 'MIL- Motiverande integration ger långsiktigt resultat',
    description:
      'Insatsen syftar till att korta vägen till egenförsörjning för nyanlända kvinnor och män i kommmunen genom att ' +
      'identifiera behov och hinder som målgruppen själva upplever. Insatsen innefattar att intervjua nyanlända kvinnor ' +
      'och män för att öka kommunens kunskap om målgruppens behov och förutsättningar och utifrån det utveckla arbetet ' +
      'och den interna samverkan för att underlätta nyanländas etablering.',
    municipalities: ['Ödeshög'],
    periodSource: '2023-10-01 – 2024-03-31',
  }),
  ostergotland({
    year: 2023,
    title: 'Stärkt kommunövergripande arbete för minskad segregation',
    description:
      'Insatsen syftar till att stärka nyanländas förutsättningar att nå sysselsättning och god hälsa genom att arbeta ' +
      'strategiskt mot segregation samt utveckla och strukturera kommunens interna samverkan i arbetet med nyanlända. ' +
      'Insatsen innefattar att arbeta fram en strategi och en handlingsplan som ska leda till förbättrat arbete i ' +
      'kommunen med effektiva insatser för att motverka utanförskap och segregation.',
    municipalities: ['Finspång'],
    periodSource: '2023-09-01 – 2024-03-31',
  }),
  ostergotland({
    year: 2022,
    title: 'Brett stöd för nyanlända flyktingar',
    description:
      'Insatsen syftar till att utveckla strukturer och långsiktiga samverkansformer för mottagandet av nyanlända i ' +
      'kommunen. Insatsen kommer att ha fokus på att samordna insatser i mottagandet av ukrainska flyktingar.',
    municipalities: ['Boxholm'],
    periodSource: '2022-06-13 – 2023-12-31',
  }),
  ostergotland({
    year: 2021,
    title: 'Språkstimulans för nyanlända elever i förskoleklass-åk 5',
    description:
      'Insatsen syftar till att stimulera språkutveckling och läslust för att öka nyanlända barn och vuxnas ' +
      'förutsättningar för etablering och inkludering i samhället genom bokpaket som skickas hem till familjer. Primär ' +
      'målgrupp är nyanlända elever och deras familjer och i insatsen ges förutsättningar för att engagera barn och ' +
      'vuxna att tillsammans utveckla svenska språket genom spel, böcker och pyssel.',
    municipalities: ['Norrköping'],
    periodSource: '2021-06-16 – 2023-11-30',
  }),
];

/** What the catalogue's free-text filter matches: lower-cased title, description, places and partners. */
export function projectSearchText(p: Pick<SeedProject, 'title' | 'description' | 'partners'>, municipalityNames: string[]): string {
  return [p.title, p.description, ...municipalityNames, ...p.partners].join(' ').toLocaleLowerCase('sv');
}
