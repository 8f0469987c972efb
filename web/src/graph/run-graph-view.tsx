import { Background, Controls, MarkerType, ReactFlow, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import type { NodeStates } from '../runs/node-states';
import type { RunGraph } from '../runs/types';
import { layoutGraph, type Placed } from './elk-layout';
import { StateNodeView, type StateNode } from './state-node';

const nodeTypes = { state: StateNodeView };

interface Props {
  graph: RunGraph;
  states: NodeStates;
  selected: string | undefined;
  colorMode: 'light' | 'dark' | 'system';
  onSelect(nodeId: string | undefined): void;
}

/** The run's graph drawn with React Flow at ELK's positions; selecting a node (click, or Tab then Enter) calls onSelect. */
export function RunGraphView({ graph, states, selected, colorMode, onSelect }: Props) {
  const [placed, setPlaced] = useState<Map<string, Placed>>();
  useEffect(() => {
    let current = true;
    void layoutGraph(graph).then((result) => current && setPlaced(result));
    return () => {
      current = false;
    };
  }, [graph]);
  const nodes = useMemo<StateNode[]>(
    () =>
      graph.nodes.map((node) => {
        const at = placed?.get(node.id);
        return {
          id: node.id,
          type: 'state',
          position: { x: at?.x ?? 0, y: at?.y ?? 0 },
          style: { width: at?.width ?? 120 },
          selected: node.id === selected,
          data: { label: node.label, shape: node.shape, rankdir: graph.rankdir, state: states[node.id] ?? 'pending' },
          ariaLabel: `${node.label}: ${states[node.id] ?? 'pending'}`,
        };
      }),
    [graph, placed, states, selected],
  );
  const edges = useMemo<Edge[]>(
    () => graph.edges.map((edge, index) => ({ id: `e${index}`, source: edge.from, target: edge.to, label: edge.label, markerEnd: { type: MarkerType.ArrowClosed }, focusable: false })),
    [graph],
  );
  if (placed === undefined) return <p className="muted">Laying out the graph…</p>;
  return (
    <div className="graph-canvas" data-testid="run-graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        colorMode={colorMode}
        fitView
        fitViewOptions={{ maxZoom: 1, padding: 0.15 }}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        onNodesChange={(changes) => {
          // The nodes are controlled (their state comes from the run): only a selection is taken from React Flow.
          for (const change of changes) if (change.type === 'select') onSelect(change.selected ? change.id : undefined);
        }}
        minZoom={0.2}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
