import { splitGlobList } from '../../core/glob.js';
import { ownerOf, readDurationMs, readString } from '../../pipeline/graph/attr-read.js';
import type { GraphNode } from '../../pipeline/graph/model.js';

/** The kinds of node check (seed 003), in the order they run. */
export const CheckKind = {
  FILE_EXISTS: 'file_exists',
  COMMAND: 'command',
  TESTS: 'tests',
  CRITIC: 'critic',
} as const;
export type CheckKind = (typeof CheckKind)[keyof typeof CheckKind];

export type CheckSpec =
  | { kind: 'file_exists'; pattern: string }
  | { kind: 'command'; command: string }
  | { kind: 'tests'; command: string }
  | { kind: 'critic'; question: string; model: string };

/** A node's checks with their defaults filled in. */
export interface ResolvedChecks {
  checks: CheckSpec[];
  /** Limit for each command and test run (`check.timeout`). */
  timeoutMs: number;
}

export const defaultCheckTimeoutMs = 10 * 60_000;
export const defaultCriticModel = 'smart';

/**
 * Reads the `check.*` attributes of a node. `check.file_exists` may list several globs separated
 * by commas, one check each; blank attributes count as absent. Throws E_ATTRIBUTE_TYPE for a
 * `check.timeout` that is not a duration (lint reports it first).
 */
export function resolveChecks(node: GraphNode): ResolvedChecks {
  const checks: CheckSpec[] = [];
  for (const pattern of splitList(text(node, 'check.file_exists'))) checks.push({ kind: 'file_exists', pattern });
  const command = text(node, 'check.command');
  if (command) checks.push({ kind: 'command', command });
  const tests = text(node, 'check.tests');
  if (tests) checks.push({ kind: 'tests', command: tests });
  const question = text(node, 'check.critic');
  if (question) checks.push({ kind: 'critic', question, model: text(node, 'check.critic_model') || defaultCriticModel });
  const timeoutMs = readDurationMs(node.attrs, 'check.timeout', ownerOf(node)) ?? defaultCheckTimeoutMs;
  return { checks, timeoutMs };
}

/** How a check is named in messages, `checks.failed` and checks.json: `command: npm run lint`. */
export function checkName(spec: CheckSpec): string {
  switch (spec.kind) {
    case 'file_exists':
      return `file_exists: ${spec.pattern}`;
    case 'command':
    case 'tests':
      return `${spec.kind}: ${spec.command}`;
    case 'critic':
      return `critic: ${spec.question}`;
  }
}

function text(node: GraphNode, key: string): string {
  return readString(node.attrs, key)?.trim() ?? '';
}

/** Commas inside a glob's `{a,b}` do not split it (core/glob.ts). */
function splitList(value: string): string[] {
  return splitGlobList(value).map((entry) => entry.value);
}
