import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { isSuccessful, type Outcome } from '../../../core/outcome.js';
import { statusFileName } from '../../../store/run-dir/status-file.js';
import { clearFeedback, failedCheckNames, renderFeedback, runChecks, writeFeedback, type ResolvedChecks } from '../../checks/index.js';
import type { HandlerInput } from '../../handler.js';

/** Where an agent's own status.json goes once the checks have judged the attempt. */
export const agentStatusFileName = 'agent-status.json';

export interface CheckedAttempt {
  input: HandlerInput;
  checks: ResolvedChecks;
  /** The outcome of the agent call (the agent's status.json already applied). */
  outcome: Outcome;
  task: string;
  response: string;
}

/**
 * Seed 003: after a successful agent call, runs the node's checks. Their verdict goes to the
 * context (`checks.passed`, `checks.failed`). A failure turns the outcome into RETRY naming the
 * failed checks and leaves `feedback.md` for the next attempt's prompt; the engine's retry budget
 * then decides whether there is one (decision 2).
 */
export async function applyChecks(attempt: CheckedAttempt): Promise<Outcome> {
  const { input, outcome } = attempt;
  if (attempt.checks.checks.length === 0 || !isSuccessful(outcome.status)) return outcome;
  const report = await runChecks({ handler: input, checks: attempt.checks, task: attempt.task, response: attempt.response });
  // The engine prefers an agent's status.json to the handler's outcome (decision 18); the checks
  // have the last word, so the agent's file is kept under another name.
  await rename(join(input.stageDir, statusFileName), join(input.stageDir, agentStatusFileName)).catch(() => undefined);
  const failed = failedCheckNames(report.results);
  const contextUpdates = { ...outcome.contextUpdates, 'checks.passed': report.passed, 'checks.failed': failed };
  if (report.passed) {
    await clearFeedback(input.stageDir);
    return { ...outcome, contextUpdates };
  }
  await writeFeedback(input.stageDir, renderFeedback(report));
  const reasons = report.results.filter((result) => failed.includes(result.name)).map((result) => `${result.name} (${result.summary})`);
  return { status: 'retry', failureReason: `Checks failed: ${reasons.join('; ')}`, contextUpdates };
}
