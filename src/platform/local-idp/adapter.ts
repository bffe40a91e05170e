import { generateKeyPairSync } from 'node:crypto';
import { and, eq, gt, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { DbOrTx } from '../../db/client.ts';
import { localIdpRecords } from '../../db/schema/index.ts';

/** Not one of oidc-provider's models: the row that holds the signing key every instance uses. */
const SIGNING_KEY_MODEL = 'LocalIdpSigningKey';

/**
 * oidc-provider's storage in the database, one adapter per model (Session, Interaction, Grant,
 * AuthorizationCode, AccessToken, ...). An expired record is never found; the purge job removes it.
 */
export class DatabaseIdpAdapter implements Adapter {
  constructor(
    private readonly db: DbOrTx,
    private readonly model: string,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const values = {
      payload: payload as Record<string, unknown>,
      grantId: payload.grantId ?? null,
      userCode: payload.userCode ?? null,
      uid: payload.uid ?? null,
      expiresAt: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
    };
    await this.db
      .insert(localIdpRecords)
      .values({ model: this.model, id, ...values })
      .onConflictDoUpdate({ target: [localIdpRecords.model, localIdpRecords.id], set: values });
  }

  private async findWhere(condition: SQL): Promise<AdapterPayload | undefined> {
    const [row] = await this.db
      .select({ payload: localIdpRecords.payload, consumedAt: localIdpRecords.consumedAt })
      .from(localIdpRecords)
      .where(
        and(
          eq(localIdpRecords.model, this.model),
          condition,
          or(isNull(localIdpRecords.expiresAt), gt(localIdpRecords.expiresAt, new Date())),
        ),
      );
    if (!row) return undefined;
    // oidc-provider reads `consumed` (epoch seconds) to refuse a code used twice.
    return row.consumedAt ? { ...row.payload, consumed: Math.floor(row.consumedAt.getTime() / 1000) } : row.payload;
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return this.findWhere(eq(localIdpRecords.id, id));
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.findWhere(eq(localIdpRecords.uid, uid));
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.findWhere(eq(localIdpRecords.userCode, userCode));
  }

  async consume(id: string): Promise<void> {
    await this.db
      .update(localIdpRecords)
      .set({ consumedAt: new Date() })
      .where(and(eq(localIdpRecords.model, this.model), eq(localIdpRecords.id, id)));
  }

  async destroy(id: string): Promise<void> {
    await this.db.delete(localIdpRecords).where(and(eq(localIdpRecords.model, this.model), eq(localIdpRecords.id, id)));
  }

  /** Every code and token of the grant, whatever its model, as oidc-provider's own adapters do. */
  async revokeByGrantId(grantId: string): Promise<void> {
    await this.db.delete(localIdpRecords).where(eq(localIdpRecords.grantId, grantId));
  }
}

/**
 * The provider's RSA signing key as a JWK: made by the first instance that needs it, read by every
 * other, so that a token signed on one instance verifies on all of them.
 */
export async function sharedSigningKey(db: DbOrTx): Promise<Record<string, unknown>> {
  const read = async () => {
    const [row] = await db
      .select({ payload: localIdpRecords.payload })
      .from(localIdpRecords)
      .where(and(eq(localIdpRecords.model, SIGNING_KEY_MODEL), eq(localIdpRecords.id, 'local')));
    return row?.payload;
  };
  const stored = await read();
  if (stored) return stored;
  const made = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  // Two instances making one at once: the first insert wins and both read it.
  await db
    .insert(localIdpRecords)
    .values({ model: SIGNING_KEY_MODEL, id: 'local', payload: made as Record<string, unknown> })
    .onConflictDoNothing();
  const key = await read();
  if (!key) throw new Error('the local identity provider has no signing key');
  return key;
}

/** Removes expired records; the signing key never expires. */
export async function purgeExpiredIdpRecords(db: DbOrTx, now: Date): Promise<number> {
  const deleted = await db.delete(localIdpRecords).where(lt(localIdpRecords.expiresAt, now)).returning({ id: localIdpRecords.id });
  return deleted.length;
}
