import { findExitNodes } from '../../graph/node-kind.js';
import { exactlyOneRole } from './exactly-one-role.js';

/** Exactly one exit node: the Msquare, or failing that a node named exit/end/Exit/End (decision 13). */
export const terminalNodeRule = exactlyOneRole({
  rule: 'terminal_node',
  role: 'exit',
  find: findExitNodes,
  whenMissing: { message: 'No exit node: the run has no way to finish.', fix: 'add one: exit [shape=Msquare]' },
  fixForExtra: (node, first) => `keep one exit node and route ${node.id}'s incoming edges to ${first.id}`,
});
