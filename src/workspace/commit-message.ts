import { plural } from '../core/plural.js';

/** Git's convention: a subject that fits in `git log --oneline` and in e-mail subjects. */
export const SUBJECT_LIMIT = 72;

export interface TurnSummary {
  /** The pipeline node whose turn this is. */
  node: string;
  /** Absent for what a node left when it ended (no agent turn). */
  turn?: number;
  /** The files the turn committed, relative to the worktree. */
  files: readonly string[];
}

/**
 * The commit message of an agent turn when no model wrote one (none configured, or the call failed): a subject
 * of at most 72 characters naming the node, the turn and as many files as fit, then a body listing every file.
 * @example deterministicCommitMessage({ node: 'implement', turn: 3, files: ['src/a.ts', 'src/b.ts'] })
 * // 'implement: turn 3, 2 files (src/a.ts, src/b.ts)\n\nFiles:\n- src/a.ts\n- src/b.ts'
 */
export function deterministicCommitMessage(summary: TurnSummary): string {
  const files = [...new Set(summary.files.map(oneLine))];
  const subject = subjectLine(oneLine(summary.node), summary.turn, files);
  if (files.length === 0) return subject;
  return `${subject}\n\nFiles:\n${files.map((file) => `- ${file}`).join('\n')}`;
}

function subjectLine(node: string, turn: number | undefined, files: readonly string[]): string {
  const count = files.length === 0 ? 'no files' : plural(files.length, 'file');
  const counted = turn === undefined ? count : `turn ${turn}, ${count}`;
  // A long node name is cut so the turn and file count, the informative part, always show.
  const room = SUBJECT_LIMIT - counted.length - 2;
  const prefix = `${node.length > room ? `${node.slice(0, Math.max(room - 1, 0))}…` : node}: ${counted}`;
  return `${prefix}${fileList(files, SUBJECT_LIMIT - prefix.length)}`;
}

/** ` (a, b, …)` with as many whole names as fit in `room` characters, or '' when not even one fits. */
function fileList(files: readonly string[], room: number): string {
  for (let shown = files.length; shown > 0; shown--) {
    const names = files.slice(0, shown).join(', ');
    const text = shown === files.length ? ` (${names})` : ` (${names}, …)`;
    if (text.length <= room) return text;
  }
  return '';
}

/** Node names and file names are data: a newline in one must not start a new line (or a fake trailer) in a message. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being replaced
  return text.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
}
