import { isOrchestraError } from '../core/errors.js';
import { escapeTerminalText } from '../core/terminal-text.js';

/** One line for the message row: what went wrong, then what to do about it when the error says. */
export function describeError(error: unknown): string {
  // Messages quote names from task files and the daemon: one line, control characters escaped.
  return escapeTerminalText(errorText(error));
}

function errorText(error: unknown): string {
  if (isOrchestraError(error)) return error.hint ? `${error.message} ${error.hint}` : error.message;
  if (error instanceof Error) {
    // Errors relayed by the daemon may arrive as plain objects or Errors that still carry a hint.
    const hint = (error as { hint?: unknown }).hint;
    return typeof hint === 'string' && hint ? `${error.message} ${hint}` : error.message;
  }
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}
