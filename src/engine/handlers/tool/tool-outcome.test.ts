import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../../core/outcome.js';
import { missingCommand, toolOutcome, type ToolRun } from './tool-outcome.js';

function run(fields: Partial<ToolRun> & { code?: number | null; signal?: NodeJS.Signals | null; stoppedBy?: 'timeout' | 'abort' }): ToolRun {
  const { code = 0, signal = null, stoppedBy, ...rest } = fields;
  return { command: 'make test', exit: { code, signal, stoppedBy }, stdoutHead: '', stderrTail: '', timeoutMs: undefined, ...rest };
}

describe('decision 7: toolOutcome', () => {
  it.each<[string, ToolRun, Outcome]>([
    [
      'exit 0 → SUCCESS with output, trailing newline removed',
      run({ stdoutHead: 'ok\n\n' }),
      { status: 'success', notes: 'Tool completed: make test', contextUpdates: { 'tool.output': 'ok', 'tool.stderr': '', 'tool.exit_code': 0 } },
    ],
    [
      'non-zero → FAIL with code and stderr tail',
      run({ code: 2, stderrTail: 'line 1\nline 2\nline 3\nline 4\n' }),
      { status: 'fail', failureReason: 'Tool command exited with code 2: line 2\nline 3\nline 4', contextUpdates: { 'tool.output': '', 'tool.stderr': 'line 1\nline 2\nline 3\nline 4', 'tool.exit_code': 2 } },
    ],
    [
      'non-zero without stderr',
      run({ code: 1 }),
      { status: 'fail', failureReason: 'Tool command exited with code 1', contextUpdates: { 'tool.output': '', 'tool.stderr': '', 'tool.exit_code': 1 } },
    ],
    [
      '127 → command not found',
      run({ command: 'frobnicate --all', code: 127, stderrTail: '/bin/sh: 1: frobnicate: not found\n' }),
      { status: 'fail', failureReason: 'Command not found: frobnicate (exit 127)', contextUpdates: { 'tool.output': '', 'tool.stderr': '/bin/sh: 1: frobnicate: not found', 'tool.exit_code': 127 } },
    ],
    [
      'timeout → FAIL naming the limit',
      run({ code: null, signal: 'SIGTERM', stoppedBy: 'timeout', timeoutMs: 2_000 }),
      { status: 'fail', failureReason: 'Tool command timed out after 2.0s: make test', contextUpdates: { 'tool.output': '', 'tool.stderr': '' } },
    ],
    [
      'killed by a signal from elsewhere',
      run({ code: null, signal: 'SIGSEGV', stderrTail: 'boom' }),
      { status: 'fail', failureReason: 'Tool command was killed by SIGSEGV: boom', contextUpdates: { 'tool.output': '', 'tool.stderr': 'boom' } },
    ],
  ])('%s', (_name, input, expected) => {
    expect(toolOutcome(input)).toEqual(expected);
  });
});

describe('missingCommand', () => {
  it.each([
    ['dash message', 'cd src && nope x', '/bin/sh: 1: nope: not found', 'nope'],
    ['bash message', 'nope', 'sh: nope: command not found', 'nope'],
    ['no message → first word', '  nope --flag', '', 'nope'],
    ['path in the message', './run.sh', '/bin/sh: 1: ./run.sh: not found', './run.sh'],
  ])('%s', (_name, command, stderrTail, name) => {
    expect(missingCommand({ command, stderrTail })).toBe(name);
  });
});
