/**
 * What an agent session id may look like. The id comes from the agent's hooks or plugin (any
 * process that can reach the daemon's socket can send one) or from a task file (which a cloned
 * repository may bring), and it is later one argv element after `--resume` or in `--session=…`:
 * a value such as `--dangerously-skip-permissions` would be read as an option. So every id must
 * pass the safe rule, and then the agent's own `session_id_pattern`, which can only narrow it.
 */
const safeSessionId = /^[A-Za-z0-9_][A-Za-z0-9_.:-]*$/;
export const maxSessionIdLength = 128;

/** Session id shapes of the built-in agents (their docs and what the installed CLIs print). */
export const SessionIdPatterns = {
  uuid: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
  opencode: 'ses_[A-Za-z0-9]+',
} as const;

/** Why `id` is not a session id the agent could have made, or undefined when it may be one. */
export function sessionIdProblem(id: string, pattern: string | undefined): string | undefined {
  if (id.length === 0) return 'it is empty';
  if (id.length > maxSessionIdLength) return `it is ${id.length} characters long (at most ${maxSessionIdLength})`;
  if (id.startsWith('-')) return 'it starts with "-", so the agent would read it as an option';
  if (!safeSessionId.test(id)) return 'it has characters other than letters, digits and _ . : -';
  if (pattern !== undefined && !anchored(pattern).test(id)) return `it does not match the agent's session_id_pattern ${pattern}`;
  return undefined;
}

/** Whole-string match: a pattern written as `ses_[a-z]+` must not pass `x; ses_a`. */
export function anchored(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`, 'u');
}

/** Shown in errors instead of the id itself, which may be long or hold terminal escapes. */
export function describeSessionId(id: string): string {
  return JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id);
}
