import { isOrchestraError } from '../../core/errors.js';
import type { WorkflowError } from '../../store/workflow-types.js';

/**
 * The error a step threw, as the workflow sees it: rebuilt from the journal with the same name,
 * message and code on the first run and on every replay, so code that catches it behaves the same.
 */
export class StepError extends Error {
  readonly code: string | undefined;
  readonly step: string;

  constructor(step: string, error: WorkflowError) {
    super(error.message);
    this.name = error.name ?? 'Error';
    this.step = step;
    this.code = error.code === stepErrorCode ? undefined : error.code;
  }
}

/** The code journaled for an error that had none of its own. */
const stepErrorCode = 'E_STEP';

/** What the journal keeps of a thrown value. */
export function toWorkflowError(error: unknown): WorkflowError {
  if (error instanceof Error) {
    const code = isOrchestraError(error) || typeof (error as { code?: unknown }).code === 'string' ? String((error as { code: string }).code) : stepErrorCode;
    return { code, message: error.message, name: error.name };
  }
  return { code: stepErrorCode, message: String(error), name: 'Error' };
}
