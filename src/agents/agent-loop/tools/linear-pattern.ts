import { RE2JS } from 're2js';
import { toolError } from './tool-error.js';

/** A compiled pattern that matches in time linear in the input, whatever the pattern. */
export interface LinearPattern {
  test(text: string): boolean;
}

/**
 * Compiles a model-supplied regular expression with RE2 (re2js): no backtracking, so a pattern
 * such as `(a+)+$` cannot freeze the event loop as JavaScript's own RegExp would. RE2 has no
 * lookaround or backreferences; such a pattern is a tool error that says so.
 */
export function compileLinear(pattern: string, options: { ignoreCase?: boolean; what?: string } = {}): LinearPattern {
  try {
    const compiled = RE2JS.compile(pattern, options.ignoreCase === true ? RE2JS.CASE_INSENSITIVE : 0);
    return { test: (text) => compiled.test(text) };
  } catch (error) {
    throw toolError(
      `${options.what ?? 'pattern'} ${JSON.stringify(pattern)} is not a valid RE2 regular expression: ${(error as Error).message}`,
      'RE2 syntax (as in ripgrep): escape ( [ { with a backslash; lookahead, lookbehind and backreferences are not supported.',
    );
  }
}
