import type { SessionStore } from '@fastify/session';
import { eq, lt } from 'drizzle-orm';
import type { Session } from 'fastify';
import type { Db } from '../db/client.ts';
import { sessions } from '../db/schema/index.ts';
import { canonicalJson } from './canonical-json.ts';

type Callback = (err?: unknown) => void;

/** An unchanged session's expiry is pushed forward at most this often, so idle time is kept to the minute. */
const EXTEND_EVERY_MS = 60_000;
const MAX_REMEMBERED = 50_000;

/** What a session holds, without the cookie's own expiry that changes on every request. */
function fingerprint(data: object): string {
  const { cookie: _cookie, ...rest } = data as Record<string, unknown>;
  return canonicalJson(rest);
}

/**
 * Sessions in the database, so that every app instance on one PostgreSQL server sees the same
 * sessions (the default memory store also leaks).
 */
export class DatabaseSessionStore implements SessionStore {
  /**
   * What this instance last read or wrote per session: a request that changed nothing (most of
   * them, with rolling cookies) then costs no write and no commit.
   */
  private readonly known = new Map<string, { fingerprint: string; expiresAt: number }>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
  ) {}

  private remember(sid: string, fingerprint: string, expiresAt: number): void {
    if (this.known.size >= MAX_REMEMBERED) this.known.clear();
    this.known.set(sid, { fingerprint, expiresAt });
  }

  set(sid: string, session: Session, callback: Callback): void {
    const now = Date.now();
    const data = JSON.parse(JSON.stringify(session)) as object;
    const print = fingerprint(data);
    const known = this.known.get(sid);
    if (known && known.fingerprint === print && known.expiresAt - now > this.ttlMs - EXTEND_EVERY_MS) {
      callback();
      return;
    }
    const expiresAt = new Date(now + this.ttlMs);
    this.db
      .insert(sessions)
      .values({ sid, data, expiresAt })
      .onConflictDoUpdate({ target: sessions.sid, set: { data, expiresAt } })
      .then(() => {
        this.remember(sid, print, expiresAt.getTime());
        callback();
      }, callback);
  }

  get(sid: string, callback: (err: unknown, result?: Session | null) => void): void {
    this.db
      .select()
      .from(sessions)
      .where(eq(sessions.sid, sid))
      .then(([row]) => {
        if (!row || row.expiresAt.getTime() < Date.now()) callback(null, null);
        else {
          this.remember(sid, fingerprint(row.data as object), row.expiresAt.getTime());
          callback(null, row.data as Session);
        }
      }, callback);
  }

  destroy(sid: string, callback: Callback): void {
    this.known.delete(sid);
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
