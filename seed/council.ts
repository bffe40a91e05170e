import { parseMeeting } from './dates.ts';
import { sources } from './sources.ts';

/** Örebro's integration council (Integrationsrådet) as seed 004 describes it in autumn 2018. */

export const council = {
  countyCode: '18',
  // The source repeats its first sentence; it is kept once.
  description:
    'Integrationsrådet är ett forum för samverkan mellan statliga myndigheter, kommuner, ideburna sektorn och det ' +
    'privata näringslivet.\n\n' +
    'Integrationsrådet arbetar för att förverkliga de mål som riksdagen har beslutat om lika rättigheter, skyldigheter ' +
    'och möjligheter för alla, oavsett etnisk och kulturell bakgrund. Det är också ett forum för att sätta igång och ' +
    'driva på förändring av stukturer genom gemensamma insatser i frågor som berör fler än en aktör. Integrationsrådet ' +
    'ska även arbeta för spridning av insatser och kunskap inom området.',
  // "Enligt regeringens integrationsuppdrag ska Länsstyrelsen:"
  mission: [
    'verka för att länet har en god beredskap och kapacitet när det gäller att ta emot och introducera nyanlända flyktingar',
    'utveckla samverkan mellan länets kommuner, myndigheter och andra aktörer när det gäller flyktingarnas mottagande och etablering',
    'följa upp etableringsarbetet och dess resultat i länet',
    'Samordna tidiga insatser för asylsökande',
  ],
  sourceRef: sources.orebro.ref,
  sourceDate: sources.orebro.period,
};

/** "I Integrationsrådet ingår:", one line per member as the source writes it: "<name>, <role>". */
const memberLines = [
  'Maria Larsson, Landshövding och rådets ordförande',
  'Stefan Pettersson, Sektionschef Arbetsförmedlingen',
  'Siv Ahlstrand, Ordförande socialnämnden Askersunds kommun',
  'Ingmar Ångman, Socialchef Degerfors kommun',
  'Unni Livengård, Samverkansansvarig Försäkringskassan',
  'Anna Gustafsson, Områdeschef Arbetsmarknad- och Integration Hallsbergs kommun',
  'Tommy Henningsson, Kommunchef Hällefors kommun',
  'Marcus Lindner, personalchef IKEA Örebro',
  'Stefan Bergqvist, Integrationsutvecklare Karlskoga kommun',
  'Mikael Bascuas, VD Krafft Måleri',
  'Daniel Malmberg, Integrationsstrateg Kumla kommun',
  'Sara Pettersson, vice ordf. KS Laxå kommun',
  'Per Gustafsson, Enhetschef Arbetsmarknad och integrationsenheten, Lekebergs kommun',
  'Stefan Öberg, VD Plåtpartnergruppen Service Sverige AB',
  'Nanette Danielsson, integrationsstrateg Lindesbergs kommun',
  'Ulla Kalander Karlsson, Ks ledamot Ljusnarsbergs kommun',
  'Sara Åhman, Sektionschef Migrationsverket',
  'Isabelle Landström, Kommunchef Nora kommun',
  'Maria Magnusson, Integrationssamordnare Region Örebro län',
  'Tommy Larserö, Projektledare Regionkansliet Region Örebro län',
  'Margareta Ekblom, Kontorschef Skatteverket',
  'Janis Lancereau, VD Startcentrum',
  'Ulf Rohlén, VD Örebro Bostäder',
  'Jennie Nises, Verksamhetsledare Örebro läns bildningsförbund',
  'Charlotta Stenhem, Distriktschef Örebro läns idrottsförbund',
  'Mikael Ramnerö, Förvaltningschef Örebro kommun',
  'Pia Ridderby, Verksamhetsledare Linje 14 Örebro Universitet',
  'Anna Wiktorsson, integrationssamordnare Länsstyrelsen, samordnare Integrationsrådet',
];

export const councilMembers = memberLines.map((line, i) => {
  const comma = line.indexOf(', ');
  return { name: line.slice(0, comma), role: line.slice(comma + 2), sortOrder: i + 1 };
});

/** "Datum för nästa möte". Both lines say Tisdag; parseMeeting notes that both dates were Wednesdays. */
export const councilMeetings = ['Tisdag 19 september 2018 klockan 13-16', 'Tisdag 14 november 2018 klockan 13-16'].map((dateSource) => ({
  dateSource,
  ...parseMeeting(dateSource),
}));
