import type { SourceLocation } from '../core/source-location.js';
import type { StepRule } from './definition.js';

/** A step's name as index.md lists it and as its file is named: also what a rule's target must look like. */
export const stepNamePattern = /^[A-Za-z][A-Za-z0-9_-]*$/;

const step = '([A-Za-z][A-Za-z0-9_-]*)';
// A rule line may be a list item and may be wrapped in backticks; a trailing full stop is prose.
const listMarker = /^\s*(?:(?:[-*+]|\d+[.)])\s+)?/;
const onStatus = new RegExp(`^on\\s+([A-Za-z][A-Za-z0-9_-]*)\\s*:\\s*${step}$`, 'i');
const when = new RegExp(`^when\\s+context\\.([A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*)\\s*(!=|==|=)\\s*(.+?)\\s*:\\s*${step}$`, 'i');
const next = new RegExp(`^next\\s*:\\s*${step}$`, 'i');

/** What a guidance line says to the rules: a rule, a line that looks like a broken `when` rule, or prose. */
export type GuidanceLine = { kind: 'rule'; rule: StepRule } | { kind: 'malformed'; column: number } | { kind: 'prose' };

/** Reads one line of Orchestrator Guidance written at `loc` (its line; the column is found here). */
export function parseGuidanceLine(text: string, loc: Omit<SourceLocation, 'column'>): GuidanceLine {
  const marker = listMarker.exec(text)?.[0] ?? '';
  let body = text.slice(marker.length).trimEnd();
  let column = marker.length + 1;
  const quoted = /^`([^`]+)`\.?$/.exec(body);
  if (quoted) {
    body = quoted[1]!.trim();
    column += 1;
  } else {
    body = body.replace(/\.$/, '');
  }
  const at = { ...loc, column, endLine: loc.line, endColumn: column + body.length };
  const rule = ruleOf(body, at);
  if (rule) return { kind: 'rule', rule };
  return /^when\s+context\./i.test(body) ? { kind: 'malformed', column } : { kind: 'prose' };
}

function ruleOf(body: string, loc: SourceLocation): StepRule | undefined {
  let match = onStatus.exec(body);
  if (match) return { kind: 'on-status', status: match[1]!.toLowerCase(), next: match[2]!, loc };
  match = when.exec(body);
  if (match) return { kind: 'when', path: match[1]!, op: match[2] === '!=' ? '!=' : '=', value: ruleValue(match[3]!), next: match[4]!, loc };
  match = next.exec(body);
  if (match) return { kind: 'next', next: match[1]!, loc };
  return undefined;
}

/** `true`, `3`, `"a b"`, `null` are JSON values; anything else is the text as written. */
export function ruleValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The rule as an author would write it, for reasons and messages. */
export function formatRule(rule: StepRule): string {
  if (rule.kind === 'on-status') return `on ${rule.status}: ${rule.next}`;
  if (rule.kind === 'next') return `next: ${rule.next}`;
  return `when context.${rule.path} ${rule.op} ${typeof rule.value === 'string' ? rule.value : JSON.stringify(rule.value)}: ${rule.next}`;
}
