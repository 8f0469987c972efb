import { compileGlob as compileCoreGlob } from '../../../core/glob.js';
import { type LinearPattern } from './linear-pattern.js';

/**
 * A model-supplied glob (core/glob.ts, compiled with RE2 so it matches in linear time); a pattern
 * without a `/` matches the file name at any depth, as `*.ts` finds every TypeScript file. An
 * invalid glob throws a usage error, which goes back to the model as the call's error result.
 */
export function compileGlob(pattern: string): LinearPattern {
  return compileCoreGlob(pattern, { matchBase: true });
}
