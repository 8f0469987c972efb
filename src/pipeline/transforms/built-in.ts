import { createStylesheetTransform } from './stylesheet-transform.js';
import type { Transform } from './transform.js';
import { createVariablesTransform } from './variables-transform.js';

export interface BuiltInTransformOptions {
  /** Run variables from the command line (decision 26). */
  variables?: Readonly<Record<string, string>>;
}

/** The transforms every pipeline gets, in order: stylesheet, then variable expansion. */
export function builtInTransforms(options: BuiltInTransformOptions = {}): Transform[] {
  return [createStylesheetTransform(), createVariablesTransform(options.variables ?? {})];
}
