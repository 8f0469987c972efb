import { isSameProcess, killProcessGroup } from '../../sessions/index.js';
import type { AgentRecord } from './daemon-state.js';
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
 * recorded is either dead or an orphan (its PTY is gone): orphans are killed first. Then each task
 * that still wants its agent resumes its session, once: the new pid replaces the record before
 * anything else, and only this daemon (one per user) runs this.
 */
export async function recoverAgents(ctx: ServiceContext): Promise<void> {
  const { state, log } = ctx.options;
  const records = [...state.agents];
  const summary: RecoverySummary = { orphansKilled: 0, resumed: 0, stopped: 0, failed: 0 };
  summary.orphansKilled = await killOrphanedAgents(records, (record) =>
    log.warn('killing an orphaned agent left by the previous daemon', { projectRoot: record.projectRoot, taskId: record.taskId, pid: record.pid }),
  );
  await Promise.all(
    records.map(async (record) => {
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

/**
 * Kills the recorded agents that still run (with their process groups), identified by pid AND
 * start time so that a reused pid is never hit; all at once, since each may take the whole grace
 * period. The records stay: a daemon started later resumes those sessions. Returns how many ran.
 */
export async function killOrphanedAgents(records: readonly AgentRecord[], onKill: (record: AgentRecord) => void = () => undefined): Promise<number> {
  const killed = await Promise.all(
    records.map(async (record) => {
      if (!isSameProcess(record.pid, record.startTime)) return false;
      onKill(record);
      return killProcessGroup(record.pid, record.startTime, { graceMs: 2_000 });
    }),
  );
  return killed.filter(Boolean).length;
}

async function resumeOne(ctx: ServiceContext, record: AgentRecord): Promise<'resumed' | 'stopped' | 'skipped'> {
  const { state, log } = ctx.options;
  const task = await ctx.files(record.projectRoot).get(record.taskId);
  const wanted = ['running', 'idle', 'completed', 'reviewed'].includes(task.status);
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
  await launchAgent(ctx, record.projectRoot, { ...task, agentSession: sessionId }, { resume: true, resumes: record.resumes + 1, keepStatus: true });
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
