import { plural } from '../../core/plural.js';
import type { CleanupItem, CleanupReport } from '../../services/workspace/index.js';
import type { Palette } from '../output/color.js';

/**
 * `orchestra cleanup`'s text: what was removed (or would be, on a dry run), what was kept and why,
 * the repos that could not be read, and a summary line.
 */
export function formatCleanupReport(report: CleanupReport, p: Palette): string {
  const lines: string[] = [];
  const section = (title: string, items: readonly CleanupItem[], paint: (text: string) => string) => {
    if (items.length === 0) return;
    lines.push(p.bold(title));
    for (const item of items) lines.push(`  ${describeItem(item)}`, `    ${paint(item.reason)}`);
  };
  section(report.dryRun ? 'Would remove:' : 'Removed:', report.removed, p.green);
  section('Kept:', report.kept, p.yellow);
  if (report.pruned.length > 0) {
    lines.push(p.bold(report.dryRun ? 'Would prune (worktree folders already gone):' : 'Pruned (worktree folders already gone):'));
    for (const line of report.pruned) lines.push(`  ${line}`);
  }
  for (const problem of report.problems) {
    lines.push(`${p.red(`error[${problem.code}]`)}: ${problem.message}`);
    if (problem.hint !== undefined) lines.push(`  hint: ${problem.hint}`);
  }
  lines.push(summary(report));
  return lines.join('\n');
}

/** `run 01hx… (demo) in app: orchestra/demo/01hx…, +1 parallel branch, 2 worktrees` or `task 3-fix: /path`. */
export function describeItem(item: CleanupItem): string {
  if (item.kind === 'task') return `task ${item.task ?? '?'} of ${item.repo}: ${item.worktrees.join(', ')}`;
  const session = item.branches.find((name) => !name.includes('--') && !name.startsWith('refs/'));
  const parallel = item.branches.filter((name) => name !== session && !name.startsWith('refs/')).length;
  const rescues = item.branches.filter((name) => name.startsWith('refs/')).length;
  const parts = [
    ...(session !== undefined ? [session] : []),
    ...(parallel > 0 ? [`+${plural(parallel, 'parallel branch', 'parallel branches')}`] : []),
    ...(rescues > 0 ? [`+${plural(rescues, 'rescue ref')}`] : []),
    ...(item.worktrees.length > 0 ? [plural(item.worktrees.length, 'worktree')] : []),
  ];
  return `run ${item.runId ?? '?'} (${item.pipeline ?? '?'}) in ${item.repo}: ${parts.join(', ')}`;
}

function summary(report: CleanupReport): string {
  const counts = `${report.dryRun ? 'would remove' : 'removed'} ${report.removed.length}, kept ${report.kept.length}`;
  if (report.dryRun) return `Dry run: ${counts}; nothing was changed.`;
  if (report.removed.length + report.kept.length + report.pruned.length + report.problems.length === 0) return 'Nothing to clean.';
  return `Cleanup: ${counts}${report.problems.length > 0 ? `, ${plural(report.problems.length, 'repo')} with errors` : ''}.`;
}
