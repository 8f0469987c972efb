import { randomUUID } from 'node:crypto';
import { interactiveLaunch } from '../../agents/cli-agents/index.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { agentMarkerVariable, PtySession } from '../../sessions/index.js';
import { endOrphanAgents, findOrphanAgents } from './orphan-agents.js';
import type { Task } from '../../tasks/index.js';
import { agentStateDir, taskLogFile } from './task-paths.js';
import { applyActivity, setTaskStatus } from './task-status-updates.js';
import { LiveAgent, agentKey } from './live-agent.js';
import { onAgentExit } from './agent-exit.js';
import { announceOutput } from './announce-output.js';
import type { ServiceContext } from './service-context.js';
import { taskEnvironment, taskPrompt } from './task-env.js';
import { makePrivateDir } from '../../core/private-files.js';
import { agentEnv, baseAgentEnv } from '../../config/index.js';
import { trustWorktree } from './claude-trust.js';
import { taskMcpServer } from './task-mcp.js';

export interface LaunchOptions {
  /** Continue the agent's recorded session instead of starting a new one. */
  resume: boolean;
  /** How many times this agent has been resumed after daemon restarts (kept in the daemon state). */
  resumes?: number;
  cols?: number;
  rows?: number;
  /** Recovery after a daemon restart: the task keeps its status (a completed task stays completed). */
  keepStatus?: boolean;
  /** The environment of whoever started the task (see StartOptions.env); the daemon's when absent. */
  callerEnv?: Readonly<Record<string, string | undefined>>;
}

/**
 * Spawns the task's agent in a PTY in its worktree. Before the spawn, any orphan of the task is
 * ended (a task never has two agents) and a record with the marker the agent's environment will
 * carry is written; right after it, the record gets the pid and start time. A daemon killed at any
 * point in between still finds the agent (see recover-agents.ts).
 */
export async function launchAgent(ctx: ServiceContext, projectRoot: string, task: Task, options: LaunchOptions): Promise<LiveAgent> {
  const key = agentKey(projectRoot, task.id);
  if (ctx.launching.has(key) || ctx.agents.has(key)) {
    throw new OrchestraError(ErrorCode.TASK_STATE, `task ${task.id} (${task.slug}) already has a running agent.`, { hint: `Attach to it: orchestra attach ${task.id}` });
  }
  ctx.launching.add(key);
  try {
    return await launchOnce(ctx, projectRoot, task, options);
  } finally {
    ctx.launching.delete(key);
  }
}

async function launchOnce(ctx: ServiceContext, projectRoot: string, task: Task, options: LaunchOptions): Promise<LiveAgent> {
  const key = agentKey(projectRoot, task.id);
  const { home, env, hookCommand, quietMs, state, log } = ctx.options;
  if (task.worktree === undefined) throw new OrchestraError(ErrorCode.INTERNAL, `task ${task.id} has no worktree to run its agent in.`);
  const profile = await ctx.options.profiles(projectRoot, task.agent);
  const stateDir = agentStateDir(home, projectRoot, task);
  await makePrivateDir(stateDir);
  // Only what the profile allows of the caller's environment: the agent's shell tool hands it on to commands a model chose.
  const passed = agentEnv(options.callerEnv ?? env, [...baseAgentEnv, ...profile.passEnv]);
  const launch = await interactiveLaunch(profile, {
    prompt: taskPrompt(task),
    sessionId: options.resume ? task.agentSession : undefined,
    resume: options.resume,
    hookCommand,
    stateDir,
    env: passed,
    cwd: task.worktree,
    mcpServer: taskMcpServer(ctx.options.mcpCommand, home, env),
  });
  if (profile.interactive?.status === 'claude-hooks') {
    const trust = await trustWorktree({ ...passed, ...launch.env }, task.worktree);
    log.info('claude trust for the task worktree', { projectRoot, taskId: task.id, ...trust });
  }
  await endTaskOrphans(ctx, projectRoot, task.id);
  const sessionId = launch.sessionId ?? task.agentSession;
  const marker = randomUUID();
  const intent = { projectRoot, taskId: task.id, marker, profile: profile.name, sessionId, startedAt: new Date().toISOString(), resumes: options.resumes ?? 0, env: passed };
  await state.putAgent(intent);
  let session: PtySession;
  try {
    session = PtySession.spawn({
      command: launch.command,
      args: launch.args,
      cwd: task.worktree,
      env: { ...passed, ...launch.env, ...taskEnvironment(task, projectRoot, home), [agentMarkerVariable]: marker },
      cols: options.cols,
      rows: options.rows,
      logFile: taskLogFile(home, projectRoot, task),
    });
  } catch (error) {
    await state.removeAgent(projectRoot, task.id);
    throw error;
  }
  // Watched from its first byte on, so that no output or exit is missed while the record is written.
  const agent = new LiveAgent({
    projectRoot,
    taskId: task.id,
    profile: profile.name,
    session,
    quietMs,
    reportsHold: (profile.interactive?.status ?? 'quiescence') !== 'quiescence',
    onActivity: (live, activity) => {
      // An agent that takes its prompt typed gets it once, when its screen first settles.
      if (launch.typePrompt !== undefined && activity !== 'working' && !live.promptTyped) {
        live.promptTyped = true;
        live.session.write(`${launch.typePrompt}\r`);
      }
      void applyActivity(ctx, live, activity, live.feedback);
    },
    onExit: (live, exit) => void onAgentExit(ctx, live, exit.exitCode),
  });
  ctx.agents.set(key, agent);
  announceOutput(ctx, agent, task.slug);
  await crashHookForTests(env, session);
  await state.putAgent({ ...intent, pid: session.pid, startTime: session.startTime });
  log.info(options.resume ? 'resumed agent' : 'started agent', { projectRoot, taskId: task.id, profile: profile.name, pid: session.pid, sessionId });
  const status = options.keepStatus === true || task.status === 'running' || task.status === 'idle' ? task.status : 'running';
  await setTaskStatus(ctx, projectRoot, task, status, { agent: profile.name, agentSession: sessionId });
  // An agent that settled while the status above was being written had its change read against the
  // old status and dropped (a draft cannot go idle): apply what it does now. A later change reads the
  // file written above, so it is never lost.
  if (agent.currentActivity !== 'working') await applyActivity(ctx, agent, agent.currentActivity, agent.feedback);
  return agent;
}

/**
 * Ends an agent of this task that runs without this daemon's session (left by a daemon that was
 * killed): a second agent on the same worktree and session would fight the first.
 */
export async function endTaskOrphans(ctx: ServiceContext, projectRoot: string, taskId: number): Promise<number> {
  const live = new Set([...ctx.agents.values()].map((agent) => agent.session.pid));
  const orphans = findOrphanAgents(ctx.options.home, ctx.options.state.agents, { live, task: { projectRoot, taskId } });
  return endOrphanAgents(orphans, (orphan) => ctx.options.log.warn('killing an orphaned agent of the task', { projectRoot, taskId, pid: orphan.pid }));
}

/**
 * Tests only: ORCHESTRA_TEST_KILL_AFTER_SPAWN=<text> makes the daemon kill itself with SIGKILL
 * once the agent printed <text>, after the spawn and before its pid is recorded: the gap a crash
 * could once hide an agent in.
 */
async function crashHookForTests(env: Readonly<Record<string, string | undefined>>, session: PtySession): Promise<void> {
  const text = env.ORCHESTRA_TEST_KILL_AFTER_SPAWN;
  if (text === undefined || text === '') return;
  let seen = '';
  await new Promise<void>((resolve) => {
    session.onOutput((data) => {
      seen += data;
      if (seen.includes(text)) resolve();
    });
    session.onExit(() => resolve());
  });
  process.kill(process.pid, 'SIGKILL');
}
