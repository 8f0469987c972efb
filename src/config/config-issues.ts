import type { z } from 'zod';
import { ErrorCode, OrchestraError } from '../core/errors.js';
import { excerptAt } from '../core/source-location.js';
import { didYouMean } from '../core/closest-name.js';
import { allowedKeysAt, discriminatorValuesAt, valueAt } from './schema-walk.js';
import { formatKeyPath, locate, type YamlSource } from './yaml-locate.js';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

const docsHint = 'docs/configuration.md lists every key, its type and its default.';

/**
 * The first schema problem as an E_CONFIG error naming the file, line:column, the key path and
 * what is allowed there. One error at a time: later ones often follow from the first.
 */
export function configIssueError(source: YamlSource, issue: Issue, data: unknown, schema: z.ZodType): OrchestraError {
  const { path, message, at } = describeIssue(unwrapUnion(issue, data), data, schema, []);
  return configError(source, path, message, docsHint, at);
}

/**
 * The same message without a file, for values validated in code (a built-in CLI profile, say):
 * `prefix` names where the value sits, as in `['cli_agents', 'aider']`.
 */
export function configIssueMessage(issue: Issue, data: unknown, schema: z.ZodType, prefix: Path): string {
  return describeIssue(unwrapUnion(issue, data), data, schema, prefix).message;
}

/** An E_CONFIG error pointing at `path` in the file, with the offending line as detail. */
export function configError(source: YamlSource, path: Path, message: string, hint: string, at: 'key' | 'value' = 'value'): OrchestraError {
  const location = locate(source, path, at);
  return new OrchestraError(ErrorCode.CONFIG, message, { location, detail: excerptAt(source.text, location), hint });
}

/**
 * In a union, report the branch that matches the value best: one whose problems are all inside the
 * value (the mapping was right, a key in it is not), else one of the value's kind (a string vs a mapping).
 */
function unwrapUnion(issue: Issue, data: unknown): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const inside = issue.errors.find((issues) => issues.every((inner) => inner.path.length > 0));
  const sameKind = issue.errors.find((issues) => !issues.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
  const branch = inside ?? sameKind ?? issue.errors[0] ?? [];
  const [first] = branch;
  if (!first) return issue;
  return unwrapUnion({ ...first, path: [...issue.path, ...first.path] } as Issue, data);
}

function describeIssue(issue: Issue, data: unknown, schema: z.ZodType, prefix: Path): { path: Path; message: string; at: 'key' | 'value' } {
  const named = (path: Path): string => formatKeyPath([...prefix, ...path]);
  const where = named(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      const allowed = allowedKeysAt(schema, issue.path, data);
      const path = [...issue.path, key];
      return { path, at: 'key', message: `${named(path)}: unknown key.${didYouMean(key, allowed)} Allowed here: ${allowed.join(', ')}.` };
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
    case 'invalid_union': {
      // A discriminated union whose tag matched no option (`type: teams`), or has none.
      const allowed = discriminatorValuesAt(schema, issue.path, data);
      const value = valueAt(data, issue.path);
      if (allowed.length === 0) break;
      if (value === undefined) return { path: issue.path, at: 'key', message: `${where}: missing; it is required (one of ${allowed.join(', ')}).` };
      const suggestion = typeof value === 'string' ? didYouMean(value, allowed) : '';
      return { path: issue.path, at: 'value', message: `${where}: ${show(value)} is not allowed.${suggestion} Allowed: ${allowed.join(', ')}.` };
    }
    case 'invalid_key': {
      const inner = issue.issues[0]?.message ?? 'invalid name';
      return { path: issue.path, at: 'key', message: `${where}: the name ${inner}.` };
    }
    case 'custom':
      // Cross-key rules (cli-profile-checks) write whole sentences; value rules read after the value.
      if (issue.params?.['complete'] === true) return { path: issue.path, at: 'value', message: `${where}: ${issue.message}.` };
      return { path: issue.path, at: 'value', message: `${where}: ${show(valueAt(data, issue.path))} ${issue.message}.` };
  }
  const value = valueAt(data, issue.path);
  return { path: issue.path, at: 'value', message: `${where}: ${show(value)} ${issue.message}.` };
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
