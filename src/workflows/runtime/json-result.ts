import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { JsonValue } from '../../store/human-task-types.js';

/**
 * Why `value` is not plain JSON, with the path to the culprit (`$.items[2].at`), or undefined when
 * it is. Plain means: what JSON.parse(JSON.stringify(value)) gives back unchanged, so that a replay
 * answers with exactly the value the first run saw. Dates, Maps, class instances, functions,
 * undefined, NaN and cycles are refused rather than silently changed.
 */
export function jsonProblem(value: unknown, path = '$', seen: Set<object> = new Set()): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} is ${String(value)}`;
  if (typeof value !== 'object') return `${path} is ${typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`}`;
  if (seen.has(value)) return `${path} refers back to itself`;
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const problem = jsonProblem(value[i], `${path}[${i}]`, seen);
        if (problem) return problem;
      }
      return undefined;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return `${path} is a ${(value as object).constructor?.name ?? 'class instance'}, not a plain object`;
    for (const [key, field] of Object.entries(value)) {
      const problem = jsonProblem(field, `${path}.${key}`, seen);
      if (problem) return problem;
    }
    return undefined;
  } finally {
    seen.delete(value);
  }
}

/** The value as JSON, or E_WORKFLOW_STEP_RESULT naming `what` (e.g. `step "charge card"`). */
export function requireJson(value: unknown, what: string): JsonValue {
  const problem = jsonProblem(value);
  if (problem === undefined) return value as JsonValue;
  throw new OrchestraError(ErrorCode.WORKFLOW_STEP_RESULT, `${what} returned a value that is not JSON: ${problem}`, {
    hint: 'Durable calls journal their result as JSON and replay it: return plain objects, arrays, strings, finite numbers, booleans or null (e.g. a date as date.toISOString()).',
  });
}
