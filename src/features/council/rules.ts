/** The distinct sources of a list of rows, in first-seen order, to cite once under the list. */
export function distinctSources(rows: readonly { sourceRef: string }[]): string[] {
  return [...new Set(rows.map((r) => r.sourceRef))];
}
