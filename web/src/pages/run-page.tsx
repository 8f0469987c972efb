import { useEffect, useState } from 'react';
import { RunGraphView } from '../graph/run-graph-view';
import { GateAnswer } from '../inbox/gate-answer';
import { formatDuration } from '../lib/format';
import { hrefOf } from '../lib/router';
import { useApi } from '../lib/use-api';
import { useEvents, type FeedEvent } from '../lib/use-events';
import { applyEvent, statesOfDetail, type NodeStates } from '../runs/node-states';
import { StateBadge } from '../runs/state-badge';
import type { RunDetail, RunGraph } from '../runs/types';
import { NodePanel } from './node-panel';

interface Props {
  runId: string;
  colorMode: 'light' | 'dark' | 'system';
}

/**
 * One run: its graph coloured by node state, live. The states start from the node history and move
 * with each event of the run's stream; a run or node end also fetches the history again (timings).
 */
export default function RunPage({ runId, colorMode }: Props) {
  const detail = useApi<RunDetail>(`/runs/${encodeURIComponent(runId)}`);
  const graph = useApi<RunGraph>(`/runs/${encodeURIComponent(runId)}/graph`);
  const [states, setStates] = useState<NodeStates>({});
  const [selected, setSelected] = useState<string>();
  const loaded = detail.data;
  useEffect(() => {
    if (loaded) setStates((live) => ({ ...live, ...statesOfDetail(loaded.nodes, loaded.run) }));
  }, [loaded]);
  useEvents(`run=${encodeURIComponent(runId)}`, (event: FeedEvent) => {
    setStates((current) => applyEvent(current, event));
    if (event.type.startsWith('run.') || event.type === 'node.completed' || event.type === 'interview.started') detail.refresh();
  });
  const error = detail.error ?? graph.error;
  if (error) return <p role="alert" className="error">{error.message}</p>;
  if (!detail.data || !graph.data) return <p className="muted">Loading…</p>;
  const { run, nodes } = detail.data;
  const node = graph.data.nodes.find((candidate) => candidate.id === selected);
  return (
    <section aria-labelledby="run-title" className="run-page">
      <header className="page-header">
        <h1 id="run-title">
          <a href={hrefOf(['runs'])}>Runs</a> / {run.pipeline} <span className="mono muted">{run.id}</span>
        </h1>
        <span data-testid="run-state"><StateBadge state={run.displayState} /></span>
        <span className="muted">{formatDuration(run.durationMs)}</span>
      </header>
      {run.error && <p className="error">{run.error}</p>}
      {run.humanTask && <GateAnswer key={run.humanTask} taskId={run.humanTask} onAnswered={detail.refresh} />}
      <div className="run-body">
        <RunGraphView graph={graph.data} states={states} selected={selected} colorMode={colorMode} onSelect={setSelected} />
        {node ? (
          <NodePanel node={node} state={states[node.id] ?? 'pending'} executions={nodes.filter((record) => record.nodeId === node.id)} onClose={() => setSelected(undefined)} />
        ) : (
          <aside className="node-panel muted">Select a node (click it, or Tab to it and press Enter) to see its state and timings.</aside>
        )}
      </div>
    </section>
  );
}
