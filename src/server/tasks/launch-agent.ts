import { join } from 'node:path';
import { interactiveLaunch } from '../../agents/cli-agents/index.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { PtySession } from '../../sessions/index.js';
import type { Task } from '../../tasks/index.js';
import { taskLogFile } from './task-paths.js';
import { applyActivity, setTaskStatus } from './task-status-updates.js';
import { LiveAgent, agentKey } from './live-agent.js';
import { onAgentExit } from './agent-exit.js';
import { announceOutput } from './announce-output.js';
import type { ServiceContext } from './service-context.js';
import { taskEnvironment, taskPrompt } from './task-env.js';
import { makePrivateDir } from '../../core/private-files.js';

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
  await makePrivateDir(stateDir);
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
      // An agent that takes its prompt typed gets it once, when its screen first settles.
      if (launch.typePrompt !== undefined && activity !== 'working' && !live.promptTyped) {
        live.promptTyped = true;
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

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
