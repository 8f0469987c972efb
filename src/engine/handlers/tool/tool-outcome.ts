import { formatDuration } from '../../../core/duration.js';
import type { Outcome } from '../../../core/outcome.js';
import type { CommandExit } from './run-command.js';

export interface ToolRun {
  command: string;
  exit: CommandExit;
  /** The first 64 KiB of stdout. */
  stdoutHead: string;
  /** The last few KiB of stderr. */
  stderrTail: string;
  timeoutMs: number | undefined;
}

/**
 * The node's outcome from how its command ended (decision 7): exit 0 is SUCCESS; anything else is
 * FAIL with a reason naming what happened. Context updates are set either way, so an
 * `outcome=fail` edge can look at `tool.exit_code` and `tool.stderr`.
 */
export function toolOutcome(run: ToolRun): Outcome {
  const contextUpdates: Record<string, unknown> = {
    // Trailing newlines removed, as `$(...)` does, so that `context.tool.output=ok` can match.
    'tool.output': run.stdoutHead.trimEnd(),
    'tool.stderr': run.stderrTail.trimEnd(),
  };
  const { code, signal, stoppedBy } = run.exit;
  if (code !== null) contextUpdates['tool.exit_code'] = code;
  const fail = (failureReason: string): Outcome => ({ status: 'fail', failureReason, contextUpdates });

  if (stoppedBy === 'timeout') return fail(`Tool command timed out after ${formatDuration(run.timeoutMs ?? 0)}: ${run.command}`);
  if (code === 0) return { status: 'success', notes: `Tool completed: ${run.command}`, contextUpdates };
  if (code === 127) return fail(`Command not found: ${missingCommand(run)} (exit 127)`);
  const detail = lastLines(run.stderrTail);
  if (code === null) return fail(`Tool command was killed by ${signal ?? 'a signal'}${detail ? `: ${detail}` : ''}`);
  return fail(`Tool command exited with code ${code}${detail ? `: ${detail}` : ''}`);
}

// sh reports `sh: 1: name: not found` (dash) or `sh: name: command not found` (bash).
const notFoundPattern = /(?:^|:\s)([^\s:]+): (?:command )?not found\s*$/m;

/** The name the shell could not find: from its message when it gave one, else the command's first word. */
export function missingCommand(run: Pick<ToolRun, 'command' | 'stderrTail'>): string {
  const reported = notFoundPattern.exec(run.stderrTail)?.[1];
  return reported ?? run.command.trim().split(/\s+/)[0] ?? run.command;
}

function lastLines(text: string, count = 3): string {
  return text.trimEnd().split('\n').slice(-count).join('\n').trim();
}
