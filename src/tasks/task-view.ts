import type { Task } from './task.js';

/**
 * A task as the ways in show it (RPC, HTTP, MCP): the file's fields plus what the daemon knows
 * live about its agent. The front-matter keys Orchestra does not know (`extra`) stay in the file.
 */
export interface TaskView extends Omit<Task, 'extra'> {
  projectRoot: string;
  projectName: string;
  activity?: 'working' | 'idle' | 'waiting';
  needsInput: boolean;
  pid?: number;
  lastLine?: string;
}

/** A task file that could not be read, shown beside the tasks that could. */
export interface TaskProblem {
  projectRoot: string;
  code: string;
  message: string;
  hint?: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface TaskList {
  tasks: TaskView[];
  problems: TaskProblem[];
}

/**
 * What a user may change in a task besides its status (which moves only through start, stop,
 * complete…): what `orchestra edit` changes by hand in the file. `agent: null` clears the agent,
 * so the task gets the default one at start.
 */
export interface TaskEdit {
  description?: string;
  slug?: string;
  baseBranch?: string;
  agent?: string | null;
}
