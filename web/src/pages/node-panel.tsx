import { useEffect } from 'react';
import { formatDuration, formatTime } from '../lib/format';
import { useApi } from '../lib/use-api';
import { AgentTurns } from '../runs/agent-turns';
import type { NodeState } from '../runs/node-states';
import type { NodeDetail, RunGraph } from '../runs/types';

interface Props {
  runId: string;
  node: RunGraph['nodes'][number];
  state: NodeState;
  /** Changes when the run's events say something happened (the panel fetches the node again). */
  version: number;
  onClose(): void;
}

/**
 * The side panel of a selected node (runs.node): its state and handler, each execution's status and
 * timings, then its latest visit's prompt, response, outcome, tool output, checks and agent turns.
 */
export function NodePanel({ runId, node, state, version, onClose }: Props) {
  const detail = useApi<NodeDetail>(`/runs/${encodeURIComponent(runId)}/nodes/${encodeURIComponent(node.id)}`);
  const { refresh } = detail;
  useEffect(() => {
    if (version > 0) refresh();
  }, [version, refresh]);
  const data = detail.data;
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
        {data && data.costUsd > 0 && (
          <>
            <dt>Cost</dt>
            <dd>${data.costUsd.toFixed(4)}</dd>
          </>
        )}
      </dl>
      {detail.error && <p role="alert" className="error">{detail.error.message}</p>}
      <h3>Executions</h3>
      {!data || data.executions.length === 0 ? (
        <p className="muted">{data ? 'Not run yet.' : 'Loading…'}</p>
      ) : (
        <ol className="executions">
          {data.executions.map((run) => (
            <li key={run.index}>
              <strong>attempt {run.attempt}</strong>: {run.status}, started {formatTime(run.startedAt)}
              {run.finishedAt !== undefined && `, took ${formatDuration(run.finishedAt - run.startedAt)}`}
              {run.notes && <p className="muted">{run.notes}</p>}
              {run.failureReason && <p className="error">{run.failureReason}</p>}
            </li>
          ))}
        </ol>
      )}
      {data && <NodeWork detail={data} />}
    </aside>
  );
}

function NodeWork({ detail }: { detail: NodeDetail }) {
  return (
    <>
      {detail.checks && detail.checks.length > 0 && (
        <>
          <h3>Checks</h3>
          <ul className="checks" data-testid="node-checks">
            {detail.checks.map((check) => (
              <li key={check.name} className={check.skipped ? 'muted' : check.passed ? 'check-passed' : 'error'}>
                {check.skipped ? 'skipped' : check.passed ? 'passed' : 'failed'}: <strong>{check.name}</strong> ({formatDuration(check.durationMs)}) {check.summary}
              </li>
            ))}
          </ul>
        </>
      )}
      <Text title="Prompt" text={detail.prompt} testId="node-prompt" />
      <Text title="Response" text={detail.response} testId="node-response" />
      <Text title="Tool output" text={detail.toolOutput} testId="node-tool-output" />
      {detail.turns.length > 0 && <AgentTurns turns={detail.turns} />}
      {detail.status && <Text title="Outcome (status.json)" text={JSON.stringify(detail.status, null, 2)} testId="node-status" closed />}
      {detail.context && <Text title="Context when it started" text={JSON.stringify(detail.context, null, 2)} testId="node-context" closed />}
    </>
  );
}

function Text({ title, text, testId, closed = false }: { title: string; text: string | undefined; testId: string; closed?: boolean }) {
  if (text === undefined || text === '') return null;
  return (
    <details className="node-text" open={!closed}>
      <summary>{title}</summary>
      <pre className="mono" data-testid={testId}>{text}</pre>
    </details>
  );
}
