import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './client.ts';

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

export type PlaceholderValues = Record<string, unknown>;

/**
 * A hand-written statement (Drizzle `sql` whose values are `sql.placeholder`s), turned into SQL
 * text once and prepared under `name` once per database; in a transaction it runs unnamed on the
 * transaction's connection. The result is the driver's, see `rowsOf`.
 */
export function preparedStatement(name: string, statement: SQL) {
  const query = new PgDialect().sqlToQuery(statement);
  const prepared = preparedPerDatabase((db) => db._.session.prepareQuery(query, undefined, name, false));
  return {
    execute: (db: Db, values: PlaceholderValues): Promise<unknown> => prepared(db).execute(values),
    executeIn: (tx: Tx, values: PlaceholderValues): Promise<unknown> =>
      tx._.session.prepareQuery(query, undefined, undefined, false).execute(values),
  };
}
