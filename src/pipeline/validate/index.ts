export { Severity, isError, sortDiagnostics, type Diagnostic } from './diagnostic.js';
export { formatDiagnostic } from './format.js';
export type { LintContext, LintRule } from './lint-rule.js';
export { createLintContext, BUILT_IN_HANDLER_TYPES, type LintContextOptions } from './lint-context.js';
export { validate, validateOrThrow, throwOnErrors, type ValidateOptions } from './validate.js';
export { BUILT_IN_RULES } from './rules/index.js';
export { createValueLocator } from './value-locator.js';
export { closestMatch } from './closest.js';
