import { defineTexts } from '../../platform/i18n.ts';

export const texts = defineTexts({
  sv: {
    title: 'Ordförklaringar',
    source:
      'Ordförklaringar enligt Migrationsverkets ordlista och lagars definitioner. Källa: Länsstyrelsen i Örebro län, sidan ”Utveckla verksamhet med flyktingguider och familjekontakter”.',
    editorialExplanation: 'Där källan saknar uppslagsord har vi lagt till dem redaktionellt och markerat dem; förklaringarna är källans.',
    jumpList: 'Gå till bokstav',
    letterHeading: 'Bokstaven',
    otherHeading: 'Övriga',
    editorialMarker: 'Uppslagsord tillagt redaktionellt',
    empty: 'Det finns inga ordförklaringar ännu.',
    contentLanguage: '',
  },
  en: {
    title: 'Glossary',
    source:
      'Definitions according to the Swedish Migration Agency’s glossary and the definitions in law. Source: Länsstyrelsen i Örebro län (County Administrative Board of Örebro), page “Utveckla verksamhet med flyktingguider och familjekontakter”.',
    editorialExplanation:
      'Where the source lacks headwords, we have added them editorially and marked them; the definitions are the source’s.',
    jumpList: 'Go to letter',
    letterHeading: 'Letter',
    otherHeading: 'Other',
    editorialMarker: 'Headword added editorially',
    empty: 'There are no glossary entries yet.',
    contentLanguage: 'The glossary entries are in Swedish only.',
  },
});
