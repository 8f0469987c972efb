import { applyNodeChanges, Background, Controls, MarkerType, ReactFlow, type Edge, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { NodeState, NodeStates } from '../runs/node-states';
import type { RunGraph } from '../runs/types';
import { layoutGraph, type Placed } from './elk-layout';
import { LabelledEdge } from './labelled-edge';
import { handlesOf } from './node-handles';
import { StateNodeView, type StateNode } from './state-node';

const nodeTypes = { state: StateNodeView };
const edgeTypes = { labelled: LabelledEdge };

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
  // React Flow's own changes (sizes it measured, selection) are kept; the run's states only change each node's data.
  const [nodes, setNodes] = useState<StateNode[]>([]);
  useEffect(() => {
    if (placed !== undefined) setNodes(graph.nodes.map((node) => placedNode(node, graph.rankdir, placed.get(node.id))));
  }, [graph, placed]);
  // The same array when no node changed: a new one makes React Flow go over every node again.
  useEffect(() => {
    setNodes((current) => {
      const next = current.map((node) => withState(node, states[node.id] ?? 'pending', node.id === selected));
      return next.some((node, index) => node !== current[index]) ? next : current;
    });
  }, [states, selected, placed]);
  // The same function on each render: a new one is a change React Flow hands to every node and edge.
  const onNodesChange = useCallback(
    (changes: NodeChange<StateNode>[]) => {
      setNodes((current) => applyNodeChanges(changes, current));
      // Selecting another node comes as two changes (one off, one on) in either order: the one on wins.
      const selections = changes.filter((change) => change.type === 'select');
      if (selections.length > 0) onSelect(selections.find((change) => change.selected)?.id);
    },
    [onSelect],
  );
  const edges = useMemo<Edge[]>(
    () => graph.edges.map((edge, index) => ({ id: `e${index}`, type: 'labelled', source: edge.from, target: edge.to, label: edge.label, markerEnd: { type: MarkerType.ArrowClosed }, focusable: false })),
    [graph],
  );
  if (placed === undefined) return <p className="muted">Laying out the graph…</p>;
  return (
    <div className="graph-canvas" data-testid="run-graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        colorMode={colorMode}
        fitView
        fitViewOptions={{ maxZoom: 1, padding: 0.15 }}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        onNodesChange={onNodesChange}
        minZoom={0.2}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

/** A node at ELK's position with ELK's size and handles: React Flow shows it and its edges before measuring it. */
function placedNode(node: RunGraph['nodes'][number], rankdir: RunGraph['rankdir'], at: Placed | undefined): StateNode {
  const width = at?.width ?? 120;
  const height = at?.height ?? 44;
  return {
    id: node.id,
    type: 'state',
    position: { x: at?.x ?? 0, y: at?.y ?? 0 },
    style: { width },
    initialWidth: width,
    initialHeight: height,
    handles: handlesOf(rankdir, width, height),
    data: { label: node.label, shape: node.shape, rankdir, state: 'pending' },
  };
}

/** The node with this state and selection; the same object when neither changed (React Flow then keeps it as it is). */
function withState(node: StateNode, state: NodeState, selected: boolean): StateNode {
  if (node.data.state === state && (node.selected ?? false) === selected) return node;
  return { ...node, selected, ariaLabel: `${node.data.label}: ${state}`, data: { ...node.data, state } };
}
