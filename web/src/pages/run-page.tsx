import { useEffect, useState } from 'react';
import { RunGraphView } from '../graph/run-graph-view';
import { TimelineView } from '../graph/timeline-view';
import { GateAnswer } from '../inbox/gate-answer';
import { formatDuration } from '../lib/format';
import { hrefOf, replaceQuery, type Route } from '../lib/router';
import { useApi } from '../lib/use-api';
import { useEvents, type FeedEvent } from '../lib/use-events';
import { applyEvent, statesOfDetail, type NodeStates } from '../runs/node-states';
import { RunActions } from '../runs/run-actions';
import { StateBadge } from '../runs/state-badge';
import type { RunDetailFull, RunGraph } from '../runs/types';
import { WaitingBadge } from '../runs/waiting-badge';
import '../runs/runs.css';
import { NodePanel } from './node-panel';

interface Props {
  runId: string;
  route: Route;
  colorMode: 'light' | 'dark' | 'system';
}

/**
 * One run: its graph coloured by node state, live, or its timeline (`?view=timeline`); its actions
 * and what it waits on. The states start from the node history and move with each event of the
 * run's stream; a run or node end also fetches the history again (timings).
 */
export default function RunPage({ runId, route, colorMode }: Props) {
  const detail = useApi<RunDetailFull>(`/runs/${encodeURIComponent(runId)}`);
  const graph = useApi<RunGraph>(`/runs/${encodeURIComponent(runId)}/graph`);
  const [states, setStates] = useState<NodeStates>({});
  const [selected, setSelected] = useState<string>();
  const [version, setVersion] = useState(0);
  const view = route.query.get('view') === 'timeline' ? 'timeline' : 'graph';
  const loaded = detail.data;
  useEffect(() => {
    if (loaded) setStates((live) => ({ ...live, ...statesOfDetail(loaded.nodes, loaded.run) }));
  }, [loaded]);
  useEvents(`run=${encodeURIComponent(runId)}`, (event: FeedEvent) => {
    setStates((current) => applyEvent(current, event));
    if (event.type.startsWith('run.') || event.type.startsWith('node.') || event.type === 'interview.started') detail.refresh();
    if (selected !== undefined && event.data.node === selected) setVersion((count) => count + 1);
  }, { onReady: detail.refresh });
  const error = detail.error ?? graph.error;
  if (error) return <p role="alert" className="error">{error.message}</p>;
  if (!detail.data || !graph.data) return <p className="muted">Loading…</p>;
  const { run, nodes, checkpoints, costUsd } = detail.data;
  const node = graph.data.nodes.find((candidate) => candidate.id === selected);
  const current = graph.data.nodes.find((candidate) => candidate.id === run.currentNode);
  return (
    <section aria-labelledby="run-title" className="run-page">
      <header className="page-header">
        <h1 id="run-title">
          <a href={hrefOf(['runs'])}>Runs</a> / {run.pipeline} <span className="mono muted">{run.id}</span>
        </h1>
        <span data-testid="run-state"><StateBadge state={run.displayState} /></span>
        <WaitingBadge waiter={{ kind: 'run', displayState: run.displayState, ...(run.humanTask !== undefined && { humanTask: run.humanTask }), ...(current && { currentHandler: current.handler }) }} />
        <span className="muted">{formatDuration(run.durationMs)}</span>
        {costUsd > 0 && <span className="muted" data-testid="run-cost">${costUsd.toFixed(4)}</span>}
        {run.parentRunId && <a href={hrefOf(['runs', run.parentRunId])} className="muted">replayed from {run.parentRunId}{run.parentCheckpoint !== undefined && ` at checkpoint ${run.parentCheckpoint}`}</a>}
        <div className="view-toggle" role="group" aria-label="View">
          <button type="button" aria-pressed={view === 'graph'} onClick={() => replaceQuery(route, { view: undefined })}>Graph</button>
          <button type="button" aria-pressed={view === 'timeline'} onClick={() => replaceQuery(route, { view: 'timeline' })}>Timeline</button>
        </div>
      </header>
      <RunActions run={run} checkpoints={checkpoints} onDone={detail.refresh} />
      {run.error && <p className="error">{run.error}</p>}
      {run.humanTask && <GateAnswer key={run.humanTask} taskId={run.humanTask} onAnswered={detail.refresh} />}
      <div className="run-body">
        {view === 'graph' ? (
          <RunGraphView graph={graph.data} states={states} selected={selected} colorMode={colorMode} onSelect={setSelected} />
        ) : (
          <TimelineView nodes={nodes} live={run.displayState === 'running' || run.displayState === 'waiting'} onSelect={setSelected} />
        )}
        {node ? (
          <NodePanel key={node.id} runId={run.id} node={node} state={states[node.id] ?? 'pending'} version={version} onClose={() => setSelected(undefined)} />
        ) : (
          <aside className="node-panel muted">Select a node (click it, or Tab to it and press Enter) to see its prompt, response, agent turns, checks and timings.</aside>
        )}
      </div>
    </section>
  );
}
