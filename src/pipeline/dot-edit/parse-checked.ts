import { isOrchestraError } from '../../core/errors.js';
import { parseDotAst } from '../dot/parser.js';
import type { CstFile } from './cst.js';
import { parseCst } from './cst-parser.js';
import type { DotEditParseError } from './types.js';

export type CheckedParse = { ok: true; file: CstFile } | { ok: false; error: DotEditParseError };

/**
 * The real parser decides what is valid (so the editor and `orchestra run` never disagree); the
 * syntax tree is read only from text it accepted.
 */
export function parseChecked(text: string): CheckedParse {
  try {
    parseDotAst(text, 'pipeline.dot');
  } catch (error) {
    if (!isOrchestraError(error)) throw error;
    const line = error.location?.line ?? 1;
    const column = error.location?.column ?? 1;
    return { ok: false, error: { message: error.hint === undefined ? error.message : `${error.message}. ${error.hint}`, line, column } };
  }
  return { ok: true, file: parseCst(text) };
}
