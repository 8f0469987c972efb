import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';

/*
 * An edge of the run graph: React Flow's bezier, its label an HTML box at the middle. React
 * Flow's own label is SVG text that measures itself (getBBox) and renders twice; on a 500-node
 * pipeline, a layout pass and a render per label. A box sized by CSS needs neither.
 */
export function LabelledEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, label, markerEnd, style }: EdgeProps) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return (
    <>
      <BaseEdge id={id} path={path} {...(markerEnd !== undefined && { markerEnd })} {...(style !== undefined && { style })} />
      {label !== undefined && label !== null && label !== '' && (
        <EdgeLabelRenderer>
          <div className="edge-label" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
