import { ErrorCode, OrchestraError } from '../../core/errors.js';

export const defaultDetachKey = 'ctrl-]';

/**
 * The byte a detach key sends: `ctrl-]` (the default, like telnet), `ctrl-q`, `ctrl-\`… Control
 * keys are the only ones that never reach an agent by accident.
 */
export function parseDetachKey(spec: string): string {
  const match = /^ctrl-(.)$/i.exec(spec.trim());
  const key = match?.[1];
  if (key === undefined) {
    throw new OrchestraError(ErrorCode.USAGE, `"${spec}" is not a detach key.`, { hint: 'Use ctrl-<key>, e.g. ctrl-] (the default), ctrl-q or ctrl-\\.' });
  }
  const code = key.toUpperCase().charCodeAt(0);
  if (code < 0x40 || code > 0x5f) {
    throw new OrchestraError(ErrorCode.USAGE, `"${spec}" has no control code.`, { hint: 'Use a letter or one of @ [ \\ ] ^ _ after ctrl-.' });
  }
  return String.fromCharCode(code & 0x1f);
}
