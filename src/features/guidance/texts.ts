import { defineTexts } from '../../platform/i18n.ts';

export const texts = defineTexts({
  sv: {
    title: 'Stöd för dig som ansöker',
    lead: 'Här finns länsstyrelsernas råd inför en ansökan om bidrag inom integration, hur ansökningarna bedöms och vad som gäller när ett bidrag har beviljats. Texterna kommer från länsstyrelsernas webbsidor och varje avsnitt anger sin källa.',
    contents: 'Innehåll på sidan',
    languageNote: '',
    checklistsLinkBefore: 'Två checklistor hjälper dig att granska insatsen utifrån jämställdhetsperspektivet och barnperspektivet:',
    checklistsLink: 'checklistor för jämställdhet och barnperspektiv',
    checklistsTitle: 'Checklistor för jämställdhet och barnperspektiv',
    checklistsLead:
      'Checklistorna är ett stöd när du planerar insatsen och skriver ansökan. Frågorna är punkterna under Målgruppsanalys omskrivna till frågor, med samma innehåll. Du skickar inte in checklistorna.',
    checklistSource: 'Checklistan bygger på punkterna under Målgruppsanalys i Länsstyrelsen Västra Götalands stöd för sökande.',
    orebroChecklists:
      'Länsstyrelsen i Örebro län hänvisar på sin webbplats till egna checklistor för jämställdhetsperspektivet och barnperspektivet (pdf). De finns inte i Bidragsportalen, och checklistorna här är inte desamma.',
    pointsHeading: 'Punkterna under Målgruppsanalys',
    backToGuidance: 'Tillbaka till stöd för dig som ansöker',
    pointReference: (point: number) => `(punkt ${point} under Målgruppsanalys)`,
    templatesLinkBefore: 'Mallar för intyg firmatecknare och intyg samverkanspart finns på sidan',
    templatesLink: 'mallar för intyg',
    questionsLink: 'Alla frågor i ansökan, med vägledning',
    templatesTitle: 'Mallar för intyg',
    templatesLead:
      'Här finns mallar för två intyg som bifogas en ansökan om bidrag. Mallarna är pdf-filer: skriv ut mallen, fyll i den för hand och skriv under.',
    templateInSwedish: (name: string) => `${name} på svenska (pdf)`,
    templateInEnglish: (name: string) => `${name} i engelsk översättning (pdf)`,
    templatesOwn:
      'Mallarna är Bidragsportalens egna. Länsstyrelsen i Örebro län har haft en egen blankett för intyg samverkanspart (Word). Den finns inte i Bidragsportalen.',
  },
  en: {
    title: 'Help for applicants',
    lead: 'This page gathers the county boards’ advice before you apply for an integration grant, how applications are assessed and what applies once a grant has been awarded. The texts come from the county boards’ web pages and each section names its source.',
    contents: 'Contents',
    languageNote:
      'The English text is our rendering of the county boards’ Swedish text. If they differ, the Swedish text applies. Source references name the Swedish pages and sections.',
    checklistsLinkBefore: 'Two checklists help you review the activity from the gender-equality perspective and the child perspective:',
    checklistsLink: 'checklists for gender equality and the child perspective',
    checklistsTitle: 'Checklists for gender equality and the child perspective',
    checklistsLead:
      'The checklists help you when you plan the activity and write the application. The questions are the points under “Målgruppsanalys” (target group analysis) restated as questions, with the same content. You do not send the checklists in.',
    checklistSource:
      'The checklist is based on the points under “Målgruppsanalys” (target group analysis) in Länsstyrelsen Västra Götaland’s support for applicants.',
    orebroChecklists:
      'Länsstyrelsen i Örebro län refers on its website to its own checklists for the gender-equality perspective and the child perspective (PDF). They are not in Bidragsportalen, and the checklists here are not the same.',
    pointsHeading: 'The points under “Målgruppsanalys” (target group analysis)',
    backToGuidance: 'Back to help for applicants',
    pointReference: (point: number) => `(point ${point} under target group analysis)`,
    templatesLinkBefore: 'Templates for the signatory certificate and the partner certificate are on the page',
    templatesLink: 'certificate templates',
    questionsLink: 'Every question of the application, with guidance',
    templatesTitle: 'Certificate templates',
    templatesLead:
      'Here are templates for two certificates that are attached to an application for a grant. The templates are PDF files: print the template, fill it in by hand and sign it.',
    templateInSwedish: (name: string) => `${name}, in Swedish (PDF)`,
    templateInEnglish: (name: string) => `${name}, English translation (PDF)`,
    templatesOwn:
      'The templates are Bidragsportalen’s own. Länsstyrelsen i Örebro län has had its own form for the partner certificate (Word). It is not in Bidragsportalen.',
  },
});
