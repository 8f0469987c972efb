import { formatDuration } from '../../core/duration.js';
import { plural } from '../../core/plural.js';
import type { AgentResult } from '../backend.js';
import { outcomeFromAnswer } from '../outcome/index.js';
import type { ParsedOutput } from './output-parser.js';
import type { CliProcessResult } from './run-process.js';

/** What `usage.json` holds and the context's `agent.*` keys are made from. */
export interface CliUsage {
  cli: string;
  sessionId: string | undefined;
  resumed: boolean;
  costUsd: number | undefined;
  turns: number | undefined;
  toolUses: number | undefined;
  toolNames: string[];
  exitCode: number | null;
  durationMs: number;
  unparsedLines: number;
}

export interface CliRun {
  profileName: string;
  outputFormat: 'text' | 'jsonl';
  parsed: ParsedOutput;
  process: CliProcessResult;
  timeoutMs: number | undefined;
  resumed: boolean;
  /** The agent's last activity seen in its output (agent-activity.ts), for a timeout's message. */
  lastActivity?: string | undefined;
}

const messageTailChars = 500;

/**
 * The node's result from a finished CLI: its answer through outcomeFromAnswer (the same rule as
 * every backend), or FAIL saying why there is no answer. Usage figures go into the context either
 * way, since a failed attempt still cost money.
 */
export function cliResult(run: CliRun): AgentResult {
  const failure = failureReason(run);
  const base: AgentResult = failure === undefined ? outcomeFromAnswer(run.parsed.text ?? '') : { outcome: { status: 'fail', failureReason: failure }, response: run.parsed.text ?? '' };
  const contextUpdates = { ...usageContext(usageOf(run)), ...base.outcome.contextUpdates };
  return { ...base, outcome: { ...base.outcome, contextUpdates } };
}

export function usageOf(run: CliRun): CliUsage {
  const { parsed } = run;
  return {
    cli: run.profileName,
    sessionId: parsed.sessionId,
    resumed: run.resumed,
    costUsd: parsed.costUsd,
    turns: parsed.turns,
    toolUses: parsed.toolUses,
    toolNames: parsed.toolNames,
    exitCode: run.process.exitCode,
    durationMs: run.process.durationMs,
    unparsedLines: parsed.unparsedLines,
  };
}

/** The `agent.*` context keys; figures the CLI did not report are left out rather than guessed. */
export function usageContext(usage: CliUsage): Record<string, unknown> {
  const entries: [string, unknown][] = [
    ['agent.cli', usage.cli],
    ['agent.session_id', usage.sessionId],
    ['agent.cost_usd', usage.costUsd],
    ['agent.turns', usage.turns],
    ['agent.tool_uses', usage.toolUses],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}

function failureReason(run: CliRun): string | undefined {
  const { parsed, process, profileName } = run;
  const name = `CLI agent "${profileName}"`;
  if (process.stopped === 'timed_out') {
    const doing = run.lastActivity === undefined ? '' : ` Its last activity: ${run.lastActivity}.`;
    return `${name} timed out after ${formatDuration(run.timeoutMs ?? process.durationMs)}; its process group was stopped.${doing}`;
  }
  if (process.exitSignal !== null) return `${name} was killed by ${process.exitSignal}.${tail(process.stderrTail)}`;
  if (process.exitCode !== 0) return `${name} exited with code ${String(process.exitCode)}.${tail(process.stderrTail || (parsed.text ?? ''))}`;
  if (parsed.isError === true) return `${name} reported an error: ${(parsed.text ?? 'no details').slice(0, messageTailChars)}`;
  if (parsed.text !== undefined && parsed.text.trim() !== '') return undefined;
  if (run.outputFormat === 'text') return `${name} printed no answer.${tail(process.stderrTail)}`;
  const unparsed = parsed.firstUnparsedLine === undefined ? '' : ` ${plural(parsed.unparsedLines, 'line was', 'lines were')} not JSON, the first: "${parsed.firstUnparsedLine}".`;
  return `${name} printed no final answer in its JSON lines.${unparsed}`;
}

function tail(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' ? '' : ` Last output: ${trimmed.slice(-messageTailChars)}`;
}
