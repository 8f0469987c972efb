import type { TaskEdit, TaskList, TaskView } from '../../tasks/index.js';

/** What `tasks.create` gives: the base branch defaults to the branch checked out in the project. */
export interface TaskCreate {
  slug: string;
  description: string;
  baseBranch?: string;
  agent?: string;
}

export interface TaskStart {
  /** An agent profile for this start (and the task from then on); else the task's, else the default. */
  agent?: string;
  cols?: number;
  rows?: number;
}

export interface TaskMerge {
  mode: 'merge' | 'squash' | 'rebase';
  /** Keep the worktree and the branch after a successful merge. */
  keep: boolean;
}

export interface TaskMerged {
  task: TaskView;
  commit: string;
  files: string[];
  removedWorktree: boolean;
}

/** The agent's terminal output as its terminal showed it (or the raw bytes), kept after it exits. */
export interface TaskLogs {
  taskId: number;
  text: string;
  /** Bytes of output so far (a follower reads on from here). */
  size: number;
  /** The terminal size the text was laid out for. */
  cols: number;
  rows: number;
  /** Whether an agent runs for the task now. */
  live: boolean;
}

/**
 * The daemon's task service, as the API operations need it (issue 12). Task logic lives in the
 * daemon (src/server/tasks, `taskPort(service)`), which owns the live agents; services must not
 * import it, so the operations reach it through this port. Every `projectRoot` is a known
 * project's real path (requireKnownProject) and every `ref` an id, slug or `<id>:<slug>`.
 */
export interface TaskPort {
  list(projectRoot: string): Promise<TaskList>;
  get(projectRoot: string, ref: string): Promise<TaskView>;
  create(projectRoot: string, input: TaskCreate): Promise<TaskView>;
  edit(projectRoot: string, ref: string, edit: TaskEdit): Promise<TaskView>;
  start(projectRoot: string, ref: string, options: TaskStart): Promise<TaskView>;
  stop(projectRoot: string, ref: string): Promise<TaskView>;
  complete(projectRoot: string, ref: string): Promise<TaskView>;
  review(projectRoot: string, ref: string): Promise<TaskView>;
  merge(projectRoot: string, ref: string, options: TaskMerge): Promise<TaskMerged>;
  diff(projectRoot: string, ref: string): Promise<{ diff: string }>;
  logs(projectRoot: string, ref: string, options: { lines?: number; raw: boolean }): Promise<TaskLogs>;
}
