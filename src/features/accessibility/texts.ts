import { defineTexts } from '../../platform/i18n.ts';

export const texts = defineTexts({
  sv: {
    title: 'Tillgänglighetsredogörelse för Bidragsportalen',
    summaryHeading: 'Sammanfattning',
    status: 'Förenlighet med lagen',
    // Stays "delvis förenlig" until a manual keyboard and screen-reader check is documented.
    statusValue: 'Delvis förenlig',
    standard: 'Krav',
    standardValue: 'WCAG 2.1 nivå AA (EN 301 549)',
    method: 'Bedömningsmetod',
    methodValue: 'Självskattning',
    assessed: 'Senaste bedömning',
    updated: 'Senast uppdaterad',
    contents: 'Innehåll på sidan',
  },
  en: {
    title: 'Accessibility statement for Bidragsportalen',
    summaryHeading: 'Summary',
    status: 'Compliance with the act',
    statusValue: 'Partially compliant (delvis förenlig)',
    standard: 'Requirements',
    standardValue: 'WCAG 2.1 level AA (EN 301 549)',
    method: 'Assessment method',
    methodValue: 'Self-assessment',
    assessed: 'Most recent assessment',
    updated: 'Last updated',
    contents: 'Contents',
  },
});
