import { sameTask, type AgentRecord } from './agent-records.js';
import { endOrphanAgents, findOrphanAgents, type OrphanAgent } from './orphan-agents.js';
import { launchAgent } from './launch-agent.js';
import type { ServiceContext } from './service-context.js';
import { setTaskStatus } from './task-status-updates.js';

/** What one recovery did, logged as `agent recovery finished`. */
interface RecoverySummary {
  orphansKilled: number;
  resumed: number;
  /** Tasks left stopped because their agent reported no session id. */
  stopped: number;
  /** Tasks whose agent could not be started again (marked failed). */
  failed: number;
}

/**
 * Runs once when a daemon starts, before it serves any task method. Each agent the previous daemon
 * left is either dead or an orphan (its PTY is gone): orphans are found by their records and, when
 * a record is missing or has no pid yet (a kill -9 right after the spawn), by the marker in their
 * environment, and are killed first. Then each task that still wants its agent resumes its
 * session, once: the new record replaces the old before anything else, and only this daemon (one
 * per user) runs this.
 */
export async function recoverAgents(ctx: ServiceContext): Promise<void> {
  const { state, log, home } = ctx.options;
  const orphans = findOrphanAgents(home, state.agents);
  const summary: RecoverySummary = { orphansKilled: 0, resumed: 0, stopped: 0, failed: 0 };
  summary.orphansKilled = await endOrphanAgents(orphans, (orphan) =>
    log.warn('killing an orphaned agent left by the previous daemon', { projectRoot: orphan.projectRoot, taskId: orphan.taskId, pid: orphan.pid }),
  );
  await Promise.all(
    tasksToRecover(state.agents, orphans).map(async (record) => {
      try {
        const outcome = await resumeOne(ctx, record);
        if (outcome !== 'skipped') summary[outcome] += 1;
      } catch (error) {
        summary.failed += 1;
        await giveUp(ctx, record, error as Error);
      }
    }),
  );
  log.info('agent recovery finished', { ...summary });
}

/** The records, plus one for each orphan whose task had none (its session is in the task file). */
function tasksToRecover(records: readonly AgentRecord[], orphans: readonly OrphanAgent[]): AgentRecord[] {
  const recovered = [...records];
  for (const orphan of orphans) {
    if (recovered.some((record) => sameTask(record, orphan))) continue;
    recovered.push({ projectRoot: orphan.projectRoot, taskId: orphan.taskId, profile: 'unrecorded', startedAt: new Date().toISOString(), resumes: 0 });
  }
  return recovered;
}

async function resumeOne(ctx: ServiceContext, record: AgentRecord): Promise<'resumed' | 'stopped' | 'skipped'> {
  const { state, log } = ctx.options;
  const task = await ctx.files(record.projectRoot).get(record.taskId);
  const wanted = ['running', 'idle', 'completed', 'reviewed', 'merged'].includes(task.status);
  if (!wanted || task.worktree === undefined) {
    await state.removeAgent(record.projectRoot, record.taskId);
    return 'skipped';
  }
  const sessionId = task.agentSession ?? record.sessionId;
  if (sessionId === undefined) {
    // Starting the task over would repeat its work: leave it stopped for the user to decide.
    log.warn('the agent reported no session id, so it cannot be resumed; its task is stopped', { projectRoot: record.projectRoot, taskId: record.taskId, profile: record.profile });
    await state.removeAgent(record.projectRoot, record.taskId);
    if (task.status === 'running' || task.status === 'idle') await setTaskStatus(ctx, record.projectRoot, task, 'stopped');
    return 'stopped';
  }
  // A state.json that was lost took the project list with it: `status --all` lists this one again.
  await state.addProject(record.projectRoot);
  await launchAgent(ctx, record.projectRoot, { ...task, agentSession: sessionId }, { resume: true, resumes: record.resumes + 1, keepStatus: true, callerEnv: record.env });
  return 'resumed';
}

/**
 * A resume that failed (the profile is gone from orchestra.yaml, the worktree was deleted, ...):
 * a task that said it runs is marked failed, so it does not claim an agent it lacks, and `start`
 * tries again. An agent that did start before the failure keeps its record and runs on.
 */
async function giveUp(ctx: ServiceContext, record: AgentRecord, error: Error): Promise<void> {
  const { state, log } = ctx.options;
  const where = { projectRoot: record.projectRoot, taskId: record.taskId };
  log.error('could not resume an agent', { ...where, error: error.message });
  if (ctx.liveAgent(record.projectRoot, record.taskId) !== undefined) return;
  try {
    await state.removeAgent(record.projectRoot, record.taskId);
    const task = await ctx.files(record.projectRoot).get(record.taskId);
    if (task.status === 'running' || task.status === 'idle') await setTaskStatus(ctx, record.projectRoot, task, 'failed');
  } catch (inner) {
    log.warn('could not mark the task failed', { ...where, error: (inner as Error).message });
  }
}
