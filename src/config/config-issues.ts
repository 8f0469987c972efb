import type { z } from 'zod';
import { ErrorCode, OrchestraError } from '../core/errors.js';
import { excerptAt } from '../core/source-location.js';
import { didYouMean } from '../core/closest-name.js';
import { formatKeyPath, locate, type YamlSource } from './yaml-locate.js';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

const docsHint = 'docs/configuration.md lists every key, its type and its default.';

/**
 * The first schema problem as an E_CONFIG error naming the file, line:column, the key path and
 * what is allowed there. One error at a time: later ones often follow from the first.
 */
export function configIssueError(source: YamlSource, issue: Issue, data: unknown, schema: z.ZodType): OrchestraError {
  const chosen = unwrapUnion(issue, data);
  const { path, message, at } = describeIssue(chosen, data, schema);
  return configError(source, path, message, docsHint, at);
}

/** An E_CONFIG error pointing at `path` in the file, with the offending line as detail. */
export function configError(source: YamlSource, path: Path, message: string, hint: string, at: 'key' | 'value' = 'value'): OrchestraError {
  const location = locate(source, path, at);
  return new OrchestraError(ErrorCode.CONFIG, message, { location, detail: excerptAt(source.text, location), hint });
}

/** In a union, report the branch that matches the value's kind (a string vs a mapping). */
function unwrapUnion(issue: Issue, data: unknown): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const branch = issue.errors.find((issues) => !issues.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0)) ?? issue.errors[0] ?? [];
  const [first] = branch;
  if (!first) return issue;
  return unwrapUnion({ ...first, path: [...issue.path, ...first.path] } as Issue, data);
}

function describeIssue(issue: Issue, data: unknown, schema: z.ZodType): { path: Path; message: string; at: 'key' | 'value' } {
  const where = formatKeyPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const allowed = allowedKeysAt(schema, issue.path);
      const path = [...issue.path, key];
      return { path, at: 'key', message: `${formatKeyPath(path)}: unknown key.${didYouMean(key, allowed)} Allowed here: ${allowed.join(', ')}.` };
    }
    case 'invalid_value': {
      const value = valueAt(data, issue.path);
      const allowed = issue.values.map(String);
      const suggestion = typeof value === 'string' ? didYouMean(value, allowed) : '';
      return { path: issue.path, at: 'value', message: `${where}: ${show(value)} is not allowed.${suggestion} Allowed: ${allowed.join(', ')}.` };
    }
    case 'invalid_type': {
      const value = valueAt(data, issue.path);
      if (value === undefined) return { path: issue.path, at: 'key', message: `${where}: missing; it is required (${article(issue.expected)}).` };
      const shown = typeof value === 'object' && value !== null ? '' : ` (${show(value)})`;
      return { path: issue.path, at: 'value', message: `${where}: expected ${article(issue.expected)}, got ${kindOf(value)}${shown}.` };
    }
    case 'invalid_key': {
      const inner = issue.issues[0]?.message ?? 'invalid name';
      return { path: issue.path, at: 'key', message: `${where}: the name ${inner}.` };
    }
    default: {
      const value = valueAt(data, issue.path);
      return { path: issue.path, at: 'value', message: `${where}: ${show(value)} ${issue.message}.` };
    }
  }
}

/** The keys a strict object accepts at `path`, found by walking the schema. */
export function allowedKeysAt(schema: z.ZodType, path: Path): string[] {
  let node: SchemaDef | undefined = defOf(schema);
  for (const segment of path) {
    node = step(node, segment);
    if (!node) return [];
  }
  node = unwrap(node);
  return node?.type === 'object' && node.shape ? Object.keys(node.shape) : [];
}

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
}

function defOf(schema: z.ZodType | undefined): SchemaDef | undefined {
  return (schema as unknown as { _zod?: { def: SchemaDef } } | undefined)?._zod?.def;
}

function unwrap(def: SchemaDef | undefined): SchemaDef | undefined {
  let current = def;
  while (current && (current.type === 'optional' || current.type === 'default' || current.type === 'nullable')) current = defOf(current.innerType);
  if (current?.type === 'union') return current.options?.map(defOf).find((option) => option?.type === 'object') ?? current;
  return current;
}

function step(def: SchemaDef | undefined, segment: PropertyKey): SchemaDef | undefined {
  const node = unwrap(def);
  if (!node) return undefined;
  if (node.type === 'object') {
    const key = String(segment);
    return defOf(node.shape && Object.hasOwn(node.shape, key) ? node.shape[key] : node.catchall);
  }
  if (node.type === 'record') return defOf(node.valueType);
  if (node.type === 'array') return defOf(node.element);
  return undefined;
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return article(typeof value);
}

function article(expected: string): string {
  if (expected === 'object' || expected === 'record') return 'a mapping';
  if (expected === 'array') return 'a list';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function show(value: unknown): string {
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'a list' : 'a mapping';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
