import { Handle, type Node, type NodeProps } from '@xyflow/react';
import type { NodeState } from '../runs/node-states';
import type { Rankdir } from '../runs/types';
import { handleSides } from './node-handles';

export type StateNodeData = { label: string; state: NodeState; shape: string; rankdir: Rankdir };
export type StateNode = Node<StateNodeData, 'state'>;

/** A node of the run graph: its label, coloured by its state (CSS: .state-node.is-running pulses). */
export function StateNodeView({ data, selected }: NodeProps<StateNode>) {
  const [target, source] = handleSides[data.rankdir];
  return (
    <div className={`state-node is-${data.state} shape-${data.shape.toLowerCase()}${selected ? ' is-selected' : ''}`} data-state={data.state} title={`${data.label}: ${data.state}`}>
      <Handle type="target" position={target} isConnectable={false} />
      <span className="state-node-label">{data.label}</span>
      <span className="visually-hidden">, {data.state}</span>
      <Handle type="source" position={source} isConnectable={false} />
    </div>
  );
}
