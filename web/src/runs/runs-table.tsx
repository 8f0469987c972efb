import { formatDuration, formatTime } from '../lib/format';
import { hrefOf } from '../lib/router';
import { StateBadge } from './state-badge';
import type { RunListItem } from './types';
import { WaitingBadge } from './waiting-badge';

interface Props {
  runs: readonly RunListItem[];
  selected: ReadonlySet<string>;
  onToggle(runId: string, on: boolean): void;
  onToggleAll(on: boolean): void;
}

/** The pipeline runs as a table with a checkbox per row (the bulk actions act on the ones ticked). */
export function RunsTable({ runs, selected, onToggle, onToggleAll }: Props) {
  const all = runs.length > 0 && runs.every((run) => selected.has(run.id));
  return (
    <table className="runs-table" data-testid="runs-table">
      <thead>
        <tr>
          <th scope="col" className="select-cell">
            <input type="checkbox" checked={all} onChange={(event) => onToggleAll(event.target.checked)} aria-label="Select all runs listed" />
          </th>
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
          <tr key={run.id} data-run={run.id} className={selected.has(run.id) ? 'is-selected' : undefined}>
            <td className="select-cell">
              <input type="checkbox" checked={selected.has(run.id)} onChange={(event) => onToggle(run.id, event.target.checked)} aria-label={`Select run ${run.id}`} />
            </td>
            <td>
              <a href={hrefOf(['runs', run.id])} className="mono">{run.id}</a>
              {run.simulate && <span className="tag">simulated</span>}
            </td>
            <td>{run.pipeline}</td>
            <td>
              <StateBadge state={run.displayState} /> <WaitingBadge waiter={{ kind: 'run', displayState: run.displayState, ...(run.humanTask !== undefined && { humanTask: run.humanTask }) }} />
            </td>
            <td className="mono">{run.waitingAt ?? run.currentNode ?? '—'}</td>
            <td>{formatTime(run.startedAt)}</td>
            <td>{formatDuration(run.durationMs)}</td>
            <td className="cost-cell" data-testid="run-cost">{run.costUsd > 0 ? `$${run.costUsd.toFixed(4)}` : <span className="muted" title="No agent turn has cost anything">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
