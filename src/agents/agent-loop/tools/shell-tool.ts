import { z } from 'zod';
import { formatDuration } from '../../../core/duration.js';
import { runProcess } from './run-process.js';
import { shellArgv } from './shell-sandbox.js';
import type { ToolContext } from './tool-context.js';

export const shellLimits = { defaultTimeoutMs: 120_000, maxTimeoutMs: 600_000 } as const;

export const shellInput = z.object({
  command: z.string().min(1).describe('Shell command, run with /bin/sh -c in the working directory.'),
  timeout_ms: z.number().int().min(1).max(shellLimits.maxTimeoutMs).optional().describe('Kill the command after this long (default 120000).'),
});

/**
 * The model's own command line, run with `/bin/sh -c` (the command is the model's text, never
 * built from pipeline input). It can reach whatever the user can, unless `agent.shell_sandbox`
 * puts it in bubblewrap (shell-sandbox.ts). The result always names the exit code; a timeout says so, so the
 * model can try something shorter.
 */
export async function shellTool(input: z.infer<typeof shellInput>, context: ToolContext): Promise<string> {
  const timeoutMs = input.timeout_ms ?? shellLimits.defaultTimeoutMs;
  const [file, args] = shellArgv(context.sandbox ?? 'none', input.command, context.workDir, context.env.HOME);
  const result = await runProcess(file, args, { cwd: context.workDir, env: context.env, timeoutMs, signal: context.signal, recorder: context.processes });
  const status = result.timedOut
    ? `timed out after ${formatDuration(timeoutMs)} and was killed`
    : result.exitCode === null
      ? `killed by ${result.signal}`
      : `exit code ${result.exitCode}`;
  const capped = result.outputCapped ? '[output beyond 8 MiB was dropped]\n' : '';
  return `${result.output}${result.output === '' || result.output.endsWith('\n') ? '' : '\n'}${capped}[${status}]`;
}
