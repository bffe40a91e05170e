import type { Lang } from '../../platform/i18n.ts';
import type { Section } from './prose.tsx';

/**
 * Guidance for applicants, taken from two county boards' published pages (seeds 001 and 004).
 * The Swedish text is the sources' own wording; the English is our rendering of it. Nothing here
 * goes beyond what the sources say.
 */

/** Source notes for the two county boards' pages; the templates page cites them too. */
export const vastraGotaland = {
  sv: (part: string) =>
    `Källa: Länsstyrelsen Västra Götaland, sidan ”Bidrag för flyktingguider och familjekontakter”, avsnittet ”${part}”.`,
  en: (part: string) =>
    `Source: Länsstyrelsen Västra Götaland (County Administrative Board of Västra Götaland), page “Bidrag för flyktingguider och familjekontakter”, section “${part}”.`,
};

export const orebro = {
  sv: (part: string, note = '') =>
    `Källa: Länsstyrelsen i Örebro län, sidan ”Utveckla verksamhet med flyktingguider och familjekontakter”, avsnittet ”${part}”${note}.`,
  en: (part: string, note = '') =>
    `Source: Länsstyrelsen i Örebro län (County Administrative Board of Örebro), page “Utveckla verksamhet med flyktingguider och familjekontakter”, section “${part}”${note}.`,
};

// The source misspells this heading; a citation quotes it as published.
const orebroGenderHeading = 'Insatser ska ha ett lämställdhetsperspektiv';

/** The three points under "Målgruppsanalys" in seed 001, in Swedish and in our English rendering. */
const targetGroupPoints = {
  sv: {
    1: 'Analysera målgruppens förutsättningar att delta i den planerade insatsen. Inom flera områden har kvinnor och män med erfarenhet av migration, olika makt och livsvillkor. Att exempelvis erbjuda barnpassning möjliggör deltagande för personer med små barn. Tillgängliga lokaler skapar lika möjlighet att delta.',
    2: 'Analysera vilken påverkan insatsen har på barn, även om det inte är er primära målgrupp. I detta kan exempelvis en prövning av barnets bästa ingå.',
    3: 'En insats får ofta ett bättre genomslag om den grundar sig i att människor själva fått vara med i processen och definierat behov och insatser. Involvera gärna målgruppen så tidigt som möjligt i planeringen av er insats och beskriv på vilket sätt ni inhämtat målgruppens synpunkter.',
  },
  en: {
    1: 'Analyse the target group’s ability to take part in the planned activity. In several areas, women and men with experience of migration have different power and living conditions. Offering childcare, for example, makes it possible for people with small children to take part. Accessible premises create equal opportunities to take part.',
    2: 'Analyse what effect the activity has on children, even if they are not your primary target group. This can include, for example, an assessment of the best interests of the child.',
    3: 'An activity often has a greater impact if it is based on people having been part of the process themselves and having defined needs and activities. Involve the target group as early as possible in planning your activity, and describe how you gathered the target group’s views.',
  },
} as const;

/** From point 1 under "Målgruppsanalys"; repeated where participation for all is explained. */
const participation = {
  sv: 'Att exempelvis erbjuda barnpassning möjliggör deltagande för personer med små barn. Tillgängliga lokaler skapar lika möjlighet att delta.',
  en: 'Offering childcare, for example, makes it possible for people with small children to take part. Accessible premises create equal opportunities to take part.',
};

/** Seed 001 says this under "Syfte & mål"; it belongs to project finances too. */
const separateAccount = {
  sv: 'Upprätta ett skilt konto för projektet. Följ budget och utfall löpande, inte endast då det är dags för del- och slutrapport.',
  en: 'Set up a separate account for the project. Follow the budget and the outcome continuously, not only when the interim and final reports are due.',
};

/** Point 3 restated; it belongs to both checklists. */
const involvementQuestions = {
  sv: [
    {
      question: 'Har målgruppen själv fått vara med i processen och definiera behov och insatser, så tidigt som möjligt i planeringen?',
      point: 3,
    },
    { question: 'Beskriver ni på vilket sätt ni har inhämtat målgruppens synpunkter?', point: 3 },
  ],
  en: [
    {
      question:
        'Has the target group itself been part of the process and defined needs and activities, as early as possible in the planning?',
      point: 3,
    },
    { question: 'Do you describe how you gathered the target group’s views?', point: 3 },
  ],
} as const satisfies Record<Lang, readonly ChecklistItem[]>;

/** The three points under "Målgruppsanalys" (seed 001): the only basis of the checklists. */
export type TargetGroupPoint = 1 | 2 | 3;

export interface ChecklistItem {
  question: string;
  /** Which point under "Målgruppsanalys" the question restates. */
  point: TargetGroupPoint;
}

export interface Checklist {
  id: string;
  heading: string;
  items: readonly ChecklistItem[];
}

export interface GuidanceContent {
  sections: readonly Section[];
  targetGroupPoints: Record<TargetGroupPoint, string>;
  targetGroupSource: string;
  checklists: readonly [Checklist, Checklist];
}

/** Anchors used by links from other pages; the same in both languages. */
export const anchors = {
  projectPlan: 'viktiga-delar-i-planeringen',
  applicantSupport: 'stod-for-dig-som-ansoker',
  targetGroupAnalysis: 'malgruppsanalys',
  assessment: 'bedomning',
  perspectives: 'jamstalldhet-barnperspektiv-tillganglighet',
  afterGrant: 'nar-bidraget-har-beviljats',
  genderChecklist: 'jamstalldhetsperspektivet',
  childChecklist: 'barnperspektivet',
} as const;

const sv: GuidanceContent = {
  targetGroupPoints: targetGroupPoints.sv,
  targetGroupSource: vastraGotaland.sv('Målgruppsanalys'),
  sections: [
    {
      id: anchors.projectPlan,
      heading: 'Viktiga delar i planeringen',
      blocks: [{ kind: 'p', text: 'I korta drag är det bra att fundera genom följande:' }],
      subsections: [
        {
          heading: 'Bakgrund och behov',
          blocks: [{ kind: 'p', text: 'Beskriv bakgrunden till insatsen och vilka behov som insatsen vill tillgodose.' }],
        },
        {
          heading: 'Syften och mål',
          blocks: [
            {
              kind: 'p',
              text: 'Beskriv syftet och vilka mål insatsen har. Vad ska vara uppnått när insatsen är slut? Vad vill ni nå för effekt?',
            },
          ],
        },
        {
          heading: 'Organisation',
          blocks: [{ kind: 'p', text: 'Vilka är ni som ska genomföra insatsen? Beskriv projektgruppens medlemmar.' }],
        },
        {
          heading: 'Tidplan',
          blocks: [{ kind: 'p', text: 'När börjar och slutar insatsen och vad har ni övergripande för aktivitetsplan?' }],
        },
        {
          heading: 'Genomförande',
          blocks: [
            {
              kind: 'p',
              text: 'Hur organiserar ni arbetet? Vilka metoder använder ni för aktiviteterna, hur kommunicerar ni inom projektet och vilka är aktiviteterna som ska genomföras',
            },
          ],
        },
        {
          heading: 'Resurser',
          blocks: [{ kind: 'p', text: 'Vad har ni för budget för insatsen, hur finansierar ni och hur många kommer arbeta med insatsen?' }],
        },
      ],
      source: orebro.sv('Viktiga delar i planeringen'),
    },
    {
      id: anchors.applicantSupport,
      heading: 'Stöd för dig som ansöker om bidrag inom integration',
      blocks: [
        {
          kind: 'p',
          text: 'Har du funderingar på att söka utvecklingsmedel för insatser inom integration? Det finns flera viktiga delar i en projektplanering som är bra att gå igenom innan du skickar in en ansökan. Oftast är det flera parter som samverkar i ett projekt så tänk på att vara ute i god tid!',
        },
      ],
      subsections: [
        {
          id: anchors.targetGroupAnalysis,
          heading: 'Målgruppsanalys',
          blocks: [
            {
              kind: 'list',
              items: [targetGroupPoints.sv[1], targetGroupPoints.sv[2], targetGroupPoints.sv[3]],
            },
          ],
        },
        {
          heading: 'Samverkan',
          blocks: [
            {
              kind: 'list',
              items: [
                'Ta reda på vilka andra projekt och insatser som riktar sig till målgruppen, där du vill bedriva projekt. Kan insatserna komplettera varandra? Beskriv vilka som ska genomföra insatsen och hur. Hur ser den samlade kompetensen ut och är det något som behöver kompletteras? Tydliggör ansvarsrollerna i projektplaneringen och ansökan.',
              ],
            },
          ],
        },
        {
          heading: 'Syfte & mål',
          blocks: [
            {
              kind: 'list',
              items: [
                'Tydligt syfte och mätbara mål ska framgå och det är en förutsättning för att Länsstyrelsen ska kunna bedöma en ansökan. Tänk kvalitet framför kvantitet.',
                separateAccount.sv,
              ],
            },
          ],
        },
        {
          heading: 'Tidsplan',
          blocks: [
            {
              kind: 'list',
              items: [
                'Erfarenhet visar att det ofta är enklare att starta ett projekt än att avsluta ett projekt. Fundera från början på hur projektet ska avslutas och planera in delmål.',
              ],
            },
          ],
        },
        {
          heading: 'Resurser',
          blocks: [
            {
              kind: 'list',
              items: [
                'Länsstyrelsen gör bedömningar utifrån bland annat rimlighet. Det handlar inte om att försöka nå flest antal personer. Motivera behovet av insatsen. Fokus ligger på hur projektets ska genomföras med kostnader som står i relation till, bland annat antal deltagartillfällen och resurser.',
              ],
            },
          ],
        },
      ],
      source: vastraGotaland.sv('Stöd för dig som ansöker om bidrag inom integration'),
    },
    {
      id: anchors.assessment,
      heading: 'Bedömning',
      blocks: [
        {
          kind: 'p',
          text: 'Kriterierna gäller bidraget för flyktingguider och familjekontakter (§ 37 a-medel). Inkomna ansökningar bedöms utifrån eventuella bidragsprioriteringar och följande kriterier:',
        },
        {
          kind: 'list',
          items: [
            'att insatsen stärker och/eller utvecklar verksamheter som bidraget är riktat till',
            'att insatsen riktas i huvudsak till målgruppen för specifikt bidrag (Nyanlända utlänningar, och / eller asylsökande och/eller skyddsbehövande som berörs av massflyktsdirektivet.)',
            {
              text: 'att insatsen syftar till att:',
              items: [
                'stödja språkinlärning och/eller',
                'underlätta etableringen i samhället och/eller',
                'skapa nätverk och/eller',
                'ge socialt stöd till ensamkommande barn',
              ],
            },
            'att ersättningen lämnas för verksamhet som bedrivs utan vinstsyfte',
            'att insatsen genomförs antingen av kommunen i egen regi eller av kommunen i samverkan med en eller flera organisationer',
            'att budgeten är grundligt genomarbetad',
            'att insatsen tar hänsyn till barn- och jämställdhetsperspektivet samt tillgänglighetsaspekter',
          ],
        },
      ],
      source: vastraGotaland.sv('Bedömning'),
    },
    {
      id: anchors.perspectives,
      heading: 'Jämställdhet, barnperspektiv och tillgänglighet',
      blocks: [
        {
          kind: 'p',
          text: 'Alla ansökningar granskas utifrån ett jämställdhetsperspektiv, barnperspektiv och möjlighet för alla ur målgruppen att delta.',
        },
      ],
      subsections: [
        {
          heading: 'Jämställdhetsperspektivet',
          blocks: [
            {
              kind: 'p',
              text: 'Bidrag som din organisation kan söka inom integration ska bidra till ökad jämställdhet i länet.',
            },
            {
              kind: 'p',
              text: 'Det är viktigt att även föräldralediga ges möjlighet att etablera sig. Att de fortsätter utveckla sina kunskaper i svenska och får möjlighet till viktiga kontakter med samhället. Längre perioder av föräldraledighet tenderar att försena kvinnors etablering i arbets- och samhällslivet.',
            },
          ],
          source: orebro.sv(orebroGenderHeading, ' (så stavat i källan)'),
        },
        {
          heading: 'Barnperspektivet',
          blocks: [
            {
              kind: 'p',
              text: 'Det är viktigt att tänka på barnperspektivet i de insatser som din organisation söker bidrag för.',
            },
          ],
          source: orebro.sv('Insatser ska ha ett barnperspektiv'),
        },
        {
          heading: 'Möjlighet för alla ur målgruppen att delta',
          blocks: [{ kind: 'p', text: participation.sv }],
          source: vastraGotaland.sv('Målgruppsanalys'),
        },
      ],
    },
    {
      id: anchors.afterGrant,
      heading: 'När bidraget har beviljats',
      blocks: [],
      subsections: [
        {
          heading: 'Dialog, ändring och förlängning',
          blocks: [
            {
              kind: 'p',
              text: 'Länsstyrelsen Västra Götaland erbjuder, till den som beviljats ersättning, kontinuerlig dialog under insatstiden. Alla förfrågningar om eventuell förändring eller förlängning ska ske skriftligen.',
            },
          ],
          source: vastraGotaland.sv('Information om projektredovisning'),
        },
        {
          heading: 'Delrapport och slutrapport',
          blocks: [
            {
              kind: 'p',
              text: 'Delrapport och slutrapport ska lämnas via e-tjänsterna. Delredovisning ska lämnas i enlighet med vad som anges i beslutet, oftast sex månader efter beslut. En undertecknad slutredovisning ska ha kommit in senast två månader efter att insatsen avslutats.',
            },
            { kind: 'p', text: 'Den redovisningsmall som ska väljas är den som rör det år då insatsen beviljades medel.' },
          ],
          source: `${vastraGotaland.sv('Redovisning och återbetalning')} ${orebro.sv('Del- eller slutredovisa en insats')}`,
        },
        {
          heading: 'Särredovisning och utdrag ur huvudboken',
          blocks: [
            {
              kind: 'p',
              text: 'Kostnaderna för insatsen ska vara särredovisade och utdrag ur huvudboken ska bifogas slutrapporten. Om det särskilt begärs ska den som beviljats medel kunna uppvisa verifikat och andra underlag för redovisningen. Brister i redovisning kan utgöra hinder för att bevilja ytterligare ersättningar.',
            },
          ],
          source: `${vastraGotaland.sv('Särredovisa kostnaderna i slutredovisningen')} ${orebro.sv('Särredovisa kostnaderna i slutredovisningen')}`,
        },
        {
          heading: 'God projektekonomi',
          blocks: [
            {
              kind: 'p',
              text: 'En god projektekonomi innebär att ha en bra ekonomisk kontroll, göra korrekta kalkyler i planeringen, att ha förmågan att förutse ekonomiska effekter och till slut redovisa ett ekonomiskt utfall. Den ekonomiska redovisningen syftar till att dokumentera er resurshantering och ni ansvarar för att redovisningen är korrekt.',
            },
            { kind: 'p', text: separateAccount.sv },
          ],
          source: `${orebro.sv('Mer information om projektredovisning')} ${vastraGotaland.sv('Syfte & mål')}`,
        },
        {
          heading: 'Återbetalning',
          blocks: [
            {
              kind: 'p',
              text: 'Mottagare av medel är återbetalningsskyldig om ersättning lämnats på fel grund eller med för högt belopp. Återbetalning ska även ske i de fall ersättningen inte använts för det ändamål som angetts i ansökan.',
            },
          ],
          source: vastraGotaland.sv('Återbetalning'),
        },
      ],
    },
  ],
  checklists: [
    {
      id: anchors.genderChecklist,
      heading: 'Checklista för jämställdhetsperspektivet',
      items: [
        { question: 'Har ni analyserat målgruppens förutsättningar att delta i den planerade insatsen?', point: 1 },
        {
          question:
            'Har ni tagit hänsyn till att kvinnor och män med erfarenhet av migration inom flera områden har olika makt och livsvillkor?',
          point: 1,
        },
        { question: 'Möjliggör insatsen deltagande för personer med små barn, till exempel genom att ni erbjuder barnpassning?', point: 1 },
        { question: 'Är lokalerna tillgängliga, så att alla har lika möjlighet att delta?', point: 1 },
        ...involvementQuestions.sv,
      ],
    },
    {
      id: anchors.childChecklist,
      heading: 'Checklista för barnperspektivet',
      items: [
        { question: 'Har ni analyserat vilken påverkan insatsen har på barn, även om barn inte är er primära målgrupp?', point: 2 },
        { question: 'Ingår en prövning av barnets bästa i er analys?', point: 2 },
        ...involvementQuestions.sv,
      ],
    },
  ],
};

const en: GuidanceContent = {
  targetGroupPoints: targetGroupPoints.en,
  targetGroupSource: vastraGotaland.en('Målgruppsanalys'),
  sections: [
    {
      id: anchors.projectPlan,
      heading: 'Important parts of the planning',
      blocks: [{ kind: 'p', text: 'In short, it is a good idea to think through the following:' }],
      subsections: [
        {
          heading: 'Background and needs',
          blocks: [{ kind: 'p', text: 'Describe the background to the activity and the needs the activity aims to meet.' }],
        },
        {
          heading: 'Purposes and goals',
          blocks: [
            {
              kind: 'p',
              text: 'Describe the purpose and the goals of the activity. What should have been achieved when the activity ends? What effect do you want to achieve?',
            },
          ],
        },
        {
          heading: 'Organisation',
          blocks: [{ kind: 'p', text: 'Who are you, the ones carrying out the activity? Describe the members of the project group.' }],
        },
        {
          heading: 'Timetable',
          blocks: [{ kind: 'p', text: 'When does the activity start and end, and what is your overall plan of activities?' }],
        },
        {
          heading: 'Implementation',
          blocks: [
            {
              kind: 'p',
              text: 'How do you organise the work? Which methods do you use for the activities, how do you communicate within the project, and which activities will be carried out?',
            },
          ],
        },
        {
          heading: 'Resources',
          blocks: [
            { kind: 'p', text: 'What budget do you have for the activity, how is it financed, and how many people will work on it?' },
          ],
        },
      ],
      source: orebro.en('Viktiga delar i planeringen'),
    },
    {
      id: anchors.applicantSupport,
      heading: 'Support for you applying for an integration grant',
      blocks: [
        {
          kind: 'p',
          text: 'Are you thinking of applying for development funds for integration activities? There are several important parts of project planning that are worth going through before you send in an application. Usually several parties work together in a project, so remember to start in good time!',
        },
      ],
      subsections: [
        {
          id: anchors.targetGroupAnalysis,
          heading: 'Target group analysis',
          blocks: [
            {
              kind: 'list',
              items: [targetGroupPoints.en[1], targetGroupPoints.en[2], targetGroupPoints.en[3]],
            },
          ],
        },
        {
          heading: 'Cooperation',
          blocks: [
            {
              kind: 'list',
              items: [
                'Find out which other projects and activities are aimed at the target group where you want to run a project. Can the activities complement each other? Describe who will carry out the activity and how. What does the combined competence look like, and does anything need to be added? Make the roles and responsibilities clear in the project planning and the application.',
              ],
            },
          ],
        },
        {
          heading: 'Purpose and goals',
          blocks: [
            {
              kind: 'list',
              items: [
                'A clear purpose and measurable goals must be stated; this is a prerequisite for the county board to be able to assess an application. Think quality rather than quantity.',
                separateAccount.en,
              ],
            },
          ],
        },
        {
          heading: 'Timetable',
          blocks: [
            {
              kind: 'list',
              items: [
                'Experience shows that it is often easier to start a project than to finish one. Think from the start about how the project will end, and plan milestones.',
              ],
            },
          ],
        },
        {
          heading: 'Resources',
          blocks: [
            {
              kind: 'list',
              items: [
                'The county board assesses, among other things, whether the application is reasonable. It is not about trying to reach the largest number of people. Justify the need for the activity. The focus is on how the project will be carried out at a cost that is in proportion to, among other things, the number of participant occasions and the resources.',
              ],
            },
          ],
        },
      ],
      source: vastraGotaland.en('Stöd för dig som ansöker om bidrag inom integration'),
    },
    {
      id: anchors.assessment,
      heading: 'Assessment',
      blocks: [
        {
          kind: 'p',
          text: 'The criteria apply to the grant for refugee guides and family contacts (§ 37 a funds). Applications received are assessed against any grant priorities and the following criteria:',
        },
        {
          kind: 'list',
          items: [
            'that the activity strengthens and/or develops the kind of work the grant is intended for',
            'that the activity is mainly aimed at the target group of the specific grant (newly arrived foreign nationals, and/or asylum seekers and/or persons in need of protection covered by the Temporary Protection Directive)',
            {
              text: 'that the activity aims to:',
              items: [
                'support language learning and/or',
                'make it easier to become established in society and/or',
                'create networks and/or',
                'give social support to unaccompanied children',
              ],
            },
            'that the funds are given for work carried out on a non-profit basis',
            'that the activity is carried out either by the municipality itself or by the municipality together with one or more organisations',
            'that the budget has been thoroughly worked through',
            'that the activity takes the child and gender-equality perspectives and accessibility into account',
          ],
        },
      ],
      source: vastraGotaland.en('Bedömning'),
    },
    {
      id: anchors.perspectives,
      heading: 'Gender equality, the child perspective and accessibility',
      blocks: [
        {
          kind: 'p',
          text: 'All applications are reviewed from a gender-equality perspective, a child perspective and whether everyone in the target group can take part.',
        },
      ],
      subsections: [
        {
          heading: 'The gender-equality perspective',
          blocks: [
            {
              kind: 'p',
              text: 'Integration grants that your organisation can apply for must contribute to greater gender equality in the county.',
            },
            {
              kind: 'p',
              text: 'It is important that people on parental leave also get the chance to become established: that they keep developing their Swedish and get the chance of important contacts with society. Longer periods of parental leave tend to delay women’s establishment in working and social life.',
            },
          ],
          source: orebro.en(orebroGenderHeading, ' (misspelt in the source)'),
        },
        {
          heading: 'The child perspective',
          blocks: [
            {
              kind: 'p',
              text: 'It is important to think about the child perspective in the activities your organisation applies for a grant for.',
            },
          ],
          source: orebro.en('Insatser ska ha ett barnperspektiv'),
        },
        {
          heading: 'Whether everyone in the target group can take part',
          blocks: [{ kind: 'p', text: participation.en }],
          source: vastraGotaland.en('Målgruppsanalys'),
        },
      ],
    },
    {
      id: anchors.afterGrant,
      heading: 'After a grant has been awarded',
      blocks: [],
      subsections: [
        {
          heading: 'Dialogue, changes and extensions',
          blocks: [
            {
              kind: 'p',
              text: 'Länsstyrelsen Västra Götaland offers those who have been granted funds a continuous dialogue during the activity. All requests for a change or an extension must be made in writing.',
            },
          ],
          source: vastraGotaland.en('Information om projektredovisning'),
        },
        {
          heading: 'Interim report and final report',
          blocks: [
            {
              kind: 'p',
              text: 'Interim and final reports are submitted through the e-services. The interim report is due as stated in the decision, usually six months after the decision. A signed final report must have arrived no later than two months after the activity has ended.',
            },
            { kind: 'p', text: 'The report template to choose is the one for the year in which the activity was granted funds.' },
          ],
          source: `${vastraGotaland.en('Redovisning och återbetalning')} ${orebro.en('Del- eller slutredovisa en insats')}`,
        },
        {
          heading: 'Separate accounts and the general ledger extract',
          blocks: [
            {
              kind: 'p',
              text: 'The costs of the activity must be accounted for separately, and an extract from the general ledger must be attached to the final report. If specifically requested, the grant recipient must be able to show vouchers and other supporting documents for the accounts. Shortcomings in the accounts may prevent further grants.',
            },
          ],
          source: `${vastraGotaland.en('Särredovisa kostnaderna i slutredovisningen')} ${orebro.en('Särredovisa kostnaderna i slutredovisningen')}`,
        },
        {
          heading: 'Sound project finances',
          blocks: [
            {
              kind: 'p',
              text: 'Sound project finances mean having good financial control, making correct estimates when planning, being able to foresee financial effects and finally reporting a financial outcome. The financial report documents how you have managed your resources, and you are responsible for its being correct.',
            },
            { kind: 'p', text: separateAccount.en },
          ],
          source: `${orebro.en('Mer information om projektredovisning')} ${vastraGotaland.en('Syfte & mål')}`,
        },
        {
          heading: 'Repayment',
          blocks: [
            {
              kind: 'p',
              text: 'A recipient of funds must repay them if the grant was given on the wrong grounds or with too high an amount. Repayment must also be made if the grant has not been used for the purpose stated in the application.',
            },
          ],
          source: vastraGotaland.en('Återbetalning'),
        },
      ],
    },
  ],
  checklists: [
    {
      id: anchors.genderChecklist,
      heading: 'Checklist for the gender-equality perspective',
      items: [
        { question: 'Have you analysed the target group’s ability to take part in the planned activity?', point: 1 },
        {
          question:
            'Have you taken into account that, in several areas, women and men with experience of migration have different power and living conditions?',
          point: 1,
        },
        {
          question: 'Does the activity make it possible for people with small children to take part, for example by offering childcare?',
          point: 1,
        },
        { question: 'Are the premises accessible, so that everyone has an equal opportunity to take part?', point: 1 },
        ...involvementQuestions.en,
      ],
    },
    {
      id: anchors.childChecklist,
      heading: 'Checklist for the child perspective',
      items: [
        {
          question: 'Have you analysed what effect the activity has on children, even if children are not your primary target group?',
          point: 2,
        },
        { question: 'Does your analysis include an assessment of the best interests of the child?', point: 2 },
        ...involvementQuestions.en,
      ],
    },
  ],
};

export function guidanceContent(lang: Lang): GuidanceContent {
  return lang === 'sv' ? sv : en;
}
