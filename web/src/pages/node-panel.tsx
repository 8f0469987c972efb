import { formatDuration, formatTime } from '../lib/format';
import type { NodeState } from '../runs/node-states';
import type { NodeRecordView, RunGraph } from '../runs/types';

interface Props {
  node: RunGraph['nodes'][number];
  state: NodeState;
  executions: NodeRecordView[];
  onClose(): void;
}

/** The side panel of a selected node: its state, handler, and each execution's status and timings. */
export function NodePanel({ node, state, executions, onClose }: Props) {
  return (
    <aside className="node-panel" aria-labelledby="node-panel-title" data-testid="node-panel">
      <header className="page-header">
        <h2 id="node-panel-title">{node.label}</h2>
        <button type="button" onClick={onClose} aria-label="Close the node panel">×</button>
      </header>
      <dl className="facts">
        <dt>Node</dt>
        <dd className="mono">{node.id}</dd>
        <dt>State</dt>
        <dd data-testid="node-state">{state}</dd>
        <dt>Handler</dt>
        <dd className="mono">{node.handler}</dd>
      </dl>
      <h3>Executions</h3>
      {executions.length === 0 ? (
        <p className="muted">Not run yet.</p>
      ) : (
        <ol className="executions">
          {executions.map((run) => (
            <li key={run.index}>
              <strong>attempt {run.attempt}</strong>: {run.status}, started {formatTime(run.startedAt)}
              {run.finishedAt !== undefined && `, took ${formatDuration(run.finishedAt - run.startedAt)}`}
              {run.notes && <p className="muted">{run.notes}</p>}
              {run.failureReason && <p className="error">{run.failureReason}</p>}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
