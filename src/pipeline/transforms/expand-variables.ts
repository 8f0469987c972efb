export type VariableSource = Readonly<Record<string, string>> | ((name: string) => string | undefined);

// `${name}` may hold dots (`${context.key}`); a bare `$name` stops at the first non-word character
// so that "$goal." at the end of a sentence still expands.
const variablePattern = /\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Replaces `$name` and `${name}` with their values (decision 26). Names the source does not know
 * are left exactly as written; one pass, so values that contain `$` are not expanded again.
 */
export function expandVariables(text: string, vars: VariableSource): string {
  if (!text.includes('$')) return text;
  const lookup = typeof vars === 'function' ? vars : (name: string) => (Object.hasOwn(vars, name) ? vars[name] : undefined);
  return text.replace(variablePattern, (whole, braced: string | undefined, bare: string | undefined) => {
    const value = lookup((braced ?? bare) as string);
    return value ?? whole;
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
