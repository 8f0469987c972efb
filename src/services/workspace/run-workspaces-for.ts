import { createCommitMessageWriter } from '../../agents/llm/commit-message-writer.js';
import type { ResolvedConfig } from '../../config/index.js';
import type { Logger } from '../../core/logger.js';
import { makePrivateDir, tightenToOwner } from '../../core/private-files.js';
import { createRunWorkspaces } from '../../workspace/run-workspace/index.js';
import type { RunWorkspaces } from '../../workspace/run-workspace/types.js';
import { workspacesDir } from './workspaces-dir.js';

export interface RunWorkspacesSetup {
  /** ORCHESTRA_HOME: the worktrees go under `{home}/workspaces`, owner-only. */
  home: string;
  /** Where the `cheap` model's key is read from, for commit messages. */
  env: Readonly<Record<string, string | undefined>>;
  logger?: Logger;
}

/**
 * `EngineOptions.workspaces` for a project's config (issue 14): undefined when orchestra.yaml has no
 * `workspace.repos` (the run works in its directory as before); otherwise the repos' session
 * worktrees under `$ORCHESTRA_HOME/workspaces` (0700), commit messages by the config's `cheap`
 * model when one is configured. Every place that builds EngineOptions wires it with this call.
 */
export async function runWorkspacesFor(config: ResolvedConfig, setup: RunWorkspacesSetup): Promise<RunWorkspaces | undefined> {
  if (Object.keys(config.workspace.repos).length === 0) return undefined;
  const worktreesRoot = workspacesDir(setup.home);
  await makePrivateDir(worktreesRoot);
  await tightenToOwner(worktreesRoot);
  const writeMessage = createCommitMessageWriter(config, setup.env);
  return createRunWorkspaces({
    repos: config.workspace.repos,
    worktreesRoot,
    onConflict: config.workspace.onConflict,
    ...(writeMessage && { writeMessage }),
    ...(setup.logger && { logger: setup.logger }),
  });
}
