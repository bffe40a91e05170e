import type { contacts, countyProgrammes, priorities } from '../src/db/schema/index.ts';
import { sources } from './sources.ts';
import { blocks, list, numbered } from './text.ts';

/**
 * Each county's own page for a programme, its yearly priorities and its contacts, taken from the
 * seed that covers that county. Sections that only pointed at documents, films or link lists the
 * seeds do not contain are left out; the rest is kept word for word. The long texts use the block
 * format described in text.ts.
 */

type CountyProgramme = Omit<typeof countyProgrammes.$inferInsert, 'id'>;
type Priority = Omit<typeof priorities.$inferInsert, 'id'>;
type Contact = Omit<typeof contacts.$inferInsert, 'id'>;

const S37A_OPENING =
  'Länsstyrelsen kan hjälpa till med bidrag till integrationsinsatser som underlättar etablering i samhället, skapar ' +
  'nätverk, stödjer språkinlärning eller ger socialt stöd till ensamkommande barn.';
// Seeds 002 and 004 word the opening with "pengar" instead of "bidrag".
const S37A_OPENING_MONEY = S37A_OPENING.replace('med bidrag till', 'med pengar till');
const S37A_NOT_FOR_PROFIT =
  'Vi ger ersättning till insatser som bedrivs utan vinstsyfte, och som kommunen genomför i egen regi eller tillsammans ' +
  'med en eller flera organisationer.';
const S37A_CIVIL_SOCIETY_WE =
  'Länsstyrelsen har möjlighet att bidra med ersättning för att stärka och utveckla verksamhet med flyktingguider och ' +
  'familjekontakter som riktas till nyanlända personer, ensamkommande barn och asylsökande personer. Vi ska arbeta för ' +
  'att stärka den civila sektorns roll och stödja samverkan mellan den civila sektorn och kommuner.';
const S37A_CIVIL_SOCIETY_BOARD = S37A_CIVIL_SOCIETY_WE.replace(
  'Vi ska arbeta för att stärka den civila sektorns roll och stödja samverkan',
  'Länsstyrelsen ska verka för att stärka den civila sektorns roll och främja samverkan',
);
const PARENTAL_LEAVE =
  'Det är viktigt att även föräldralediga ges möjlighet att etablera sig. Att de fortsätter utveckla sina kunskaper i ' +
  'svenska och får möjlighet till viktiga kontakter med samhället. Längre perioder av föräldraledighet tenderar att ' +
  'försena kvinnors etablering i arbets- och samhällslivet.';
const SEPARATE_ACCOUNTS =
  'Kostnaderna för insatsen ska vara särredovisade och utdrag ur huvudboken ska bifogas slutrapporten. Om det särskilt ' +
  'begärs ska den som beviljats medel kunna uppvisa verifikat och andra underlag för redovisningen. Brister i ' +
  'redovisning kan utgöra hinder för att bevilja ytterligare ersättningar';
const S37A_TITLE_DEVELOP = 'Utveckla verksamhet med flyktingguider och familjekontakter';

export const countyProgrammeRows: CountyProgramme[] = [
  {
    countyCode: '01',
    programmeCode: 's37a',
    title: 'Bidrag för flyktingguider och familjekontakter',
    intro: blocks(
      S37A_OPENING,
      S37A_CIVIL_SOCIETY_WE,
      S37A_NOT_FOR_PROFIT,
      'Under 2022 förfogar länsstyrelserna över 81 miljoner för fördelning.',
    ),
    howToApply: blocks(
      '## Stöd för ansökan',
      'Under "Mina sidor" i e-tjänsterna finns möjlighet att spara ansökan i 14 dagar. Observera att intyg för ' +
        'firmatecknare samt intyg för samverkanspart finns att ladda ned på e-tjänstens första sida.',
      'För att ta del av frågorna som finns i ansökningsformuläret i e-tjänsten kontakta Kristin Marklund eller Annelie ' +
        'Rostedt. Kontaktuppgifter hittar du längst ner på sidan.',
    ),
    afterGrant: null,
    sourceRef: sources.stockholm.ref,
    sourceDate: sources.stockholm.period,
  },
  {
    countyCode: '14',
    programmeCode: 's37a',
    title: 'Bidrag för flyktingguider och familjekontakter',
    intro: blocks(S37A_OPENING, S37A_CIVIL_SOCIETY_WE, S37A_NOT_FOR_PROFIT, PARENTAL_LEAVE),
    howToApply: blocks(
      '## Stöd för dig som ansöker om bidrag inom integration',
      'Har du funderingar på att söka utvecklingsmedel för insatser inom integration? Det finns flera viktiga delar i en ' +
        'projektplanering som är bra att gå igenom innan du skickar in en ansökan. Oftast är det flera parter som ' +
        'samverkar i ett projekt så tänk på att vara ute i god tid!',
      '## Målgruppsanalys',
      list(
        'Analysera målgruppens förutsättningar att delta i den planerade insatsen. Inom flera områden har kvinnor och män ' +
          'med erfarenhet av migration, olika makt och livsvillkor. Att exempelvis erbjuda barnpassning möjliggör ' +
          'deltagande för personer med små barn. Tillgängliga lokaler skapar lika möjlighet att delta.',
        'Analysera vilken påverkan insatsen har på barn, även om det inte är er primära målgrupp. I detta kan exempelvis ' +
          'en prövning av barnets bästa ingå.',
        'En insats får ofta ett bättre genomslag om den grundar sig i att människor själva fått vara med i processen och ' +
          'definierat behov och insatser. Involvera gärna målgruppen så tidigt som möjligt i planeringen av er insats och ' +
          'beskriv på vilket sätt ni inhämtat målgruppens synpunkter.',
      ),
      '## Samverkan',
      list(
        'Ta reda på vilka andra projekt och insatser som riktar sig till målgruppen, där du vill bedriva projekt. Kan ' +
          'insatserna komplettera varandra? Beskriv vilka som ska genomföra insatsen och hur. Hur ser den samlade ' +
          'kompetensen ut och är det något som behöver kompletteras? Tydliggör ansvarsrollerna i projektplaneringen och ' +
          'ansökan.',
      ),
      '## Syfte & mål',
      list(
        'Tydligt syfte och mätbara mål ska framgå och det är en förutsättning för att Länsstyrelsen ska kunna bedöma en ' +
          'ansökan. Tänk kvalitet framför kvantitet.',
        'Upprätta ett skilt konto för projektet. Följ budget och utfall löpande, inte endast då det är dags för del- och ' + 'slutrapport.',
      ),
      '## Tidsplan',
      list(
        'Erfarenhet visar att det ofta är enklare att starta ett projekt än att avsluta ett projekt. Fundera från början ' +
          'på hur projektet ska avslutas och planera in delmål.',
      ),
      '## Resurser',
      list(
        'Länsstyrelsen gör bedömningar utifrån bland annat rimlighet. Det handlar inte om att försöka nå flest antal ' +
          'personer. Motivera behovet av insatsen. Fokus ligger på hur projektets ska genomföras med kostnader som står i ' +
          'relation till, bland annat antal deltagartillfällen och resurser.',
      ),
      'Alla ansökningar granskas utifrån ett jämställdhetsperspektiv, barnperspektiv och möjlighet för alla ur målgruppen ' + 'att delta.',
      '## Ansökan',
      'Sökande använder Länsstyrelsens e-tjänst och loggar in med personlig e-legitimation. När användaren väljer att ' +
        'spara sin ansökan/rapport aktiveras en användarprofil på Mina sidor och ansökan/rapport lagras i ett så kallat ' +
        '”eget utrymme”. Där kan användaren själv se sina formulär – men inte Länsstyrelsen – och de är därmed inte ' +
        'allmänna handlingar.',
      'Om användaren inte ändrat eller skickat in sin ansökan/rapport inom 14 dagar raderas handlingarna. För att ' +
        'formuläret skall komma in till Länsstyrelsen måste användaren aktivt välja att skicka in ansökan/rapport. ' +
        'Inskickad ansökan/rapport sparas på Mina Sidor under ett år och raderas därefter.',
      'På e-tjänstens startsida finns länk till ett intyg om firmatecknare som ska bifogas ansökan samt länk till intyg ' +
        'som eventuella samverkansparter som ska ta del av medlen fyller i.',
      '## Ansök om bidrag för flyktingguider och familjekontakter',
      'Skicka in din ansökan via e-tjänsten när en utlysningsperiod är igång. Ansökningar som kommer in utanför ' +
        'utlysningsperioden eller efter sista ansökningsdag kan komma att avvisas.',
      'Du kan göra din ansökan via e-tjänsten eller via word-blankett. Om du vill ansöka genom blankett, vänligen kontakta ' +
        'oss och begär blanketten i god tid innan sista ansökningsdatum.',
      '## Efter att ansökan skickats in',
      'En insänd ansökan diarieförs automatiskt hos Länsstyrelsen och ett bekräftelsemail sänds till angiven ' +
        'e-postadress. Ansökan tilldelas ett diarienummer som ska användas i den fortsatta kontakten med Länsstyrelsen. ' +
        'Det går i efterhand att komplettera underlaget via e-tjänsten genom att bifoga dokument eller skriva ett yttrande.',
    ),
    afterGrant: blocks(
      '## Beslut och utbetalning',
      'Ansökan bereds av Länsstyrelsen Västra Götaland. Länsstyrelsen i Jönköpings län fattar beslut och meddelar ' +
        'sökande den 18 november 2022.',
      'Utbetalning av beviljade medel sker från Länsstyrelsen i Jönköpings län.',
      '## Information om projektredovisning',
      'Länsstyrelsen Västra Götaland erbjuder, till den som beviljats ersättning, kontinuerlig dialog under insatstiden. ' +
        'Alla förfrågningar om eventuell förändring eller förlängning ska ske skriftligen.',
      '## Redovisning och återbetalning',
      'Delrapport och slutrapport ska lämnas via e-tjänsterna. Delredovisning ska lämnas i enlighet med vad som anges i ' +
        'beslutet, oftast sex månader efter beslut. En undertecknad slutredovisning ska ha kommit in senast två månader ' +
        'efter att insatsen avslutats.',
      '## Särredovisa kostnaderna i slutredovisningen',
      `${SEPARATE_ACCOUNTS}.`,
      '## Återbetalning',
      'Mottagare av medel är återbetalningsskyldig om ersättning lämnats på fel grund eller med för högt belopp. ' +
        'Återbetalning ska även ske i de fall ersättningen inte använts för det ändamål som angetts i ansökan.',
    ),
    sourceRef: sources.vastraGotaland.ref,
    sourceDate: sources.vastraGotaland.period,
  },
  {
    countyCode: '23',
    programmeCode: 's37a',
    title: S37A_TITLE_DEVELOP,
    intro: blocks(
      S37A_OPENING_MONEY,
      S37A_CIVIL_SOCIETY_BOARD,
      S37A_NOT_FOR_PROFIT,
      'Under 2019 förfogar länsstyrelserna över 66 miljoner för fördelning.',
    ),
    howToApply: null,
    afterGrant: null,
    sourceRef: sources.jamtland.ref,
    sourceDate: sources.jamtland.period,
  },
  {
    countyCode: '05',
    programmeCode: 's37',
    title: 'Bidrag för att utveckla kapacitet och beredskap i mottagandet av nyanlända',
    intro: blocks(
      'Länsstyrelsen kan ge ersättning till kommuner som vill utveckla kapacitet och beredskap i mottagandet av ' +
        'nyanlända personer och ensamkommande barn. Vi kan även ge ersättning för att utveckla samverkan mellan kommuner ' +
        'samt mellan kommuner och andra aktörer i syfte att underlätta etableringen i samhället.',
      'Länsstyrelsen fördelar medel till kommuner och kommunalförbund för verksamhet och samverkan som väsentligt bidrar ' +
        'till att underlätta bosättning och öka mottagningskapaciteten i kommunerna.',
    ),
    howToApply: null,
    afterGrant: null,
    sourceRef: sources.ostergotland.ref,
    sourceDate: sources.ostergotland.period,
  },
  {
    countyCode: '18',
    programmeCode: 's37a',
    title: S37A_TITLE_DEVELOP,
    intro: blocks(S37A_OPENING_MONEY, S37A_CIVIL_SOCIETY_BOARD, S37A_NOT_FOR_PROFIT),
    howToApply: blocks(
      '## Ansök om bidrag',
      'Ansökningsperioden för 2018 avslutades i april. Datum för nästa ansökningsperiod är ännu inte beslutat.',
      'När vi har en ansökningsperiod ansöker du genom att fylla i och skicka en ansökningsblankett och ett intyg till ' +
        'oss. Ansökan behöver vara undertecknad av behörig firmatecknare. Endast korrekt ifyllda och undertecknade ' +
        'ansökningar handläggs.',
      numbered(
        'Fyll i och skriv under ansökningsblankett: Ansökningsformulär med vägledning § 37a 2018 (word)',
        'Fyll i intyg med planerade och etablerade samverkanspartner: Intyg samverkanspart § 37a 2018 (word)',
        'Skicka din ansökan med bilagor till utvecklingsmedel.orebro@lansstyrelsen.se',
      ),
      'Vi meddelar beslut om bidrag senast den 7 juni 2018. Utbetalning av bidrag sker från Länsstyrelsen i Jönköpings ' +
        'län senast den 21 juni 2018.',
      'Du som har en idé för en insats kan planera upp projektet utifrån vår mall för projektplan. Genom att fylla i ' +
        'mallen får du kontroll över viktiga delar av insatsen som syfte, mål, tidplan och budget. Projektplanen är också ' +
        'en bra grund för att skriva en ansökan om bidrag.',
      '## Viktiga delar i planeringen',
      'I korta drag är det bra att fundera genom följande:',
      list(
        'Bakgrund och behov: Beskriv bakgrunden till insatsen och vilka behov som insatsen vill tillgodose.',
        'Syften och mål: Beskriv syftet och vilka mål insatsen har. Vad ska vara uppnått när insatsen är slut? Vad vill ' +
          'ni nå för effekt?',
        'Organisation: Vilka är ni som ska genomföra insatsen? Beskriv projektgruppens medlemmar.',
        'Tidplan: När börjar och slutar insatsen och vad har ni övergripande för aktivitetsplan?',
        'Genomförande: Hur organiserar ni arbetet? Vilka metoder använder ni för aktiviteterna, hur kommunicerar ni inom ' +
          'projektet och vilka är aktiviteterna som ska genomföras',
        'Resurser: Vad har ni för budget för insatsen, hur finansierar ni och hur många kommer arbeta med insatsen?',
      ),
    ),
    afterGrant: blocks(
      '## Del- eller slutredovisa en insats',
      'Kommuner som beviljats medel ska lämna in del- och slutrapporter. Delredovisning ska lämnas till Länsstyrelsen i ' +
        'Örebro län i enlighet med vad som anges i beslutet. En undertecknad slutredovisning ska ha kommit in till ' +
        'Länsstyrelsen senast två månader efter att insatsen avslutats.',
      'Den redovisningsmall som ska väljas är den som rör det år då insatsen beviljades medel.',
      '## Mer information om projektredovisning',
      'En god projektekonomi innebär att ha en bra ekonomisk kontroll, göra korrekta kalkyler i planeringen, att ha ' +
        'förmågan att förutse ekonomiska effekter och till slut redovisa ett ekonomiskt utfall. Den ekonomiska ' +
        'redovisningen syftar till att dokumentera er resurshantering och ni ansvarar för att redovisningen är korrekt.',
      '## Särredovisa kostnaderna i slutredovisningen',
      SEPARATE_ACCOUNTS,
      '## Skicka in redovisning',
      'Redovisningen skickas till utvecklingsmedel.orebro@lansstyrelsen.se',
    ),
    sourceRef: sources.orebro.ref,
    sourceDate: sources.orebro.period,
  },
];

/** Only the years the seeds state priorities for. Västra Götaland's page names none. */
export const priorityRows: Priority[] = [
  {
    countyCode: '01',
    programmeCode: 's37a',
    year: 2022,
    // The national priority for 2022, under "Prioriteringsgrund 2022".
    text:
      'Under 2022 ska Länsstyrelsen vid fördelning prioritera insatser som riktar sig till eller underlättar deltagandet ' +
      'för föräldralediga och andra personer med små barn. Vi kommer särskilt att prioritera insatser som stödjer ' +
      'språkinlärningen.',
    sourceRef: sources.stockholm.ref,
    sortOrder: 1,
  },
  {
    countyCode: '01',
    programmeCode: 's37a',
    year: 2022,
    // Stockholm's own, stated with the autumn 2022 call.
    text:
      'Länsstyrelsen Stockholm prioriterar särskilt insatser som riktar sig till föräldralediga och andra personer med ' +
      'små barn, insatser som stödjer språkinlärningen samt insatser som kan öka föräldraledigas delaktighet i ' +
      'samhället. Vi ser gärna att kommuners insatser sker i samarbete med aktörer i det civila samhället.',
    sourceRef: sources.stockholm.ref,
    sortOrder: 2,
  },
  {
    countyCode: '18',
    programmeCode: 's37a',
    year: 2018,
    text: blocks(
      'Under 2018 är insatser som fokuserar på deltagandet för föräldralediga och andra personer med små barn prioriterade.',
      PARENTAL_LEAVE,
    ),
    sourceRef: sources.orebro.ref,
    sortOrder: 1,
  },
  {
    countyCode: '18',
    programmeCode: 's37a',
    year: 2018,
    text: blocks(
      'I övrigt prioriteras även insatser där:',
      list('Insatser som sker tillsammans med idéburen sektor', 'Kontakten med samverkanspart/-er är etablerad'),
    ),
    sourceRef: sources.orebro.ref,
    sortOrder: 2,
  },
  {
    countyCode: '05',
    programmeCode: 's37',
    year: 2023,
    text:
      'Vi prioriterar insatser som syftar till att utveckla samverkansformer som säkerställer beredskap och kapacitet i ' +
      'mottagandet av nyanlända.',
    sourceRef: sources.ostergotland.ref,
    sortOrder: 1,
  },
  {
    countyCode: '05',
    programmeCode: 's37',
    year: 2023,
    text: blocks(
      'Vi prioriterar även insatser som:',
      list(
        'främjar kvinnors väg till arbete eller studier för att korta tiden att bli självförsörjande',
        'bidrar till att måluppfyllelse i skolan ökar för nyanlända elever',
      ),
    ),
    sourceRef: sources.ostergotland.ref,
    sortOrder: 2,
  },
];

export const contactRows: Contact[] = [
  // "För att ta del av frågorna som finns i ansökningsformuläret i e-tjänsten kontakta Kristin Marklund eller Annelie Rostedt."
  {
    countyCode: '01',
    programmeCode: 's37a',
    context: 'programme',
    name: 'Kristin Marklund',
    sourceRef: sources.stockholm.ref,
    sortOrder: 1,
  },
  {
    countyCode: '01',
    programmeCode: 's37a',
    context: 'programme',
    name: 'Annelie Rostedt',
    sourceRef: sources.stockholm.ref,
    sortOrder: 2,
  },
  // "Frågor om nu pågående projekt: Lina Devgun, lina.devgun@lansstyrelsen.se."
  {
    countyCode: '01',
    programmeCode: 's37a',
    context: 'projects',
    name: 'Lina Devgun',
    email: 'lina.devgun@lansstyrelsen.se',
    sourceRef: sources.stockholm.ref,
    sortOrder: 3,
  },
  // "Daniel Uddling telefon 010 -22 44 471" (the stray space before the hyphen removed).
  {
    countyCode: '14',
    programmeCode: 's37a',
    context: 'programme',
    name: 'Daniel Uddling',
    phone: '010-22 44 471',
    sourceRef: sources.vastraGotaland.ref,
    sortOrder: 1,
  },
  {
    countyCode: '23',
    programmeCode: 's37a',
    context: 'programme',
    name: 'Madeleine Graff',
    title: 'Handläggare',
    sourceRef: sources.jamtland.ref,
    sortOrder: 1,
  },
  // The page links "Epost till Anna Wiktorsson" without giving the address, so no e-mail is stored.
  {
    countyCode: '18',
    programmeCode: null,
    context: 'council',
    name: 'Anna Wiktorsson',
    title: 'Samordnare Integrationsrådet',
    phone: '010-224 86 16',
    sourceRef: sources.orebro.ref,
    sortOrder: 1,
  },
];
