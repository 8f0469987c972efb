/**
 * `1 edge`, `2 edges`, `0 edges`: a count with its noun, so no summary reads "1 edges". Words
 * whose plural is not the singular plus "s" pass it (`plural(n, 'branch', 'branches')`).
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
