import { formatDuration } from '../../core/duration.js';
import type { CheckResult, TestCounts } from './check-result.js';
import type { CheckSpec } from './check-spec.js';
import { describeExit, runCheckCommand, type CheckCommandOptions } from './check-command.js';
import { parseTestCounts } from './test-counts.js';
import { trimOutput } from './trim-output.js';

export type CommandCheckSpec = Extract<CheckSpec, { kind: 'command' | 'tests' }>;

/**
 * `check.command` passes on exit 0. `check.tests` also reads the runner's pass/fail counts and fails
 * when any test failed, even if the command exited 0. Either way the output is kept for feedback.
 */
export async function runCommandCheck(spec: CommandCheckSpec, name: string, options: Omit<CheckCommandOptions, 'command'>): Promise<Omit<CheckResult, 'durationMs'>> {
  const { exit, output } = await runCheckCommand({ ...options, command: spec.command });
  if (exit.stoppedBy === 'abort') throw options.signal.reason ?? new Error('check cancelled');
  const counts = spec.kind === 'tests' ? parseTestCounts(output) : undefined;
  const exitOk = exit.code === 0 && exit.stoppedBy === undefined;
  const passed = exitOk && (counts === undefined || counts.failed === 0);
  const how = exitOk ? 'exit 0' : describeExit(exit, formatDuration(options.timeoutMs));
  const summary = spec.kind === 'tests' ? testsSummary(counts, how) : how;
  return {
    name,
    kind: spec.kind,
    passed,
    summary,
    ...(passed ? {} : { output: trimOutput(output) }),
    exitCode: exit.code,
    ...(counts ? { counts } : {}),
  };
}

function testsSummary(counts: TestCounts | undefined, how: string): string {
  if (!counts) return `${how}; no test counts found in the output`;
  const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
  return `${counts.failed} failed, ${counts.passed} passed${skipped} (${counts.runner}); ${how}`;
}
