/** The `{name}` segments of an operation's path, in order: the input fields the path carries. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((match) => match[1] as string);
}

/** `/tasks/{id}` (OpenAPI's template) as Hono's `/tasks/:id`. */
export function honoPath(path: string): string {
  return path.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, ':$1');
}
