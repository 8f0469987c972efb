import { describe, expect, it } from 'vitest';
import { cliResult, type CliRun } from './cli-result.js';
import type { ParsedOutput } from './output-parser.js';
import type { CliProcessResult } from './run-process.js';

const parsed = (overrides: Partial<ParsedOutput> = {}): ParsedOutput => ({
  text: undefined, sessionId: undefined, costUsd: undefined, turns: undefined, toolUses: undefined, toolNames: [], isError: undefined, unparsedLines: 0, firstUnparsedLine: undefined, ...overrides,
});
const exited = (overrides: Partial<CliProcessResult> = {}): CliProcessResult => ({ exitCode: 0, exitSignal: null, stopped: undefined, stderrTail: '', durationMs: 10, ...overrides });
const run = (p: Partial<ParsedOutput>, proc: Partial<CliProcessResult>, format: 'text' | 'jsonl' = 'jsonl'): CliRun => ({
  profileName: 'x', outputFormat: format, parsed: parsed(p), process: exited(proc), timeoutMs: 90_000, resumed: false,
});

describe('cliResult failure reasons', () => {
  it.each<[string, CliRun, string]>([
    ['timeout', run({ text: 'partial' }, { stopped: 'timed_out', exitSignal: 'SIGKILL' }), 'CLI agent "x" timed out after 1m30s; its process group was stopped.'],
    ['killed from outside', run({}, { exitCode: null, exitSignal: 'SIGKILL' }), 'CLI agent "x" was killed by SIGKILL.'],
    ['non-zero exit, answer as detail', run({ text: 'rate limited' }, { exitCode: 1 }), 'CLI agent "x" exited with code 1. Last output: rate limited'],
    ['error reported in output', run({ text: 'API Error: 401', isError: true }, {}), 'CLI agent "x" reported an error: API Error: 401'],
    ['plain text CLI that printed nothing', run({}, { stderrTail: 'usage: x PROMPT\n' }, 'text'), 'CLI agent "x" printed no answer. Last output: usage: x PROMPT'],
    ['JSON lines without an answer', run({}, {}), 'CLI agent "x" printed no final answer in its JSON lines.'],
  ])('%s', (_name, cliRun, reason) => {
    expect(cliResult(cliRun).outcome).toMatchObject({ status: 'fail', failureReason: reason });
  });

  it('keeps usage figures in the context of a failed attempt', () => {
    const result = cliResult(run({ sessionId: 's', costUsd: 0.5, isError: true, text: 'boom' }, {}));
    expect(result.outcome.contextUpdates).toEqual({ 'agent.cli': 'x', 'agent.session_id': 's', 'agent.cost_usd': 0.5 });
  });
});
