/**
 * The lifecycle status of a task. `stopped`, `failed` and `merged` extend seed 002's five statuses:
 * the agent was stopped (or exited) before the work was completed, setup / the agent could not
 * start, or the work is in the base branch.
 * The allowed moves between them are in task-transitions.ts.
 */
export const TaskStatus = {
  draft: 'draft',
  running: 'running',
  idle: 'idle',
  completed: 'completed',
  reviewed: 'reviewed',
  stopped: 'stopped',
  failed: 'failed',
  /** `orchestra merge` brought its branch into the base branch. */
  merged: 'merged',
} as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

/** Every status, in lifecycle order (for messages and did-you-mean). */
export const taskStatuses: readonly TaskStatus[] = Object.values(TaskStatus);

export function isTaskStatus(value: unknown): value is TaskStatus {
  return typeof value === 'string' && (taskStatuses as readonly string[]).includes(value);
}

/**
 * One task, as stored in `<projectRoot>/.orchestra/tasks/<id>:<slug>.md`: the id and slug come from
 * the file name, the fields from the YAML front matter (snake_case keys), the description from the
 * markdown body.
 */
export interface Task {
  id: number;
  slug: string;
  status: TaskStatus;
  /** Front matter `base_branch` (required): the branch the task started from and merges into. */
  baseBranch: string;
  /** Agent profile name (claude-code, opencode, codex, gemini, or a config stanza name). */
  agent?: string;
  /** `orchestra/<id>-<slug>`, set on start. */
  branch?: string;
  /** Absolute path of the task's worktree, set on start. */
  worktree?: string;
  /** ORCHESTRA_PORT given to the setup script and the agent. */
  port?: number;
  /** Front matter `agent_session`: the agent CLI's own session id, for `--resume`. */
  agentSession?: string;
  /** Front matter `created`, an ISO 8601 time. */
  createdAt: string;
  /** Front matter `updated`, an ISO 8601 time. */
  updatedAt: string;
  /** The markdown body, without the front matter; no leading blank lines, no trailing whitespace. */
  description: string;
  /** Absolute path of the task file. */
  file: string;
  /** Front-matter keys Orchestra does not know, preserved (in order) when the file is written. */
  extra: Record<string, unknown>;
}
