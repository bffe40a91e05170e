import type { DbOrTx } from '../db/client.ts';
import { auditEvents } from '../db/schema/index.ts';

export interface AuditEvent {
  actorPersonId: string | null;
  /** The role the person acted in, e.g. "applicant", "caseOfficer", or "system" for jobs. */
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  details?: Record<string, unknown>;
}

/** Appends to the audit trail in the caller's transaction, so the entry exists exactly when the change does. */
export async function recordAudit(tx: DbOrTx, event: AuditEvent): Promise<void> {
  await tx.insert(auditEvents).values({ ...event, details: event.details ?? null });
}
