import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { GuidedTaskPort, GuidedTaskState } from '../../engine/guided/index.js';
import type { TaskPort } from '../api/task-port.js';
import { guidedTaskSlug } from './guided-task-slug.js';

/** The parts of the daemon's task service a guided step uses. */
export type GuidedTasks = Pick<TaskPort, 'list' | 'create' | 'start' | 'get' | 'stop'>;

// Statuses after which the step's work is done, and after which it will not be.
const succeeded = new Set(['completed', 'reviewed', 'merged']);
const failed = new Set(['failed', 'stopped']);

/**
 * A step that waits for a coding-agent task (`waits_for: task`) creates one in the instance's
 * project and starts its agent, like `orchestra new` and `orchestra start`; the step is done when
 * the task is completed (or reviewed, merged), failed when its agent failed or was stopped.
 */
export function guidedTaskPort(tasks: GuidedTasks): GuidedTaskPort {
  return {
    async createTask(_scope, request) {
      if (request.projectDir === undefined) {
        throw new OrchestraError(ErrorCode.GUIDED_STATE, `step ${request.step} starts a coding-agent task, but instance ${request.guidedId} has no project`, {
          hint: 'Start the workflow with `project` (the folder whose tasks it creates).',
        });
      }
      const taken = new Set((await tasks.list(request.projectDir)).tasks.map((task) => task.slug));
      const slug = guidedTaskSlug(request.step, request.guidedId, taken);
      const task = await tasks.create(request.projectDir, { slug, description: request.description, ...(request.agent !== undefined && { agent: request.agent }) });
      await tasks.start(request.projectDir, String(task.id), {});
      // The instance's wait keeps this one reference: the task's number and its project.
      return { taskId: `${task.id}@${request.projectDir}` };
    },
    async abandonTask(_scope, taskId) {
      const { project, ref } = taskRef(taskId);
      await tasks.stop(project, ref);
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

function taskRef(taskId: string): { project: string; ref: string } {
  const at = taskId.indexOf('@');
  return { project: taskId.slice(at + 1), ref: taskId.slice(0, at) };
}
