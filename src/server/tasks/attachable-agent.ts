import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { LiveAgent } from './live-agent.js';
import type { TaskView } from './task-queries.js';
import type { TaskService } from './task-service.js';

/**
 * The task `ref` of `project` and its running agent, for a terminal to attach to (`orchestra
 * attach` over the socket, the dashboard's terminal over a WebSocket); E_AGENT_NOT_RUNNING, saying
 * how to start it, when none runs.
 */
export async function attachableAgent(service: TaskService, project: string, ref: string): Promise<{ task: TaskView; agent: LiveAgent }> {
  const task = await service.get(project, ref);
  const agent = service.liveAgent(project, task.id);
  if (agent === undefined) {
    throw new OrchestraError(ErrorCode.AGENT_NOT_RUNNING, `task ${task.id} (${task.slug}) has no running agent to attach to.`, {
      hint: task.status === 'draft' ? `Start it: orchestra start ${task.id}` : `Start it again (it resumes its session): orchestra start ${task.id}`,
    });
  }
  return { task, agent };
}
