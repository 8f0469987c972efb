import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { interactiveLaunch } from '../../agents/cli-agents/index.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { PtySession } from '../../sessions/index.js';
import type { Task } from '../../tasks/index.js';
import { taskLogFile } from './task-paths.js';
import { applyActivity, setTaskStatus } from './task-status-updates.js';
import { LiveAgent, agentKey } from './live-agent.js';
import type { ServiceContext } from './service-context.js';
import { taskEnvironment, taskPrompt } from './task-env.js';

export interface LaunchOptions {
  /** Continue the agent's recorded session instead of starting a new one. */
  resume: boolean;
  /** How many times this agent has been resumed after daemon restarts (kept in the daemon state). */
  resumes?: number;
  cols?: number;
  rows?: number;
  /** Recovery after a daemon restart: the task keeps its status (a completed task stays completed). */
  keepStatus?: boolean;
}

/**
 * Spawns the task's agent in a PTY in its worktree and records it (pid, start time, session id)
 * before anything else can happen, so that a daemon killed right after still finds it.
 */
export async function launchAgent(ctx: ServiceContext, projectRoot: string, task: Task, options: LaunchOptions): Promise<LiveAgent> {
  const { home, env, hookCommand, quietMs, state, log } = ctx.options;
  if (task.worktree === undefined) throw new OrchestraError(ErrorCode.INTERNAL, `task ${task.id} has no worktree to run its agent in.`);
  const profile = await ctx.options.profiles(projectRoot, task.agent);
  const stateDir = join(home, 'daemon', 'agents', `${task.id}-${task.slug}`);
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  const launch = await interactiveLaunch(profile, {
    prompt: taskPrompt(task),
    sessionId: options.resume ? task.agentSession : undefined,
    resume: options.resume,
    hookCommand,
    stateDir,
    env,
  });
  const session = PtySession.spawn({
    command: launch.command,
    args: launch.args,
    cwd: task.worktree,
    env: { ...definedOnly(env), ...launch.env, ...taskEnvironment(task, projectRoot, home) },
    cols: options.cols,
    rows: options.rows,
    logFile: taskLogFile(home, projectRoot, task),
  });
  const agent = new LiveAgent({
    projectRoot,
    taskId: task.id,
    profile: profile.name,
    session,
    quietMs,
    reportsHold: (profile.interactive?.status ?? 'quiescence') !== 'quiescence',
    onActivity: (live, activity) => {
      if (launch.typePrompt !== undefined && activity !== 'working' && !typed.has(live)) {
        typed.add(live);
        live.session.write(`${launch.typePrompt}\r`);
      }
      void applyActivity(ctx, live, activity, live.feedback);
    },
    onExit: (live, exit) => void onAgentExit(ctx, live, exit.exitCode),
  });
  ctx.agents.set(agentKey(projectRoot, task.id), agent);
  announceOutput(ctx, agent, task.slug);
  const sessionId = launch.sessionId ?? task.agentSession;
  await state.putAgent({
    projectRoot,
    taskId: task.id,
    pid: session.pid,
    startTime: session.startTime,
    profile: profile.name,
    sessionId,
    startedAt: agent.startedAt,
    resumes: options.resumes ?? 0,
  });
  log.info(options.resume ? 'resumed agent' : 'started agent', { projectRoot, taskId: task.id, profile: profile.name, pid: session.pid, sessionId });
  const status = options.keepStatus === true || task.status === 'running' || task.status === 'idle' ? task.status : 'running';
  await setTaskStatus(ctx, projectRoot, task, status, { agent: profile.name, agentSession: sessionId });
  return agent;
}

const typed = new WeakSet<LiveAgent>();

/** How often at most a busy agent's output is announced (an `output` change, for the watch table). */
export const outputChangeEveryMs = 1_000;

/**
 * Status and activity changes say nothing while an agent keeps working, so a table showing its last
 * line would go stale: announce output too, at most once a second, the last burst included.
 */
function announceOutput(ctx: ServiceContext, agent: LiveAgent, slug: string): void {
  const { projectRoot, taskId, session } = agent;
  let lastAt = 0;
  let timer: NodeJS.Timeout | undefined;
  const announce = (): void => {
    timer = undefined;
    lastAt = Date.now();
    // After the mirror caught up, so that a listing made on this change shows the new last line.
    void session.parsed().then(() => ctx.emit({ projectRoot, taskId, slug, kind: 'output' }));
  };
  const offOutput = session.onOutput(() => {
    timer ??= setTimeout(announce, Math.max(0, lastAt + outputChangeEveryMs - Date.now()));
  });
  session.onExit(() => {
    offOutput();
    clearTimeout(timer);
  });
}

async function onAgentExit(ctx: ServiceContext, agent: LiveAgent, exitCode: number): Promise<void> {
  const { projectRoot, taskId } = agent;
  ctx.agents.delete(agentKey(projectRoot, taskId));
  ctx.options.log.info('agent exited', { projectRoot, taskId, exitCode, stoppedByDaemon: agent.stopping });
  // A daemon shutting down keeps the record: the next daemon resumes the session.
  if (agent.stopping === 'shutdown') return;
  await ctx.options.state.removeAgent(projectRoot, taskId);
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

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
