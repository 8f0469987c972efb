import { resolveLocal, typesOf, type JsonSchema } from './json-schema.js';

/**
 * Query-string and path values as the input schema's types (issue 12): `limit=5` a number,
 * `all=true` a boolean, `status=a&status=b` or `status=a,b` an array. A value that does not look like
 * its type stays a string, so the schema's own check names the field and what it expected.
 */
export function coerceParams(values: Readonly<Record<string, readonly string[]>>, input: JsonSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(values)) {
    const field = input.properties?.[key];
    if (field === undefined) {
      out[key] = raw.length === 1 ? raw[0] : raw;
      continue;
    }
    const types = typesOf(field, input);
    if (types.has('array') && !types.has('string')) {
      const item = resolveLocal(field, input).items ?? {};
      out[key] = raw.flatMap((value) => value.split(',')).filter((value) => value !== '').map((value) => coerceScalar(value, typesOf(item, input)));
    } else {
      out[key] = raw.length === 1 ? coerceScalar(raw[0] as string, types) : raw.map((value) => coerceScalar(value, types));
    }
  }
  return out;
}

function coerceScalar(value: string, types: ReadonlySet<string>): unknown {
  if ((types.has('number') || types.has('integer')) && /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(value)) return Number(value);
  if (types.has('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  if (types.has('null') && value === 'null' && !types.has('string')) return null;
  return value;
}
