/**
 * The project the page shows: the one the address names when it is served, else the first served
 * one; undefined when none is served. Kept pure so the rule is tested apart from the page.
 */
export function chosenProject(asked: string | null, served: readonly string[]): string | undefined {
  if (asked !== null && served.includes(asked)) return asked;
  return served[0];
}

/** A project's folder name, for labels: the last part of its path. */
export function projectName(path: string): string {
  const parts = path.split(/[\\/]/).filter((part) => part !== '');
  return parts.at(-1) ?? path;
}

/** Tiers in their usual order (smart, worker, cheap), then any other, as `tier: model`. */
export function tierList(tiers: Readonly<Record<string, string>>): string[] {
  const order = ['smart', 'worker', 'cheap'];
  const names = Object.keys(tiers).sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
  return names.map((name) => `${name}: ${tiers[name]}`);
}

function rank(order: readonly string[], name: string): number {
  const index = order.indexOf(name);
  return index === -1 ? order.length : index;
}
