import { formatDuration, formatTime } from '../lib/format';
import { hrefOf } from '../lib/router';
import { useApi } from '../lib/use-api';
import { instanceEventTypes, useEvents } from '../lib/use-events';
import { StateBadge } from '../runs/state-badge';
import type { GuidedInstanceView, Page, WorkflowInstanceView } from '../runs/types';
import { WaitingBadge } from '../runs/waiting-badge';
import type { Waiter } from '../runs/waiting-on';

/*
 * Workflow instances and guided workflow instances on the runs page (their own API lists), live
 * from their events. They have no graph: each row says its state, what it waits for and where it is.
 */

interface Row {
  id: string;
  href: string;
  name: string;
  state: 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled';
  waiter: Waiter;
  at?: string;
  startedAt: number;
  durationMs: number;
}

function InstanceTable({ title, rows, testId }: { title: string; rows: Row[] | undefined; testId: string }) {
  return (
    <section aria-label={title} className="instances">
      <h2>{title}</h2>
      {rows === undefined && <p className="muted">Loading…</p>}
      {rows?.length === 0 && <p className="muted">None yet.</p>}
      {rows !== undefined && rows.length > 0 && (
        <table className="runs-table" data-testid={testId}>
          <thead>
            <tr><th scope="col">Instance</th><th scope="col">Name</th><th scope="col">State</th><th scope="col">At</th><th scope="col">Started</th><th scope="col">Duration</th></tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-instance={row.id}>
                <td><a href={row.href} className="mono">{row.id}</a></td>
                <td>{row.name}</td>
                <td>
                  <StateBadge state={row.state} /> <WaitingBadge waiter={row.waiter} />
                </td>
                <td className="mono">{row.at ?? '—'}</td>
                <td>{formatTime(row.startedAt)}</td>
                <td>{formatDuration(row.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** One API list of instances, live from its kind's events, as a table of rows. */
function InstanceSection<T>({ path, kind, title, testId, toRow }: { path: string; kind: string; title: string; testId: string; toRow(item: T): Row }) {
  const list = useApi<Page<T>>(path);
  useEvents(`kinds=${kind}`, list.refresh, { types: instanceEventTypes, onReady: list.refresh });
  if (list.error) return <p role="alert" className="error">{list.error.message}</p>;
  return <InstanceTable title={title} rows={list.data?.items.map(toRow)} testId={testId} />;
}

const workflowRow = (item: WorkflowInstanceView): Row => ({
  id: item.id,
  href: hrefOf(['workflows', item.id]),
  name: item.name,
  state: item.status,
  waiter: { kind: 'workflow', status: item.status, ...(item.waitingOn && { waitingOn: item.waitingOn }) },
  ...(item.suspendedAt !== undefined && { at: item.suspendedAt.name }),
  startedAt: item.createdAt,
  durationMs: (item.finishedAt ?? Date.now()) - item.createdAt,
});

const guidedRow = (item: GuidedInstanceView): Row => ({
  id: item.id,
  href: hrefOf(['guided', item.id]),
  name: item.workflowName,
  state: item.status,
  waiter: { kind: 'guided', status: item.status, ...(item.waitingFor && { waitingFor: item.waitingFor }) },
  ...(item.currentStep !== undefined && { at: item.currentStep }),
  startedAt: item.createdAt,
  durationMs: (item.status === 'completed' || item.status === 'failed' ? item.updatedAt : Date.now()) - item.createdAt,
});

export function WorkflowsSection() {
  return <InstanceSection path="/workflows?limit=200" kind="workflow" title="Workflows" testId="workflows-table" toRow={workflowRow} />;
}

export function GuidedSection() {
  return <InstanceSection path="/guided?limit=200" kind="guided" title="Guided workflows" testId="guided-table" toRow={guidedRow} />;
}
