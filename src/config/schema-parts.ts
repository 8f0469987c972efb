import { z } from 'zod';

/** Schema pieces several parts of orchestra.yaml share. */

export const text = z.string().min(1, 'must not be empty');

export const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name (letters, digits, _)');

/** A `pass_env` entry: a variable name, or a prefix ending in `*`. */
export const envPattern = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*\*?$/, 'must be an environment variable name, or a prefix ending in * (ANTHROPIC_*)');

/**
 * A custom issue whose message is a whole sentence after the key path (config-issues prints it as
 * `path: message.` instead of `path: <value> message.`).
 */
export function completeIssue(path: readonly PropertyKey[], message: string): { code: 'custom'; path: PropertyKey[]; message: string; params: { complete: true } } {
  return { code: 'custom', path: [...path], message, params: { complete: true } };
}
