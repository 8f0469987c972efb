import { ErrorCode, OrchestraError } from '../core/errors.js';

/**
 * A failed send. `retryable` is data on the failure (a refused login stays refused, a down server
 * may come back), so the sender never guesses it from message text.
 */
export class NotifyError extends OrchestraError {
  readonly retryable: boolean;

  constructor(message: string, options: { retryable: boolean; hint?: string; cause?: unknown }) {
    super(ErrorCode.NOTIFY, message, { hint: options.hint, cause: options.cause });
    this.retryable = options.retryable;
  }
}

/** Recognised by shape: anything else that fails is treated as retryable. */
export function isRetryable(error: unknown): boolean {
  return !(typeof error === 'object' && error !== null && (error as { retryable?: unknown }).retryable === false);
}

/** The value of a channel's secret variable, or a NotifyError naming the variable (never a value). */
export function requireEnv(env: Readonly<Record<string, string | undefined>>, name: string, channel: string, what: string): string {
  const value = env[name];
  if (value !== undefined && value !== '') return value;
  throw new NotifyError(`channel "${channel}": the environment variable ${name} (${what}) is not set`, {
    retryable: false,
    hint: `Set ${name} in the environment of the process that sends notifications (the daemon), then restart it.`,
  });
}

/** fetch says "fetch failed" and keeps the reason (ECONNREFUSED, a timeout) in `cause`. */
export function describeCause(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error ? (error.cause as { message?: string } | undefined) : undefined;
  return cause?.message ? `${message} (${cause.message})` : message;
}
