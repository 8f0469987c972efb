/** Where the RPC machinery reports what only the daemon's operator should see (stacks, handler bugs). */
export interface RpcLog {
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The error's message and stack as log fields; the stack stays in the log, never on the wire. */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error: error.message, stack: error.stack };
  return { error: String(error) };
}
