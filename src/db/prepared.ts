import type { Db } from './client.ts';

/**
 * A query built once per database and then only executed: for the queries every request runs,
 * Drizzle's query building costs more CPU than the round trip. On PostgreSQL it is also a named
 * prepared statement, parsed once per connection. A prepared query belongs to the database it was
 * built on, so each database (tests open many) gets its own.
 */
export function preparedPerDatabase<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const built = new WeakMap<Db, Q>();
  return (db) => {
    let query = built.get(db);
    if (!query) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
