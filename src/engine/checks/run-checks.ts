import { join } from 'node:path';
import { writeJsonAtomic } from '../../store/run-dir/write-file-atomic.js';
import type { HandlerInput } from '../handler.js';
import { processRecorderFor } from '../handlers/process-recorder.js';
import { toolEnvironment, toolWorkingDirectory } from '../handlers/tool/tool-env.js';
import { failedCheckNames, type ChecksReport, type CheckResult } from './check-result.js';
import { checkName, type CheckSpec, type ResolvedChecks } from './check-spec.js';
import { runCommandCheck } from './command-check.js';
import { runCriticCheck } from './critic-check.js';
import { runFileExistsCheck } from './file-exists-check.js';

export const checksFileName = 'checks.json';
/** Check logs and the critic's files live here, inside the stage dir. */
export const checksDirName = 'checks';

export interface RunChecksInput {
  handler: HandlerInput;
  checks: ResolvedChecks;
  /** The prompt the agent worked from and its final answer, for the critic. */
  task: string;
  response: string;
}

/**
 * Runs a node's checks in order (file_exists, command, tests, critic) in the node's working
 * directory, announces each result as a `log` event, and writes `checks.json`. Every check runs,
 * except that the critic (a model call) is skipped once a cheaper check has failed.
 */
export async function runChecks(input: RunChecksInput): Promise<ChecksReport> {
  const { handler } = input;
  const results: CheckResult[] = [];
  for (const [index, spec] of input.checks.checks.entries()) {
    if (handler.signal.aborted) throw handler.signal.reason;
    const name = checkName(spec);
    const failedSoFar = failedCheckNames(results).length > 0;
    const started = handler.services.clock.now();
    const result: CheckResult =
      spec.kind === 'critic' && failedSoFar
        ? { name, kind: 'critic', passed: false, skipped: true, summary: 'skipped: an earlier check failed', durationMs: 0 }
        : { ...(await runOne(spec, name, index, input)), durationMs: handler.services.clock.now() - started };
    results.push(result);
    await handler.services.emit(checkEvent(handler.node.id, result));
  }
  const report: ChecksReport = { attempt: handler.attempt, passed: failedCheckNames(results).length === 0, results };
  await writeJsonAtomic(join(handler.stageDir, checksFileName), report);
  return report;
}

async function runOne(spec: CheckSpec, name: string, index: number, input: RunChecksInput): Promise<Omit<CheckResult, 'durationMs'>> {
  const { handler } = input;
  const cwd = toolWorkingDirectory(handler);
  switch (spec.kind) {
    case 'file_exists':
      return runFileExistsCheck(spec, name, cwd, handler.signal);
    case 'command':
    case 'tests': {
      const logFile = `${checksDirName}/${index + 1}-${spec.kind}.log`;
      const options = { cwd, env: toolEnvironment(handler), timeoutMs: input.checks.timeoutMs, signal: handler.signal, logFile: join(handler.stageDir, logFile), recorder: processRecorderFor(handler) };
      return { ...(await runCommandCheck(spec, name, options)), logFile };
    }
    case 'critic':
      return runCriticCheck(spec, name, { handler, task: input.task, response: input.response, stageDir: join(handler.stageDir, checksDirName, `${index + 1}-critic`) });
  }
}

function checkEvent(node: string, result: CheckResult) {
  const verdict = result.skipped ? 'skipped' : result.passed ? 'passed' : 'failed';
  return { type: 'log', level: result.passed || result.skipped ? 'info' : 'warn', message: `Check ${verdict}: ${result.name} (${result.summary})`, node } as const;
}
