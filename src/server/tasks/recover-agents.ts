import { isSameProcess, killProcessGroup } from '../../sessions/index.js';
import type { AgentRecord } from './daemon-state.js';
import { launchAgent } from './launch-agent.js';
import type { ServiceContext } from './service-context.js';
import { setTaskStatus } from './task-status-updates.js';

/**
 * Runs once when a daemon starts. Each agent the previous daemon recorded is either dead or an
 * orphan (its PTY is gone): orphans are killed, identified by pid AND start time so that a reused
 * pid is never hit. Then each task that still wants its agent resumes its session, once: the new
 * pid is recorded before anything else, and only this daemon (one per user) runs this.
 */
export async function recoverAgents(ctx: ServiceContext): Promise<void> {
  const { state, log } = ctx.options;
  for (const record of [...state.agents]) {
    if (isSameProcess(record.pid, record.startTime)) {
      log.warn('killing an orphaned agent left by the previous daemon', { projectRoot: record.projectRoot, taskId: record.taskId, pid: record.pid });
      await killProcessGroup(record.pid, record.startTime, { graceMs: 2_000 });
    }
    await resumeOne(ctx, record).catch(async (error: Error) => {
      log.error('could not resume an agent', { projectRoot: record.projectRoot, taskId: record.taskId, error: error.message });
      await state.removeAgent(record.projectRoot, record.taskId);
    });
  }
}

async function resumeOne(ctx: ServiceContext, record: AgentRecord): Promise<void> {
  const { state, log } = ctx.options;
  const task = await ctx.files(record.projectRoot).get(record.taskId);
  const wanted = ['running', 'idle', 'completed', 'reviewed'].includes(task.status);
  if (!wanted || task.worktree === undefined) {
    await state.removeAgent(record.projectRoot, record.taskId);
    return;
  }
  const sessionId = task.agentSession ?? record.sessionId;
  if (sessionId === undefined) {
    // Starting the task over would repeat its work: leave it stopped for the user to decide.
    log.warn('the agent reported no session id, so it cannot be resumed', { projectRoot: record.projectRoot, taskId: record.taskId });
    await state.removeAgent(record.projectRoot, record.taskId);
    if (task.status === 'running' || task.status === 'idle') await setTaskStatus(ctx, record.projectRoot, task, 'stopped');
    return;
  }
  await launchAgent(ctx, record.projectRoot, { ...task, agentSession: sessionId }, { resume: true, resumes: record.resumes + 1, keepStatus: true });
}
