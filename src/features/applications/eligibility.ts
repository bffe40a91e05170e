import { formatKronor } from '../../platform/format.ts';
import { defineTexts, type Lang } from '../../platform/i18n.ts';

/**
 * Who may apply for what, and what an application must state before it can be submitted.
 * Plain functions over plain data: the route loads the rows, these rules judge them.
 */

export type OrganisationKind = 'municipality' | 'municipalFederation';

export interface EligibilityProgramme {
  code: string;
  /** As stored on the programme: the organisation kinds that may apply. */
  eligibleKinds: readonly string[];
}

export interface EligibilityCall {
  countyCode: string;
  year: number;
  budgetOre: number | null;
  maxAmountOre: number | null;
}

export interface EligibilityOrganisation {
  kind: OrganisationKind;
  countyCode: string;
  name: string;
}

/** A purpose or target group as stored: valid from/to a year inclusive, null meaning open-ended. */
export interface YearBoundOption {
  programmeCode: string;
  code: string;
  fromYear: number | null;
  toYear: number | null;
}

export interface EligibilityOptions<P extends YearBoundOption = YearBoundOption, T extends YearBoundOption = YearBoundOption> {
  purposes: readonly P[];
  targetGroups: readonly T[];
}

export interface Confirmations {
  /** "Vi ger ersättning till insatser som bedrivs utan vinstsyfte" (seeds 000–002). */
  notForProfit: boolean;
  /** "Ansökande kommun är alltid ansvarig för genomförande av insatsen" (seed 001). */
  municipalityResponsible: boolean;
  /**
   * "Aktiv medverkan av ansökande kommun måste säkerställas i de fall insatsen genomförs i samverkan
   * med en eller flera organisationer" (seed 001): the municipality's own participation, asked only
   * when the project has partners.
   */
  municipalityParticipates: boolean;
}

export type ConfirmationKey = keyof Confirmations;

export interface EligibilityAnswers {
  purposeCodes: readonly string[];
  targetGroupCodes: readonly string[];
  amountAppliedOre: number | null;
  /** Calendar dates 'YYYY-MM-DD'. */
  projectStart: string | null;
  projectEnd: string | null;
  /** True when the project is carried out together with one or more organisations (samverkansparter). */
  hasPartners: boolean;
  confirmations: Confirmations;
}

export interface EligibilityInput {
  programme: EligibilityProgramme;
  call: EligibilityCall;
  organisation: EligibilityOrganisation;
  options: EligibilityOptions;
  answers: EligibilityAnswers;
}

/** Why an application cannot be submitted, naming the answer field the message belongs beside. */
export type EligibilityFailure =
  | { field: 'organisation'; code: 'kindNotEligible'; kind: OrganisationKind; programmeCode: string; eligibleKinds: readonly string[] }
  | { field: 'organisation'; code: 'outsideCallCounty'; organisationName: string }
  | { field: 'purposes'; code: 'purposeMissing' }
  | { field: 'purposes'; code: 'purposeNotOffered'; year: number; codes: string[] }
  | { field: 'targetGroups'; code: 'targetGroupMissing' }
  | { field: 'targetGroups'; code: 'targetGroupNotOffered'; year: number; codes: string[] }
  | { field: 'amountApplied'; code: 'amountMissing' | 'amountNotPositive' }
  | { field: 'amountApplied'; code: 'amountAboveMaximum' | 'amountAboveBudget'; limitOre: number }
  | { field: 'projectPeriod.start'; code: 'startMissing' | 'startInvalid' }
  | { field: 'projectPeriod.end'; code: 'endMissing' | 'endInvalid' | 'endNotAfterStart' }
  | { field: 'confirmations.notForProfit'; code: 'notForProfitNotConfirmed' }
  | { field: 'confirmations.municipalityResponsible'; code: 'municipalityResponsibleNotConfirmed' }
  | { field: 'confirmations.municipalityParticipates'; code: 'municipalityParticipatesNotConfirmed' };

export type EligibilityField = EligibilityFailure['field'];
export type EligibilityCode = EligibilityFailure['code'];

/** § 37 a lets only municipalities apply; § 37 lets municipalities and municipal federations apply. */
export function organisationMayApply(
  programme: Pick<EligibilityProgramme, 'eligibleKinds'>,
  organisation: Pick<EligibilityOrganisation, 'kind'>,
): { ok: true } | { ok: false; reason: 'kindNotEligible' } {
  return programme.eligibleKinds.includes(organisation.kind) ? { ok: true } : { ok: false, reason: 'kindNotEligible' };
}

/** A call is a round in one county: only organisations in that county may apply in it. */
export function organisationInCallCounty(
  call: Pick<EligibilityCall, 'countyCode'>,
  organisation: Pick<EligibilityOrganisation, 'countyCode'>,
): { ok: true } | { ok: false; reason: 'outsideCallCounty' } {
  return call.countyCode === organisation.countyCode ? { ok: true } : { ok: false, reason: 'outsideCallCounty' };
}

/**
 * Why an organisation may not apply in a call, or null if it may: the programme's organisation
 * kinds first, as that is the reason a federation refused § 37 a needs to read.
 */
export function refusalToApply(
  call: Pick<EligibilityCall, 'countyCode'> & { programmeCode: string; eligibleKinds: readonly string[] },
  organisation: EligibilityOrganisation,
): Extract<EligibilityFailure, { field: 'organisation' }> | null {
  if (!organisationMayApply(call, organisation).ok) {
    return {
      field: 'organisation',
      code: 'kindNotEligible',
      kind: organisation.kind,
      programmeCode: call.programmeCode,
      eligibleKinds: call.eligibleKinds,
    };
  }
  if (!organisationInCallCounty(call, organisation).ok) {
    return { field: 'organisation', code: 'outsideCallCounty', organisationName: organisation.name };
  }
  return null;
}

/** Whether a purpose or target group may be chosen in a call of `year`. */
export function isOfferedInYear(option: Pick<YearBoundOption, 'fromYear' | 'toYear'>, year: number): boolean {
  return (option.fromYear === null || option.fromYear <= year) && (option.toYear === null || year <= option.toYear);
}

/** The purposes and target groups that may be chosen in a call of `year`, in their given order. */
export function optionsForYear<P extends YearBoundOption, T extends YearBoundOption>(
  options: EligibilityOptions<P, T>,
  year: number,
): { purposes: P[]; targetGroups: T[] } {
  return {
    purposes: options.purposes.filter((o) => isOfferedInYear(o, year)),
    targetGroups: options.targetGroups.filter((o) => isOfferedInYear(o, year)),
  };
}

const confirmationsByProgramme: Record<string, readonly ConfirmationKey[]> = {
  // Seed 001, "Kommuner kan söka medel", and the not-for-profit condition every § 37 a page states.
  // The § 37 page (seed 003) states none of these, and a federation could not confirm them.
  s37a: ['notForProfit', 'municipalityResponsible', 'municipalityParticipates'],
};

/**
 * The confirmations the applicant must tick for a programme. The municipality's active participation
 * is asked only when the project is carried out with partners.
 */
export function requiredConfirmations(programmeCode: string, hasPartners: boolean): ConfirmationKey[] {
  return (confirmationsByProgramme[programmeCode] ?? []).filter((key) => key !== 'municipalityParticipates' || hasPartners);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar date written 'YYYY-MM-DD'. */
export function isCalendarDate(value: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day >= 1 && day <= days;
}

function checkChosenCodes(
  chosen: readonly string[],
  offered: readonly YearBoundOption[],
  programmeCode: string,
  year: number,
): { missing: true } | { missing: false; notOffered: string[] } {
  if (chosen.length === 0) return { missing: true };
  const valid = new Set(offered.filter((o) => o.programmeCode === programmeCode && isOfferedInYear(o, year)).map((o) => o.code));
  return { missing: false, notOffered: chosen.filter((code) => !valid.has(code)) };
}

function checkAmount(amountOre: number | null, call: EligibilityCall): EligibilityFailure | null {
  if (amountOre === null) return { field: 'amountApplied', code: 'amountMissing' };
  if (amountOre <= 0) return { field: 'amountApplied', code: 'amountNotPositive' };
  // Report the lower of the limits exceeded: the amount that would fit both. A tie names the
  // per-application maximum, the more specific rule.
  const exceeded = [
    { code: 'amountAboveMaximum' as const, limitOre: call.maxAmountOre },
    { code: 'amountAboveBudget' as const, limitOre: call.budgetOre },
  ].filter((l): l is { code: typeof l.code; limitOre: number } => l.limitOre !== null && amountOre > l.limitOre);
  const lowest = exceeded.reduce<(typeof exceeded)[number] | null>((low, l) => (low === null || l.limitOre < low.limitOre ? l : low), null);
  return lowest === null ? null : { field: 'amountApplied', code: lowest.code, limitOre: lowest.limitOre };
}

function checkPeriod(start: string | null, end: string | null): EligibilityFailure[] {
  const failures: EligibilityFailure[] = [];
  const startValid = start !== null && isCalendarDate(start);
  if (start === null) failures.push({ field: 'projectPeriod.start', code: 'startMissing' });
  else if (!startValid) failures.push({ field: 'projectPeriod.start', code: 'startInvalid' });
  if (end === null) failures.push({ field: 'projectPeriod.end', code: 'endMissing' });
  else if (!isCalendarDate(end)) failures.push({ field: 'projectPeriod.end', code: 'endInvalid' });
  else if (startValid && end <= start) failures.push({ field: 'projectPeriod.end', code: 'endNotAfterStart' });
  return failures;
}

const confirmationFailures: { [K in ConfirmationKey]: EligibilityFailure } = {
  notForProfit: { field: 'confirmations.notForProfit', code: 'notForProfitNotConfirmed' },
  municipalityResponsible: { field: 'confirmations.municipalityResponsible', code: 'municipalityResponsibleNotConfirmed' },
  municipalityParticipates: { field: 'confirmations.municipalityParticipates', code: 'municipalityParticipatesNotConfirmed' },
};

/**
 * Everything that keeps an application from being submitted, in the order of the form, at most one
 * failure per field. An empty list means the application meets the rules.
 */
export function checkEligibility(input: EligibilityInput): EligibilityFailure[] {
  const { programme, call, organisation, options, answers } = input;
  const failures: EligibilityFailure[] = [];

  const refusal = refusalToApply({ ...call, programmeCode: programme.code, eligibleKinds: programme.eligibleKinds }, organisation);
  if (refusal) failures.push(refusal);

  const purposes = checkChosenCodes(answers.purposeCodes, options.purposes, programme.code, call.year);
  if (purposes.missing) failures.push({ field: 'purposes', code: 'purposeMissing' });
  else if (purposes.notOffered.length > 0)
    failures.push({ field: 'purposes', code: 'purposeNotOffered', year: call.year, codes: purposes.notOffered });

  const groups = checkChosenCodes(answers.targetGroupCodes, options.targetGroups, programme.code, call.year);
  if (groups.missing) failures.push({ field: 'targetGroups', code: 'targetGroupMissing' });
  else if (groups.notOffered.length > 0)
    failures.push({ field: 'targetGroups', code: 'targetGroupNotOffered', year: call.year, codes: groups.notOffered });

  const amount = checkAmount(answers.amountAppliedOre, call);
  if (amount !== null) failures.push(amount);

  failures.push(...checkPeriod(answers.projectStart, answers.projectEnd));

  for (const key of requiredConfirmations(programme.code, answers.hasPartners)) {
    if (!answers.confirmations[key]) failures.push(confirmationFailures[key]);
  }
  return failures;
}

const kindSubject: Record<Lang, Record<OrganisationKind, string>> = {
  sv: { municipality: 'En kommun', municipalFederation: 'Ett kommunalförbund' },
  en: { municipality: 'A municipality', municipalFederation: 'A municipal federation' },
};
const kindPlural: Record<Lang, Record<string, string>> = {
  sv: { municipality: 'kommuner', municipalFederation: 'kommunalförbund' },
  en: { municipality: 'municipalities', municipalFederation: 'municipal federations' },
};
const programmeFunds: Record<Lang, Record<string, string>> = {
  sv: { s37a: '§ 37 a-medel', s37: '§ 37-medel' },
  en: { s37a: '§ 37 a funds', s37: '§ 37 funds' },
};

function kindNotEligibleText(lang: Lang, kind: OrganisationKind, programmeCode: string, eligibleKinds: readonly string[]): string {
  const funds = programmeFunds[lang][programmeCode] ?? (lang === 'sv' ? 'det här bidraget' : 'this grant');
  const who = eligibleKinds.map((k) => kindPlural[lang][k] ?? k).join(lang === 'sv' ? ' och ' : ' and ');
  const first = lang === 'sv' ? `${kindSubject.sv[kind]} kan inte söka ${funds}.` : `${kindSubject.en[kind]} cannot apply for ${funds}.`;
  if (who === '') return first;
  return lang === 'sv' ? `${first} Endast ${who} får söka.` : `${first} Only ${who} may apply.`;
}

/**
 * The messages for each failure code. Texts with values return plain strings that may hold user
 * data (an organisation's name): render them escaped. Amounts arrive formatted.
 */
export const eligibilityMessages = defineTexts({
  sv: {
    kindNotEligible: (kind: OrganisationKind, programmeCode: string, eligibleKinds: readonly string[]) =>
      kindNotEligibleText('sv', kind, programmeCode, eligibleKinds),
    outsideCallCounty: (organisationName: string) =>
      `${organisationName} ligger inte i det län som utlysningen gäller. Sök i en utlysning från länsstyrelsen i ert eget län.`,
    purposeMissing: 'Välj minst ett syfte som insatsen har.',
    purposeNotOffered: (year: number) =>
      `Ett eller flera av de valda syftena går inte att välja för bidraget ${year}. Välj bland syftena i listan.`,
    targetGroupMissing: 'Välj minst en målgrupp som insatsen vänder sig till.',
    targetGroupNotOffered: (year: number) =>
      `En eller flera av de valda målgrupperna går inte att välja för bidraget ${year}. Välj bland målgrupperna i listan.`,
    amountMissing: 'Ange hur mycket ni söker i kronor.',
    amountNotPositive: 'Beloppet ni söker måste vara större än 0 kronor.',
    amountAboveMaximum: (limit: string) => `Ni kan söka högst ${limit} i den här utlysningen. Sänk beloppet.`,
    amountAboveBudget: (limit: string) => `Utlysningen har ${limit} att fördela. Sök högst det beloppet.`,
    startMissing: 'Ange när insatsen startar.',
    startInvalid: 'Startdatumet är inte ett giltigt datum. Skriv det som år-månad-dag, till exempel 2026-09-01.',
    endMissing: 'Ange när insatsen slutar.',
    endInvalid: 'Slutdatumet är inte ett giltigt datum. Skriv det som år-månad-dag, till exempel 2027-06-30.',
    endNotAfterStart: 'Slutdatumet måste vara efter startdatumet.',
    notForProfitNotConfirmed:
      'Bekräfta att insatsen bedrivs utan vinstsyfte. Ersättning ges bara till insatser som bedrivs utan vinstsyfte.',
    municipalityResponsibleNotConfirmed:
      'Bekräfta att kommunen är ansvarig för att insatsen genomförs. Ansökande kommun är alltid ansvarig, även när insatsen genomförs i samverkan.',
    municipalityParticipatesNotConfirmed:
      'Bekräfta att kommunen medverkar aktivt i insatsen. När insatsen genomförs i samverkan med andra organisationer måste kommunens aktiva medverkan vara säkerställd.',
  },
  en: {
    kindNotEligible: (kind: OrganisationKind, programmeCode: string, eligibleKinds: readonly string[]) =>
      kindNotEligibleText('en', kind, programmeCode, eligibleKinds),
    outsideCallCounty: (organisationName: string) =>
      `${organisationName} is not in the county this call is for. Apply in a call from the county administrative board of your own county.`,
    purposeMissing: 'Choose at least one purpose of the project.',
    purposeNotOffered: (year: number) =>
      `One or more of the chosen purposes cannot be chosen for this grant in ${year}. Choose from the purposes in the list.`,
    targetGroupMissing: 'Choose at least one target group the project is aimed at.',
    targetGroupNotOffered: (year: number) =>
      `One or more of the chosen target groups cannot be chosen for this grant in ${year}. Choose from the target groups in the list.`,
    amountMissing: 'Enter how much you are applying for in kronor.',
    amountNotPositive: 'The amount you apply for must be more than 0 kronor.',
    amountAboveMaximum: (limit: string) => `You can apply for at most ${limit} in this call. Lower the amount.`,
    amountAboveBudget: (limit: string) => `The call has ${limit} to distribute. Apply for at most that amount.`,
    startMissing: 'Enter when the project starts.',
    startInvalid: 'The start date is not a valid date. Write it as year-month-day, for example 2026-09-01.',
    endMissing: 'Enter when the project ends.',
    endInvalid: 'The end date is not a valid date. Write it as year-month-day, for example 2027-06-30.',
    endNotAfterStart: 'The end date must be after the start date.',
    notForProfitNotConfirmed:
      'Confirm that the project is run without a profit motive. Funds are given only to projects run without a profit motive.',
    municipalityResponsibleNotConfirmed:
      'Confirm that the municipality is responsible for carrying out the project. The applying municipality is always responsible, also when the project is run with partners.',
    municipalityParticipatesNotConfirmed:
      "Confirm that the municipality takes an active part in the project. When the project is run with other organisations, the municipality's active participation must be secured.",
  },
});

/** The message to show beside a failure's field and in the error summary. */
export function eligibilityMessage(failure: EligibilityFailure, lang: Lang): string {
  const t = eligibilityMessages(lang);
  switch (failure.code) {
    case 'kindNotEligible':
      return t.kindNotEligible(failure.kind, failure.programmeCode, failure.eligibleKinds);
    case 'outsideCallCounty':
      return t.outsideCallCounty(failure.organisationName);
    case 'purposeNotOffered':
      return t.purposeNotOffered(failure.year);
    case 'targetGroupNotOffered':
      return t.targetGroupNotOffered(failure.year);
    case 'amountAboveMaximum':
      return t.amountAboveMaximum(formatKronor(failure.limitOre, lang));
    case 'amountAboveBudget':
      return t.amountAboveBudget(formatKronor(failure.limitOre, lang));
    default:
      return t[failure.code];
  }
}
