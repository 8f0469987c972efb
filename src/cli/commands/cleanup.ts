import { ExitCode } from '../../core/errors.js';
import { cleanupProject } from '../../services/workspace/index.js';
import { formatCleanupReport } from '../cleanup/format-cleanup.js';
import type { CommandContext } from '../command-context.js';
import { openCliStore } from '../store-location.js';

export interface CleanupCommandOptions {
  dryRun?: boolean;
  olderThan?: string;
  force?: boolean;
  json?: boolean;
}

/**
 * `orchestra cleanup` (issue 14): the session branches and worktrees of finished runs in the repos of
 * this project's `workspace:` section, and its stale task worktrees. Exit 1 when a repo could not be
 * cleaned (the others were).
 */
export async function cleanupCommand(ctx: CommandContext, options: CleanupCommandOptions): Promise<number> {
  const { store, location } = await openCliStore(ctx.io.env);
  try {
    const input = { project: ctx.io.cwd, dryRun: options.dryRun === true, force: options.force === true, ...(options.olderThan !== undefined && { olderThan: options.olderThan }) };
    const report = await cleanupProject({ store, home: location.home, env: ctx.io.env }, input, Date.now());
    ctx.io.stdout.write(options.json === true ? `${JSON.stringify(report)}\n` : `${formatCleanupReport(report, ctx.out)}\n`);
    return report.problems.length > 0 ? ExitCode.FAILED : ExitCode.OK;
  } finally {
    await store.close();
  }
}
