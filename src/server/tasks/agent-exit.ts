import type { LiveAgent } from './live-agent.js';
import { agentKey } from './live-agent.js';
import type { ServiceContext } from './service-context.js';
import { setTaskStatus } from './task-status-updates.js';

/**
 * An agent's process ended. Stopped by the user → `stopped`; exited by itself → `stopped` (code 0)
 * or `failed`; a completed or reviewed task keeps its status, and a merge sets its own. A daemon shutting down keeps the
 * agent's record, so that the next daemon resumes its session.
 */
export async function onAgentExit(ctx: ServiceContext, agent: LiveAgent, exitCode: number): Promise<void> {
  const { projectRoot, taskId } = agent;
  ctx.agents.delete(agentKey(projectRoot, taskId));
  ctx.options.log.info('agent exited', { projectRoot, taskId, exitCode, stoppedByDaemon: agent.stopping });
  if (agent.stopping === 'shutdown') return;
  await ctx.options.state.removeAgent(projectRoot, taskId);
  if (agent.stopping === 'merge') return;
  try {
    const task = await ctx.files(projectRoot).get(taskId);
    if (task.status === 'running' || task.status === 'idle') {
      await setTaskStatus(ctx, projectRoot, task, agent.stopping === 'stop' || exitCode === 0 ? 'stopped' : 'failed');
    } else {
      ctx.emit({ projectRoot, taskId, slug: task.slug, kind: 'status', status: task.status, previousStatus: task.status });
    }
  } catch (error) {
    ctx.options.log.warn('could not record an agent exit', { projectRoot, taskId, error: (error as Error).message });
  }
}
