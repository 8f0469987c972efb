import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { SourceLocation } from '../../core/source-location.js';

export type VariableSource = Readonly<Record<string, string>> | ((name: string) => string | undefined);

// `${name}` may hold dots (`${context.key}`); a bare `$name` stops at the first non-word character
// so that "$goal." at the end of a sentence still expands. `$workspace.<repo>` (issue 14) is the one
// bare name with a dot: a repo's worktree path.
const variablePattern = /\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}|\$(workspace\.[A-Za-z0-9_-]+|[A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * The longest text an expansion may produce, in characters (1 MiB). Each `$goal` copies the whole
 * goal, so a few KB of source could ask for gigabytes (and crashed with "Invalid string length");
 * a prompt past this is no use to any model. Documented in docs/pipelines.md.
 */
export const maxExpandedLength = 1024 * 1024;

/** What is being expanded, for the error when it grows past the limit. */
export interface ExpansionSite {
  /** Such as `prompt of node "review"`. */
  what: string;
  loc?: SourceLocation;
}

/**
 * Replaces `$name` and `${name}` with their values (decision 26). Names the source does not know
 * are left exactly as written; one pass, so values that contain `$` are not expanded again.
 * Throws E_VARIABLE, before building it, when the result would exceed `maxExpandedLength`.
 */
export function expandVariables(text: string, vars: VariableSource, site: ExpansionSite = { what: 'text' }): string {
  if (!text.includes('$')) return text;
  const lookup = typeof vars === 'function' ? vars : (name: string) => (Object.hasOwn(vars, name) ? vars[name] : undefined);
  let length = text.length;
  return text.replace(variablePattern, (whole, braced: string | undefined, bare: string | undefined) => {
    const value = lookup((braced ?? bare) as string);
    if (value === undefined) return whole;
    length += value.length - whole.length;
    if (length > maxExpandedLength) throw expansionTooLong(site);
    return value;
  });
}

/**
 * Throws E_VARIABLE when expanding `text` with `vars` would exceed `maxExpandedLength`, without
 * building the text: for prompts, which are rendered only when their node runs (issue 8.1) but whose
 * size `compile` can already tell from the run variables and the goal.
 */
export function checkExpandedLength(text: string, vars: VariableSource, site: ExpansionSite): void {
  if (!text.includes('$')) return;
  const lookup = typeof vars === 'function' ? vars : (name: string) => (Object.hasOwn(vars, name) ? vars[name] : undefined);
  let length = text.length;
  for (const match of text.matchAll(variablePattern)) {
    const value = lookup((match[1] ?? match[2]) as string);
    if (value === undefined) continue;
    length += value.length - match[0].length;
    if (length > maxExpandedLength) throw expansionTooLong(site);
  }
}

function expansionTooLong(site: ExpansionSite): OrchestraError {
  return new OrchestraError(ErrorCode.VARIABLE, `The ${site.what} expands to more than ${maxExpandedLength} characters (the limit for expanded text).`, {
    hint: 'Shorten the text or the values it refers to: each $goal or $name copies its whole value; pass large inputs as files instead.',
    ...(site.loc && { location: site.loc }),
  });
}

export interface VariableReference {
  name: string;
  /** Offset of the `$` in the text. */
  offset: number;
  /** The reference as written: `$name` or `${name}`. */
  text: string;
}

/** Every `$name` / `${name}` in `text`, in order (for the unknown_variable lint). */
export function findVariableReferences(text: string): VariableReference[] {
  if (!text.includes('$')) return [];
  return [...text.matchAll(variablePattern)].map((match) => ({
    name: (match[1] ?? match[2]) as string,
    offset: match.index,
    text: match[0],
  }));
}
