import { defineTexts } from '../../platform/i18n.ts';
import type { FilterParam } from './rules.ts';

const paramLabelsSv: Record<FilterParam, string> = {
  lan: 'län',
  ar: 'år',
  kommun: 'kommun',
  bidrag: 'bidrag',
  syfte: 'syfte',
  q: 'sökord',
  sortering: 'sortering',
  sida: 'sida',
};
const paramLabelsEn: Record<FilterParam, string> = {
  lan: 'county',
  ar: 'year',
  kommun: 'municipality',
  bidrag: 'grant',
  syfte: 'purpose',
  q: 'search words',
  sortering: 'sort order',
  sida: 'page',
};

export const texts = defineTexts({
  sv: {
    title: 'Beviljade projekt',
    lead: 'Insatser som länsstyrelserna har beviljat bidrag till. Filtrera listan, dela adressen eller ladda ned den som öppna data.',
    filtersHeading: 'Filtrera',
    county: 'Län',
    allCounties: 'Alla län',
    year: 'År',
    allYears: 'Alla år',
    municipality: 'Kommun',
    allMunicipalities: 'Alla kommuner',
    programme: 'Bidrag',
    allProgrammes: 'Alla bidrag',
    purpose: 'Syfte',
    allPurposes: 'Alla syften',
    search: 'Sök i titel, beskrivning, kommuner och samverkansparter',
    sort: 'Sortering',
    sortNewest: 'Senaste år först',
    sortTitle: 'Titel',
    sortCounty: 'Län',
    sortAmount: 'Belopp, störst först',
    apply: 'Visa projekt',
    clear: 'Rensa filter',
    notesHeading: 'Några filter användes inte',
    resultsHeading: 'Projekt',
    noResults: 'Inga projekt matchar filtren.',
    pageBeyondEnd: 'Sidan finns inte i den här listan.',
    firstPage: 'Gå till första sidan',
    exportHeading: 'Ladda ned listan',
    exportCsv: 'Ladda ned som CSV (för Excel)',
    exportJson: 'Ladda ned som JSON',
    aboutOpenData: 'Om öppna data',
    municipalities: 'Kommuner',
    partners: 'Samverkansparter',
    period: 'Period',
    amount: 'Belopp',
    programmeLabel: 'Bidrag',
    countyLabel: 'Län',
    yearLabel: 'År',
    notStated: 'Uppgift saknas',
    demo: 'Demo',
    demoExplanation: 'Demodata, inte ett verkligt projekt',
    demoAll: 'Alla projekt i listan är demodata, inte verkliga projekt.',
    demoSome: 'Projekt märkta Demo är demodata, inte verkliga projekt.',
    project: 'Projekt',
    paginationLabel: 'Sidor',
    previous: 'Föregående',
    next: 'Nästa',
    source: 'Källa',
    contacts: 'Kontaktpersoner',
    contactName: 'Namn',
    contactTitle: 'Titel',
    contactEmail: 'E-post',
    contactPhone: 'Telefon',
    noContacts: 'Inga kontaktpersoner angivna.',
    call: 'Utlysning',
    purposes: 'Syften',
    description: 'Beskrivning',
    detailsHeading: 'Uppgifter om projektet',
    backToList: 'Tillbaka till beviljade projekt',
    openDataTitle: 'Öppna data: beviljade projekt',
    openDataLead:
      'Listan över beviljade projekt finns att ladda ned i två format. Samma filter som på sidan Beviljade projekt fungerar i adressen, till exempel /projekt.csv?lan=05&ar=2023.',
    openDataFormats: 'Format',
    openDataCsvText:
      'CSV för Excel: teckenkodning UTF-8 med byte order mark, semikolon som avgränsare, radslut CRLF, alla fält inom citattecken, belopp i kronor med decimalkomma. Celler som börjar med = + - eller @ har en apostrof först så att Excel inte tolkar dem som formler.',
    openDataJsonText:
      'JSON: ett objekt med generated (tidpunkt), source, filters, ignoredFilters (filter i adressen som inte kunde användas och därför inte gäller), count och projects. Belopp anges både i öre (amountOre, heltal) och i kronor (amountKronor). Kommuner anges med kommunkod och namn.',
    openDataFields: 'Fält',
    openDataFieldName: 'Fält i JSON',
    openDataCsvColumn: 'Kolumn i CSV',
    openDataFieldMeaning: 'Innehåll',
    openDataPrivacy:
      'Kontaktpersoner finns på varje projekts sida men ingår inte i nedladdningarna: inga namn, e-postadresser eller telefonnummer.',
    openDataLicenceHeading: 'Licens och källor',
    openDataLicence:
      'Uppgifterna om projekten är allmän information som länsstyrelserna har publicerat på sina webbplatser; varje projekt anger sin källa. Län- och kommunindelningen (koder och namn) kommer från ett geodataset som är fritt att använda enligt CC0 1.0.',
    openDataLinks: 'Ladda ned',
    openDataAllCsv: 'Alla beviljade projekt som CSV',
    openDataAllJson: 'Alla beviljade projekt som JSON',
  },
  en: {
    title: 'Granted projects',
    lead: 'Projects the county boards have granted funding. Filter the list, share the address or download it as open data.',
    filtersHeading: 'Filter',
    county: 'County',
    allCounties: 'All counties',
    year: 'Year',
    allYears: 'All years',
    municipality: 'Municipality',
    allMunicipalities: 'All municipalities',
    programme: 'Grant',
    allProgrammes: 'All grants',
    purpose: 'Purpose',
    allPurposes: 'All purposes',
    search: 'Search title, description, municipalities and partners',
    sort: 'Sort by',
    sortNewest: 'Latest year first',
    sortTitle: 'Title',
    sortCounty: 'County',
    sortAmount: 'Amount, largest first',
    apply: 'Show projects',
    clear: 'Clear filters',
    notesHeading: 'Some filters were not used',
    resultsHeading: 'Projects',
    noResults: 'No projects match the filters.',
    pageBeyondEnd: 'This page does not exist in this list.',
    firstPage: 'Go to the first page',
    exportHeading: 'Download the list',
    exportCsv: 'Download as CSV (for Excel)',
    exportJson: 'Download as JSON',
    aboutOpenData: 'About open data',
    municipalities: 'Municipalities',
    partners: 'Partners',
    period: 'Period',
    amount: 'Amount',
    programmeLabel: 'Grant',
    countyLabel: 'County',
    yearLabel: 'Year',
    notStated: 'Not stated',
    demo: 'Demo',
    demoExplanation: 'Demo data, not a real project',
    demoAll: 'Every project in the list is demo data, not a real project.',
    demoSome: 'Projects marked Demo are demo data, not real projects.',
    project: 'Project',
    paginationLabel: 'Pages',
    previous: 'Previous',
    next: 'Next',
    source: 'Source',
    contacts: 'Contacts',
    contactName: 'Name',
    contactTitle: 'Title',
    contactEmail: 'Email',
    contactPhone: 'Phone',
    noContacts: 'No contacts given.',
    call: 'Call',
    purposes: 'Purposes',
    description: 'Description',
    detailsHeading: 'Project details',
    backToList: 'Back to granted projects',
    openDataTitle: 'Open data: granted projects',
    openDataLead:
      'The list of granted projects can be downloaded in two formats. The filters of the Granted projects page work in the address too, for example /projekt.csv?lan=05&ar=2023.',
    openDataFormats: 'Formats',
    openDataCsvText:
      'CSV for Excel: UTF-8 with a byte order mark, semicolon separated, CRLF line ends, every field quoted, amounts in kronor with a decimal comma. Cells starting with = + - or @ get a leading apostrophe so that Excel does not run them as formulas.',
    openDataJsonText:
      'JSON: an object with generated (timestamp), source, filters, ignoredFilters (filters in the address that could not be used and so do not apply), count and projects. Amounts are given in öre (amountOre, integer) and in kronor (amountKronor). Municipalities have their code and name.',
    openDataFields: 'Fields',
    openDataFieldName: 'JSON field',
    openDataCsvColumn: 'CSV column',
    openDataFieldMeaning: 'Content',
    openDataPrivacy: 'Contacts are on each project’s page but are not in the downloads: no names, email addresses or phone numbers.',
    openDataLicenceHeading: 'Licence and sources',
    openDataLicence:
      'The project information is public information the county boards have published on their websites; each project names its source. The county and municipality division (codes and names) comes from a geodata set free to use under CC0 1.0.',
    openDataLinks: 'Download',
    openDataAllCsv: 'All granted projects as CSV',
    openDataAllJson: 'All granted projects as JSON',
  },
});

/** The page's note for a filter that was left out, e.g. "Filtret ”år” hade ett ogiltigt värde och användes inte". */
export function queryNoteText(lang: 'sv' | 'en', note: { param: FilterParam; reason: 'invalid' | 'unknown' }): string {
  if (lang === 'en') {
    const label = paramLabelsEn[note.param];
    return note.reason === 'invalid'
      ? `The filter “${label}” had an invalid value and was not used`
      : `The filter “${label}” named something that does not exist and was not used`;
  }
  const label = paramLabelsSv[note.param];
  return note.reason === 'invalid'
    ? `Filtret ”${label}” hade ett ogiltigt värde och användes inte`
    : `Filtret ”${label}” hade ett värde som inte finns och användes inte`;
}

export function resultsCountText(lang: 'sv' | 'en', total: number, first: number, last: number): string {
  if (lang === 'en') return total === 0 ? '0 projects' : `Showing ${first}–${last} of ${total} projects`;
  return total === 0 ? '0 projekt' : `Visar ${first}–${last} av ${total} projekt`;
}

export function pageLinkLabel(lang: 'sv' | 'en', page: number): string {
  return lang === 'en' ? `Page ${page}` : `Sida ${page}`;
}

/** The export's `source` statement. */
export const exportSource =
  'Bidragsportalen: beviljade projekt enligt förordning (2010:1122) § 37 och § 37 a. Uppgifterna är allmän information från länsstyrelsernas publicerade sidor; varje projekt anger sin källa (source).';

/** The export fields as the open-data page documents them: JSON name, CSV column, meaning. */
export const exportFields: { json: string; csv: string; sv: string; en: string }[] = [
  { json: 'id', csv: 'Id', sv: 'Projektets nummer i tjänsten', en: 'The project’s number in the service' },
  { json: 'url', csv: 'Webbadress', sv: 'Projektets sida', en: 'The project’s page' },
  { json: 'title', csv: 'Titel', sv: 'Insatsens namn', en: 'Name of the project' },
  { json: 'description', csv: 'Beskrivning', sv: 'Beskrivning enligt källan', en: 'Description as the source gives it' },
  { json: 'county', csv: 'Län, Länskod', sv: 'Län: kod (två siffror) och namn', en: 'County: two-digit code and name' },
  {
    json: 'municipalities',
    csv: 'Kommuner, Kommunkoder',
    sv: 'Kommuner: kod (fyra siffror) och namn',
    en: 'Municipalities: four-digit code and name',
  },
  { json: 'partners', csv: 'Samverkansparter', sv: 'Samverkansparter', en: 'Partner organisations' },
  { json: 'programme', csv: 'Bidrag', sv: 'Bidragsform: s37a (§ 37 a) eller s37 (§ 37)', en: 'Grant type: s37a (§ 37 a) or s37 (§ 37)' },
  { json: 'year', csv: 'År', sv: 'Året bidraget beviljades enligt källan', en: 'The year of the grant as the source groups it' },
  {
    json: 'startsOn, endsOn',
    csv: 'Startdatum, Slutdatum',
    sv: 'Insatstid, ÅÅÅÅ-MM-DD; tomt när källan saknar ett giltigt datum',
    en: 'Project period, YYYY-MM-DD; empty when the source has no valid date',
  },
  {
    json: 'periodSource, periodNote',
    csv: 'Period enligt källan, Anmärkning om perioden',
    sv: 'Källans egen formulering av perioden och vad som saknas',
    en: 'The source’s own wording of the period and what is missing',
  },
  {
    json: 'amountOre, amountKronor',
    csv: 'Belopp (kr)',
    sv: 'Beviljat belopp; tomt (null) när källan inte anger det',
    en: 'Amount granted; empty (null) when the source does not state it',
  },
  {
    json: 'isDemo',
    csv: 'Demodata',
    sv: 'Sant för demodata som inte är ett verkligt projekt',
    en: 'True for demo data that is not a real project',
  },
  {
    json: 'source, sourceDate',
    csv: 'Källa, Källans datum',
    sv: 'Var uppgifterna kommer ifrån: den publicerade sidan och vilken tid den avser',
    en: 'Where the information comes from: the published page and the time it speaks of',
  },
  {
    json: 'sourceRef',
    csv: '–',
    sv: 'Källans korta beteckning i tjänsten, till exempel seed 003 för demodata',
    en: 'The source’s short reference in the service, for example seed 003 for demo data',
  },
];
