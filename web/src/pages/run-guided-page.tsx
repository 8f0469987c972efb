import { formatDuration, formatTime } from '../lib/format';
import { hrefOf } from '../lib/router';
import { useApi } from '../lib/use-api';
import { instanceEventTypes, useEvents } from '../lib/use-events';
import { reportSummary } from '../runs/guided-report';
import { brief, type GuidedDetail } from '../runs/instance-types';
import { StateBadge } from '../runs/state-badge';
import { WaitingBadge } from '../runs/waiting-badge';
import '../runs/runs.css';

/** One guided workflow instance (guided.show), live: its status, current step, the steps reported and each decision with its reason. */
export default function GuidedPage({ instanceId }: { instanceId: string }) {
  const detail = useApi<GuidedDetail>(`/guided/${encodeURIComponent(instanceId)}/history`);
  useEvents(`kinds=guided`, (event) => event.subject === instanceId && detail.refresh(), { types: instanceEventTypes, onReady: detail.refresh });
  if (detail.error) return <p role="alert" className="error">{detail.error.message}</p>;
  if (!detail.data) return <p className="muted">Loading…</p>;
  const { instance, history, decisions } = detail.data;
  const finished = instance.status === 'completed' || instance.status === 'failed';
  return (
    <section aria-labelledby="guided-title" className="run-page">
      <header className="page-header">
        <h1 id="guided-title">
          <a href={hrefOf(['runs'], { kind: 'guided' })}>Guided workflows</a> / {instance.workflowName} <span className="mono muted">{instance.id}</span>
        </h1>
        <span data-testid="instance-state"><StateBadge state={instance.status} /></span>
        <WaitingBadge waiter={{ kind: 'guided', status: instance.status, ...(instance.waitingFor && { waitingFor: instance.waitingFor }) }} />
        <span className="muted">{formatDuration((finished ? instance.updatedAt : Date.now()) - instance.createdAt)}</span>
      </header>
      <dl className="facts instance-facts">
        <dt>Current step</dt>
        <dd className="mono">{instance.currentStep ?? '—'}</dd>
        {instance.waitingFor && (<><dt>Waits at</dt><dd className="mono">{instance.waitingFor.step}{instance.waitingFor.humanTaskId && ` (human task ${instance.waitingFor.humanTaskId})`}{instance.waitingFor.taskId && ` (task ${instance.waitingFor.taskId})`}</dd></>)}
        <dt>Context</dt>
        <dd className="mono" title={JSON.stringify(instance.context)}>{brief(instance.context)}</dd>
      </dl>
      <h2>Steps</h2>
      {history.length === 0 ? <p className="muted">No step reported yet.</p> : (
        <table className="runs-table" data-testid="guided-steps">
          <thead><tr><th scope="col">#</th><th scope="col">Step</th><th scope="col">Report</th><th scope="col">At</th></tr></thead>
          <tbody>
            {history.map((entry) => (
              <tr key={entry.seq}><td>{entry.seq}</td><td className="mono">{entry.step}</td><td title={JSON.stringify(entry.report)}>{reportSummary(entry.report)}</td><td>{formatTime(entry.at)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Decisions</h2>
      {decisions.length === 0 ? <p className="muted">None yet.</p> : (
        <ol className="decisions" data-testid="guided-decisions">
          {decisions.map((decision) => (
            <li key={decision.seq}>
              <strong>{decision.kind}</strong> by {decision.by}{decision.fallback && ` (fallback: ${decision.fallback})`}: {decision.reason} <span className="muted">{formatTime(decision.at)}</span>
              <div className="mono muted">{brief(decision.output, 100)}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
