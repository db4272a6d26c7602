/**
 * Target codes sort as people read them: `NI 16` before `NI 154`. The one comparator for codes,
 * used by the API, the CSV exports, the summary and the report.
 */
export function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, 'en-GB', { numeric: true });
}

/** Sorts anything with a `code` by {@link compareCodes}. */
export function byCode(a: { code: string }, b: { code: string }): number {
  return compareCodes(a.code, b.code);
}
