import { formatTime } from '../lib/format';
import { hrefOf, replaceQuery, type Route } from '../lib/router';
import { useApi } from '../lib/use-api';
import { useEvents } from '../lib/use-events';
import type { Page } from '../runs/types';
import { dueOf } from './due';
import { assigneeText, humanTaskEventTypes, type HumanTaskView } from './human-task';
import { inboxOrder, inView, listPath, showChoices, statusChoices, viewOf, type InboxView } from './inbox-view';
import { PeopleSelect } from './people-select';
import { DueText, OriginText, StatusBadge } from './task-bits';
import { useNow } from './use-now';

/**
 * The inbox: the human tasks waiting for me and my groups, overdue first, each with its SLA
 * counting down. The list follows the tenant's human task events, so a task created anywhere
 * appears (and an answered one leaves) without a reload. Filters live in the address.
 */
export function InboxPage({ route }: { route: Route }) {
  const view = viewOf(route.query);
  const tasks = useApi<Page<HumanTaskView>>(listPath(view));
  useEvents('kinds=human_task', tasks.refresh, { types: humanTaskEventTypes, onReady: tasks.refresh });
  const now = useNow();
  const shown = (tasks.data?.items ?? []).filter((task) => inView(view.show, task)).sort(inboxOrder);
  const overdue = shown.filter((task) => dueOf(task.dueAt, now).overdue).length;
  return (
    <section aria-labelledby="inbox-title">
      <header className="page-header">
        <h1 id="inbox-title">Inbox</h1>
        {overdue > 0 && <span className="badge overdue-count">{overdue} overdue</span>}
        <div className="filters">
          <label className="filter">
            Show{' '}
            <select value={view.show} onChange={(event) => replaceQuery(route, { show: event.target.value === 'mine' ? undefined : event.target.value })}>
              {showChoices.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          </label>
          <label className="filter">
            Status{' '}
            <select value={view.status} onChange={(event) => replaceQuery(route, { status: event.target.value })}>
              {statusChoices.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          </label>
          <PeopleSelect value={view.project} onChange={(project) => replaceQuery(route, { project })} />
        </div>
      </header>
      {tasks.error && <p role="alert" className="error">{tasks.error.message}</p>}
      {tasks.data === undefined && !tasks.error && <p className="muted">Loading…</p>}
      {tasks.data && shown.length === 0 && (
        <p className="muted" data-testid="inbox-empty">Nothing waits for you here. A pipeline's human gate, a workflow's task or <code>POST /human-tasks</code> puts a task in this inbox.</p>
      )}
      {shown.length > 0 && <InboxTable tasks={shown} view={view} now={now} />}
      {tasks.data?.nextCursor !== undefined && <p className="muted">Showing the first 500 tasks: narrow the filters to see the others.</p>}
    </section>
  );
}

const columns = ['Task', 'Due', 'Status', 'Assigned to', 'Priority', 'From', 'Created'] as const;

function InboxTable({ tasks, view, now }: { tasks: HumanTaskView[]; view: InboxView; now: number }) {
  return (
    <table className="runs-table inbox-table" data-testid="inbox-table">
      <thead>
        <tr>{columns.map((column) => <th key={column} scope="col">{column}</th>)}</tr>
      </thead>
      <tbody>
        {tasks.map((task) => (
          <tr key={task.id} data-task={task.id} className={dueOf(task.dueAt, now).overdue ? 'is-overdue' : undefined}>
            <td><a href={hrefOf(['inbox', task.id], { project: view.project })}>{task.title}</a></td>
            <td><DueText dueAt={task.dueAt} now={now} /></td>
            <td><StatusBadge status={task.status} />{task.claimedBy !== undefined && <span className="muted"> by {task.claimedBy}</span>}</td>
            <td className="mono">{assigneeText(task.assignee)}</td>
            <td><span className={`priority priority-${task.priority}`}>{task.priority}</span></td>
            <td><OriginText origin={task.createdBy} /></td>
            <td>{formatTime(task.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
