import { formatDuration, formatTime } from '../lib/format';
import { hrefOf, replaceQuery, type Route } from '../lib/router';
import { useApi } from '../lib/use-api';
import { useEvents } from '../lib/use-events';
import { StateBadge } from '../runs/state-badge';
import type { Page, RunView } from '../runs/types';
import { GuidedSection, WorkflowsSection } from './instance-tables';

const stateFilters = ['', 'running', 'interrupted', 'completed', 'failed'] as const;
const kindFilters = [['', 'all'], ['pipelines', 'pipeline runs'], ['workflows', 'workflows'], ['guided', 'guided workflows']] as const;

/**
 * Every run of the tenant, newest first, live: pipeline runs, workflow instances and guided
 * workflow instances, each from its own API list. `?kind=` shows one of them, `?state=` filters
 * the pipeline runs.
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
  const path = `/runs?limit=200${state === '' ? '' : `&state=${encodeURIComponent(state)}`}`;
  const runs = useApi<Page<RunView>>(path);
  useEvents('kinds=run', runs.refresh);
  return (
    <section aria-label="Pipeline runs" className="instances">
      <header className="page-header">
        <h2>Pipeline runs</h2>
        <label className="filter">
          State{' '}
          <select value={state} onChange={(event) => replaceQuery(route, { state: event.target.value })}>
            {stateFilters.map((value) => (
              <option key={value} value={value}>
                {value === '' ? 'all' : value}
              </option>
            ))}
          </select>
        </label>
      </header>
      {runs.error && <p role="alert" className="error">{runs.error.message}</p>}
      {runs.data === undefined && !runs.error && <p className="muted">Loading…</p>}
      {runs.data?.items.length === 0 && <p className="muted">No runs yet. Start one with <code>orchestra run FILE.dot</code> or the API (<code>POST /runs</code>).</p>}
      {runs.data && runs.data.items.length > 0 && <RunsTable runs={runs.data.items} />}
    </section>
  );
}

function RunsTable({ runs }: { runs: RunView[] }) {
  return (
    <table className="runs-table" data-testid="runs-table">
      <thead>
        <tr>
          <th scope="col">Run</th>
          <th scope="col">Pipeline</th>
          <th scope="col">State</th>
          <th scope="col">Current node</th>
          <th scope="col">Started</th>
          <th scope="col">Duration</th>
          <th scope="col">Cost</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id} data-run={run.id}>
            <td>
              <a href={hrefOf(['runs', run.id])} className="mono">{run.id}</a>
              {run.simulate && <span className="tag">simulated</span>}
            </td>
            <td>{run.pipeline}</td>
            <td><StateBadge state={run.displayState} /></td>
            <td className="mono">{run.waitingAt ?? run.currentNode ?? '—'}</td>
            <td>{formatTime(run.startedAt)}</td>
            <td>{formatDuration(run.durationMs)}</td>
            <td title="The API does not report a run's cost yet">—</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
