/*
 * Text from a file, a model, a tool or a user is data: printed raw, an ESC sequence in a node id could
 * recolour or clear the screen, and a newline in a label could print a line that looks like one of our
 * own diagnostics. Every place the CLI and the TUI print such text escapes it with these functions, so
 * that what reaches the terminal is visible characters only.
 */

// C0 controls, DEL, C1 controls (U+009B is CSI on some terminals), the Unicode line separators and the
// bidi overrides and isolates that reorder what follows them ("Trojan Source").
// eslint-disable-next-line no-control-regex -- control characters are exactly what is being escaped
const SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The same, less line feed and tab: for text whose lines the caller lays out itself.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is being escaped
const MULTI_LINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\x1b' };

function escapeOne(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * One line of terminal-safe text: every control character is shown as its escape (`\x1b`, `\n`, …).
 * @example escapeTerminalText('a\u001b[2Jb\nc') // 'a\\x1b[2Jb\\nc'
 */
export function escapeTerminalText(text: string): string {
  return text.replace(SINGLE_LINE, escapeOne);
}

/** Like escapeTerminalText, but keeps line feeds and tabs: for multi-line text such as a stack trace. */
export function escapeTerminalLines(text: string): string {
  return text.replace(MULTI_LINE, escapeOne);
}

/**
 * A copy of `value` with every string in it (through arrays and plain objects) escaped by
 * escapeTerminalText: for a record about to be formatted field by field, such as a run event.
 */
export function escapeTerminalFields<T>(value: T): T {
  if (typeof value === 'string') return escapeTerminalText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => escapeTerminalFields(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, escapeTerminalFields(field)])) as T;
}
