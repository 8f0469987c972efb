import type { ResolvedRepo } from '../../config/config-types.js';
import type { Store } from '../../store/store.js';

/** What `orchestra cleanup` is asked to do (issue 14). */
export interface CleanupOptions {
  store: Store;
  /** The project's `workspace.repos` (orchestra.yaml). */
  repos: readonly ResolvedRepo[];
  /** `$ORCHESTRA_HOME/workspaces`: run worktrees live at `{worktreesRoot}/{runId}/…`. */
  worktreesRoot: string;
  /** ORCHESTRA_HOME: task worktrees live under `{home}/worktrees/`. */
  home: string;
  /** The project whose stale task worktrees are looked at; absent: none are. */
  projectRoot?: string;
  now: number;
  /** Only runs finished at least this long ago (ms); default 0. */
  olderThanMs?: number;
  force?: boolean;
  /** Decide and report, remove nothing. */
  dryRun?: boolean;
  /** Only this tenant's runs are judged (an API caller's); absent: every run (the local CLI). */
  tenant?: string;
  /** Whether a lease owner is a dead local process (tests pass their own). */
  isDeadOwner?: (owner: string) => boolean;
}

/** A run's session in one repo, or a task's worktree, with what was (or, on a dry run, would be) done and why. */
export interface CleanupItem {
  kind: 'run' | 'task';
  /** The workspace repo's name; for a task, the project folder. */
  repo: string;
  runId?: string;
  pipeline?: string;
  /** `{id}-{slug}` of a task worktree. */
  task?: string;
  branches: string[];
  worktrees: string[];
  reason: string;
}

/** A repo that could not be cleaned (not a git repository, a git failure); the others still are. */
export interface CleanupProblem {
  repo: string;
  code: string;
  message: string;
  hint?: string;
}

export interface CleanupReport {
  dryRun: boolean;
  removed: CleanupItem[];
  kept: CleanupItem[];
  problems: CleanupProblem[];
  /** Worktree registrations whose folder is gone, dropped by `git worktree prune` (per repo: its lines). */
  pruned: string[];
}
