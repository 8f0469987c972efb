import { isOrchestraError, type OrchestraError } from '../../core/errors.js';
import { parseConfig } from '../parse-config.js';

/** The E_CONFIG error parsing `text` as `file` gives (no layer file exists), for the config tests' tables. */
export function configErrorOf(text: string, file: string, fileExists: (path: string) => boolean = () => false): OrchestraError {
  try {
    parseConfig(text, file, {}, fileExists);
  } catch (error) {
    if (isOrchestraError(error)) return error;
    throw error;
  }
  throw new Error('expected an E_CONFIG error');
}
