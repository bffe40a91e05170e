import type { DbOrTx } from '../../db/client.ts';
import { formatDateTime, formatFileSize, formatKronor } from '../../platform/format.ts';
import type { PdfBlock } from '../../platform/pdf/model.ts';
import { renderPdf } from '../../platform/pdf/render.ts';
import { fieldsByKey } from './form.ts';
import { type ApplicationDetail, findSnapshot, loadChoiceOptions } from './queries.ts';
import { rowsAnswer, textAnswer } from './rules.ts';
import { confirmationsFor, type SnapshotContent } from './snapshot.ts';
import { texts } from './texts.ts';
import { answerRows, partnerName } from './views.tsx';

const kindNames: Record<string, string> = {
  signatoryCertificate: 'Intyg firmatecknare',
  partnerCertificate: 'Intyg samverkanspart',
  projectPlan: 'Projektplan',
  ledgerExtract: 'Utdrag ur huvudbok',
  other: 'Övrig bilaga',
};

const titleLabel = fieldsByKey.get('title')?.label.sv ?? '';

/** A checksum in groups of 16, so that a narrow column breaks it between groups and eyes can compare it. */
function groupedChecksum(sha256: string): string {
  return sha256.replace(/(.{16})(?=.)/g, '$1 ');
}

/**
 * The receipt (kvitto) as PDF, rendered on demand from the frozen snapshot and the registry entry:
 * nothing in it reads the draft or the clock, so it is the same bytes every time (within a release:
 * the layout follows the code, the content is the snapshot; see docs/decisions/0005).
 */
export async function renderReceipt(db: DbOrTx, detail: ApplicationDetail): Promise<Buffer | null> {
  const snapshot = await findSnapshot(db, detail.id);
  if (!snapshot || !detail.registryNumber || !detail.submittedAt) return null;
  const content = JSON.parse(snapshot.content) as SnapshotContent;
  const options = await loadChoiceOptions(db, content.call.programmeCode, content.call.year);
  const approval = detail.approval;
  const t = texts('sv');
  const blocks: PdfBlock[] = [
    {
      kind: 'keyValue',
      items: [
        { label: t.receiptRegistryNumber, value: detail.registryNumber },
        { label: t.receiptBoard, value: detail.boardName ?? '' },
        { label: t.receiptReceived, value: formatDateTime(detail.submittedAt, 'sv') },
        {
          label: 'Sökande',
          value: `${content.organisation.name}${content.organisation.orgNumber ? ` (${content.organisation.orgNumber})` : ''}`,
        },
        { label: 'Utlysning', value: content.call.title },
        {
          label: 'Sökt belopp',
          value: content.amounts.appliedOre === null ? t.notAnswered : formatKronor(content.amounts.appliedOre, 'sv'),
        },
        { label: t.receiptChecksum, value: snapshot.sha256 },
      ],
    },
    ...(detail.isLate ? [{ kind: 'note', tone: 'warning', title: 'Sen ansökan', text: t.receiptLate } as const] : []),
  ];
  if (approval && approval.contentSha256 === snapshot.sha256) {
    blocks.push(
      { kind: 'heading', level: 1, text: 'Godkänd av firmatecknare i e-tjänsten' },
      {
        kind: 'keyValue',
        items: [
          { label: 'Firmatecknare', value: approval.name },
          { label: 'Godkänt', value: formatDateTime(approval.approvedAt, 'sv') },
          { label: 'Godkänd kontrollsumma (SHA-256)', value: approval.contentSha256 },
        ],
      },
    );
  }
  if (detail.channel === 'eService') {
    for (const { step, rows } of answerRows(content.answers, options, 'sv')) {
      blocks.push(
        { kind: 'heading', level: 1, text: step.title.sv },
        { kind: 'keyValue', items: rows.map(([label, value]) => ({ label, value })) },
      );
    }
  } else {
    // Registered from post or e-mail: the form's questions were answered on paper, so the receipt
    // gives what the case officer stated, not every question as unanswered.
    const how = detail.channel === 'post' ? t.receiptChannelPost : t.receiptChannelEmail;
    const note = textAnswer(content.answers, 'registrationNote');
    blocks.push(
      { kind: 'heading', level: 1, text: t.receiptStatedHeading },
      {
        kind: 'keyValue',
        items: [
          { label: titleLabel, value: textAnswer(content.answers, 'title') },
          { label: t.receiptArrived, value: how },
          ...(note ? [{ label: t.receiptRegistrationNote, value: note }] : []),
        ],
      },
      { kind: 'paragraph', text: t.receiptAnswersInDocuments(how) },
    );
  }
  // Only what was answered: an application registered from post or e-mail gave no confirmations here.
  const given = confirmationsFor(content.call.programmeCode, content.answers).filter((c) => typeof content.answers[c.key] === 'boolean');
  if (given.length > 0) {
    blocks.push(
      { kind: 'heading', level: 1, text: t.receiptConfirmations },
      { kind: 'keyValue', items: given.map((c) => ({ label: c.label.sv, value: content.answers[c.key] === true ? t.yes : t.no })) },
    );
  }
  const partners = rowsAnswer(content.answers, 'partners');
  blocks.push({ kind: 'heading', level: 1, text: 'Bilagor' });
  blocks.push(
    content.attachments.length === 0
      ? { kind: 'paragraph', text: t.noAttachments }
      : {
          kind: 'table',
          header: [t.colFile, t.colKind, t.colSize, t.colChecksum],
          widths: [3, 2.5, 1, 5],
          rows: content.attachments.map((a) => {
            const kind = kindNames[a.kind] ?? a.kind;
            const partner =
              a.kind === 'partnerCertificate' && a.partnerIndex !== null
                ? partnerName(t, partners[a.partnerIndex]?.organisation, a.partnerIndex)
                : null;
            return [a.filename, partner ? `${kind}: ${partner}` : kind, formatFileSize(a.sizeBytes, 'sv'), groupedChecksum(a.sha256)];
          }),
        },
  );
  blocks.push({ kind: 'paragraph', text: t.receiptUseNumber });
  return renderPdf({
    title: `Kvitto – ansökan ${detail.registryNumber}`,
    ...(detail.boardName ? { subtitle: detail.boardName } : {}),
    lang: 'sv',
    meta: { author: detail.boardName ?? 'Bidragsportalen', subject: content.call.title, date: detail.submittedAt },
    blocks,
  });
}
