import { loadConfig } from '../../config/index.js';
import { parseDuration } from '../../core/duration.js';
import { ErrorCode, ExitCode, isOrchestraError } from '../../core/errors.js';
import { cleanupWorkspaces, workspacesDir } from '../../services/workspace/index.js';
import { findProjectRoot } from '../../workspace/project-root.js';
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
  const olderThanMs = options.olderThan === undefined ? 0 : parseDuration(options.olderThan, '--older-than');
  const { config } = await loadConfig({ startDir: ctx.io.cwd, env: ctx.io.env });
  const projectRoot = await findProjectRoot(ctx.io.cwd).catch((error: unknown) => {
    if (isOrchestraError(error) && error.code === ErrorCode.NOT_A_PROJECT) return undefined;
    throw error;
  });
  const { store, location } = await openCliStore(ctx.io.env);
  try {
    const report = await cleanupWorkspaces({
      store,
      repos: Object.values(config.workspace.repos),
      worktreesRoot: workspacesDir(location.home),
      home: location.home,
      ...(projectRoot !== undefined && { projectRoot }),
      now: Date.now(),
      olderThanMs,
      force: options.force === true,
      dryRun: options.dryRun === true,
    });
    ctx.io.stdout.write(options.json === true ? `${JSON.stringify(report)}\n` : `${formatCleanupReport(report, ctx.out)}\n`);
    return report.problems.length > 0 ? ExitCode.FAILED : ExitCode.OK;
  } finally {
    await store.close();
  }
}
