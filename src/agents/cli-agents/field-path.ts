/**
 * Reads a dotted path (`message.content[].name`) out of a parsed JSON line. `[]` after a key walks
 * every element of the array there, so one path can yield several values; a missing step yields
 * none. Pure, so profile authors' paths can be tested as a table.
 */
export function readPath(value: unknown, path: string): unknown[] {
  let current: unknown[] = [value];
  for (const step of path.split('.')) {
    const spread = step.endsWith('[]');
    const key = spread ? step.slice(0, -2) : step;
    const next: unknown[] = [];
    for (const item of current) {
      const child = key === '' ? item : childOf(item, key);
      if (child === undefined) continue;
      if (spread) {
        if (Array.isArray(child)) next.push(...(child as unknown[]));
      } else next.push(child);
    }
    current = next;
  }
  return current.filter((item) => item !== undefined && item !== null);
}

/** True when every `when` path of the line holds the given value (compared as text). */
export function lineMatches(line: unknown, when: Readonly<Record<string, string | number | boolean>> | undefined): boolean {
  if (when === undefined) return true;
  return Object.entries(when).every(([path, expected]) => readPath(line, path).some((actual) => String(actual) === String(expected)));
}

function childOf(item: unknown, key: string): unknown {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  return Object.hasOwn(item, key) ? (item as Record<string, unknown>)[key] : undefined;
}
