import { findStartNodes } from '../../graph/node-kind.js';
import { exactlyOneRole } from './exactly-one-role.js';

/** Exactly one start node: the Mdiamond, or failing that a node named start/Start (decision 13). */
export const startNodeRule = exactlyOneRole({
  rule: 'start_node',
  role: 'start',
  find: findStartNodes,
  whenMissing: { message: 'No start node: the run has nowhere to begin.', fix: 'add one: start [shape=Mdiamond]' },
  fixForExtra: (node) => `keep one start node and give ${node.id} another shape`,
});
