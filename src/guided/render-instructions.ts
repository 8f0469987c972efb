/**
 * A step's Client Instructions with `{{context.x}}` (or `{{ context.x.y }}`) replaced by the
 * instance's context values (issue 13). One pass over the text as written: a value is inserted as
 * data and never scanned again, so a value holding `{{context.secret}}` stays that text. Strings go
 * in as they are, other values as JSON; a name the context lacks is left as written, so the agent
 * sees what is missing.
 */
export function renderInstructions(text: string, context: Readonly<Record<string, unknown>>): string {
  return text.replace(/\{\{\s*context\.([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)\s*\}\}/g, (placeholder, path: string) => {
    const value = lookUp(context, path.split('.'));
    if (value === undefined) return placeholder;
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

function lookUp(context: Readonly<Record<string, unknown>>, keys: string[]): unknown {
  let value: unknown = context;
  for (const key of keys) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
