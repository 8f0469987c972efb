import type { z } from 'zod';

type Path = readonly PropertyKey[];

/**
 * The keys a strict object accepts at `path`, found by walking the schema. In a union, the object
 * option whose literal keys match the value written there is chosen (else the first object option).
 */
export function allowedKeysAt(schema: z.ZodType, path: Path, data?: unknown): string[] {
  let node: SchemaDef | undefined = defOf(schema);
  let value = data;
  for (const segment of path) {
    node = step(node, segment, value);
    value = childOf(value, segment);
    if (!node) return [];
  }
  node = unwrap(node, value);
  return node?.type === 'object' && node.shape ? Object.keys(node.shape) : [];
}

/**
 * The literal values the union at `path`'s parent accepts for the key at `path`: the choices of a
 * discriminated union's tag (`type: slack | email | ...`).
 */
export function discriminatorValuesAt(schema: z.ZodType, path: Path, data?: unknown): string[] {
  let node: SchemaDef | undefined = defOf(schema);
  let value = data;
  for (const segment of path.slice(0, -1)) {
    node = step(node, segment, value);
    value = childOf(value, segment);
    if (!node) return [];
  }
  while (node && wrappers.has(node.type)) node = defOf(node.innerType);
  const key = String(path.at(-1));
  const options = node?.type === 'union' ? (node.options ?? []) : [];
  return options.flatMap((option) => defOf(defOf(option)?.shape?.[key])?.values ?? []).map(String);
}

/** The value at `path` in parsed YAML, or undefined when the path runs out. */
export function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const segment of path) current = childOf(current, segment);
  return current;
}

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  values?: unknown[];
}

const wrappers = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch']);

function defOf(schema: z.ZodType | undefined): SchemaDef | undefined {
  return (schema as unknown as { _zod?: { def: SchemaDef } } | undefined)?._zod?.def;
}

function unwrap(def: SchemaDef | undefined, value: unknown): SchemaDef | undefined {
  let current = def;
  while (current && (wrappers.has(current.type) || current.type === 'pipe')) current = defOf(current.type === 'pipe' ? current.in : current.innerType);
  if (current?.type !== 'union') return current;
  const objects = (current.options ?? []).map((option) => unwrap(defOf(option), value)).filter((option) => option?.type === 'object');
  return objects.find((option) => option !== undefined && literalsMatch(option, value)) ?? objects[0] ?? current;
}

function literalsMatch(object: SchemaDef, value: unknown): boolean {
  return Object.entries(object.shape ?? {}).every(([key, schema]) => {
    const def = defOf(schema);
    return def?.type !== 'literal' || (def.values ?? []).includes(childOf(value, key));
  });
}

function step(def: SchemaDef | undefined, segment: PropertyKey, value: unknown): SchemaDef | undefined {
  const node = unwrap(def, value);
  if (!node) return undefined;
  if (node.type === 'object') {
    const key = String(segment);
    return defOf(node.shape && Object.hasOwn(node.shape, key) ? node.shape[key] : node.catchall);
  }
  if (node.type === 'record') return defOf(node.valueType);
  if (node.type === 'array') return defOf(node.element);
  return undefined;
}

function childOf(value: unknown, segment: PropertyKey): unknown {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined;
  return (value as Record<PropertyKey, unknown>)[segment];
}
