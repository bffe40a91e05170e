/**
 * Values one request hands to the next on this instance, such as a POST to the page its redirect
 * leads to: each is taken once, and kept at most `ttlMs`. The taker must cope with a miss (another
 * instance, a reload, a restart) by reading the database, so a miss is never wrong, only slower.
 */
export class Handover<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  put(key: string, value: T, now = Date.now()): void {
    if (this.entries.size >= this.maxEntries) {
      for (const [k, entry] of this.entries) if (entry.until <= now) this.entries.delete(k);
      // Still full of live entries: drop the oldest (a Map keeps insertion order).
      const oldest = this.entries.keys().next();
      if (this.entries.size >= this.maxEntries && !oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.delete(key);
    this.entries.set(key, { value, until: now + this.ttlMs });
  }

  take(key: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    return entry.until > now ? entry.value : undefined;
  }

  get size(): number {
    return this.entries.size;
  }
}
