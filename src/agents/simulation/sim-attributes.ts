import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { StageStatus } from '../../core/events.js';
import { isStageStatus } from '../../core/outcome.js';
import { ownerOf, readDurationMs, readString } from '../../pipeline/graph/attr-read.js';
import type { GraphNode } from '../../pipeline/graph/model.js';

/**
 * Node attributes the simulation backend reads, so that `--simulate` can exercise retries, goal
 * gates and routing without a model:
 * - `sim.outcome="fail"`: every call ends with this status (success, partial_success, retry, fail, skipped).
 * - `sim.outcomes="fail,success"`: the n-th call for the node in a run takes the n-th status; calls
 *   past the end repeat the last one. Wins over `sim.outcome`.
 * - `sim.preferred_label="Fix"`: the outcome's preferred label, to steer edge selection.
 * - `sim.delay="2s"`: the call takes this long (still honouring cancellation), to show progress;
 *   a plain number means seconds, as for every duration attribute.
 */
export interface SimAttributes {
  outcomes: StageStatus[];
  preferredLabel: string | undefined;
  delayMs: number;
}

export function readSimAttributes(node: GraphNode): SimAttributes {
  const many = attrText(node, 'sim.outcomes');
  const one = attrText(node, 'sim.outcome');
  const outcomes = many !== undefined ? parseStatuses(node, 'sim.outcomes', many) : one !== undefined ? parseStatuses(node, 'sim.outcome', one) : [];
  const delayMs = readDurationMs(node.attrs, 'sim.delay', ownerOf(node)) ?? 0;
  return { outcomes, preferredLabel: attrText(node, 'sim.preferred_label'), delayMs };
}

/** The status for the `call`-th call (1-based); undefined means the plain simulated success. */
export function simulatedStatusFor(attrs: SimAttributes, call: number): StageStatus | undefined {
  if (attrs.outcomes.length === 0) return undefined;
  return attrs.outcomes[Math.min(call, attrs.outcomes.length) - 1];
}

function attrText(node: GraphNode, key: string): string | undefined {
  return readString(node.attrs, key)?.trim();
}

function parseStatuses(node: GraphNode, key: string, text: string): StageStatus[] {
  const statuses = text.split(',').map((part) => part.trim().toLowerCase());
  for (const status of statuses) {
    if (!isStageStatus(status)) {
      throw new OrchestraError(ErrorCode.ATTRIBUTE_TYPE, `Node "${node.id}" has ${key}="${text}": "${status}" is not an outcome.`, {
        hint: 'Use success, partial_success, retry, fail or skipped (comma-separated for sim.outcomes).',
        location: node.attrs[key]?.loc,
      });
    }
  }
  return statuses as StageStatus[];
}
