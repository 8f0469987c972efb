import { canResume } from '../../agents/cli-agents/index.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { canTransition, startableStatuses, type Task } from '../../tasks/index.js';
import { allocateTaskPort, createWorktree, preferredTaskPort, runSetupScript, taskBranchName, worktreePathFor } from '../../workspace/index.js';
import { launchAgent } from './launch-agent.js';
import type { ServiceContext } from './service-context.js';
import { setTaskStatus } from './task-status-updates.js';
import { taskEnvironment } from './task-env.js';
import { allTasks } from './task-queries.js';

export interface StartOptions {
  agent?: string;
  cols?: number;
  rows?: number;
  /**
   * The environment of the shell that ran `orchestra start`: the setup script gets it, the agent
   * its allow-listed part. Without it (a caller that sends none) the daemon's own stands in.
   */
  env?: Readonly<Record<string, string>>;
  /** The setup script's output, shown to whoever started the task. */
  onSetupOutput?: (chunk: string) => void;
}

/**
 * `orchestra start`: a worktree on `orchestra/<id>-<slug>` from the base branch, the setup script
 * in it, then the agent in a PTY. Starting a completed, reviewed or stopped task resumes its agent
 * session (feedback), when the agent can resume.
 */
export async function startTask(ctx: ServiceContext, projectRoot: string, ref: string, options: StartOptions): Promise<Task> {
  let task = await ctx.files(projectRoot).get(ref);
  if (ctx.liveAgent(projectRoot, task.id) !== undefined) {
    throw new OrchestraError(ErrorCode.TASK_STATE, `task ${task.id} (${task.slug}) already has a running agent.`, {
      hint: `Attach to it: orchestra attach ${task.id}`,
    });
  }
  if (!startableStatuses.includes(task.status) && task.status !== 'running' && task.status !== 'idle') {
    throw new OrchestraError(ErrorCode.TASK_STATE, `task ${task.id} (${task.slug}) is ${task.status} and cannot be started.`, {
      hint: `A task can be started when it is ${startableStatuses.join(', ')}.`,
    });
  }
  const profile = await ctx.options.profiles(projectRoot, options.agent ?? task.agent);
  task = await prepareWorktree(ctx, projectRoot, { ...task, agent: profile.name }, options);
  const resume = task.status !== 'draft' && canResume(profile, task.agentSession);
  await launchAgent(ctx, projectRoot, task, { resume, cols: options.cols, rows: options.rows, callerEnv: options.env });
  return ctx.files(projectRoot).get(task.id);
}

async function prepareWorktree(ctx: ServiceContext, projectRoot: string, task: Task, options: StartOptions): Promise<Task> {
  const { home } = ctx.options;
  const branch = task.branch ?? taskBranchName(task.id, task.slug);
  const worktree = task.worktree ?? worktreePathFor(home, projectRoot, task.id, task.slug);
  const port = task.port ?? (await reservePort(ctx, projectRoot, task.id));
  const { created } = await createWorktree({ root: projectRoot, path: worktree, branch, baseBranch: task.baseBranch });
  // Recorded before the setup script runs, so that a crash leaves the worktree findable.
  const prepared = await ctx.files(projectRoot).update(task.id, { branch, worktree, port, agent: task.agent });
  // A failed start may have been the setup script: run it again then.
  if (!created && task.status !== 'failed') return prepared;
  try {
    await runSetupScript({
      root: projectRoot,
      worktree,
      env: taskEnvironment(prepared, projectRoot, home),
      ...(options.env !== undefined && { baseEnv: options.env }),
      onOutput: (chunk) => options.onSetupOutput?.(chunk),
    });
  } catch (error) {
    if (canTransition(prepared.status, 'failed')) await setTaskStatus(ctx, projectRoot, prepared, 'failed');
    throw error;
  }
  return prepared;
}

/**
 * A port no task of any known project holds. The ports in use are read from the task files once
 * per daemon and then kept, so that twenty starts at once do not each re-read every task file.
 */
async function reservePort(ctx: ServiceContext, projectRoot: string, taskId: number): Promise<number> {
  ctx.portsInUse ??= allTasks(ctx).then(({ tasks }) => new Set(tasks.flatMap((task) => (task.port === undefined ? [] : [task.port]))));
  // One reservation at a time: two starts must not both find the same port free.
  const reservation = ctx.portsInUse.then(async (taken) => {
    const port = await allocateTaskPort({ taken: [...taken], preferred: preferredTaskPort(`${projectRoot}#${taskId}`) });
    taken.add(port);
    return { taken, port };
  });
  ctx.portsInUse = reservation.then(({ taken }) => taken, () => ctx.portsInUse as Promise<Set<number>>);
  return (await reservation).port;
}
