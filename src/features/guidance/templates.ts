import type { Lang } from '../../platform/i18n.ts';
import type { PdfBlock, PdfDocumentModel } from '../../platform/pdf/model.ts';
import { orebro, vastraGotaland } from './content.ts';

/**
 * The certificate templates an applicant prints, fills in by hand and attaches to an application:
 * "Intyg firmatecknare" and "Intyg samverkanspart". The county boards' pages (seeds 000, 001 and
 * 004) say the certificates exist and who fills them in, but not their wording; the templates
 * are therefore neutral forms that state nothing beyond the sources and the ordinance's sections.
 * The Swedish template is the original; the English one is a translation of it.
 */

export type CertificateTemplate = 'signatory' | 'partner';

export const certificateTemplates: readonly CertificateTemplate[] = ['signatory', 'partner'];

/** File names, which are also the last part of the download URLs. */
export const templateFileNames: Record<CertificateTemplate, Record<Lang, string>> = {
  signatory: { sv: 'intyg-firmatecknare.pdf', en: 'signatory-certificate.pdf' },
  partner: { sv: 'intyg-samverkanspart.pdf', en: 'partner-certificate.pdf' },
};

/** Seed 003: § 37 funds go to municipalities and municipal federations. */
const ostergotland = {
  sv: 'Källa: Länsstyrelsen Östergötland, sidan ”Bidrag för att utveckla kapacitet och beredskap i mottagandet av nyanlända”.',
  en: 'Source: Länsstyrelsen Östergötland (County Administrative Board of Östergötland), page “Bidrag för att utveckla kapacitet och beredskap i mottagandet av nyanlända”.',
};

/** What the templates page says about a template, with the sources it rests on. */
export interface TemplateDescription {
  template: CertificateTemplate;
  heading: string;
  paragraphs: readonly string[];
  sources: readonly string[];
}

export function templateDescriptions(lang: Lang): readonly TemplateDescription[] {
  return lang === 'sv'
    ? [
        {
          template: 'signatory',
          heading: 'Intyg firmatecknare',
          paragraphs: [
            'Ansökan ska vara undertecknad av behörig firmatecknare för den sökande kommunen eller det sökande kommunalförbundet. I intyget bekräftar firmatecknaren att ansökan lämnas in med hans eller hennes godkännande. Intyget bifogas ansökan.',
            'Mallen gäller ansökningar om både § 37-medel och § 37 a-medel. Kommunalförbund kan söka § 37-medel men inte § 37 a-medel.',
          ],
          sources: [
            vastraGotaland.sv('Ansökan'),
            vastraGotaland.sv('Kommuner kan söka medel'),
            ostergotland.sv,
            orebro.sv('Ansök om bidrag'),
          ],
        },
        {
          template: 'partner',
          heading: 'Intyg samverkanspart',
          paragraphs: [
            'En insats kan genomföras av den sökande i egen regi eller i samverkan med en eller flera organisationer. I intyget bekräftar en samverkanspart att den medverkar aktivt i insatsen och anger om den tar del av medlen från bidraget. Samverkansparten fyller i och skriver under intyget, och den sökande bifogar det till ansökan.',
            'Länsstyrelserna beskriver olika vilka samverkansparter som lämnar intyg: Länsstyrelsen Västra Götaland skriver om samverkansparter som ska ta del av medlen, Länsstyrelsen i Örebro län om planerade och etablerade samverkanspartner.',
          ],
          sources: [vastraGotaland.sv('Ansökan'), orebro.sv('Ansök om bidrag')],
        },
      ]
    : [
        {
          template: 'signatory',
          heading: 'Signatory certificate (Intyg firmatecknare)',
          paragraphs: [
            'The application must be signed by an authorised signatory of the applying municipality or municipal federation. In the certificate, the signatory confirms that the application is submitted with their approval. The certificate is attached to the application.',
            'The template applies to applications for both § 37 funds and § 37 a funds. A municipal federation may apply for § 37 funds but not for § 37 a funds.',
          ],
          sources: [
            vastraGotaland.en('Ansökan'),
            vastraGotaland.en('Kommuner kan söka medel'),
            ostergotland.en,
            orebro.en('Ansök om bidrag'),
          ],
        },
        {
          template: 'partner',
          heading: 'Partner certificate (Intyg samverkanspart)',
          paragraphs: [
            'An activity can be carried out by the applicant on its own or together with one or more organisations. In the certificate, a partner confirms that it takes an active part in the activity and states whether it receives part of the grant. The partner fills in and signs the certificate, and the applicant attaches it to the application.',
            'The county boards describe differently which partners provide a certificate: Länsstyrelsen Västra Götaland writes about partners that are to receive part of the funds, Länsstyrelsen i Örebro län about planned and established partners.',
          ],
          sources: [vastraGotaland.en('Ansökan'), orebro.en('Ansök om bidrag')],
        },
      ];
}

interface CertificateWords {
  subtitle: string;
  author: string;
  translationNote: string | null;
  programme: string;
  programmeOptions: readonly [string, string];
  projectTitle: string;
  registryNumber: string;
  registryNumberHint: string;
  orgNumber: string;
  orgNumberHint: string;
  placeAndDate: string;
  signature: string;
  nameInCapitals: string;
  position: string;
}

const words: Record<Lang, CertificateWords> = {
  sv: {
    subtitle:
      'Bilaga till ansökan om bidrag enligt förordningen (2010:1122) om statlig ersättning för insatser för vissa utlänningar, § 37 eller § 37 a',
    author: 'Bidragsportalen',
    translationNote: null,
    programme: 'Bidrag som ansökan gäller',
    programmeOptions: ['§ 37 – kapacitet och beredskap i mottagandet av nyanlända', '§ 37 a – flyktingguider och familjekontakter'],
    projectTitle: 'Insatsens namn',
    registryNumber: 'Diarienummer, om det är känt',
    registryNumberHint: 'Ansökan får ett diarienummer när den har kommit in till länsstyrelsen.',
    orgNumber: 'Organisationsnummer',
    orgNumberHint: 'Tio siffror: NNNNNN-NNNN',
    placeAndDate: 'Ort och datum',
    signature: 'Underskrift',
    nameInCapitals: 'Namnförtydligande (med tryckbokstäver)',
    position: 'Befattning',
  },
  en: {
    subtitle:
      'Attachment to an application for a grant under the Ordinance (2010:1122) on state compensation for measures for certain foreign nationals, § 37 or § 37 a',
    author: 'Bidragsportalen',
    translationNote: 'This is an English translation of the Swedish template. If they differ, the Swedish template applies.',
    programme: 'Grant the application concerns',
    programmeOptions: ['§ 37 – capacity and preparedness in receiving newly arrived people', '§ 37 a – refugee guides and family contacts'],
    projectTitle: 'Name of the activity',
    registryNumber: 'Registry number (diarienummer), if known',
    registryNumberHint: 'The application receives a registry number when it has reached the county administrative board.',
    orgNumber: 'Organisation number',
    orgNumberHint: 'Ten digits: NNNNNN-NNNN',
    placeAndDate: 'Place and date',
    signature: 'Signature',
    nameInCapitals: 'Name in block letters',
    position: 'Position',
  },
};

/** The certifying sentence with the lines for the signature, never split over two pages. */
function certification(heading: string, text: string, w: CertificateWords): PdfBlock {
  return {
    kind: 'keepTogether',
    blocks: [
      { kind: 'heading', level: 1, text: heading },
      { kind: 'paragraph', text },
      { kind: 'fillInRow', fields: [{ label: w.placeAndDate }, { label: w.signature }] },
      { kind: 'fillInRow', fields: [{ label: w.nameInCapitals }, { label: w.position }] },
    ],
  };
}

function applicationBlocks(w: CertificateWords): PdfBlock[] {
  return [
    { kind: 'choice', label: w.programme, options: w.programmeOptions },
    { kind: 'fillIn', label: w.projectTitle },
    { kind: 'fillIn', label: w.registryNumber, hint: w.registryNumberHint },
  ];
}

function translationNote(w: CertificateWords): PdfBlock[] {
  return w.translationNote ? [{ kind: 'note', tone: 'info', text: w.translationNote }] : [];
}

function signatoryCertificate(lang: Lang): PdfDocumentModel {
  const w = words[lang];
  const sv = lang === 'sv';
  return {
    title: sv ? 'Intyg firmatecknare' : 'Signatory certificate (Intyg firmatecknare)',
    subtitle: w.subtitle,
    lang,
    meta: {
      author: w.author,
      subject: sv
        ? 'Mall för intyg från firmatecknaren för den sökande kommunen eller det sökande kommunalförbundet'
        : 'Template for a certificate from the signatory of the applying municipality or municipal federation',
    },
    blocks: [
      ...translationNote(w),
      {
        kind: 'paragraph',
        text: sv
          ? 'Ansökan ska vara undertecknad av behörig firmatecknare. Med intyget bekräftar firmatecknaren för den sökande kommunen eller det sökande kommunalförbundet att ansökan lämnas in med hans eller hennes godkännande. Fyll i intyget, skriv under och bifoga det till ansökan.'
          : 'The application must be signed by an authorised signatory. With this certificate, the signatory of the applying municipality or municipal federation confirms that the application is submitted with their approval. Fill in the certificate, sign it and attach it to the application.',
      },
      {
        kind: 'note',
        tone: 'info',
        text: sv
          ? 'Kommunalförbund kan söka § 37-medel men inte § 37 a-medel.'
          : 'A municipal federation may apply for § 37 funds but not for § 37 a funds.',
      },
      { kind: 'heading', level: 1, text: sv ? 'Sökande' : 'Applicant' },
      { kind: 'fillIn', label: sv ? 'Kommun eller kommunalförbund' : 'Municipality or municipal federation' },
      { kind: 'fillIn', label: w.orgNumber, hint: w.orgNumberHint },
      { kind: 'heading', level: 1, text: sv ? 'Ansökan' : 'Application' },
      ...applicationBlocks(w),
      certification(
        sv ? 'Firmatecknarens intygande' : 'Signatory’s certification',
        sv
          ? 'Jag intygar att jag är behörig firmatecknare för den sökande kommunen eller det sökande kommunalförbundet och att ansökan om bidrag för insatsen ovan lämnas in med mitt godkännande.'
          : 'I certify that I am an authorised signatory of the applying municipality or municipal federation and that the application for a grant for the activity above is submitted with my approval.',
        w,
      ),
    ],
  };
}

function partnerCertificate(lang: Lang): PdfDocumentModel {
  const w = words[lang];
  const sv = lang === 'sv';
  return {
    title: sv ? 'Intyg samverkanspart' : 'Partner certificate (Intyg samverkanspart)',
    subtitle: w.subtitle,
    lang,
    meta: {
      author: w.author,
      subject: sv
        ? 'Mall för intyg från en samverkanspart om dess medverkan i insatsen'
        : 'Template for a certificate from a partner about its part in the activity',
    },
    blocks: [
      ...translationNote(w),
      {
        kind: 'paragraph',
        text: sv
          ? 'En insats kan genomföras av den sökande i egen regi eller i samverkan med en eller flera organisationer. Med intyget bekräftar samverkansparten att den medverkar i insatsen och anger om den tar del av medlen från bidraget. Samverkansparten fyller i och skriver under intyget, och den sökande bifogar det till ansökan.'
          : 'An activity can be carried out by the applicant on its own or together with one or more organisations. With this certificate, the partner confirms that it takes part in the activity and states whether it receives part of the grant. The partner fills in and signs the certificate, and the applicant attaches it to the application.',
      },
      { kind: 'heading', level: 1, text: sv ? 'Samverkanspart' : 'Partner' },
      { kind: 'fillIn', label: sv ? 'Organisationens namn' : 'Name of the organisation' },
      { kind: 'fillIn', label: w.orgNumber, hint: w.orgNumberHint },
      { kind: 'heading', level: 1, text: sv ? 'Ansökan' : 'Application' },
      { kind: 'fillIn', label: sv ? 'Sökande kommun eller kommunalförbund' : 'Applying municipality or municipal federation' },
      ...applicationBlocks(w),
      { kind: 'heading', level: 1, text: sv ? 'Medverkan i insatsen' : 'Part in the activity' },
      {
        kind: 'fillIn',
        label: sv ? 'Organisationens roll och vad den gör i insatsen' : 'The organisation’s role and what it does in the activity',
        lines: 4,
      },
      {
        kind: 'choice',
        label: sv ? 'Tar organisationen del av medlen från bidraget?' : 'Does the organisation receive part of the grant?',
        options: sv ? ['Ja', 'Nej'] : ['Yes', 'No'],
      },
      certification(
        sv ? 'Samverkanspartens intygande' : 'Partner’s certification',
        sv
          ? 'Jag intygar för organisationen ovan att den medverkar aktivt i insatsen i samverkan med den sökande och att uppgifterna i intyget är riktiga.'
          : 'On behalf of the organisation above, I certify that it takes an active part in the activity together with the applicant and that the information in this certificate is correct.',
        w,
      ),
    ],
  };
}

/** The template as a document for the PDF renderer. */
export function certificateDocument(template: CertificateTemplate, lang: Lang): PdfDocumentModel {
  return template === 'signatory' ? signatoryCertificate(lang) : partnerCertificate(lang);
}
