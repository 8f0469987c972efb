/** `{{context.name}}` or `{{ context.a.b }}`; segments are names or array indexes. */
const placeholder = /\{\{\s*context\.([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)\s*\}\}/g;

/**
 * A step's Client Instructions with the instance's context filled in. One pass over the author's
 * text: a value is inserted as data (text as is, anything else as JSON) and never scanned again,
 * so a value holding `{{context.x}}` stays literal. A missing value shows as `(context.name not set)`.
 */
export function renderInstructions(text: string, context: Readonly<Record<string, unknown>>): string {
  return text.replace(placeholder, (_whole, path: string) => {
    const value = valueAt(context, path);
    if (value === undefined) return `(context.${path} not set)`;
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  });
}

/**
 * The value at `a.b.0` in the context, own properties only: `constructor` or `__proto__` never
 * reach an object's prototype.
 */
export function valueAt(context: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = context;
  for (const segment of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
