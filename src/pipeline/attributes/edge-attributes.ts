import { BOOLEAN, FIDELITY, INTEGER, STRING, type AttributeSpec } from './attribute-spec.js';

const edge = ['edge'] as const;

/** Attributes of edges (spec §2.7). */
export const EDGE_ATTRIBUTES: readonly AttributeSpec[] = [
  { name: 'label', appliesTo: edge, type: STRING, default: '', handlers: 'all', description: 'Caption; matched against the preferred label of an outcome; the choice text at a human gate.' },
  { name: 'condition', appliesTo: edge, type: STRING, default: '', handlers: 'all', description: 'Guard expression (see "Conditions"); empty means unconditional.' },
  { name: 'weight', appliesTo: edge, type: INTEGER, default: 0, handlers: 'all', description: 'Higher wins among edges that are eligible at the same step.' },
  { name: 'fidelity', appliesTo: edge, type: FIDELITY, handlers: 'all', description: 'Fidelity for the target node; beats the node\'s own `fidelity`.' },
  { name: 'thread_id', appliesTo: edge, type: STRING, handlers: 'all', description: 'Thread for the target node when the node sets none.' },
  { name: 'loop_restart', appliesTo: edge, type: BOOLEAN, default: false, handlers: 'all', description: 'Restart the run at the target with a fresh context, keeping the run id (decision 9).' },
];
