/** Field names whose values never reach the log: `apiKey`, `authToken`, `clientSecret`, `password`… */
const secretName = /token|key|secret|password/i;
const maxDepth = 6;

/** A copy of `fields` with every secret-named value, at any depth, replaced by "[redacted]". */
export function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  return redactObject(fields, 0);
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= maxDepth) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value instanceof Error) return { error: value.message };
  return redactObject(value as Record<string, unknown>, depth + 1);
}

function redactObject(value: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, inner] of Object.entries(value)) {
    out[name] = secretName.test(name) ? '[redacted]' : redactValue(inner, depth);
  }
  return out;
}
