import { hrefOf } from '../lib/router';
import { dueOf } from './due';
import type { HumanTaskView, TaskOrigin } from './human-task';

/** A task's status as a badge; its text says it (colour is never the only sign). */
export function StatusBadge({ status }: { status: HumanTaskView['status'] }) {
  return <span className={`badge task-${status}`}>{status}</span>;
}

/** The SLA countdown; an overdue one is marked in words and colour. */
export function DueText({ dueAt, now }: { dueAt: number | undefined; now: number }) {
  const due = dueOf(dueAt, now);
  return (
    <span className={due.overdue ? 'due overdue' : dueAt === undefined ? 'due muted' : 'due'} title={dueAt === undefined ? undefined : new Date(dueAt).toLocaleString()}>
      {due.text}
    </span>
  );
}

/** What created the task: a run's gate (a link to the run), a workflow, a guided workflow, the API or CLI. */
export function OriginText({ origin }: { origin: TaskOrigin }) {
  switch (origin.kind) {
    case 'run':
      return (
        <>
          gate <span className="mono">{origin.nodeId}</span> of run <a className="mono" href={hrefOf(['runs', origin.runId])}>{origin.runId}</a>
        </>
      );
    case 'workflow':
      return <>workflow <span className="mono">{origin.workflowId}</span>{origin.step !== undefined && <>, step {origin.step}</>}</>;
    case 'guided':
      return <>guided workflow <span className="mono">{origin.guidedId}</span>{origin.step !== undefined && <>, step {origin.step}</>}</>;
    default:
      return <>{origin.kind === 'api' ? 'the API' : 'the CLI'}{origin.by !== undefined && <> ({origin.by})</>}</>;
  }
}
