import { basename } from 'node:path';
import type { OrchestraError } from '../../core/errors.js';
import type { Task, TaskList, TaskProblem, TaskView } from '../../tasks/index.js';
import type { ServiceContext } from './service-context.js';

export type { TaskList, TaskProblem, TaskView } from '../../tasks/index.js';

export function toTaskView(ctx: ServiceContext, projectRoot: string, task: Task): TaskView {
  const { extra: _extra, ...fields } = task;
  const agent = ctx.liveAgent(projectRoot, task.id);
  const activity = agent?.currentActivity;
  return {
    ...fields,
    projectRoot,
    projectName: basename(projectRoot),
    needsInput: activity === 'waiting',
    ...(agent === undefined ? {} : { activity, pid: agent.session.pid, lastLine: agent.session.lastLine() }),
  };
}

export async function projectTasks(ctx: ServiceContext, projectRoot: string): Promise<TaskList> {
  const listing = await ctx.files(projectRoot).list();
  return {
    tasks: listing.tasks.map((task) => toTaskView(ctx, projectRoot, task)),
    problems: listing.problems.map((problem) => toProblem(projectRoot, problem)),
  };
}

/** Every task of every project the daemon has served. */
export async function allTasks(ctx: ServiceContext): Promise<TaskList> {
  const lists = await Promise.all(ctx.options.state.projects.map((root) => projectTasks(ctx, root).catch(() => ({ tasks: [], problems: [] }))));
  return { tasks: lists.flatMap((list) => list.tasks), problems: lists.flatMap((list) => list.problems) };
}

function toProblem(projectRoot: string, error: OrchestraError): TaskProblem {
  return {
    projectRoot,
    code: error.code,
    message: error.message,
    ...(error.hint === undefined ? {} : { hint: error.hint }),
    ...(error.location === undefined ? {} : { file: error.location.file, line: error.location.line, column: error.location.column }),
  };
}
