import assert from 'node:assert/strict';
import { test } from 'node:test';
import { programmeRows, purposeRows, targetGroupRows } from '../../../seed/programmes.ts';
import {
  checkEligibility,
  type EligibilityAnswers,
  type EligibilityCode,
  type EligibilityFailure,
  type EligibilityInput,
  eligibilityMessage,
  eligibilityMessages,
  isCalendarDate,
  isOfferedInYear,
  optionsForYear,
  organisationInCallCounty,
  organisationMayApply,
  requiredConfirmations,
} from './eligibility.ts';

// The programmes, purposes and target groups exactly as the seed loads them.
function programme(code: 's37' | 's37a') {
  const row = programmeRows.find((p) => p.code === code);
  assert.ok(row, `seed has programme ${code}`);
  return { code: row.code, eligibleKinds: row.eligibleKinds };
}
const options = {
  purposes: purposeRows.map((r) => ({ ...r, fromYear: r.fromYear ?? null, toYear: r.toYear ?? null })),
  targetGroups: targetGroupRows.map((r) => ({ ...r, fromYear: r.fromYear ?? null, toYear: r.toYear ?? null })),
};

const s37a = programme('s37a');
const s37 = programme('s37');
const botkyrka = { kind: 'municipality' as const, countyCode: '01', name: 'Botkyrka kommun' };
const federation = { kind: 'municipalFederation' as const, countyCode: '05', name: 'Demoförbundet Östgöta integration (demo)' };
// Seed 000: Stockholm, autumn 2022, 5 800 000 kronor to distribute.
const stockholm2022 = { countyCode: '01', year: 2022, budgetOre: 580_000_000, maxAmountOre: null };
const ostergotland2023 = { countyCode: '05', year: 2023, budgetOre: 50_000_000, maxAmountOre: null };

const completeAnswers: EligibilityAnswers = {
  purposeCodes: ['languageLearning'],
  targetGroupCodes: ['newcomers'],
  amountAppliedOre: 45_000_000,
  projectStart: '2022-11-01',
  projectEnd: '2023-10-31',
  hasPartners: true,
  confirmations: { notForProfit: true, municipalityResponsible: true, municipalityParticipates: true },
};

function s37aInput(answers: Partial<EligibilityAnswers> = {}, call: Partial<EligibilityInput['call']> = {}): EligibilityInput {
  return {
    programme: s37a,
    call: { ...stockholm2022, ...call },
    organisation: botkyrka,
    options,
    answers: { ...completeAnswers, ...answers },
  };
}

// Intl groups digits with no-break spaces.
function plainSpaces(text: string): string {
  return text.replace(/\s/g, ' ');
}

function codes(failures: EligibilityFailure[]): EligibilityCode[] {
  return failures.map((f) => f.code);
}

test('rejects a municipal federation applying for § 37 a', () => {
  assert.deepEqual(organisationMayApply(s37a, federation), { ok: false, reason: 'kindNotEligible' });
});

test('accepts a municipal federation applying for § 37', () => {
  assert.deepEqual(organisationMayApply(s37, federation), { ok: true });
});

test('accepts a municipality applying for either programme', () => {
  assert.deepEqual(organisationMayApply(s37a, botkyrka), { ok: true });
  assert.deepEqual(organisationMayApply(s37, botkyrka), { ok: true });
});

test('tells a municipal federation why it cannot apply for § 37 a', () => {
  const input: EligibilityInput = { ...s37aInput(), call: { ...stockholm2022, countyCode: '05' }, organisation: federation };
  const failures = checkEligibility(input);
  assert.deepEqual(
    failures.filter((f) => f.field === 'organisation'),
    [
      {
        field: 'organisation',
        code: 'kindNotEligible',
        kind: 'municipalFederation',
        programmeCode: 's37a',
        eligibleKinds: ['municipality'],
      },
    ],
  );
  assert.equal(eligibilityMessage(failures[0]!, 'sv'), 'Ett kommunalförbund kan inte söka § 37 a-medel. Endast kommuner får söka.');
  assert.equal(
    eligibilityMessage(failures[0]!, 'en'),
    'A municipal federation cannot apply for § 37 a funds. Only municipalities may apply.',
  );
});

test('a complete § 37 application from a municipal federation in the call county has no failures', () => {
  const input: EligibilityInput = {
    programme: s37,
    call: ostergotland2023,
    organisation: federation,
    options,
    answers: {
      ...completeAnswers,
      purposeCodes: ['receptionCapacity', 'cooperation'],
      targetGroupCodes: ['newcomersWithResidencePermit'],
      projectStart: '2023-10-01',
      projectEnd: '2024-03-31',
      confirmations: { notForProfit: false, municipalityResponsible: false, municipalityParticipates: false },
    },
  };
  assert.deepEqual(checkEligibility(input), []);
});

test('a complete § 37 a application from a municipality has no failures', () => {
  assert.deepEqual(checkEligibility(s37aInput()), []);
});

test('accepts an organisation in the call county and refuses one elsewhere', () => {
  assert.deepEqual(organisationInCallCounty(stockholm2022, botkyrka), { ok: true });
  assert.deepEqual(organisationInCallCounty(stockholm2022, { countyCode: '14' }), { ok: false, reason: 'outsideCallCounty' });
});

test('refuses a municipality applying in another county’s call, naming it in the message', () => {
  const failures = checkEligibility({ ...s37aInput(), organisation: { ...botkyrka, countyCode: '14', name: 'Borås Stad' } });
  assert.deepEqual(failures, [{ field: 'organisation', code: 'outsideCallCounty', organisationName: 'Borås Stad' }]);
  assert.match(eligibilityMessage(failures[0]!, 'sv'), /^Borås Stad ligger inte i det län som utlysningen gäller\./);
});

test('reports an ineligible kind rather than the county when both are wrong', () => {
  const failures = checkEligibility({ ...s37aInput(), organisation: federation });
  assert.deepEqual(codes(failures), ['kindNotEligible']);
});

test('offers the temporary-protection target group from 2022 on, and the open-ended ones every year', () => {
  const codesIn = (year: number) => optionsForYear(options, year).targetGroups.map((g) => `${g.programmeCode}:${g.code}`);
  assert.ok(!codesIn(2021).includes('s37a:temporaryProtection'));
  assert.ok(codesIn(2022).includes('s37a:temporaryProtection'));
  assert.ok(codesIn(2018).includes('s37a:newcomers'));
  assert.ok(codesIn(2018).includes('s37:newcomersWithResidencePermit'));
  assert.equal(optionsForYear(options, 2018).purposes.length, options.purposes.length);
});

test('counts a year bound as inclusive at both ends', () => {
  const span = { fromYear: 2020, toYear: 2022 };
  assert.equal(isOfferedInYear(span, 2019), false);
  assert.equal(isOfferedInYear(span, 2020), true);
  assert.equal(isOfferedInYear(span, 2022), true);
  assert.equal(isOfferedInYear(span, 2023), false);
  assert.equal(isOfferedInYear({ fromYear: null, toYear: null }, 1990), true);
});

test('refuses the temporary-protection target group before 2022', () => {
  const failures = checkEligibility(s37aInput({ targetGroupCodes: ['newcomers', 'temporaryProtection'] }, { year: 2021 }));
  assert.deepEqual(failures, [{ field: 'targetGroups', code: 'targetGroupNotOffered', year: 2021, codes: ['temporaryProtection'] }]);
  assert.equal(
    eligibilityMessage(failures[0]!, 'sv'),
    'En eller flera av de valda målgrupperna går inte att välja för bidraget 2021. Välj bland målgrupperna i listan.',
  );
});

test('accepts the temporary-protection target group in 2022', () => {
  assert.deepEqual(checkEligibility(s37aInput({ targetGroupCodes: ['temporaryProtection'] })), []);
});

test('refuses the temporary-protection target group for § 37, which does not offer it', () => {
  const input: EligibilityInput = {
    ...s37aInput({ purposeCodes: ['cooperation'], targetGroupCodes: ['temporaryProtection'] }),
    programme: s37,
    call: { ...stockholm2022, year: 2023 },
  };
  assert.deepEqual(codes(checkEligibility(input)), ['targetGroupNotOffered']);
});

test('refuses a target group that only the other programme offers', () => {
  const failures = checkEligibility(s37aInput({ targetGroupCodes: ['newcomersWithResidencePermit'] }));
  assert.deepEqual(failures, [
    { field: 'targetGroups', code: 'targetGroupNotOffered', year: 2022, codes: ['newcomersWithResidencePermit'] },
  ]);
});

test('requires at least one target group', () => {
  assert.deepEqual(checkEligibility(s37aInput({ targetGroupCodes: [] })), [{ field: 'targetGroups', code: 'targetGroupMissing' }]);
});

test('requires at least one of the four § 37 a purposes', () => {
  assert.deepEqual(checkEligibility(s37aInput({ purposeCodes: [] })), [{ field: 'purposes', code: 'purposeMissing' }]);
  for (const code of ['establishment', 'networks', 'languageLearning', 'socialSupportUnaccompaniedChildren']) {
    assert.deepEqual(checkEligibility(s37aInput({ purposeCodes: [code] })), [], code);
  }
});

test('refuses a § 37 purpose in a § 37 a application', () => {
  const failures = checkEligibility(s37aInput({ purposeCodes: ['languageLearning', 'receptionCapacity'] }));
  assert.deepEqual(failures, [{ field: 'purposes', code: 'purposeNotOffered', year: 2022, codes: ['receptionCapacity'] }]);
});

test('refuses a purpose outside its years', () => {
  const ended = {
    ...options,
    purposes: [...options.purposes, { programmeCode: 's37a', code: 'oldPurpose', fromYear: null, toYear: 2021 }],
  };
  assert.deepEqual(checkEligibility({ ...s37aInput({ purposeCodes: ['oldPurpose'] }), options: ended }), [
    { field: 'purposes', code: 'purposeNotOffered', year: 2022, codes: ['oldPurpose'] },
  ]);
  assert.deepEqual(checkEligibility({ ...s37aInput({ purposeCodes: ['oldPurpose'] }, { year: 2021 }), options: ended }), []);
});

test('requires an amount', () => {
  assert.deepEqual(checkEligibility(s37aInput({ amountAppliedOre: null })), [{ field: 'amountApplied', code: 'amountMissing' }]);
});

test('refuses an amount of zero', () => {
  assert.deepEqual(checkEligibility(s37aInput({ amountAppliedOre: 0 })), [{ field: 'amountApplied', code: 'amountNotPositive' }]);
});

test('refuses a negative amount', () => {
  assert.deepEqual(checkEligibility(s37aInput({ amountAppliedOre: -100 })), [{ field: 'amountApplied', code: 'amountNotPositive' }]);
});

test('accepts one öre', () => {
  assert.deepEqual(checkEligibility(s37aInput({ amountAppliedOre: 1 })), []);
});

test('accepts an amount exactly equal to the per-application maximum', () => {
  assert.deepEqual(checkEligibility(s37aInput({ amountAppliedOre: 50_000_000 }, { maxAmountOre: 50_000_000 })), []);
});

test('refuses an amount one öre above the per-application maximum, stating the maximum', () => {
  const failures = checkEligibility(s37aInput({ amountAppliedOre: 50_000_001 }, { maxAmountOre: 50_000_000 }));
  assert.deepEqual(failures, [{ field: 'amountApplied', code: 'amountAboveMaximum', limitOre: 50_000_000 }]);
  assert.equal(plainSpaces(eligibilityMessage(failures[0]!, 'sv')), 'Ni kan söka högst 500 000 kr i den här utlysningen. Sänk beloppet.');
  assert.equal(eligibilityMessage(failures[0]!, 'en'), 'You can apply for at most 500,000 SEK in this call. Lower the amount.');
});

test('accepts an amount exactly equal to the call budget', () => {
  assert.deepEqual(checkEligibility(s37aInput({ amountAppliedOre: 580_000_000 })), []);
});

test('refuses an amount above the call budget, stating the budget', () => {
  const failures = checkEligibility(s37aInput({ amountAppliedOre: 580_000_001 }));
  assert.deepEqual(failures, [{ field: 'amountApplied', code: 'amountAboveBudget', limitOre: 580_000_000 }]);
  assert.equal(plainSpaces(eligibilityMessage(failures[0]!, 'sv')), 'Utlysningen har 5 800 000 kr att fördela. Sök högst det beloppet.');
});

test('accepts any positive amount when the call states neither budget nor maximum', () => {
  assert.deepEqual(checkEligibility(s37aInput({ amountAppliedOre: 10_000_000_000 }, { budgetOre: null, maxAmountOre: null })), []);
});

test('names the lower limit when an amount exceeds both', () => {
  const both = { budgetOre: 100_000_000, maxAmountOre: 30_000_000 };
  assert.deepEqual(codes(checkEligibility(s37aInput({ amountAppliedOre: 200_000_000 }, both))), ['amountAboveMaximum']);
  const budgetLower = { budgetOre: 20_000_000, maxAmountOre: 30_000_000 };
  assert.deepEqual(checkEligibility(s37aInput({ amountAppliedOre: 25_000_000 }, budgetLower)), [
    { field: 'amountApplied', code: 'amountAboveBudget', limitOre: 20_000_000 },
  ]);
  assert.deepEqual(checkEligibility(s37aInput({ amountAppliedOre: 40_000_000 }, budgetLower)), [
    { field: 'amountApplied', code: 'amountAboveBudget', limitOre: 20_000_000 },
  ]);
});

test('refuses a project period that ends on the day it starts', () => {
  assert.deepEqual(checkEligibility(s37aInput({ projectStart: '2022-11-01', projectEnd: '2022-11-01' })), [
    { field: 'projectPeriod.end', code: 'endNotAfterStart' },
  ]);
});

test('accepts a project period that ends the day after it starts', () => {
  assert.deepEqual(checkEligibility(s37aInput({ projectStart: '2022-11-01', projectEnd: '2022-11-02' })), []);
});

test('refuses a project period that ends before it starts', () => {
  assert.deepEqual(codes(checkEligibility(s37aInput({ projectStart: '2023-01-01', projectEnd: '2022-12-31' }))), ['endNotAfterStart']);
});

test('requires both project dates, each beside its own field', () => {
  assert.deepEqual(checkEligibility(s37aInput({ projectStart: null, projectEnd: null })), [
    { field: 'projectPeriod.start', code: 'startMissing' },
    { field: 'projectPeriod.end', code: 'endMissing' },
  ]);
});

test('refuses dates that do not exist, such as 31 June', () => {
  // Seed 002 gives a period ending "31 juni 2019".
  assert.deepEqual(checkEligibility(s37aInput({ projectStart: '2018-09-01', projectEnd: '2019-06-31' })), [
    { field: 'projectPeriod.end', code: 'endInvalid' },
  ]);
  assert.deepEqual(codes(checkEligibility(s37aInput({ projectStart: '1 september 2018' }))), ['startInvalid']);
});

test('recognises real calendar dates only', () => {
  assert.equal(isCalendarDate('2024-02-29'), true);
  assert.equal(isCalendarDate('2023-02-29'), false);
  assert.equal(isCalendarDate('2023-13-01'), false);
  assert.equal(isCalendarDate('2023-1-01'), false);
  assert.equal(isCalendarDate('2000-02-29'), true);
  assert.equal(isCalendarDate('1900-02-29'), false);
  for (const date of ['2023-04-31', '2023-00-10', '2023-01-00', '2023-12-32', ' 2023-01-01', '2023-01-01T00:00']) {
    assert.equal(isCalendarDate(date), false, date);
  }
  assert.equal(isCalendarDate('2023-12-31'), true);
});

test('requires the not-for-profit confirmation for § 37 a', () => {
  const failures = checkEligibility(s37aInput({ confirmations: { ...completeAnswers.confirmations, notForProfit: false } }));
  assert.deepEqual(failures, [{ field: 'confirmations.notForProfit', code: 'notForProfitNotConfirmed' }]);
});

test('requires the confirmation that the applying municipality stays responsible', () => {
  const failures = checkEligibility(s37aInput({ confirmations: { ...completeAnswers.confirmations, municipalityResponsible: false } }));
  assert.deepEqual(failures, [{ field: 'confirmations.municipalityResponsible', code: 'municipalityResponsibleNotConfirmed' }]);
});

test('requires the municipality’s active participation to be confirmed when the project has partners', () => {
  const unconfirmed = { ...completeAnswers.confirmations, municipalityParticipates: false };
  assert.deepEqual(checkEligibility(s37aInput({ confirmations: unconfirmed })), [
    { field: 'confirmations.municipalityParticipates', code: 'municipalityParticipatesNotConfirmed' },
  ]);
  assert.deepEqual(checkEligibility(s37aInput({ confirmations: unconfirmed, hasPartners: false })), []);
});

test('asks § 37 a applicants for the confirmations, and § 37 applicants for none', () => {
  assert.deepEqual(requiredConfirmations('s37a', true), ['notForProfit', 'municipalityResponsible', 'municipalityParticipates']);
  assert.deepEqual(requiredConfirmations('s37a', false), ['notForProfit', 'municipalityResponsible']);
  assert.deepEqual(requiredConfirmations('s37', true), []);
});

test('lists every failure of an empty form in the order of the form', () => {
  const empty: EligibilityAnswers = {
    purposeCodes: [],
    targetGroupCodes: [],
    amountAppliedOre: null,
    projectStart: null,
    projectEnd: null,
    hasPartners: true,
    confirmations: { notForProfit: false, municipalityResponsible: false, municipalityParticipates: false },
  };
  assert.deepEqual(
    checkEligibility({ ...s37aInput(empty), organisation: { ...botkyrka, countyCode: '14' } }).map((f) => f.field),
    [
      'organisation',
      'purposes',
      'targetGroups',
      'amountApplied',
      'projectPeriod.start',
      'projectPeriod.end',
      'confirmations.notForProfit',
      'confirmations.municipalityResponsible',
      'confirmations.municipalityParticipates',
    ],
  );
});

test('has a distinct Swedish and English message for every failure code', () => {
  const samples: EligibilityFailure[] = [
    { field: 'organisation', code: 'kindNotEligible', kind: 'municipalFederation', programmeCode: 's37a', eligibleKinds: ['municipality'] },
    { field: 'organisation', code: 'outsideCallCounty', organisationName: 'Borås Stad' },
    { field: 'purposes', code: 'purposeMissing' },
    { field: 'purposes', code: 'purposeNotOffered', year: 2021, codes: ['x'] },
    { field: 'targetGroups', code: 'targetGroupMissing' },
    { field: 'targetGroups', code: 'targetGroupNotOffered', year: 2021, codes: ['x'] },
    { field: 'amountApplied', code: 'amountMissing' },
    { field: 'amountApplied', code: 'amountNotPositive' },
    { field: 'amountApplied', code: 'amountAboveMaximum', limitOre: 100 },
    { field: 'amountApplied', code: 'amountAboveBudget', limitOre: 100 },
    { field: 'projectPeriod.start', code: 'startMissing' },
    { field: 'projectPeriod.start', code: 'startInvalid' },
    { field: 'projectPeriod.end', code: 'endMissing' },
    { field: 'projectPeriod.end', code: 'endInvalid' },
    { field: 'projectPeriod.end', code: 'endNotAfterStart' },
    { field: 'confirmations.notForProfit', code: 'notForProfitNotConfirmed' },
    { field: 'confirmations.municipalityResponsible', code: 'municipalityResponsibleNotConfirmed' },
    { field: 'confirmations.municipalityParticipates', code: 'municipalityParticipatesNotConfirmed' },
  ];
  assert.deepEqual(new Set(samples.map((f) => f.code)), new Set(Object.keys(eligibilityMessages('sv'))));
  for (const lang of ['sv', 'en'] as const) {
    const texts = samples.map((f) => eligibilityMessage(f, lang));
    assert.equal(new Set(texts).size, samples.length, `${lang} messages are distinct`);
    for (const text of texts) assert.match(text, /^\S.*\.$/, `${lang}: ${text}`);
  }
});

test('names the eligible kinds and the programme in the refusal for other combinations', () => {
  const failure: EligibilityFailure = {
    field: 'organisation',
    code: 'kindNotEligible',
    kind: 'municipality',
    programmeCode: 'future',
    eligibleKinds: ['municipalFederation'],
  };
  assert.equal(eligibilityMessage(failure, 'sv'), 'En kommun kan inte söka det här bidraget. Endast kommunalförbund får söka.');
});
