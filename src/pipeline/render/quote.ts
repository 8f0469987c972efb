/**
 * A DOT double-quoted string holding `text` literally. Backslashes are doubled so Graphviz's label
 * escapes (`\N`, `\G`, `\l`, ...) cannot fire, and a quoted string is never read as an HTML label.
 */
export function quoteDot(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n|\r|\n/g, '\\n')
    // Other control characters have no business in a drawing and can upset the layout engine.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point here
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
  return `"${escaped}"`;
}

/** `key="value", ...` for an attribute list, every value quoted. */
export function dotAttributes(attrs: Readonly<Record<string, string>>): string {
  return Object.entries(attrs)
    .map(([key, value]) => `${key}=${quoteDot(value)}`)
    .join(', ');
}
