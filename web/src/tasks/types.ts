/*
 * The coding-agent tasks as the API answers them (GET /tasks, GET /tasks/{ref}; GET /openapi.json has
 * them in full). The dashboard sees only the public API, so it names here the fields it uses.
 */

export type TaskStatus = 'draft' | 'running' | 'idle' | 'completed' | 'reviewed' | 'stopped' | 'failed' | 'merged';

export interface TaskView {
  id: number;
  slug: string;
  status: TaskStatus;
  baseBranch: string;
  agent?: string;
  branch?: string;
  worktree?: string;
  updatedAt: string;
  description: string;
  projectRoot: string;
  projectName: string;
  activity?: 'working' | 'idle' | 'waiting';
  needsInput: boolean;
  pid?: number;
  lastLine?: string;
}

export interface TaskProblem {
  projectRoot: string;
  code: string;
  message: string;
  hint?: string;
  file?: string;
}

export interface TaskPage {
  items: TaskView[];
  nextCursor?: string;
  problems: TaskProblem[];
}

/** The query naming one task of one project, for every /tasks/{ref} route. */
export function taskQuery(project: string): string {
  return `project=${encodeURIComponent(project)}`;
}

export function taskPath(project: string, id: number, verb = ''): string {
  return `/tasks/${id}${verb === '' ? '' : `/${verb}`}?${taskQuery(project)}`;
}
