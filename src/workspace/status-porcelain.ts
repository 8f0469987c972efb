/** One changed path from `git status --porcelain=v1 -z`. */
export interface StatusEntry {
  /** Two-letter status, e.g. ' M', 'A ', '??', 'UU'. */
  code: string;
  path: string;
  /** The source of a rename or copy. */
  from?: string;
}

/**
 * Parses `git status --porcelain=v1 -z`: NUL-terminated `XY path` records, where a rename or copy
 * (X or Y is R or C) is followed by one more NUL-terminated field holding the original path.
 */
export function parseStatusZ(output: string): StatusEntry[] {
  const fields = output.split('\0');
  const entries: StatusEntry[] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] ?? '';
    if (field.length < 4) continue;
    const code = field.slice(0, 2);
    const entry: StatusEntry = { code, path: field.slice(3) };
    if (/[RC]/.test(code)) {
      i += 1;
      entry.from = fields[i] ?? '';
    }
    entries.push(entry);
  }
  return entries;
}

// Task files live under .orchestra/ in the main checkout; they change while tasks run and must not count as
// the user's uncommitted work.
export function isOrchestraPath(path: string): boolean {
  return path === '.orchestra' || path.startsWith('.orchestra/');
}

/** The paths the entries touch (both sides of a rename), minus Orchestra's own files, deduplicated in order. */
export function dirtyPaths(entries: readonly StatusEntry[]): string[] {
  const paths = new Set<string>();
  for (const entry of entries) {
    for (const path of [entry.from, entry.path]) {
      if (path !== undefined && path !== '' && !isOrchestraPath(path)) paths.add(path);
    }
  }
  return [...paths];
}
