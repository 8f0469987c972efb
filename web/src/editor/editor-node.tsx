import { Handle, type Node, type NodeProps } from '@xyflow/react';
import { handleSides as sides } from '../graph/node-handles';
import type { EditorNodeData } from './flow-model';

export type EditorFlowNode = Node<EditorNodeData, 'editor'>;

/**
 * A node of the pipeline being edited: drawn like a run's node (the shape's look), with handles to
 * drag an edge from and to, and a marker when the validator names it.
 */
export function EditorNodeView({ data, selected }: NodeProps<EditorFlowNode>) {
  const [target, source] = sides[data.rankdir];
  const worst = data.diagnostics[0];
  const summary = data.diagnostics.map((diagnostic) => `${diagnostic.severity}: ${diagnostic.message}`).join('\n');
  return (
    <div className={`state-node is-pending editor-node shape-${data.shape.toLowerCase()}${selected ? ' is-selected' : ''}${worst ? ` has-${worst.severity}` : ''}`} title={summary || data.label}>
      <Handle type="target" position={target} />
      <span className="state-node-label">{data.label}</span>
      {data.pinned && <span className="pin-mark" aria-hidden="true" title="Pinned: its pos is in the file">•</span>}
      {worst && (
        <span className={`diagnostic-mark is-${worst.severity}`} data-diagnostic={worst.severity} role="img" aria-label={`${data.diagnostics.length} ${data.diagnostics.length === 1 ? 'problem' : 'problems'}: ${summary}`}>
          !
        </span>
      )}
      <Handle type="source" position={source} />
    </div>
  );
}
