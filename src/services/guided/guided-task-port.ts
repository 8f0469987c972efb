import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { GuidedTaskPort, GuidedTaskRequest, GuidedTaskState } from '../../engine/guided/index.js';
import type { TaskPort } from '../api/task-port.js';
import { crashPointForTests } from './guided-crash-points.js';
import { taskAdoption } from './guided-task-adoption.js';
import { guidedTaskSlug } from './guided-task-slug.js';

/** The parts of the daemon's task service a guided step uses. */
export type GuidedTasks = Pick<TaskPort, 'list' | 'create' | 'start' | 'get'>;

type Env = Readonly<Record<string, string | undefined>>;

// Statuses after which the step's work is done, and after which it will not be.
const succeeded = new Set(['completed', 'reviewed', 'merged']);
const failed = new Set(['failed', 'stopped']);

// One ensureTask at a time per task in this daemon: two readers of a crashed visit share one attempt.
const ensuring = new Map<string, Promise<{ taskId: string }>>();

/**
 * A step that waits for a coding-agent task (`waits_for: task`) creates one in the instance's
 * project and starts its agent, like `orchestra new` and `orchestra start`; the step is done when
 * the task is completed (or reviewed, merged), failed when its agent failed or was stopped. The
 * task is named before the step's entry is stored and made after (step-task.ts in the engine).
 */
export function guidedTaskPort(tasks: GuidedTasks, env: Env = {}): GuidedTaskPort {
  return {
    async nameTask(_scope, request) {
      const project = projectOf(request);
      const taken = new Set((await tasks.list(project)).tasks.map((task) => task.slug));
      return { slug: guidedTaskSlug(request.step, request.guidedId, taken) };
    },
    ensureTask(_scope, request) {
      const project = projectOf(request);
      const key = `${project}\0${request.slug}`;
      const attempt = ensuring.get(key) ?? ensureOnce(tasks, env, project, request).finally(() => ensuring.delete(key));
      ensuring.set(key, attempt);
      return attempt;
    },
    async taskState(_scope, taskId): Promise<GuidedTaskState> {
      const { project, ref } = taskRef(taskId);
      const task = await tasks.get(project, ref);
      if (succeeded.has(task.status)) return { state: 'succeeded', result: { task: task.id, status: task.status } };
      if (failed.has(task.status)) return { state: 'failed', result: { task: task.id, status: task.status } };
      return { state: 'running' };
    },
  };
}

/** The task of `request.slug`: found (a crashed attempt made it) or created, then started if it never was. */
async function ensureOnce(tasks: GuidedTasks, env: Env, project: string, request: GuidedTaskRequest & { slug: string }): Promise<{ taskId: string }> {
  crashPointForTests(env, 'before-task-create');
  const found = (await tasks.list(project)).tasks.find((one) => one.slug === request.slug);
  const task = found ?? (await createTask(tasks, env, project, request));
  if (taskAdoption(task) === 'start') {
    await tasks.start(project, String(task.id), {});
    crashPointForTests(env, 'after-task-start');
  }
  // The instance's wait keeps this one reference: the task's number and its project.
  return { taskId: `${task.id}@${project}` };
}

async function createTask(tasks: GuidedTasks, env: Env, project: string, request: GuidedTaskRequest & { slug: string }): Promise<{ id: number; status: string }> {
  const task = await tasks.create(project, { slug: request.slug, description: request.description, ...(request.agent !== undefined && { agent: request.agent }) });
  crashPointForTests(env, 'after-task-create');
  return task;
}

function projectOf(request: Pick<GuidedTaskRequest, 'guidedId' | 'step' | 'projectDir'>): string {
  if (request.projectDir !== undefined) return request.projectDir;
  throw new OrchestraError(ErrorCode.GUIDED_STATE, `step ${request.step} starts a coding-agent task, but instance ${request.guidedId} has no project`, {
    hint: 'Start the workflow with `project` (the folder whose tasks it creates).',
  });
}

function taskRef(taskId: string): { project: string; ref: string } {
  const at = taskId.indexOf('@');
  return { project: taskId.slice(at + 1), ref: taskId.slice(0, at) };
}
