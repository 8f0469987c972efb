import { ErrorCode, OrchestraError } from '../../../core/errors.js';

/**
 * A tool call the model got wrong (a missing file, an ambiguous edit, a path outside the
 * directory). It goes back to the model as the call's error result, so it can try again; it
 * never fails the node by itself.
 */
export function toolError(message: string, hint: string): OrchestraError {
  return new OrchestraError(ErrorCode.USAGE, message, { hint });
}
