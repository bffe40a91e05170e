import { defineTexts } from '../i18n.ts';

/**
 * Messages for a refused upload, keyed by the reason codes of `detectAcceptedType` (`empty`,
 * `notAccepted`, `extensionMismatch`), `storeFile` (`tooLarge`, from `FileTooLargeError`) and the
 * virus scan (`infected`). Each tells the user what to do next.
 */
export const storageTexts = defineTexts({
  sv: {
    empty: 'Filen är tom. Välj en fil med innehåll.',
    tooLarge: 'Filen är större än 20 MB. Välj en mindre fil eller dela upp innehållet i flera filer.',
    notAccepted:
      'Filtypen går inte att ta emot. Tillåtna filtyper är PDF, Word (DOC, DOCX), Excel (XLSX), OpenDocument-text (ODT), TIFF, PNG och JPEG.',
    extensionMismatch:
      'Filens innehåll stämmer inte med filändelsen i filnamnet. Spara filen på nytt i en tillåten filtyp, eller ändra filändelsen så att den stämmer med innehållet (till exempel .pdf för en PDF-fil).',
    infected: 'Filen innehåller skadlig kod och har inte tagits emot. Kontrollera filen med ett antivirusprogram och välj en annan fil.',
  },
  en: {
    empty: 'The file is empty. Choose a file with content.',
    tooLarge: 'The file is larger than 20 MB. Choose a smaller file or split the content into several files.',
    notAccepted:
      'This file type cannot be received. Accepted file types are PDF, Word (DOC, DOCX), Excel (XLSX), OpenDocument text (ODT), TIFF, PNG and JPEG.',
    extensionMismatch:
      'The file’s content does not match the extension in its name. Save the file again in an accepted file type, or change the extension to match the content (for example .pdf for a PDF file).',
    infected:
      'The file contains malicious code and has not been received. Check the file with an antivirus program and choose another file.',
  },
});
