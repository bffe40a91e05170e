import type { SessionStore } from '@fastify/session';
import { eq, lt, type SQL, sql } from 'drizzle-orm';
import type { Session } from 'fastify';
import type { Db } from '../db/client.ts';
import { preparedPerDatabase } from '../db/prepared.ts';
import { persons, sessions } from '../db/schema/index.ts';
import { type PersonWithMemberships, personWithMemberships } from './auth/queries.ts';

type Callback = (err?: unknown) => void;

/** An unchanged session's expiry is pushed forward at most this often, so idle time is kept to the minute. */
const EXTEND_EVERY_MS = 60_000;
const MAX_REMEMBERED = 50_000;

/**
 * What a session holds, without the cookie's own expiry that changes on every request. Keys keep
 * their order: a session restored from a read has the stored order, so unchanged content gives the
 * same text; content that merely comes in another order costs a needless write, never a lost one.
 */
function fingerprint(data: object): string {
  const { cookie: _cookie, ...rest } = data as Record<string, unknown>;
  return JSON.stringify(rest);
}

/** The session's person id as a uuid; null for anything else, which a session should never hold. */
function personIdIn(data: typeof sessions.data): SQL {
  return sql`(case when ${data}->>'personId' ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' then (${data}->>'personId')::uuid end)`;
}

/** The statements of every request, built once per database instead of on each call. */
const statementsFor = preparedPerDatabase((db) => ({
  // The logged-in person comes with the session: one round trip instead of two on every request.
  get: db
    .select({ data: sessions.data, expiresAt: sessions.expiresAt, personId: persons.id, ...personWithMemberships })
    .from(sessions)
    .leftJoin(persons, eq(persons.id, personIdIn(sessions.data)))
    .where(eq(sessions.sid, sql.placeholder('sid')))
    .prepare('session_get'),
  upsert: db
    .insert(sessions)
    .values({ sid: sql.placeholder('sid'), data: sql.placeholder('data'), expiresAt: sql.placeholder('expiresAt') })
    .onConflictDoUpdate({ target: sessions.sid, set: { data: sql`excluded.data`, expiresAt: sql`excluded.expires_at` } })
    .prepare('session_upsert'),
}));

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
  /** The person each session read found, until the request that read it takes it (`takePerson`). */
  private readonly people = new Map<string, PersonWithMemberships & { personId: string }>();

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
    const print = fingerprint(session);
    const known = this.known.get(sid);
    if (known && known.fingerprint === print && known.expiresAt - now > this.ttlMs - EXTEND_EVERY_MS) {
      callback();
      return;
    }
    const expiresAt = new Date(now + this.ttlMs);
    // The jsonb column serialises the session itself, with the cookie's toJSON.
    statementsFor(this.db)
      .upsert.execute({ sid, data: session, expiresAt })
      .then(() => {
        this.remember(sid, print, expiresAt.getTime());
        callback();
      }, callback);
  }

  get(sid: string, callback: (err: unknown, result?: Session | null) => void): void {
    statementsFor(this.db)
      .get.execute({ sid })
      .then(([row]) => {
        if (!row || row.expiresAt.getTime() < Date.now()) callback(null, null);
        else {
          this.remember(sid, fingerprint(row.data as object), row.expiresAt.getTime());
          const { data, expiresAt: _expiresAt, personId, ...person } = row;
          if (personId) {
            if (this.people.size >= MAX_REMEMBERED) this.people.clear();
            this.people.set(sid, { personId, ...person });
          }
          callback(null, data as Session);
        }
      }, callback);
  }

  /**
   * The person the session's last read found, once: the request that read the session takes it.
   * Undefined when another request took it first; the caller then loads the person itself.
   */
  takePerson(sid: string): (PersonWithMemberships & { personId: string }) | undefined {
    const person = this.people.get(sid);
    this.people.delete(sid);
    return person;
  }

  destroy(sid: string, callback: Callback): void {
    this.known.delete(sid);
    this.people.delete(sid);
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
