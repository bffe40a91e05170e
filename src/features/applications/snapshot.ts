import { canonicalJson } from '../../platform/canonical-json.ts';
import { type CallWithDecision, callStatus } from '../calls/rules.ts';
import { checkEligibility, type EligibilityFailure, requiredConfirmations } from './eligibility.ts';
import { confirmations, costCategories, steps } from './form.ts';
import {
  type AnswerError,
  budgetTotal,
  type DraftAnswers,
  listAnswer,
  parseDate,
  parseKronor,
  partnersReceivingMoney,
  rowsAnswer,
  sha256Hex,
  textAnswer,
  validateStep,
} from './rules.ts';

/** What a submission freezes: the answers as checked, the amounts in öre, and the attachment list with hashes. */
export interface SnapshotContent {
  format: 1;
  applicationId: string;
  call: { slug: string; title: string; programmeCode: string; countyCode: string; year: number };
  organisation: { id: number; name: string; kind: string; orgNumber: string | null };
  answers: DraftAnswers;
  amounts: { appliedOre: number | null; ownFinancingOre: number; costsOre: Record<string, number>; totalCostOre: number | null };
  attachments: { kind: string; filename: string; sizeBytes: number; sha256: string; partnerIndex: number | null }[];
}

export interface SnapshotSource {
  applicationId: string;
  call: { slug: string; title: string; programmeCode: string; countyCode: string; year: number };
  organisation: { id: number; name: string; kind: string; orgNumber: string | null };
  answers: DraftAnswers;
  attachments: { kind: string; filename: string; sizeBytes: number; sha256: string; partnerIndex: number | null }[];
}

function amount(answers: DraftAnswers, key: string): number | null {
  const text = textAnswer(answers, key);
  return text.trim() === '' ? null : parseKronor(text);
}

/**
 * The content to freeze. It holds nothing about the moment of submission, so a signatory can
 * approve its hash beforehand and the snapshot taken at submission has the same hash.
 */
export function snapshotContent(source: SnapshotSource): SnapshotContent {
  const costsOre: Record<string, number> = {};
  for (const c of costCategories) {
    const ore = amount(source.answers, `cost.${c.key}`);
    if (ore !== null) costsOre[c.key] = ore;
  }
  return {
    format: 1,
    applicationId: source.applicationId,
    call: source.call,
    organisation: source.organisation,
    answers: source.answers,
    amounts: {
      appliedOre: amount(source.answers, 'amountApplied'),
      ownFinancingOre: amount(source.answers, 'ownFinancing') ?? 0,
      costsOre,
      totalCostOre: budgetTotal(source.answers),
    },
    attachments: [...source.attachments].sort((a, b) => a.sha256.localeCompare(b.sha256) || a.filename.localeCompare(b.filename)),
  };
}

export function serialiseSnapshot(content: SnapshotContent): { text: string; sha256: string } {
  const text = canonicalJson(content);
  return { text, sha256: sha256Hex(text) };
}

/** Where an eligibility failure's message goes: the form field it concerns. */
const eligibilityFieldKey: Record<EligibilityFailure['field'], string> = {
  organisation: 'organisation',
  purposes: 'purposeCodes',
  targetGroups: 'targetGroupCodes',
  amountApplied: 'amountApplied',
  'projectPeriod.start': 'projectStart',
  'projectPeriod.end': 'projectEnd',
  'confirmations.notForProfit': confirmations.notForProfit.key,
  'confirmations.municipalityResponsible': confirmations.municipalityResponsible.key,
  'confirmations.municipalityParticipates': confirmations.municipalityParticipates.key,
};

export type SubmissionProblem =
  | { source: 'field'; stepSlug: string; error: AnswerError }
  | { source: 'eligibility'; key: string; failure: EligibilityFailure }
  | { source: 'attachment'; key: string; code: 'signatoryCertificateMissing' | 'partnerCertificateMissing'; organisation?: string }
  | { source: 'period'; key: 'call'; code: 'notOpenYet' | 'noPeriod'; opensOn: string | null };

export interface SubmissionCheckInput {
  applicationId: string;
  programme: { code: string; eligibleKinds: string[] };
  call: CallWithDecision & { countyCode: string; year: number; budgetOre: number | null; maxAmountOre: number | null };
  organisation: { kind: 'municipality' | 'municipalFederation'; countyCode: string; name: string };
  options: {
    purposes: { code: string; name: string; nameEn: string; programmeCode: string; fromYear: number | null; toYear: number | null }[];
    targetGroups: { code: string; name: string; nameEn: string; programmeCode: string; fromYear: number | null; toYear: number | null }[];
  };
  answers: DraftAnswers;
  attachments: { kind: string; partnerIndex: number | null }[];
  /** Hash of the content a signatory approved in the e-service, if any. */
  approvedSha256: string | null;
  contentSha256: string;
  today: string;
}

/**
 * Everything that stops a submission, in the order the form shows it. A call that has closed does
 * not stop it: an authority must receive what is sent to it, so a late one is flagged instead.
 */
export function checkSubmission(input: SubmissionCheckInput): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  if (callStatus(input.call, input.today) === 'coming') {
    problems.push({ source: 'period', key: 'call', code: 'notOpenYet', opensOn: input.call.opensOn });
  } else if (callStatus(input.call, input.today) === 'unknown') {
    problems.push({ source: 'period', key: 'call', code: 'noPeriod', opensOn: input.call.opensOn });
  }
  const flagged = new Set<string>();
  for (const step of steps) {
    for (const error of validateStep(step, input.answers, input.options)) {
      flagged.add(error.key);
      problems.push({ source: 'field', stepSlug: step.slug, error });
    }
  }
  const confirmationsGiven = (key: keyof typeof confirmations) => input.answers[confirmations[key].key] === true;
  const failures = checkEligibility({
    programme: input.programme,
    call: input.call,
    organisation: input.organisation,
    options: input.options,
    answers: {
      purposeCodes: listAnswer(input.answers, 'purposeCodes'),
      targetGroupCodes: listAnswer(input.answers, 'targetGroupCodes'),
      amountAppliedOre: amount(input.answers, 'amountApplied'),
      projectStart: parseDate(textAnswer(input.answers, 'projectStart')),
      projectEnd: parseDate(textAnswer(input.answers, 'projectEnd')),
      hasPartners: rowsAnswer(input.answers, 'partners').length > 0,
      confirmations: {
        notForProfit: confirmationsGiven('notForProfit'),
        municipalityResponsible: confirmationsGiven('municipalityResponsible'),
        municipalityParticipates: confirmationsGiven('municipalityParticipates'),
      },
    },
  });
  for (const failure of failures) {
    const key = eligibilityFieldKey[failure.field];
    if (!flagged.has(key)) problems.push({ source: 'eligibility', key, failure });
  }
  for (const certificate of requiredCertificates(input.answers, input.attachments, approvalOf(input.approvedSha256, input.contentSha256))) {
    if (certificate.state !== 'missing' && certificate.state !== 'approvalOutdated') continue;
    problems.push(
      certificate.kind === 'signatoryCertificate'
        ? { source: 'attachment', key: 'signatoryCertificate', code: 'signatoryCertificateMissing' }
        : {
            source: 'attachment',
            key: `partnerCertificate-${certificate.partnerIndex}`,
            code: 'partnerCertificateMissing',
            organisation: certificate.organisation,
          },
    );
  }
  return problems;
}

/**
 * What must be put right before a signatory's approval can be the one submitted: any change after
 * it calls for a new approval. Not the signatory certificate, which the approval stands in for, nor
 * the call's period: a complete draft may be approved before the call opens.
 */
export function problemsBeforeApproval(problems: SubmissionProblem[]): SubmissionProblem[] {
  return problems.filter((p) => p.source !== 'period' && !(p.source === 'attachment' && p.code === 'signatoryCertificateMissing'));
}

/** Whether a signatory approved, in the e-service, the content as it is now or as it was before. */
export type ApprovalMatch = 'thisContent' | 'earlierContent' | 'none';

export function approvalOf(approvedSha256: string | null, contentSha256: string): ApprovalMatch {
  return approvedSha256 === null ? 'none' : approvedSha256 === contentSha256 ? 'thisContent' : 'earlierContent';
}

export type RequiredCertificate =
  | { kind: 'signatoryCertificate'; state: 'attached' | 'approvedInService' | 'approvalOutdated' | 'missing' }
  | { kind: 'partnerCertificate'; partnerIndex: number; organisation: string; state: 'attached' | 'missing' };

/**
 * The certificates an application needs (seed 001): the signatory's, unless a signatory approved
 * this very content in the e-service, and one for each partner that receives money.
 */
export function requiredCertificates(
  answers: DraftAnswers,
  attachments: readonly { kind: string; partnerIndex: number | null }[],
  approval: ApprovalMatch,
): RequiredCertificate[] {
  const signatory = attachments.some((a) => a.kind === 'signatoryCertificate')
    ? 'attached'
    : { thisContent: 'approvedInService' as const, earlierContent: 'approvalOutdated' as const, none: 'missing' as const }[approval];
  return [
    { kind: 'signatoryCertificate', state: signatory },
    ...partnersReceivingMoney(answers).map((partner) => ({
      kind: 'partnerCertificate' as const,
      partnerIndex: partner.index,
      organisation: partner.organisation,
      state: attachments.some((a) => a.kind === 'partnerCertificate' && a.partnerIndex === partner.index)
        ? ('attached' as const)
        : ('missing' as const),
    })),
  ];
}

/** The confirmations to show for this application. */
export function confirmationsFor(programmeCode: string, answers: DraftAnswers) {
  return requiredConfirmations(programmeCode, rowsAnswer(answers, 'partners').length > 0).map((key) => confirmations[key]);
}

/** Late when received after the call is closed (`callStatus`: after its last day in Europe/Stockholm, or, with no last day, once its decisions are announced). */
export function isLateOn(call: CallWithDecision, today: string): boolean {
  return callStatus(call, today) === 'closed';
}
