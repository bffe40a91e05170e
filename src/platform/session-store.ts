import type { SessionStore } from '@fastify/session';
import { eq, lt } from 'drizzle-orm';
import type { Session } from 'fastify';
import type { Db } from '../db/client.ts';
import { sessions } from '../db/schema/index.ts';

type Callback = (err?: unknown) => void;

/**
 * Sessions in the database, so that every app instance on one PostgreSQL server sees the same
 * sessions (the default memory store also leaks).
 */
export class DatabaseSessionStore implements SessionStore {
  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
  ) {}

  set(sid: string, session: Session, callback: Callback): void {
    const expiresAt = new Date(Date.now() + this.ttlMs);
    const data = JSON.parse(JSON.stringify(session)) as object;
    this.db
      .insert(sessions)
      .values({ sid, data, expiresAt })
      .onConflictDoUpdate({ target: sessions.sid, set: { data, expiresAt } })
      .then(() => callback(), callback);
  }

  get(sid: string, callback: (err: unknown, result?: Session | null) => void): void {
    this.db
      .select()
      .from(sessions)
      .where(eq(sessions.sid, sid))
      .then(([row]) => {
        if (!row || row.expiresAt.getTime() < Date.now()) callback(null, null);
        else callback(null, row.data as Session);
      }, callback);
  }

  destroy(sid: string, callback: Callback): void {
    this.db
      .delete(sessions)
      .where(eq(sessions.sid, sid))
      .then(() => callback(), callback);
  }

  async purgeExpired(now: Date): Promise<number> {
    const deleted = await this.db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ sid: sessions.sid });
    return deleted.length;
  }
}
