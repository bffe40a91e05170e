/**
 * The rows of `db.execute(sql...)`. Both drivers answer with an object holding `rows` (node-postgres'
 * QueryResult, PGlite's Results), but Drizzle types the result by the driver, unknown to shared code.
 */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
