import { useState, type FormEvent } from 'react';
import { apiSend } from '../lib/api';
import { formatDuration, formatTime } from '../lib/format';
import { hrefOf } from '../lib/router';
import { useApi } from '../lib/use-api';
import { instanceEventTypes, useEvents } from '../lib/use-events';
import { brief, type WorkflowDetail } from '../runs/instance-types';
import { StateBadge } from '../runs/state-badge';
import { useAction } from '../runs/use-action';
import { WaitingBadge } from '../runs/waiting-badge';
import '../runs/runs.css';

/**
 * One workflow instance (workflows.get), live: its status, what it waits on, every durable step it
 * journaled, the signals sent to it; send it a signal or cancel it (the server's refusal shown).
 */
export default function WorkflowPage({ instanceId }: { instanceId: string }) {
  const path = `/workflows/${encodeURIComponent(instanceId)}`;
  const detail = useApi<WorkflowDetail>(path);
  useEvents(`kinds=workflow`, (event) => event.subject === instanceId && detail.refresh(), { types: instanceEventTypes, onReady: detail.refresh });
  if (detail.error) return <p role="alert" className="error">{detail.error.message}</p>;
  if (!detail.data) return <p className="muted">Loading…</p>;
  const { instance, journal, signals, pendingTask } = detail.data;
  const finished = instance.status === 'completed' || instance.status === 'failed' || instance.status === 'cancelled';
  return (
    <section aria-labelledby="workflow-title" className="run-page">
      <header className="page-header">
        <h1 id="workflow-title">
          <a href={hrefOf(['runs'], { kind: 'workflows' })}>Workflows</a> / {instance.name} <span className="mono muted">{instance.id}</span>
        </h1>
        <span data-testid="instance-state"><StateBadge state={instance.status} /></span>
        <WaitingBadge waiter={{ kind: 'workflow', status: instance.status, ...(instance.waitingOn && { waitingOn: instance.waitingOn }) }} />
        <span className="muted">{formatDuration((instance.finishedAt ?? Date.now()) - instance.createdAt)}</span>
      </header>
      {!finished && <WorkflowActions path={path} onDone={detail.refresh} />}
      <dl className="facts instance-facts">
        <dt>Started</dt>
        <dd>{formatTime(instance.createdAt)}</dd>
        {instance.waitingOn?.name && (<><dt>Waits for</dt><dd className="mono">{instance.waitingOn.name}</dd></>)}
        {instance.waitingOn?.until !== undefined && (<><dt>Until</dt><dd>{formatTime(instance.waitingOn.until)}</dd></>)}
        {pendingTask && (<><dt>Human task</dt><dd>{pendingTask.title} <span className="mono muted">{pendingTask.id}</span> ({pendingTask.status})</dd></>)}
        <dt>Input</dt>
        <dd className="mono" title={JSON.stringify(instance.input)}>{brief(instance.input)}</dd>
        {instance.result !== undefined && (<><dt>Result</dt><dd className="mono">{brief(instance.result)}</dd></>)}
        {instance.error && (<><dt>Error</dt><dd className="error">{instance.error.code}: {instance.error.message}</dd></>)}
      </dl>
      <h2>Steps</h2>
      {journal.length === 0 ? <p className="muted">No step yet.</p> : (
        <table className="runs-table" data-testid="workflow-steps">
          <thead><tr><th scope="col">#</th><th scope="col">Kind</th><th scope="col">Name</th><th scope="col">Result</th><th scope="col">At</th></tr></thead>
          <tbody>
            {journal.map((entry) => (
              <tr key={entry.position}>
                <td>{entry.position}</td>
                <td>{entry.kind}</td>
                <td className="mono">{entry.name}</td>
                <td className={entry.error ? 'error' : 'mono'}>{entry.error ? `${entry.error.code}: ${entry.error.message}` : brief(entry.result, 80)}</td>
                <td>{formatTime(entry.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Signals</h2>
      {signals.length === 0 ? <p className="muted">None sent.</p> : (
        <ul className="signals">
          {signals.map((signal) => (
            <li key={signal.seq}><span className="mono">{signal.name}</span> {brief(signal.payload, 60)} <span className="muted">sent {formatTime(signal.sentAt)}{signal.consumedAt !== undefined ? ', taken' : ', not taken yet'}</span></li>
          ))}
        </ul>
      )}
    </section>
  );
}

function WorkflowActions({ path, onDone }: { path: string; onDone(): void }) {
  const action = useAction();
  const [name, setName] = useState('');
  const [data, setData] = useState('');
  const signal = (event: FormEvent) => {
    event.preventDefault();
    let payload: unknown = null;
    if (data.trim() !== '') {
      try {
        payload = JSON.parse(data);
      } catch {
        payload = data;
      }
    }
    void action.run(() => apiSend('POST', `${path}/signal`, { name, data: payload })).then((ok) => ok && (setName(''), setData(''), onDone()));
  };
  return (
    <div className="run-actions">
      <form className="signal-form" aria-label="Send a signal" onSubmit={signal}>
        <label>Signal <input value={name} onChange={(event) => setName(event.target.value)} required placeholder="name" /></label>
        <label>Data (JSON) <input className="mono" value={data} onChange={(event) => setData(event.target.value)} placeholder="null" /></label>
        <button type="submit" disabled={action.busy || name.trim() === ''}>Send</button>
      </form>
      <button type="button" onClick={() => void action.run(() => apiSend('POST', `${path}/cancel`)).then((ok) => ok && onDone())} disabled={action.busy}>Cancel the workflow</button>
      {action.refusal && <p role="alert" className="error refusal">{action.refusal}</p>}
    </div>
  );
}
