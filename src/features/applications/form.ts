import type { ConfirmationKey } from './eligibility.ts';

/**
 * The application form for § 37 a and § 37, defined once: the e-service's steps, the public
 * questions page and its PDF, validation and the receipt all read this definition.
 *
 * Guidance texts are the county boards' own words where a seed gives them (seed 001 "Stöd för dig
 * som ansöker om bidrag inom integration", seed 004 "Viktiga delar i planeringen").
 */

export interface Localised {
  sv: string;
  en: string;
}

/** Where a guidance text comes from, shown beside it so a reader can check it. */
export interface Guidance {
  text: Localised;
  source: string;
}

interface FieldBase {
  key: string;
  label: Localised;
  hint?: Localised;
  guidance?: Guidance;
  /** A programme whose sources say something else gets its own guidance (see `fieldFor`). */
  guidanceFor?: Partial<Record<string, Guidance>>;
  required: boolean;
}

export interface TextField extends FieldBase {
  kind: 'text' | 'textarea';
  maxLength: number;
}
export interface DateField extends FieldBase {
  kind: 'date';
}
/** Kronor as typed ("12 500", "12 500,50"); stored as öre once valid. */
export interface AmountField extends FieldBase {
  kind: 'amount';
  /** More than 0 kr (the amount applied for: 0 kr is no application). */
  positive?: true;
}
/** Purposes or target groups: the options come from the programme and the call's year. */
export interface ChoicesField extends FieldBase {
  kind: 'choices';
  source: 'purposes' | 'targetGroups';
}
export interface RowColumn {
  key: string;
  label: Localised;
  /** How to write the value, shown under the label in the form only (summaries and receipts show the label). */
  hint?: Localised;
  kind: 'text' | 'date' | 'email' | 'orgNumber' | 'yesNo';
  required: boolean;
  maxLength: number;
}
/** A list of rows, e.g. partners; a blank row is ignored. */
export interface RowsField extends FieldBase {
  kind: 'rows';
  columns: RowColumn[];
  minRows: number;
  maxRows: number;
  rowLabel: Localised;
}
export interface ConfirmField extends FieldBase {
  kind: 'confirm';
}

export type Field = TextField | DateField | AmountField | ChoicesField | RowsField | ConfirmField;

export interface Step {
  key: StepKey;
  /** URL segment, Swedish. */
  slug: string;
  title: Localised;
  intro?: Guidance;
  fields: Field[];
}

export type StepKey = 'project' | 'background' | 'cooperation' | 'aims' | 'timePlan' | 'implementation' | 'budget' | 'contacts';

/** Budget cost categories; each is a row of the budget table. */
export const costCategories = [
  { key: 'personnel', label: { sv: 'Personalkostnader', en: 'Staff costs' } },
  { key: 'premises', label: { sv: 'Lokalkostnader', en: 'Premises' } },
  { key: 'materials', label: { sv: 'Material och utrustning', en: 'Materials and equipment' } },
  { key: 'travel', label: { sv: 'Resor', en: 'Travel' } },
  { key: 'services', label: { sv: 'Köpta tjänster', en: 'Purchased services' } },
  { key: 'other', label: { sv: 'Övriga kostnader', en: 'Other costs' } },
] as const satisfies readonly { key: string; label: Localised }[];

export type CostCategory = (typeof costCategories)[number]['key'];

const long = 10_000;
const short = 300;

const seed001 = 'Länsstyrelsen i Västra Götalands län, "Stöd för dig som ansöker om bidrag inom integration"';
const seed003 = 'Länsstyrelsen i Östergötlands län, "Bidrag för att utveckla kapacitet och beredskap i mottagandet av nyanlända"';
const seed004 = 'Länsstyrelsen i Örebro län, "Viktiga delar i planeringen"';

export const steps: readonly Step[] = [
  {
    key: 'project',
    slug: 'insatsen',
    title: { sv: 'Insatsen', en: 'The project' },
    fields: [
      {
        key: 'title',
        kind: 'text',
        maxLength: 200,
        required: true,
        label: { sv: 'Insatsens namn', en: 'Name of the project' },
        hint: { sv: 'Ett kort namn som beskriver insatsen.', en: 'A short name that describes the project.' },
      },
      {
        key: 'projectStart',
        kind: 'date',
        required: true,
        label: { sv: 'Insatsen startar', en: 'The project starts' },
        hint: { sv: 'Till exempel 2026-09-01', en: 'For example 2026-09-01' },
      },
      {
        key: 'projectEnd',
        kind: 'date',
        required: true,
        label: { sv: 'Insatsen slutar', en: 'The project ends' },
        hint: { sv: 'Till exempel 2027-06-30', en: 'For example 2027-06-30' },
      },
      {
        key: 'purposeCodes',
        kind: 'choices',
        source: 'purposes',
        required: true,
        label: { sv: 'Vad syftar insatsen till?', en: 'What does the project aim to do?' },
        hint: { sv: 'Välj minst ett syfte.', en: 'Choose at least one purpose.' },
        // The four purposes of § 37 a (seed 001); § 37 has purposes of its own (seed 003).
        guidance: {
          text: {
            sv: 'Inkomna ansökningar bedöms bland annat utifrån att insatsen syftar till att stödja språkinlärning, underlätta etableringen i samhället, skapa nätverk eller ge socialt stöd till ensamkommande barn.',
            en: 'Applications are assessed among other things on whether the project aims to support language learning, ease establishment in society, create networks or give social support to unaccompanied children.',
          },
          source: seed001,
        },
        guidanceFor: {
          s37: {
            text: {
              sv: 'Länsstyrelsen fördelar medel till kommuner och kommunalförbund för verksamhet och samverkan som väsentligt bidrar till att underlätta bosättning och öka mottagningskapaciteten i kommunerna. Vi kan även ge ersättning för att utveckla samverkan mellan kommuner samt mellan kommuner och andra aktörer i syfte att underlätta etableringen i samhället.',
              en: 'The county board distributes funds to municipalities and municipal federations for activities and cooperation that contribute substantially to easing settlement and increasing the municipalities’ capacity to receive. We can also compensate developing cooperation between municipalities, and between municipalities and other actors, in order to ease establishment in society.',
            },
            source: seed003,
          },
        },
      },
      {
        key: 'targetGroupCodes',
        kind: 'choices',
        source: 'targetGroups',
        required: true,
        label: { sv: 'Vilka riktar sig insatsen till?', en: 'Who is the project for?' },
        hint: { sv: 'Välj minst en målgrupp.', en: 'Choose at least one target group.' },
        guidance: {
          text: {
            sv: 'Insatsen ska i huvudsak riktas till målgruppen för det specifika bidraget.',
            en: 'The project must mainly be directed at the target group of the specific grant.',
          },
          source: seed001,
        },
      },
    ],
  },
  {
    key: 'background',
    slug: 'bakgrund',
    title: { sv: 'Bakgrund och målgruppsanalys', en: 'Background and target-group analysis' },
    intro: {
      text: {
        sv: 'Alla ansökningar granskas utifrån ett jämställdhetsperspektiv, barnperspektiv och möjlighet för alla ur målgruppen att delta.',
        en: 'Every application is reviewed for gender equality, the child perspective and whether everyone in the target group can take part.',
      },
      source: seed001,
    },
    fields: [
      {
        key: 'background',
        kind: 'textarea',
        maxLength: long,
        required: true,
        label: { sv: 'Bakgrund och behov', en: 'Background and needs' },
        guidance: {
          text: {
            sv: 'Beskriv bakgrunden till insatsen och vilka behov som insatsen vill tillgodose. Motivera behovet av insatsen.',
            en: 'Describe the background to the project and the needs it is meant to meet. Explain why the project is needed.',
          },
          source: `${seed004}; ${seed001}`,
        },
      },
      {
        key: 'genderAnalysis',
        kind: 'textarea',
        maxLength: long,
        required: true,
        label: {
          sv: 'Jämställdhet: målgruppens förutsättningar att delta',
          en: 'Gender equality: the target group’s conditions for taking part',
        },
        guidance: {
          text: {
            sv: 'Analysera målgruppens förutsättningar att delta i den planerade insatsen. Inom flera områden har kvinnor och män med erfarenhet av migration olika makt och livsvillkor.',
            en: 'Analyse the target group’s conditions for taking part in the planned project. In several areas, women and men with experience of migration have different power and living conditions.',
          },
          source: seed001,
        },
      },
      {
        key: 'childAnalysis',
        kind: 'textarea',
        maxLength: long,
        required: true,
        label: { sv: 'Barnperspektiv: hur påverkar insatsen barn?', en: 'Child perspective: how does the project affect children?' },
        guidance: {
          text: {
            sv: 'Analysera vilken påverkan insatsen har på barn, även om det inte är er primära målgrupp. I detta kan exempelvis en prövning av barnets bästa ingå.',
            en: 'Analyse how the project affects children, even if they are not your primary target group. This can include an assessment of the best interests of the child.',
          },
          source: seed001,
        },
      },
      {
        key: 'accessibilityAnalysis',
        kind: 'textarea',
        maxLength: long,
        required: true,
        label: { sv: 'Tillgänglighet: kan alla i målgruppen delta?', en: 'Accessibility: can everyone in the target group take part?' },
        guidance: {
          text: {
            sv: 'Att exempelvis erbjuda barnpassning möjliggör deltagande för personer med små barn. Tillgängliga lokaler skapar lika möjlighet att delta.',
            en: 'Offering childcare, for example, makes it possible for people with small children to take part. Accessible premises give everyone the same opportunity to take part.',
          },
          source: seed001,
        },
      },
      {
        key: 'involvement',
        kind: 'textarea',
        maxLength: long,
        required: true,
        label: { sv: 'Hur har målgruppen involverats?', en: 'How was the target group involved?' },
        guidance: {
          text: {
            sv: 'En insats får ofta ett bättre genomslag om den grundar sig i att människor själva fått vara med i processen och definierat behov och insatser. Beskriv på vilket sätt ni inhämtat målgruppens synpunkter.',
            en: 'A project often has more impact when people have taken part in the process and defined needs and activities themselves. Describe how you gathered the target group’s views.',
          },
          source: seed001,
        },
      },
    ],
  },
  {
    key: 'cooperation',
    slug: 'samverkan',
    title: { sv: 'Samverkan', en: 'Cooperation' },
    intro: {
      text: {
        sv: 'Ta reda på vilka andra projekt och insatser som riktar sig till målgruppen. Kan insatserna komplettera varandra? Beskriv vilka som ska genomföra insatsen och hur, och tydliggör ansvarsrollerna.',
        en: 'Find out which other projects and activities are directed at the target group. Can they complement each other? Describe who will carry out the project and how, and make the roles clear.',
      },
      source: seed001,
    },
    fields: [
      {
        key: 'partners',
        kind: 'rows',
        required: false,
        minRows: 0,
        maxRows: 20,
        label: { sv: 'Samverkansparter', en: 'Cooperation partners' },
        rowLabel: { sv: 'Samverkanspart', en: 'Partner' },
        hint: {
          sv: 'Lämna tomt om er organisation genomför insatsen i egen regi. En samverkanspart som tar del av medlen ska fylla i ett intyg som ni bifogar.',
          en: 'Leave empty if your organisation carries out the project on its own. A partner receiving money must fill in a certificate that you attach.',
        },
        columns: [
          { key: 'organisation', kind: 'text', required: true, maxLength: short, label: { sv: 'Organisation', en: 'Organisation' } },
          {
            key: 'orgNumber',
            kind: 'orgNumber',
            required: false,
            maxLength: 13,
            label: { sv: 'Organisationsnummer', en: 'Organisation number' },
            hint: {
              sv: '10 siffror, NNNNNN-NNNN. Lämna tomt om organisationen inte har något.',
              en: '10 digits, NNNNNN-NNNN. Leave empty if the organisation has none.',
            },
          },
          { key: 'role', kind: 'text', required: true, maxLength: 1000, label: { sv: 'Roll i insatsen', en: 'Role in the project' } },
          {
            key: 'receivesMoney',
            kind: 'yesNo',
            required: true,
            maxLength: 3,
            label: { sv: 'Tar del av medlen', en: 'Receives money' },
          },
        ],
      },
    ],
  },
  {
    key: 'aims',
    slug: 'syfte-och-mal',
    title: { sv: 'Syfte och mål', en: 'Aims and goals' },
    intro: {
      text: {
        sv: 'Tydligt syfte och mätbara mål ska framgå och det är en förutsättning för att Länsstyrelsen ska kunna bedöma en ansökan. Tänk kvalitet framför kvantitet.',
        en: 'A clear aim and measurable goals must be stated; without them the county board cannot assess an application. Think quality before quantity.',
      },
      source: seed001,
    },
    fields: [
      {
        key: 'aims',
        kind: 'textarea',
        maxLength: long,
        required: true,
        label: { sv: 'Syfte', en: 'Aim' },
        guidance: {
          text: {
            sv: 'Beskriv syftet och vilka mål insatsen har. Vad ska vara uppnått när insatsen är slut? Vad vill ni nå för effekt?',
            en: 'Describe the aim and goals of the project. What will have been achieved when it ends? What effect do you want?',
          },
          source: seed004,
        },
      },
      {
        key: 'goals',
        kind: 'textarea',
        maxLength: long,
        required: true,
        label: { sv: 'Mätbara mål', en: 'Measurable goals' },
        hint: {
          sv: 'Skriv varje mål så att det går att följa upp, till exempel antal deltagartillfällen.',
          en: 'Write each goal so that it can be followed up, for example the number of participant sessions.',
        },
      },
    ],
  },
  {
    key: 'timePlan',
    slug: 'tidplan',
    title: { sv: 'Tidplan', en: 'Time plan' },
    intro: {
      text: {
        sv: 'Erfarenhet visar att det ofta är enklare att starta ett projekt än att avsluta ett projekt. Fundera från början på hur projektet ska avslutas och planera in delmål.',
        en: 'Experience shows that starting a project is often easier than ending one. Think from the start about how the project will end, and plan milestones.',
      },
      source: seed001,
    },
    fields: [
      {
        key: 'milestones',
        kind: 'rows',
        required: true,
        minRows: 1,
        maxRows: 30,
        label: { sv: 'Delmål', en: 'Milestones' },
        rowLabel: { sv: 'Delmål', en: 'Milestone' },
        guidance: {
          text: {
            sv: 'När börjar och slutar insatsen och vad har ni övergripande för aktivitetsplan?',
            en: 'When does the project start and end, and what is your overall plan of activities?',
          },
          source: seed004,
        },
        columns: [
          {
            key: 'date',
            kind: 'date',
            required: true,
            maxLength: 10,
            label: { sv: 'Datum', en: 'Date' },
            hint: { sv: 'år-månad-dag', en: 'year-month-day' },
          },
          { key: 'description', kind: 'text', required: true, maxLength: 1000, label: { sv: 'Delmål', en: 'Milestone' } },
        ],
      },
      {
        key: 'ending',
        kind: 'textarea',
        maxLength: long,
        required: true,
        label: { sv: 'Hur avslutas insatsen?', en: 'How will the project end?' },
      },
    ],
  },
  {
    key: 'implementation',
    slug: 'genomforande',
    title: { sv: 'Genomförande och organisation', en: 'Implementation and organisation' },
    fields: [
      {
        key: 'implementation',
        kind: 'textarea',
        maxLength: long,
        required: true,
        label: { sv: 'Genomförande och metoder', en: 'Implementation and methods' },
        guidance: {
          text: {
            sv: 'Hur organiserar ni arbetet? Vilka metoder använder ni för aktiviteterna, hur kommunicerar ni inom projektet och vilka är aktiviteterna som ska genomföras?',
            en: 'How do you organise the work? Which methods do you use for the activities, how do you communicate within the project and which activities will be carried out?',
          },
          source: seed004,
        },
      },
      {
        key: 'projectOrganisation',
        kind: 'textarea',
        maxLength: long,
        required: true,
        label: { sv: 'Organisation och projektgrupp', en: 'Organisation and project group' },
        guidance: {
          text: {
            sv: 'Vilka är ni som ska genomföra insatsen? Beskriv projektgruppens medlemmar. Hur ser den samlade kompetensen ut och är det något som behöver kompletteras?',
            en: 'Who will carry out the project? Describe the members of the project group. What is your combined competence, and does anything need to be added?',
          },
          source: `${seed004}; ${seed001}`,
        },
      },
    ],
  },
  {
    key: 'budget',
    slug: 'budget',
    title: { sv: 'Budget', en: 'Budget' },
    intro: {
      text: {
        sv: 'Länsstyrelsen gör bedömningar utifrån bland annat rimlighet. Fokus ligger på hur projektet ska genomföras med kostnader som står i relation till bland annat antal deltagartillfällen och resurser. Upprätta ett skilt konto för projektet.',
        en: 'The county board assesses among other things whether the costs are reasonable, in relation to for example the number of participant sessions and resources. Set up a separate account for the project.',
      },
      source: seed001,
    },
    fields: [
      ...costCategories.map((c): AmountField => ({ key: `cost.${c.key}`, kind: 'amount', required: false, label: c.label })),
      {
        key: 'ownFinancing',
        kind: 'amount',
        required: false,
        label: { sv: 'Egen finansiering', en: 'Own financing' },
        hint: {
          sv: 'Det ni och parterna själva bidrar med, i kronor.',
          en: 'What you and your partners contribute, in kronor.',
        },
      },
      {
        key: 'amountApplied',
        kind: 'amount',
        required: true,
        positive: true,
        label: { sv: 'Sökt belopp', en: 'Amount applied for' },
        hint: {
          sv: 'I kronor. Kostnaderna ovan ska vara lika med egen finansiering plus sökt belopp.',
          en: 'In kronor. The costs above must equal own financing plus the amount applied for.',
        },
      },
    ],
  },
  {
    key: 'contacts',
    slug: 'kontaktpersoner',
    title: { sv: 'Kontaktpersoner', en: 'Contact persons' },
    fields: [
      {
        key: 'contacts',
        kind: 'rows',
        required: true,
        minRows: 1,
        maxRows: 5,
        label: { sv: 'Kontaktpersoner', en: 'Contact persons' },
        rowLabel: { sv: 'Kontaktperson', en: 'Contact person' },
        hint: {
          sv: 'Bekräftelsen på att ansökan kommit in skickas till kontaktpersonernas e-postadresser.',
          en: 'The confirmation that the application was received is sent to the contact persons’ e-mail addresses.',
        },
        columns: [
          { key: 'name', kind: 'text', required: true, maxLength: short, label: { sv: 'Namn', en: 'Name' } },
          { key: 'email', kind: 'email', required: true, maxLength: 254, label: { sv: 'E-post', en: 'E-mail' } },
          { key: 'phone', kind: 'text', required: false, maxLength: 40, label: { sv: 'Telefon', en: 'Phone' } },
        ],
      },
    ],
  },
];

/**
 * Confirmations before submission, in the words of seed 001; which of them a programme asks for is
 * `requiredConfirmations` in eligibility.ts.
 */
export const confirmations: Record<ConfirmationKey, ConfirmField> = {
  notForProfit: {
    key: 'confirm.notForProfit',
    kind: 'confirm',
    required: true,
    label: { sv: 'Insatsen bedrivs utan vinstsyfte.', en: 'The project is run without profit motive.' },
  },
  municipalityResponsible: {
    key: 'confirm.municipalityResponsible',
    kind: 'confirm',
    required: true,
    label: {
      sv: 'Den sökande kommunen är ansvarig för genomförandet av insatsen.',
      en: 'The applying municipality is responsible for carrying out the project.',
    },
  },
  municipalityParticipates: {
    key: 'confirm.municipalityParticipates',
    kind: 'confirm',
    required: true,
    label: {
      sv: 'Kommunens aktiva medverkan är säkerställd när insatsen genomförs i samverkan med andra organisationer.',
      en: 'The municipality’s active participation is secured when the project is carried out with other organisations.',
    },
  },
};

/** Every field of the form, the confirmations included, by its key. */
export const fieldsByKey: ReadonlyMap<string, Field> = new Map(
  [...steps.flatMap((s) => s.fields), ...Object.values(confirmations)].map((f) => [f.key, f]),
);

/** A field as a programme's applicants see it: with that programme's own guidance where it has one. */
export function fieldFor<F extends Field>(field: F, programmeCode: string): F {
  const guidance = field.guidanceFor?.[programmeCode];
  return guidance ? { ...field, guidance } : field;
}

export function stepBySlug(slug: string): Step | undefined {
  return steps.find((s) => s.slug === slug);
}

export function stepIndex(key: StepKey): number {
  return steps.findIndex((s) => s.key === key);
}
