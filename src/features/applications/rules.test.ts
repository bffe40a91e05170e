import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalJson } from '../../platform/canonical-json.ts';
import { confirmations, stepBySlug, steps } from './form.ts';
import { answerErrorText } from './messages.ts';
import type { ApplicationDetail, ApplicationReceipt, Attachment } from './queries.ts';
import {
  type AnswerError,
  answersToStore,
  bannerFor,
  budgetTotal,
  canonicalOrgNumber,
  completedSteps,
  confirmationRecipients,
  contentDisposition,
  copiedAnswers,
  type DraftAnswers,
  deletionDate,
  mergeAnswers,
  parseDate,
  parseKronor,
  readFields,
  readKronor,
  relinkedPartnerCertificates,
  rowsAnswer,
  sha256Hex,
  stepState,
  validateStep,
} from './rules.ts';
import {
  approvalOf,
  checkSubmission,
  problemsBeforeApproval,
  requiredCertificates,
  type SubmissionCheckInput,
  serialiseSnapshot,
  snapshotContent,
} from './snapshot.ts';
import { completeAnswers } from './testing.ts';
import { errorNames } from './texts.ts';
import { answerRows, ReceiptPage, SubmittedPage } from './views.tsx';

const options = {
  purposes: [{ code: 'languageLearning', name: 'Språkinlärning', nameEn: 'Language', programmeCode: 's37a', fromYear: null, toYear: null }],
  targetGroups: [{ code: 'newcomers', name: 'Nyanlända', nameEn: 'Newcomers', programmeCode: 's37a', fromYear: null, toYear: null }],
};

function step(slug: string) {
  const found = stepBySlug(slug);
  if (!found) throw new Error(slug);
  return found;
}

test('parses kronor as people type them into whole öre', () => {
  assert.equal(parseKronor('12 500'), 1_250_000);
  assert.equal(parseKronor('12\u00a0500,50 kr'), 1_250_050);
  assert.equal(parseKronor('0,5'), 50);
  assert.equal(parseKronor('100000'), 10_000_000);
  assert.equal(parseKronor('12.5.0'), null);
  assert.equal(parseKronor('-100'), null);
  assert.equal(parseKronor('tio tusen'), null);
});

test('reads thousands grouped with a comma or point, as the English pages show amounts, and says when a number is too large', () => {
  assert.equal(parseKronor('1,000.50'), 100_050);
  assert.equal(parseKronor('1,000'), 100_000);
  assert.equal(parseKronor('1.250.000,50 kr'), 125_000_050);
  assert.equal(parseKronor('250,000 SEK'), 25_000_000);
  // Two digits after the mark are öre; the same mark cannot do both; groups have three digits.
  assert.equal(parseKronor('1,50'), 150);
  assert.equal(parseKronor('1,000,50'), null);
  assert.equal(parseKronor('1,00,000'), null);
  assert.equal(parseKronor('12,5000'), null);
  assert.equal(readKronor('999 999 999 999,99'), 99_999_999_999_999);
  assert.equal(readKronor('1 000 000 000 000'), 'tooLarge');
  assert.equal(readKronor('99999999999999999999'), 'tooLarge');
  assert.equal(readKronor('100:-'), 'invalid');
  const budget = step('budget');
  assert.deepEqual(
    validateStep(budget, { 'cost.personnel': '1 000 000 000 000' }, options).find((e) => e.key === 'cost.personnel')?.code,
    'amountTooLarge',
  );
});

test('a file is saved under its own name, in ASCII for old clients and in UTF-8 for the rest', () => {
  assert.equal(contentDisposition('intyg.pdf'), `attachment; filename="intyg.pdf"; filename*=UTF-8''intyg.pdf`);
  assert.equal(
    contentDisposition('Intyg "Föreningen" 100%.pdf'),
    `attachment; filename="Intyg _F_reningen_ 100_.pdf"; filename*=UTF-8''Intyg%20%22F%C3%B6reningen%22%20100%25.pdf`,
  );
});

test('accepts only real calendar dates', () => {
  assert.equal(parseDate(' 2026-09-01 '), '2026-09-01');
  assert.equal(parseDate('2019-06-31'), null);
  assert.equal(parseDate('1/9 2026'), null);
});

test('reads rows from a posted form and drops blank rows', () => {
  const partners = step('samverkan').fields;
  const answers = readFields(partners, {
    'partners.0.organisation': 'Föreningen A',
    'partners.0.role': 'Håller i träffar',
    'partners.0.orgNumber': '',
    'partners.0.receivesMoney': 'no',
    'partners.1.organisation': '  ',
    'partners.1.role': '',
    'partners.1.orgNumber': '',
    'partners.2.organisation': 'Förening B\r\nrad två',
    'partners.2.role': 'Lokaler',
  });
  assert.deepEqual(answers.partners, [
    { organisation: 'Föreningen A', role: 'Håller i träffar', orgNumber: '', receivesMoney: 'no' },
    { organisation: 'Förening B\nrad två', role: 'Lokaler', orgNumber: '', receivesMoney: '' },
  ]);
});

test('keeps what was typed even when it is invalid, and says what is wrong field by field', () => {
  const project = step('insatsen');
  const typed = readFields(project.fields, { title: '', projectStart: '2026-02-30', projectEnd: '2026-01-01', purposeCodes: 'unknown' });
  assert.equal(typed.projectStart, '2026-02-30');
  const codes = validateStep(project, typed, options).map((e) => `${e.key}:${e.code}`);
  assert.deepEqual(codes, ['title:required', 'projectStart:invalidDate', 'purposeCodes:invalidChoice', 'targetGroupCodes:required']);
});

test('refuses a project that ends before it starts', () => {
  const project = step('insatsen');
  const answers = { ...completeAnswers(2026).insatsen, projectStart: '2026-09-01', projectEnd: '2026-09-01' } as DraftAnswers;
  assert.deepEqual(
    validateStep(project, { ...answers, purposeCodes: ['languageLearning'], targetGroupCodes: ['newcomers'] }, options).map((e) => e.code),
    ['periodOrder'],
  );
});

test('checks that costs equal own financing plus the amount applied for', () => {
  const budget = step('budget');
  const balanced: DraftAnswers = {
    'cost.personnel': '100 000',
    'cost.premises': '20 000',
    ownFinancing: '20 000',
    amountApplied: '100 000',
  };
  assert.equal(budgetTotal(balanced), 12_000_000);
  assert.deepEqual(validateStep(budget, balanced, options), []);
  const off = { ...balanced, amountApplied: '100 001' };
  assert.deepEqual(
    validateStep(budget, off, options).map((e) => `${e.key}:${e.code}`),
    ['amountApplied:budgetSum'],
  );
});

test('validates an organisation number only when one is given', () => {
  const cooperation = step('samverkan');
  const row = { organisation: 'Förening', role: 'Roll', receivesMoney: 'yes' };
  assert.deepEqual(validateStep(cooperation, { partners: [{ ...row, orgNumber: '' }] }, options), []);
  assert.deepEqual(
    validateStep(cooperation, { partners: [{ ...row, orgNumber: '212000-0143' }] }, options).map((e) => e.key),
    ['partners.0.orgNumber'],
  );
  assert.deepEqual(validateStep(cooperation, { partners: [{ ...row, orgNumber: '212000-0142' }] }, options), []);
});

test('takes an organisation number as ten digits (or with the prefix 16), never a personal identity number', () => {
  const cooperation = step('samverkan');
  const row = { organisation: 'Förening', role: 'Roll', receivesMoney: 'yes' };
  const codes = (orgNumber: string) => validateStep(cooperation, { partners: [{ ...row, orgNumber }] }, options).map((e) => e.code);
  for (const fine of ['802002-8711', '8020028711', '16802002-8711']) assert.deepEqual(codes(fine), [], fine);
  for (const personal of ['900101-0017', '19900101-0017', '9001010017'])
    assert.deepEqual(codes(personal), ['orgNumberIsPersonal'], personal);
  // The package alone takes twelve digits of a personal identity number and stray separators.
  for (const wrong of ['19802002-8711', '802002+8711', '80 20 02-87 11']) assert.deepEqual(codes(wrong), ['invalidOrgNumber'], wrong);
  assert.match(
    answerErrorText({ key: 'partners.0.orgNumber', code: 'orgNumberIsPersonal', row: 1 }, {}, 'sv'),
    /är ett personnummer\. Lämna fältet tomt om samverkansparten är en enskild firma\./,
  );
});

test('stores a valid organisation number as NNNNNN-NNNN however it was typed; anything else as typed', () => {
  const partners = step('samverkan').fields;
  const stored = (orgNumber: string) =>
    rowsAnswer(readFields(partners, { 'partners.0.organisation': 'Förening', 'partners.0.orgNumber': orgNumber }), 'partners')[0]
      ?.orgNumber;
  // Pasted from a document: an en dash, a minus sign, a non-breaking hyphen, a full-width hyphen, a
  // soft hyphen hidden in the digits; and (already trimmed before) a no-break space.
  for (const typed of [
    '802002-8711',
    '8020028711',
    '16802002-8711',
    '168020028711',
    ' 802002-8711 ',
    '802002\u20138711',
    '802002\u22128711',
    '802002\u20118711',
    '802002\uff0d8711',
    '8020\u00ad02-8711',
    '\u00a0802002-8711',
  ])
    assert.equal(stored(typed), '802002-8711', typed);
  for (const kept of ['802002-8712', '900101-0017', '80 20 02-87 11']) assert.equal(stored(kept), kept);
  assert.equal(canonicalOrgNumber('9001010017'), '9001010017');
});

test('puts a milestone outside the project period next to its date', () => {
  const timePlan = step('tidplan');
  const answers: DraftAnswers = {
    projectStart: '2026-09-01',
    projectEnd: '2027-06-30',
    milestones: [{ date: '2027-08-01', description: 'Slut' }],
    ending: 'Överlämning',
  };
  assert.deepEqual(
    validateStep(timePlan, answers, options).map((e) => `${e.key}:${e.code}`),
    ['milestones.0.date:milestoneOutsidePeriod'],
  );
});

test('a step is not started, in progress or complete', () => {
  const aims = step('syfte-och-mal');
  assert.equal(stepState(aims, {}, options), 'notStarted');
  assert.equal(stepState(aims, { aims: 'Syfte' }, options), 'inProgress');
  assert.equal(stepState(aims, { aims: 'Syfte', goals: 'Mål' }, options), 'complete');
});

test('a draft counts its complete steps out of all of them', () => {
  assert.deepEqual(completedSteps({}, options), { done: 0, total: steps.length });
  // One complete step, one begun: only the complete one counts.
  assert.deepEqual(completedSteps({ aims: 'Syfte', goals: 'Mål', background: 'Bakgrund' }, options), { done: 1, total: steps.length });
});

test('a step of optional questions is not started in a new draft, and complete once saved', () => {
  const cooperation = step('samverkan');
  assert.equal(stepState(cooperation, {}, options), 'notStarted');
  assert.equal(stepState(cooperation, readFields(cooperation.fields, {}), options), 'complete');
});

test('a crafted post cannot store answers the form does not define', () => {
  assert.deepEqual(mergeAnswers({ title: 'A' }, { title: 'B', isAdmin: 'yes', status: 'submitted' }), { title: 'B' });
});

test('canonical JSON gives the same bytes whatever the key order', () => {
  assert.equal(canonicalJson({ b: 1, a: [{ d: 2, c: 'x' }] }), canonicalJson({ a: [{ c: 'x', d: 2 }], b: 1 }));
  assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('a draft is deleted 14 days after its last change, by the Swedish calendar', () => {
  // 23:30 UTC on 31 March is already 1 April in Stockholm.
  assert.equal(deletionDate(new Date('2026-03-31T23:30:00Z')), '2026-04-15');
});

function submissionInput(overrides: Partial<SubmissionCheckInput> = {}): SubmissionCheckInput {
  const answers: DraftAnswers = {};
  for (const [slug, fields] of Object.entries(completeAnswers(2026))) {
    Object.assign(answers, readFields(step(slug).fields, fields));
  }
  Object.assign(answers, {
    purposeCodes: ['languageLearning'],
    targetGroupCodes: ['newcomers'],
    'confirm.notForProfit': true,
    'confirm.municipalityResponsible': true,
    'confirm.municipalityParticipates': true,
  });
  return {
    applicationId: '00000000-0000-4000-8000-000000000000',
    programme: { code: 's37a', eligibleKinds: ['municipality'] },
    call: {
      countyCode: '05',
      year: 2026,
      budgetOre: 50_000_000,
      maxAmountOre: null,
      opensOn: '2026-09-01',
      closesOn: '2026-09-25',
      decisionAnnouncedOn: null,
    },
    organisation: { kind: 'municipality', countyCode: '05', name: 'Linköpings kommun' },
    options,
    answers,
    attachments: [
      { kind: 'signatoryCertificate', partnerIndex: null },
      { kind: 'partnerCertificate', partnerIndex: 0 },
    ],
    approvedSha256: null,
    contentSha256: 'a'.repeat(64),
    today: '2026-09-10',
    ...overrides,
  };
}

test('a complete application within the period has nothing that stops it', () => {
  assert.deepEqual(checkSubmission(submissionInput()), []);
});

test('a late application is not stopped: it is received and flagged', () => {
  assert.deepEqual(checkSubmission(submissionInput({ today: '2026-10-01' })), []);
});

test('an application cannot be submitted before the call opens', () => {
  assert.deepEqual(
    checkSubmission(submissionInput({ today: '2026-08-31' })).map((p) => p.source),
    ['period'],
  );
});

test('needs a signatory certificate unless a signatory approved exactly this content', () => {
  const withoutCertificate = { attachments: [{ kind: 'partnerCertificate', partnerIndex: 0 }] };
  assert.deepEqual(
    checkSubmission(submissionInput(withoutCertificate)).map((p) => (p.source === 'attachment' ? p.code : p.source)),
    ['signatoryCertificateMissing'],
  );
  assert.deepEqual(checkSubmission(submissionInput({ ...withoutCertificate, approvedSha256: 'a'.repeat(64) })), []);
  assert.equal(checkSubmission(submissionInput({ ...withoutCertificate, approvedSha256: 'b'.repeat(64) })).length, 1);
});

test('a signatory may approve a draft that lacks only the signatory certificate, or waits for its call to open', () => {
  const withoutCertificate = { attachments: [{ kind: 'partnerCertificate', partnerIndex: 0 }] };
  const early = checkSubmission(submissionInput({ ...withoutCertificate, today: '2026-08-31' }));
  assert.equal(early.length, 2);
  assert.deepEqual(problemsBeforeApproval(early), []);
  // Whatever else is missing must be put right first: it would change what was approved.
  const noPartnerCertificate = checkSubmission(submissionInput({ attachments: [] }));
  assert.deepEqual(
    problemsBeforeApproval(noPartnerCertificate).map((p) => (p.source === 'attachment' ? p.code : p.source)),
    ['partnerCertificateMissing'],
  );
  const noTitle = checkSubmission(submissionInput({ answers: { ...submissionInput().answers, title: '' } }));
  assert.deepEqual(
    problemsBeforeApproval(noTitle).map((p) => (p.source === 'field' ? p.error.key : p.source)),
    ['title'],
  );
});

test('needs a partner certificate for each partner that receives money', () => {
  const problems = checkSubmission(submissionInput({ attachments: [{ kind: 'signatoryCertificate', partnerIndex: null }] }));
  assert.deepEqual(
    problems.map((p) => (p.source === 'attachment' ? `${p.code}:${p.organisation}` : p.source)),
    ['partnerCertificateMissing:Föreningen Mötesplats'],
  );
});

test('refuses a municipal federation applying for § 37 a, next to the organisation', () => {
  const problems = checkSubmission(submissionInput({ organisation: { kind: 'municipalFederation', countyCode: '05', name: 'Förbundet' } }));
  assert.deepEqual(
    problems.map((p) => (p.source === 'eligibility' ? `${p.key}:${p.failure.code}` : p.source)),
    ['organisation:kindNotEligible'],
  );
});

test('the snapshot hash depends on content only, not on attachment order', () => {
  const source = {
    applicationId: 'x',
    call: { slug: 's', title: 'T', programmeCode: 's37a', countyCode: '05', year: 2026 },
    organisation: { id: 1, name: 'Kommun', kind: 'municipality', orgNumber: null },
    answers: { title: 'A', amountApplied: '100 000' },
    attachments: [
      { kind: 'other', filename: 'b.pdf', sizeBytes: 2, sha256: 'b'.repeat(64), partnerIndex: null },
      { kind: 'other', filename: 'a.pdf', sizeBytes: 1, sha256: 'a'.repeat(64), partnerIndex: null },
    ],
  };
  const one = serialiseSnapshot(snapshotContent(source));
  const two = serialiseSnapshot(snapshotContent({ ...source, attachments: [...source.attachments].reverse() }));
  assert.equal(one.sha256, two.sha256);
  assert.equal(snapshotContent(source).amounts.appliedOre, 10_000_000);
  const changed = serialiseSnapshot(snapshotContent({ ...source, answers: { title: 'B', amountApplied: '100 000' } }));
  assert.notEqual(one.sha256, changed.sha256);
});

test('warns when the call closes within three days, has closed, or has not opened', () => {
  const call = { opensOn: '2026-09-01', closesOn: '2026-09-25', decisionAnnouncedOn: null };
  assert.equal(bannerFor(call, '2026-09-21'), null);
  assert.deepEqual(bannerFor(call, '2026-09-22'), { kind: 'closesSoon', days: 3, date: '2026-09-25' });
  assert.deepEqual(bannerFor(call, '2026-09-25'), { kind: 'closesSoon', days: 0, date: '2026-09-25' });
  assert.deepEqual(bannerFor(call, '2026-09-26'), { kind: 'closed', date: '2026-09-25' });
  assert.deepEqual(bannerFor(call, '2026-08-31'), { kind: 'notOpenYet', date: '2026-09-01' });
});

test('a partner row whose text fields are emptied is removed, even with "receives money" chosen', () => {
  const cooperation = step('samverkan');
  const answers = readFields(cooperation.fields, {
    'partners.0.organisation': ' ',
    'partners.0.orgNumber': '',
    'partners.0.role': '',
    'partners.0.receivesMoney': 'yes',
    'partners.1.organisation': 'Föreningen B',
    'partners.1.orgNumber': '',
    'partners.1.role': 'Lokaler',
    'partners.1.receivesMoney': 'no',
  });
  assert.deepEqual(answers.partners, [{ organisation: 'Föreningen B', orgNumber: '', role: 'Lokaler', receivesMoney: 'no' }]);
  assert.deepEqual(validateStep(cooperation, answers, options), []);
});

test('a milestone date is checked trimmed, and a malformed one is a date error that loses no other row', () => {
  const timePlan = step('tidplan');
  const period = { projectStart: '2026-09-01', projectEnd: '2027-06-30', ending: 'Överlämning' };
  const padded: DraftAnswers = { ...period, milestones: [{ date: '2027-06-01 ', description: 'Utvärdering' }] };
  assert.deepEqual(validateStep(timePlan, padded, options), []);
  const typed: DraftAnswers = {
    ...period,
    milestones: [
      { date: '1 mars 2027', description: 'Halvtid' },
      { date: '2027-05-01', description: 'Ny text i rad två' },
    ],
  };
  assert.deepEqual(
    validateStep(timePlan, typed, options).map((e) => `${e.key}:${e.code}`),
    ['milestones.0.date:invalidDate'],
  );
  const saved: DraftAnswers = { milestones: [{ date: '2027-03-01', description: 'Halvtid' }] };
  const stored = answersToStore(timePlan, saved, typed, options);
  assert.deepEqual(stored.refusedKeys, []);
  assert.deepEqual(stored.answers.milestones, typed.milestones);
  // Only text that really is too long keeps the saved table.
  const tooLong: DraftAnswers = { ...period, milestones: [{ date: '2027-05-01', description: 'x'.repeat(1001) }] };
  assert.deepEqual(answersToStore(timePlan, saved, tooLong, options).refusedKeys, ['milestones']);
});

test('a megabyte pasted into a date, amount or organisation number is refused as too long and keeps the saved answer', () => {
  const paste = `2027-03-15 ${'x'.repeat(1_000_000)}`;
  const project = step('insatsen');
  const savedProject: DraftAnswers = { projectStart: '2027-03-15' };
  const project1 = answersToStore(project, savedProject, { projectStart: paste }, options);
  assert.deepEqual(project1.refusedKeys, ['projectStart']);
  assert.equal(project1.answers.projectStart, '2027-03-15');
  assert.deepEqual(
    validateStep(project, { projectStart: paste }, options).find((e) => e.key === 'projectStart'),
    { key: 'projectStart', code: 'tooLong', max: 100 },
  );

  const budget = step('budget');
  const budget1 = answersToStore(budget, { amountApplied: '100 000' }, { amountApplied: `100 000${'0'.repeat(1_000_000)}` }, options);
  assert.deepEqual(budget1.refusedKeys, ['amountApplied']);
  assert.equal(budget1.answers.amountApplied, '100 000');

  const cooperation = step('samverkan');
  const partner = { organisation: 'Röda Korset', role: 'Utbildar', receivesMoney: 'no' };
  const savedPartners: DraftAnswers = { partners: [{ ...partner, orgNumber: '802002-8711' }] };
  const pasted = answersToStore(cooperation, savedPartners, { partners: [{ ...partner, orgNumber: '8'.repeat(1_000_000) }] }, options);
  assert.deepEqual(pasted.refusedKeys, ['partners']);
  assert.deepEqual(pasted.answers.partners, savedPartners.partners);
  // A mistyped number of a plausible length is a format error and is kept as typed, to be corrected.
  const mistyped = answersToStore(cooperation, savedPartners, { partners: [{ ...partner, orgNumber: '802002-87' }] }, options);
  assert.deepEqual(mistyped.refusedKeys, []);
});

test('shows budget amounts as money, parsed as validation parses them, on the review page and the receipt', () => {
  const answers: DraftAnswers = { 'cost.personnel': '20000 kr', 'cost.premises': '5000,50', ownFinancing: 'tio tusen', amountApplied: '' };
  const budget = answerRows(answers, options, 'sv').find((s) => s.step.key === 'budget')?.rows ?? [];
  const shown = new Map(budget.map(([label, value]) => [label, value.replace(/\s/g, ' ')]));
  assert.equal(shown.get('Personalkostnader'), '20 000 kr');
  assert.equal(shown.get('Lokalkostnader'), '5 000,50 kr');
  // Shown as typed, and said to be no amount: the page exists to check the answers.
  assert.equal(shown.get('Egen finansiering'), 'tio tusen (inte ett belopp i kronor – ändra det innan ansökan skickas in)');
  assert.equal(shown.get('Sökt belopp'), 'Inte besvarat');
});

test('a table answer is shown a column per line and a row per paragraph, on the review page and the receipt', () => {
  const answers: DraftAnswers = {
    partners: [
      { organisation: 'Föreningen Mötesplats', role: 'Ansvarar för matchningen.', receivesMoney: 'yes' },
      { organisation: 'Biblioteket', role: 'Lånar ut lokal.', receivesMoney: 'no' },
    ],
  };
  const rows = answerRows(answers, options, 'sv').flatMap((s) => s.rows);
  const partners = rows.find(([label]) => label.startsWith('Samverkanspart'))?.[1] ?? '';
  assert.match(
    partners,
    /^Organisation: Föreningen Mötesplats\n[^\n]+: Ansvarar för matchningen\.\n[^\n]+: Ja\n\nOrganisation: Biblioteket\n/,
  );
});

test('the budget message states its sums as money with two öre digits', () => {
  const message = answerErrorText(
    { key: 'amountApplied', code: 'budgetSum' },
    { 'cost.personnel': '100 000,5', amountApplied: '100 000' },
    'sv',
  );
  assert.match(
    message.replace(/\s/g, ' '),
    /Kostnaderna \(100 000,50 kr\) ska vara lika med egen finansiering plus sökt belopp \(100 000 kr\)/,
  );
});

test('error messages name fields in whole sentences, never as a question with a full stop', () => {
  const cases: [AnswerError, string][] = [
    [{ key: 'purposeCodes', code: 'required' }, 'Välj vad insatsen syftar till.'],
    [{ key: 'involvement', code: 'required' }, 'Fyll i beskrivningen av hur målgruppen har involverats.'],
    [
      { key: 'projectStart', code: 'invalidDate' },
      'Insatsens startdatum måste vara ett riktigt datum, skrivet som år-månad-dag, till exempel 2026-09-01.',
    ],
    [
      { key: 'partners.0.orgNumber', code: 'invalidOrgNumber', row: 1 },
      'Samverkanspart 1: Organisationsnumret är inte giltigt. Skriv det med 10 siffror, till exempel 212000-0142.',
    ],
    [{ key: 'background', code: 'tooLong', max: 10_000 }, 'Bakgrund och behov får vara högst 10 000 tecken.'],
    [{ key: 'confirm.notForProfit', code: 'required' }, 'Bekräfta att insatsen bedrivs utan vinstsyfte.'],
    [{ key: 'partners.0.receivesMoney', code: 'required', row: 1 }, 'Samverkanspart 1: Välj om samverkansparten tar del av medlen.'],
  ];
  for (const [error, expected] of cases) assert.equal(answerErrorText(error, {}, 'sv').replace(/\s/g, ' '), expected);
  assert.equal(answerErrorText({ key: 'purposeCodes', code: 'required' }, {}, 'en'), 'Choose what the project aims to do.');

  const codes: AnswerError['code'][] = [
    'required',
    'tooLong',
    'invalidDate',
    'invalidAmount',
    'invalidEmail',
    'invalidOrgNumber',
    'invalidChoice',
    'tooManyRows',
    'tooFewRows',
  ];
  const keys = [...steps.flatMap((s) => s.fields), ...Object.values(confirmations)].flatMap((f) =>
    f.kind === 'rows' ? [f.key, ...f.columns.map((c) => `${f.key}.0.${c.key}`)] : [f.key],
  );
  for (const lang of ['sv', 'en'] as const) {
    for (const key of keys) assert.ok(errorNames[lang][key.replace('.0.', '.')], `${lang}: no error name for ${key}`);
    for (const key of keys) {
      for (const code of codes) {
        const text = answerErrorText({ key, code, row: key.includes('.0.') ? 1 : undefined, max: 10_000 } as AnswerError, {}, lang);
        assert.doesNotMatch(text, /\?\.|\.\.|\d{4,} (tecken|rader|characters|rows)/, `${lang} ${key} ${code}: ${text}`);
        assert.doesNotMatch(text, /[(:]\s*$/, `${lang} ${key} ${code}: ${text}`);
      }
    }
  }
});

test('the submitted application page labels its status and lists supplement files only under the supplement', async () => {
  const file = (filename: string, at: string) =>
    ({
      id: filename,
      filename,
      kind: 'other',
      partnerIndex: null,
      sizeBytes: 1024,
      scanStatus: 'clean',
      createdAt: new Date(at),
    }) as Attachment;
  const app = {
    id: '00000000-0000-4000-8000-000000000000',
    title: 'Språkcafé',
    status: 'submitted',
    registryNumber: '123-4567-26',
    boardName: 'Länsstyrelsen Östergötland',
    submittedAt: new Date('2026-09-10T10:00:00Z'),
    isLate: false,
    call: { title: 'Utlysning' },
    answers: { title: 'Språkcafé', background: 'Föräldrar <b>saknar</b> mötesplatser.' },
    supplements: [{ documentNumber: 2, statement: null, createdAt: new Date('2026-09-20T10:00:00Z'), files: ['svar.pdf'] }],
    supplementFileIds: ['svar.pdf'],
  } as unknown as ApplicationDetail;
  const html = await SubmittedPage({
    ctx: { lang: 'sv', url: '/', viewer: null, demoMode: false, csrfToken: null },
    app,
    options: { purposes: [], targetGroups: [] },
    files: [file('intyg.pdf', '2026-09-01T10:00:00Z'), file('svar.pdf', '2026-09-20T09:59:00Z')],
    errors: [],
    notice: null,
    sentSupplement: undefined,
    statement: '',
  });
  assert.match(html, /<dt[^>]*>\s*Status\s*<\/dt>/);
  assert.doesNotMatch(html, /<dt[^>]*>\s*Typ av bilaga/);
  assert.match(html, /Vad är kontrollsumman\?/);
  const table = /<table[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  assert.match(table, /intyg\.pdf/);
  assert.doesNotMatch(table, /svar\.pdf/);
  assert.match(html.slice(html.indexOf('Kompletteringar')), /svar\.pdf/);
  // The supplement's file field says which files it takes, and the file picker offers only those.
  assert.match(html, /<div id="file-hint" class="govuk-hint">Tillåtna filtyper är PDF/);
  assert.match(html, /type="file" accept="\.pdf,\.doc,[^"]*" aria-describedby="file-hint"/);
  // The answers as submitted, folded, escaped, and with nothing to change.
  const answers =
    /<h2 class="govuk-heading-m">Ansökans svar<\/h2>\s*(<details class="govuk-details">[\s\S]*?<\/details>)/.exec(html)?.[1] ?? '';
  assert.match(answers, /Visa svaren/);
  assert.match(answers, /Föräldrar &lt;b>saknar&lt;\/b> mötesplatser\./);
  assert.doesNotMatch(answers, /Ändra/);
});

test('the confirmation mail goes to each contact person’s address once, however it was typed', () => {
  const contacts = [
    { name: 'Tolvan', email: ' Tolvan@Linkoping.example ' },
    { name: 'Ada', email: 'ada@linkoping.example' },
    { name: 'Tolvan igen', email: 'tolvan@linkoping.example' },
    { name: 'Utan adress', email: '' },
  ];
  assert.deepEqual(confirmationRecipients({ contacts }), ['tolvan@linkoping.example', 'ada@linkoping.example']);
  assert.deepEqual(confirmationRecipients({}), []);
});

test('a draft copied from an earlier application gets its answers but not its confirmations', () => {
  const source = { title: 'Språkcafé', background: 'Behov', 'confirm.notForProfit': 'yes', 'confirm.municipalityResponsible': 'yes' };
  assert.deepEqual(copiedAnswers(source), { title: 'Språkcafé', background: 'Behov' });
});

test('a step lists its errors in page order, an error comparing two fields with the later field', () => {
  const project = step('insatsen');
  const answers = { title: 'Språkcafé', projectStart: '2026-09-01', projectEnd: '2026-08-01' };
  assert.deepEqual(
    validateStep(project, answers, options).map((e) => `${e.key}:${e.code}`),
    ['projectEnd:periodOrder', 'purposeCodes:required', 'targetGroupCodes:required'],
  );
});

test('a step lists its errors in page order: a budget row by its own key, a table row by row and column', () => {
  const budget = validateStep(step('budget'), { 'cost.premises': 'tusen', ownFinancing: 'abc', amountApplied: '' }, options);
  assert.deepEqual(
    budget.map((e) => `${e.key}:${e.code}`),
    ['cost.premises:invalidAmount', 'ownFinancing:invalidAmount', 'amountApplied:required'],
  );
  const answers = {
    projectStart: '2026-09-01',
    projectEnd: '2027-06-30',
    milestones: [
      { date: '2030-01-01', description: '' },
      { date: '15/12', description: '' },
    ],
  };
  assert.deepEqual(
    validateStep(step('tidplan'), answers, options).map((e) => `${e.key}:${e.code}`),
    [
      'milestones.0.date:milestoneOutsidePeriod',
      'milestones.0.description:required',
      'milestones.1.date:invalidDate',
      'milestones.1.description:required',
      'ending:required',
    ],
  );
});

test('the amount applied for must be more than 0 kronor already on the budget step, as at submission', () => {
  const budget = step('budget');
  const errors = validateStep(budget, { 'cost.personnel': '0', amountApplied: '0 kr' }, options);
  assert.deepEqual(
    errors.map((e) => `${e.key}:${e.code}`),
    ['amountApplied:amountNotPositive'],
  );
  assert.equal(answerErrorText(errors[0]!, {}, 'sv'), 'Sökt belopp måste vara större än 0 kronor.');
  assert.equal(stepState(budget, { 'cost.personnel': '0', amountApplied: '0' }, options), 'inProgress');
});

test('the signatory certificate is attached, replaced by an approval of this very content, or missing, also when an earlier content was approved', () => {
  const answers = { partners: [{ organisation: 'Föreningen A', role: 'Roll', receivesMoney: 'yes' }] };
  const signatory = (attachments: { kind: string; partnerIndex: number | null }[], approved: string | null) =>
    requiredCertificates(answers, attachments, approvalOf(approved, 'sha-now')).map((c) => c.state);
  assert.deepEqual(signatory([], 'sha-now'), ['approvedInService', 'missing']);
  assert.deepEqual(signatory([], 'sha-before'), ['approvalOutdated', 'missing']);
  assert.deepEqual(signatory([], null), ['missing', 'missing']);
  const both = [
    { kind: 'signatoryCertificate', partnerIndex: null },
    { kind: 'partnerCertificate', partnerIndex: 0 },
  ];
  assert.deepEqual(signatory(both, 'sha-before'), ['attached', 'attached']);
});

test('a partner certificate follows its partner when rows are removed or reordered, stays on a partner renamed in place, and is untied when its partner is gone', () => {
  const rows = (...names: string[]) => ({ partners: names.map((organisation) => ({ organisation, role: 'Roll', receivesMoney: 'yes' })) });
  const certificates = [
    { id: 'a', partnerIndex: 0 },
    { id: 'b', partnerIndex: 1 },
    { id: 'plan', partnerIndex: null },
  ];
  assert.deepEqual(relinkedPartnerCertificates(rows('A', 'B'), rows('A', 'B'), certificates), []);
  assert.deepEqual(relinkedPartnerCertificates(rows('A', 'B'), rows('B'), certificates), [
    { id: 'a', partnerIndex: null },
    { id: 'b', partnerIndex: 0 },
  ]);
  assert.deepEqual(relinkedPartnerCertificates(rows('A', 'B'), rows('b ', 'a'), certificates), [
    { id: 'a', partnerIndex: 1 },
    { id: 'b', partnerIndex: 0 },
  ]);
  assert.deepEqual(relinkedPartnerCertificates(rows('A', 'B'), rows('A', 'Bee'), certificates), []);
});

test('the confirmation says when the call’s decisions come and where to ask, and shows the registry number once', async () => {
  const receipt: ApplicationReceipt = {
    id: '00000000-0000-4000-8000-000000000001',
    organisationId: 1,
    status: 'submitted',
    title: 'Språkcafé',
    submittedAt: new Date('2026-09-01T10:00:00Z'),
    isLate: false,
    registryNumber: '851-17-2026',
    boardName: 'Länsstyrelsen i Östergötlands län',
    snapshotSha256: 'a'.repeat(64),
    decisionAnnouncedOn: '2026-11-30',
    functionalMailbox: 'bidrag.ostergotland@lansstyrelsen.se',
    mailedTo: ['tolvan@linkoping.example', 'ada@linkoping.example'],
    preparingBoard: '05',
    decidingBoard: null,
    payingBoard: null,
  };
  const page = (app: ApplicationReceipt, lang: 'sv' | 'en' = 'sv') =>
    ReceiptPage({ ctx: { lang, url: '/', viewer: null, demoMode: false, csrfToken: null }, app, today: '2026-09-01' }) as Promise<string>;
  const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  const html = main(await page(receipt));
  assert.match(html, /Beslut i utlysningen väntas 30 november 2026\./);
  assert.match(
    html,
    /Skriv till <a class="govuk-link" href="mailto:bidrag\.ostergotland@lansstyrelsen\.se">bidrag\.ostergotland@lansstyrelsen\.se<\/a> och ange diarienumret\./,
  );
  assert.equal(html.split('851-17-2026').length - 1, 1, 'the registry number is said more than once');
  assert.match(html, /href="\/mina-sidor">Gå till Mina sidor</);
  assert.match(html, /En bekräftelse har skickats till tolvan@linkoping\.example och ada@linkoping\.example\./);
  assert.match(main(await page(receipt, 'en')), /Decisions in the call are expected on 30 November 2026\./);
  // Without a date the call says so; a date already past (a late application) is left out.
  assert.match(
    main(await page({ ...receipt, decisionAnnouncedOn: null, functionalMailbox: null })),
    /Utlysningen anger inget datum för beslut\./,
  );
  const late = main(await page({ ...receipt, decisionAnnouncedOn: '2026-08-01', functionalMailbox: null }));
  assert.doesNotMatch(late, /Beslut i utlysningen|inget datum|mailto:/);
});
