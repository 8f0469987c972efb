import { useState } from 'react';
import { replaceQuery, type Route } from '../lib/router';
import { useApi } from '../lib/use-api';
import { useEvents } from '../lib/use-events';
import { bulkCancel, bulkRetry, cancellable, retryWay, type BulkResult } from '../runs/bulk';
import { RunsTable } from '../runs/runs-table';
import type { Page, RunView } from '../runs/types';
import '../runs/runs.css';
import { GuidedSection, WorkflowsSection } from './instance-tables';

const stateFilters = ['', 'running', 'interrupted', 'completed', 'failed'] as const;
const kindFilters = [['', 'all'], ['pipelines', 'pipeline runs'], ['workflows', 'workflows'], ['guided', 'guided workflows']] as const;

/**
 * Every run of the tenant, newest first, live: pipeline runs, workflow instances and guided
 * workflow instances, each from its own API list. The filters are the page's address:
 * `?kind=` shows one list, `?state=` filters the pipeline runs, `?q=` keeps runs whose pipeline
 * or id holds the text.
 */
export function RunsPage({ route }: { route: Route }) {
  const kind = route.query.get('kind') ?? '';
  return (
    <>
      <header className="page-header">
        <h1 id="runs-title">Runs</h1>
        <label className="filter">
          Show{' '}
          <select value={kind} onChange={(event) => replaceQuery(route, { kind: event.target.value })}>
            {kindFilters.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
      </header>
      {(kind === '' || kind === 'pipelines') && <PipelineRuns route={route} />}
      {(kind === '' || kind === 'workflows') && <WorkflowsSection />}
      {(kind === '' || kind === 'guided') && <GuidedSection />}
    </>
  );
}

function PipelineRuns({ route }: { route: Route }) {
  const state = route.query.get('state') ?? '';
  const text = route.query.get('q') ?? '';
  const path = `/runs?limit=200${state === '' ? '' : `&state=${encodeURIComponent(state)}`}`;
  const runs = useApi<Page<RunView>>(path);
  useEvents('kinds=run', runs.refresh, { onReady: runs.refresh });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [results, setResults] = useState<BulkResult[]>();
  const [busy, setBusy] = useState(false);
  const shown = (runs.data?.items ?? []).filter((run) => text === '' || `${run.pipeline} ${run.id}`.toLowerCase().includes(text.toLowerCase()));
  const chosen = shown.filter((run) => selected.has(run.id));
  const act = (work: () => Promise<BulkResult[]>) => {
    setBusy(true);
    void work().then((done) => {
      setResults(done);
      setSelected(new Set());
      setBusy(false);
      runs.refresh();
    });
  };
  const toggle = (runId: string, on: boolean) => setSelected((current) => { const next = new Set(current); if (on) next.add(runId); else next.delete(runId); return next; });
  return (
    <section aria-label="Pipeline runs" className="instances">
      <header className="page-header">
        <h2>Pipeline runs</h2>
        <div className="bulk-actions" role="group" aria-label="Act on the selected runs">
          <span className="muted" aria-live="polite">{chosen.length} selected</span>
          <button type="button" disabled={busy || !chosen.some((run) => cancellable(run.displayState))} onClick={() => act(() => bulkCancel(chosen.filter((run) => cancellable(run.displayState)).map((run) => run.id)))}>
            Cancel selected
          </button>
          <button type="button" disabled={busy || !chosen.some((run) => retryWay(run.displayState) !== undefined)} onClick={() => act(() => bulkRetry(chosen.filter((run) => retryWay(run.displayState) !== undefined)))}>
            Retry selected
          </button>
        </div>
        <label className="filter">
          Pipeline{' '}
          <input type="search" defaultValue={text} onChange={(event) => replaceQuery(route, { q: event.target.value })} aria-label="Filter by pipeline or run id" />
        </label>
        <label className="filter">
          State{' '}
          <select value={state} onChange={(event) => replaceQuery(route, { state: event.target.value })}>
            {stateFilters.map((value) => <option key={value} value={value}>{value === '' ? 'all' : value}</option>)}
          </select>
        </label>
      </header>
      {results && <BulkResults results={results} onClose={() => setResults(undefined)} />}
      {runs.error && <p role="alert" className="error">{runs.error.message}</p>}
      {runs.data === undefined && !runs.error && <p className="muted">Loading…</p>}
      {runs.data?.items.length === 0 && <p className="muted">No runs yet. Start one with <code>orchestra run FILE.dot</code> or the API (<code>POST /runs</code>).</p>}
      {runs.data && runs.data.items.length > 0 && (
        <RunsTable runs={shown} selected={selected} onToggle={toggle} onToggleAll={(on) => setSelected(on ? new Set(shown.map((run) => run.id)) : new Set())} />
      )}
    </section>
  );
}

function BulkResults({ results, onClose }: { results: BulkResult[]; onClose(): void }) {
  return (
    <div className="bulk-results" role="status" data-testid="bulk-results">
      <ul>
        {results.map((result) => (
          <li key={result.runId} className={result.ok ? undefined : 'error'}><span className="mono">{result.runId}</span>: {result.message}</li>
        ))}
      </ul>
      <button type="button" onClick={onClose} aria-label="Dismiss the results">×</button>
    </div>
  );
}
