import { describeSessionId, sessionIdProblem, type AgentReport } from '../../agents/cli-agents/index.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { Task, TaskStatus } from '../../tasks/index.js';
import { endTaskOrphans } from './launch-agent.js';
import type { LiveAgent } from './live-agent.js';
import type { ServiceContext } from './service-context.js';
import { setTaskStatus } from './task-status-updates.js';

/** `orchestra stop`: ends the agent (its whole process group); the worktree stays. */
export async function stopTask(ctx: ServiceContext, projectRoot: string, ref: string): Promise<Task> {
  const task = await ctx.files(projectRoot).get(ref);
  const agent = ctx.liveAgent(projectRoot, task.id);
  if (agent !== undefined) await stopAgent(agent, 'stop');
  // An agent a killed daemon left behind is stopped too: `stop` reaches whatever runs for the task.
  else if ((await endTaskOrphans(ctx, projectRoot, task.id)) === 0) {
    throw new OrchestraError(ErrorCode.AGENT_NOT_RUNNING, `task ${task.id} (${task.slug}) has no running agent.`, {
      hint: `Start it: orchestra start ${task.id}`,
    });
  }
  const current = await ctx.files(projectRoot).get(task.id);
  return current.status === 'running' || current.status === 'idle' ? setTaskStatus(ctx, projectRoot, current, 'stopped') : current;
}

export async function stopAgent(agent: LiveAgent, why: 'stop' | 'shutdown' | 'merge'): Promise<void> {
  agent.stopping = why;
  await agent.session.stop({ graceMs: 3_000 });
}

/** `orchestra complete`: the agent may keep running, so the user can still give feedback. */
export async function completeTask(ctx: ServiceContext, projectRoot: string, ref: string): Promise<Task> {
  const task = await ctx.files(projectRoot).get(ref);
  const done = await setTaskStatus(ctx, projectRoot, task, 'completed');
  const agent = ctx.liveAgent(projectRoot, task.id);
  if (agent !== undefined) agent.feedback = false;
  return done;
}

export async function reviewTask(ctx: ServiceContext, projectRoot: string, ref: string): Promise<Task> {
  const task = await ctx.files(projectRoot).get(ref);
  if (task.status !== 'completed' && task.status !== 'reviewed') {
    throw new OrchestraError(ErrorCode.TASK_STATE, `task ${task.id} (${task.slug}) is ${task.status}; only a completed task can be marked reviewed.`, {
      hint: `Complete it first: orchestra complete ${task.id}`,
    });
  }
  const reviewed = await setTaskStatus(ctx, projectRoot, task, 'reviewed');
  const agent = ctx.liveAgent(projectRoot, task.id);
  if (agent !== undefined) agent.feedback = false;
  return reviewed;
}

/**
 * `orchestra status set <task> <status>`: for users wiring their own hooks. running and idle also
 * tell the live agent, so output quiescence does not undo what the hook said.
 */
export async function setStatusByUser(ctx: ServiceContext, projectRoot: string, ref: string, status: TaskStatus): Promise<Task> {
  const task = await ctx.files(projectRoot).get(ref);
  const agent = ctx.liveAgent(projectRoot, task.id);
  // The file would say the agent is gone while it runs on: only its exit (or `stop`) says so.
  if (agent !== undefined && (status === 'stopped' || status === 'failed')) {
    throw new OrchestraError(ErrorCode.TASK_STATE, `task ${task.id} (${task.slug}) has a running agent; it cannot be marked ${status} by hand.`, {
      hint: `Stop the agent: orchestra stop ${task.id}`,
    });
  }
  if (agent !== undefined && (status === 'running' || status === 'idle')) agent.report(status === 'running' ? 'working' : 'idle');
  if (status === 'completed' || status === 'reviewed') {
    if (agent !== undefined) agent.feedback = false;
  }
  return setTaskStatus(ctx, projectRoot, task, status);
}

/**
 * A report from an agent's hook or plugin: its activity, and its session id once known. A session
 * id the agent could not have made is refused whole (the task keeps its old one): it would later
 * be an argument of `--resume`.
 */
export async function reportFromAgent(ctx: ServiceContext, projectRoot: string, taskId: number, report: AgentReport): Promise<void> {
  const task = await ctx.files(projectRoot).get(taskId);
  if (report.sessionId !== undefined) await checkReportedSession(ctx, projectRoot, task, report.sessionId);
  // `orchestra daemon logs` then shows why a task changed status: a hook, not output quiescence.
  if (report.activity !== undefined || report.sessionId !== undefined) ctx.options.log.info('agent reported', { projectRoot, taskId, ...report });
  if (report.sessionId !== undefined && report.sessionId !== task.agentSession) {
    await ctx.files(projectRoot).update(task.id, { agentSession: report.sessionId });
    const record = ctx.options.state.agents.find((agent) => agent.projectRoot === projectRoot && agent.taskId === taskId);
    if (record !== undefined) await ctx.options.state.putAgent({ ...record, sessionId: report.sessionId });
  }
  const agent = ctx.liveAgent(projectRoot, taskId);
  if (agent !== undefined && report.activity !== undefined && report.activity !== 'exited') agent.report(report.activity);
}

async function checkReportedSession(ctx: ServiceContext, projectRoot: string, task: Task, sessionId: string): Promise<void> {
  // A profile that cannot be read (orchestra.yaml broken meanwhile) still gets the safe rule.
  const profile = await ctx.options.profiles(projectRoot, task.agent).catch(() => undefined);
  const problem = sessionIdProblem(sessionId, profile?.interactive?.sessionIdPattern);
  if (problem === undefined) return;
  ctx.options.log.warn('refused an agent session id', { projectRoot, taskId: task.id, agent: task.agent, problem });
  throw new OrchestraError(ErrorCode.USAGE, `task.report: params.payload: the agent session id ${describeSessionId(sessionId)} for task ${task.id} is refused: ${problem}.`, {
    hint: `Task ${task.id} keeps its session${task.agentSession === undefined ? '' : ` ${task.agentSession}`}. A session id is a bounded run of letters, digits and _ . : - not starting with "-"${profile?.interactive?.sessionIdPattern === undefined ? '' : `, matching ${profile.interactive.sessionIdPattern}`}.`,
  });
}
