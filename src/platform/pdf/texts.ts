import { defineTexts } from '../i18n.ts';

export const pdfTexts = defineTexts({
  sv: {
    pageOf: (page: number, count: number) => `Sida ${page} av ${count}`,
  },
  en: {
    pageOf: (page: number, count: number) => `Page ${page} of ${count}`,
  },
});
