import { ExitCode } from '../../core/errors.js';
import { resolveOrchestraHome } from '../../store/home.js';
import { daemonPaths } from '../../server/daemon/daemon-paths.js';
import { DaemonClient } from '../../server/rpc/client.js';
import type { CommandContext } from '../command-context.js';
import { HookSources, type HookSource } from '../../agents/cli-agents/agent-report.js';

/**
 * `orchestra hook <source>`: what an agent's hooks (Claude Code, Codex, Gemini CLI) or plugin (Opencode) run. Reads the
 * event as JSON on stdin and reports it to the daemon for the task named in the environment; with
 * `--approve` (Claude's PermissionRequest, approvals on) it then answers with a person's decision
 * (hook-approval.ts). It never fails the agent: problems go to stderr and the exit code is 0.
 */
export async function hookCommand(ctx: CommandContext, source: string, options: { approve?: boolean } = {}): Promise<number> {
  const taskId = Number(ctx.io.env.ORCHESTRA_TASK_ID);
  const project = ctx.io.env.ORCHESTRA_PROJECT_ROOT;
  if (!Number.isInteger(taskId) || project === undefined || !isHookSource(source)) {
    ctx.io.stderr.write('orchestra hook: not run by an orchestra task (ORCHESTRA_TASK_ID / ORCHESTRA_PROJECT_ROOT unset), or unknown source\n');
    return ExitCode.OK;
  }
  let payload: unknown = {};
  try {
    payload = JSON.parse((await readAll(ctx.io.stdin)) || '{}') as unknown;
    const client = await DaemonClient.connect(daemonPaths(resolveOrchestraHome(ctx.io.env)).socket, { timeoutMs: 3_000 });
    try {
      await client.call('task.report', { project, taskId, source, payload });
    } finally {
      client.close();
    }
  } catch (error) {
    ctx.io.stderr.write(`orchestra hook: ${(error as Error).message}\n`);
  }
  // The task reported waiting first, so it shows as needing input while the person decides.
  if (options.approve === true && source === 'claude' && typeof payload === 'object' && payload !== null) {
    try {
      const answer = await (await import('./hook-approval.js')).approvalHookAnswer(ctx, payload);
      if (answer !== undefined) ctx.io.stdout.write(`${answer}\n`);
    } catch (error) {
      ctx.io.stderr.write(`orchestra hook: the approval was not asked: ${(error as Error).message}\n`);
    }
  }
  return ExitCode.OK;
}

function isHookSource(source: string): source is HookSource {
  return (HookSources as readonly string[]).includes(source);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
