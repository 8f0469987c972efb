import { applyEdgeChanges, applyNodeChanges, Background, Controls, MarkerType, ReactFlow, type Connection, type Edge, type EdgeChange, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import { layoutGraph, nodeWidth } from '../graph/elk-layout';
import type { DotEdit, EditorGraph } from './dot-edit';
import { EditorNodeView, type EditorFlowNode } from './editor-node';
import { labelOf, positionOf, rankdirOf, structureOf, toLayoutInput, type Point } from './flow-model';
import { deletionEdits } from './graph-edits';
import type { DiagnosticView } from './lint-range';
import type { Selection } from './selection';

const nodeTypes = { editor: EditorNodeView };

interface Props {
  graph: EditorGraph;
  diagnostics: ReadonlyMap<string, DiagnosticView[]>;
  selection: Selection;
  colorMode: 'light' | 'dark' | 'system';
  onSelect(selection: Selection): void;
  onEdit(edits: DotEdit[]): void;
}

/**
 * The pipeline as a graph: laid out by ELK in the `rankdir` direction (web/src/graph, as for runs),
 * nodes the user dragged at their pinned `pos`. Every change is an edit of the text: dragging an
 * edge from a node's handle to another adds it, Delete removes the selection, dropping a node pins it.
 */
export function EditorGraphView({ graph, diagnostics, selection, colorMode, onSelect, onEdit }: Props) {
  const structure = structureOf(graph);
  const [laidOut, setLaidOut] = useState<Map<string, Point>>();
  useEffect(() => {
    let current = true;
    void layoutGraph(toLayoutInput(graph)).then((placed) => current && setLaidOut(new Map([...placed].map(([id, at]) => [id, { x: at.x, y: at.y }]))));
    return () => {
      current = false;
    };
    // A layout only when the structure changed, not for each attribute typed.
  }, [structure]);

  const rankdir = rankdirOf(graph);
  const [nodes, setNodes] = useState<EditorFlowNode[]>([]);
  useEffect(() => {
    setNodes((previous) =>
      graph.nodes.map((node) => ({
        // React Flow's measured size is kept, so a re-read does not hide the nodes until it measures again.
        ...previous.find((earlier) => earlier.id === node.id),
        id: node.id,
        type: 'editor',
        position: positionOf(node, laidOut),
        // As wide as the layout made room for (the run graph's nodes are sized alike).
        style: { width: nodeWidth(labelOf(node)) },
        selected: selection.kind === 'node' && selection.id === node.id,
        ariaLabel: `Node ${labelOf(node)}`,
        data: { label: labelOf(node), shape: node.attrs.shape ?? 'box', rankdir, pinned: node.pos?.pinned ?? false, diagnostics: diagnostics.get(node.id) ?? [] },
      })),
    );
  }, [graph, laidOut, diagnostics, selection, rankdir]);

  const [edges, setEdges] = useState<Edge[]>([]);
  useEffect(() => {
    setEdges(
      graph.edges.map((edge) => ({
        id: edge.id,
        source: edge.from,
        target: edge.to,
        label: edge.attrs.label,
        selected: selection.kind === 'edge' && selection.id === edge.id,
        ariaLabel: `Edge from ${edge.from} to ${edge.to}`,
        markerEnd: { type: MarkerType.ArrowClosed },
      })),
    );
  }, [graph, selection]);

  const onNodesChange = (changes: NodeChange<EditorFlowNode>[]) => {
    setNodes((current) => applyNodeChanges(changes.filter((change) => change.type !== 'remove'), current));
    for (const change of changes) if (change.type === 'select' && change.selected) onSelect({ kind: 'node', id: change.id });
  };
  const onEdgesChange = (changes: EdgeChange[]) => {
    setEdges((current) => applyEdgeChanges(changes.filter((change) => change.type !== 'remove'), current));
    for (const change of changes) if (change.type === 'select' && change.selected) onSelect({ kind: 'edge', id: change.id });
  };
  const fitOnce = useMemo(() => ({ maxZoom: 1, padding: 0.2 }), []);
  // The first picture waits for the first layout: React Flow fits the view to it once.
  if (laidOut === undefined) return <div className="graph-canvas editor-graph muted">Laying out the graph…</div>;

  return (
    <div className="graph-canvas editor-graph" data-testid="editor-graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        colorMode={colorMode}
        fitView
        fitViewOptions={fitOnce}
        minZoom={0.2}
        deleteKeyCode={['Delete', 'Backspace']}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onPaneClick={() => onSelect({ kind: 'graph' })}
        onConnect={(connection: Connection) => onEdit([{ kind: 'add-edge', from: connection.source, to: connection.target }])}
        onNodeDragStop={(_event, dropped) => {
          const node = graph.nodes.find((candidate) => candidate.id === dropped.id);
          const at = { x: Math.round(dropped.position.x), y: Math.round(dropped.position.y) };
          if (!node) return;
          // A click is not a move: only a node dropped somewhere else is pinned there.
          const before = positionOf(node, laidOut);
          if (Math.round(before.x) !== at.x || Math.round(before.y) !== at.y) onEdit([{ kind: 'set-pos', id: node.id, ...at }]);
        }}
        onDelete={({ nodes: gone, edges: cut }) => onEdit(deletionEdits(graph, gone.map((node) => node.id), cut.map((edge) => edge.id)))}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
