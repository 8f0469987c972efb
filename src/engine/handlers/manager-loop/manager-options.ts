import { ErrorCode, OrchestraError } from '../../../core/errors.js';
import { parseCondition } from '../../../pipeline/conditions/index.js';
import type { Condition } from '../../../pipeline/conditions/index.js';
import { ownerOf, readBool, readDurationMs, readInt, readString } from '../../../pipeline/graph/attr-read.js';
import type { GraphNode } from '../../../pipeline/graph/model.js';

export const ManagerAction = { OBSERVE: 'observe', STEER: 'steer', WAIT: 'wait' } as const;
export type ManagerAction = (typeof ManagerAction)[keyof typeof ManagerAction];
const knownActions: readonly string[] = Object.values(ManagerAction);

/** A manager node's attributes with their defaults (Attractor §4.11). */
export interface ManagerOptions {
  pollIntervalMs: number;
  maxCycles: number;
  stopCondition: Condition | undefined;
  stopConditionText: string;
  actions: ReadonlySet<ManagerAction>;
  autostart: boolean;
}

/** Reads and checks the manager attributes; throws E_ATTRIBUTE_TYPE / E_CONDITION_SYNTAX naming the node. */
export function resolveManagerOptions(node: GraphNode): ManagerOptions {
  const owner = ownerOf(node);
  const maxCycles = readInt(node.attrs, 'manager.max_cycles', owner) ?? 1000;
  if (maxCycles < 1) {
    throw new OrchestraError(ErrorCode.ATTRIBUTE_TYPE, `Attribute "manager.max_cycles" of ${owner} must be at least 1, found ${maxCycles}.`, {
      hint: 'Give the number of observe/wait cycles the manager may run, e.g. manager.max_cycles=100.',
      location: node.attrs['manager.max_cycles']?.loc,
    });
  }
  const stopConditionText = readString(node.attrs, 'manager.stop_condition')?.trim() ?? '';
  return {
    pollIntervalMs: readDurationMs(node.attrs, 'manager.poll_interval', owner) ?? 45_000,
    maxCycles,
    stopCondition: stopConditionText === '' ? undefined : parseCondition(stopConditionText),
    stopConditionText,
    actions: readActions(node, owner),
    autostart: readBool(node.attrs, 'stack.child_autostart', owner) ?? true,
  };
}

function readActions(node: GraphNode, owner: string): ReadonlySet<ManagerAction> {
  const text = readString(node.attrs, 'manager.actions') ?? 'observe,wait';
  const names = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  const unknown = names.find((name) => !knownActions.includes(name));
  if (unknown !== undefined) {
    throw new OrchestraError(ErrorCode.ATTRIBUTE_TYPE, `Attribute "manager.actions" of ${owner} names the unknown action "${unknown}".`, {
      hint: `Use a comma-separated list of ${knownActions.join(', ')}, e.g. manager.actions="observe,steer,wait".`,
      location: node.attrs['manager.actions']?.loc,
    });
  }
  return new Set(names as ManagerAction[]);
}
