import { plural } from '../../core/plural.js';
import type { TaskRow } from '../watch-source.js';
import { needsInput } from './status-style.js';

/** `orchestra watch — 4 tasks, 1 needs input`: the count that matters is on the first line. */
export function headline(rows: readonly TaskRow[]): string {
  const waiting = rows.filter(needsInput).length;
  return `orchestra watch — ${plural(rows.length, 'task')}, ${waiting} ${waiting === 1 ? 'needs' : 'need'} input`;
}
