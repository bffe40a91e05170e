import { createHash } from 'node:crypto';
import type { SessionStore } from '@fastify/session';
import { eq, lt, type SQL, sql } from 'drizzle-orm';
import type { Session } from 'fastify';
import type { Database, Db } from '../db/client.ts';
import { preparedPerDatabase } from '../db/prepared.ts';
import { persons, sessions } from '../db/schema/index.ts';
import { type PersonWithMemberships, personWithMemberships } from './auth/queries.ts';

type Callback = (err?: unknown) => void;

/** An unchanged session's expiry is pushed forward at most this often, so idle time is kept to the minute. */
const EXTEND_EVERY_MS = 60_000;
const MAX_REMEMBERED = 50_000;

/** Sets `key`, emptying the map first when it holds MAX_REMEMBERED: a memory bound, not a cache policy. */
function setBounded<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= MAX_REMEMBERED) map.clear();
  map.set(key, value);
}

/**
 * Triggers (migration 0005) notify on this channel when a session changes or ends (payload: its
 * `noticeKey`), when a person's name or memberships change (`person:<id>`), and when an organisation or a
 * board changes (`*`, any session's person may show it).
 */
export const SESSION_CHANGES_CHANNEL = 'sessions_changed';

type SessionPerson = PersonWithMemberships & { personId: string };

/**
 * A session named in a notice by the MD5 of its id, as the trigger writes it: any role that may
 * connect can LISTEN, and live session ids have no business on that channel.
 */
export function noticeKey(sid: string): string {
  return createHash('md5').update(sid).digest('hex');
}

/** What a read of a session found besides its content. */
interface Read {
  fingerprint: string;
  expiresAt: number;
  person: SessionPerson | undefined;
  readAt: number;
}

/** A read kept for reuse, with the content as JSON, so each request gets its own copy. */
interface KeptRead extends Read {
  json: string;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

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
  private readonly people = new Map<string, SessionPerson>();
  /**
   * Sessions read lately, by `noticeKey`, reused while this instance hears every change notice:
   * each request reads its session, and this saves most of those round trips (two of a
   * submission's five in the deadline-rush benchmark).
   */
  private readonly reads = new Map<string, KeptRead>();
  private listening = false;
  /** Counts what may have changed a session (notices, this instance's writes, the listener's state): a read that was under way meanwhile is not reused. */
  private notices = 0;

  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
    /**
     * How long a read is reused without asking the database again (SESSION_REUSE_SECONDS).
     * Change notices end it sooner; this bounds a notice that never arrived (a connection that
     * died without a word). Reads are reused only while the store listens (`listening`).
     */
    private readonly reuseMs = 0,
  ) {}

  /**
   * A store that reuses its reads for up to `reuseMs` while it listens to the database's change
   * notices. With `reuseMs` 0, or without the listener (`new DatabaseSessionStore`), every read
   * goes to the database.
   */
  static async listening(
    database: Database,
    ttlMs: number,
    reuseMs: number,
  ): Promise<{ store: DatabaseSessionStore; stop: () => Promise<void> }> {
    const store = new DatabaseSessionStore(database.db, ttlMs, reuseMs);
    if (reuseMs === 0) return { store, stop: async () => {} };
    const stop = await database.listen(
      SESSION_CHANGES_CHANNEL,
      (notice) => store.changed(notice),
      (listening) => store.setListening(listening),
    );
    return { store, stop };
  }

  /** A change notice: a session's `noticeKey`, `person:<id>`, or `*` for every session. */
  changed(notice: string): void {
    this.notices++;
    if (notice === '*') this.reads.clear();
    else if (notice.startsWith('person:')) {
      const personId = notice.slice('person:'.length);
      for (const [key, read] of this.reads) if (read.person?.personId === personId) this.reads.delete(key);
    } else this.reads.delete(notice);
  }

  /** Notices sent while the connection was down are lost: nothing read before is reused. */
  private setListening(listening: boolean): void {
    this.listening = listening;
    this.notices++;
    this.reads.clear();
  }

  private forget(sid: string): void {
    this.notices++;
    this.reads.delete(noticeKey(sid));
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
    this.forget(sid);
    // The jsonb column serialises the session itself, with the cookie's toJSON.
    statementsFor(this.db)
      .upsert.execute({ sid, data: session, expiresAt })
      .then(() => {
        setBounded(this.known, sid, { fingerprint: print, expiresAt: expiresAt.getTime() });
        callback();
      }, callback);
  }

  get(sid: string, callback: (err: unknown, result?: Session | null) => void): void {
    const now = Date.now();
    const key = noticeKey(sid);
    const kept = this.reads.get(key);
    if (kept && now - kept.readAt < this.reuseMs) {
      this.found(sid, kept, JSON.parse(kept.json) as Session, callback);
      return;
    }
    if (kept) this.reads.delete(key);
    const noticesBefore = this.notices;
    statementsFor(this.db)
      .get.execute({ sid })
      .then(([row]) => {
        if (!row) {
          callback(null, null);
          return;
        }
        const { data, expiresAt, personId, ...person } = row;
        const read: Read = {
          fingerprint: fingerprint(data as object),
          expiresAt: expiresAt.getTime(),
          // Frozen: requests share it while it is reused, and none may change it for the others.
          person: personId ? deepFreeze({ personId, ...person }) : undefined,
          readAt: now,
        };
        // Kept only if no notice came while reading: the row may predate the change it announced.
        if (this.listening && this.notices === noticesBefore) setBounded(this.reads, key, { ...read, json: JSON.stringify(data) });
        this.found(sid, read, data as Session, callback);
      }, callback);
  }

  private found(sid: string, read: Read, data: Session, callback: (err: unknown, result?: Session | null) => void): void {
    if (read.expiresAt < Date.now()) {
      callback(null, null);
      return;
    }
    setBounded(this.known, sid, { fingerprint: read.fingerprint, expiresAt: read.expiresAt });
    if (read.person) setBounded(this.people, sid, read.person);
    else this.people.delete(sid);
    callback(null, data);
  }

  /**
   * The person the session's last read found, once: the request that read the session takes it.
   * Undefined when another request took it first; the caller then loads the person itself.
   */
  takePerson(sid: string): SessionPerson | undefined {
    const person = this.people.get(sid);
    this.people.delete(sid);
    return person;
  }

  destroy(sid: string, callback: Callback): void {
    this.known.delete(sid);
    this.people.delete(sid);
    this.forget(sid);
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
