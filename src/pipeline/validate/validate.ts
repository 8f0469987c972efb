import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { plural } from '../../core/plural.js';
import type { Graph } from '../graph/model.js';
import { isError, sortDiagnostics, type Diagnostic } from './diagnostic.js';
import { formatDiagnostic } from './format.js';
import { createLintContext } from './lint-context.js';
import type { LintRule } from './lint-rule.js';
import { BUILT_IN_RULES } from './rules/index.js';

export interface ValidateOptions {
  /** Handler types registered at run time, so `type_known` knows them (decision 16). */
  knownHandlerTypes?: readonly string[];
  /** Rules run after the built-in ones. */
  extraRules?: readonly LintRule[];
  /** Run variables, so `unknown_variable` knows them (decision 26). */
  variables?: Readonly<Record<string, string>>;
  /** The DOT source the graph came from: lets diagnostics point inside attribute values. */
  source?: string;
}

/** Runs every rule and returns every diagnostic (never stopping at the first), in file order. */
export function validate(graph: Graph, options: ValidateOptions = {}): Diagnostic[] {
  const ctx = createLintContext(graph, options);
  const rules = [...BUILT_IN_RULES, ...(options.extraRules ?? [])];
  return sortDiagnostics(rules.flatMap((rule) => rule.apply(graph, ctx)));
}

/**
 * Like `validate`, but throws OrchestraError(E_VALIDATION) when there is an ERROR; returns the
 * remaining (warning and info) diagnostics otherwise.
 */
export function validateOrThrow(graph: Graph, options: ValidateOptions = {}): Diagnostic[] {
  const diagnostics = validate(graph, options);
  throwOnErrors(graph.file, diagnostics);
  return diagnostics;
}

/** Throws E_VALIDATION summarising the ERROR diagnostics, if there are any. */
export function throwOnErrors(file: string, diagnostics: readonly Diagnostic[]): void {
  const errors = diagnostics.filter(isError);
  const first = errors[0];
  if (!first) return;
  throw new OrchestraError(ErrorCode.VALIDATION, `${file} has ${plural(errors.length, 'error')}; the first: ${first.message}`, {
    hint: `Fix the ${errors.length === 1 ? 'error' : 'errors'} above; \`orchestra compile ${file}\` lists every diagnostic.`,
    location: first.loc,
    detail: errors.map(formatDiagnostic).join('\n'),
  });
}
