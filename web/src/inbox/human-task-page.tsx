import { formatTime } from '../lib/format';
import { hrefOf } from '../lib/router';
import { useApi } from '../lib/use-api';
import { useEvents } from '../lib/use-events';
import { ContextView } from './context-view';
import { assigneeText, humanTaskEventTypes, type HumanTaskView } from './human-task';
import { TaskAnswerPanel } from './task-answer-panel';
import { DueText, OriginText, StatusBadge } from './task-bits';
import { useNow } from './use-now';

/**
 * One human task: what it asks (title, description and context, all shown as text), who it waits
 * for and until when, its form, and its history. It follows the task's events, so a claim or an
 * answer given elsewhere shows at once.
 */
export function HumanTaskPage({ taskId, project }: { taskId: string; project: string }) {
  const task = useApi<HumanTaskView>(`/human-tasks/${encodeURIComponent(taskId)}`);
  useEvents(`human_task=${encodeURIComponent(taskId)}`, task.refresh, { types: humanTaskEventTypes, onReady: task.refresh });
  const now = useNow();
  const back = <a href={hrefOf(['inbox'], { project })}>Inbox</a>;
  if (task.error) return <p role="alert" className="error">{back}: {task.error.message}</p>;
  if (!task.data) return <p className="muted">Loading…</p>;
  const shown = task.data;
  return (
    <section aria-labelledby="task-title" className="task-page">
      <header className="page-header">
        <h1 id="task-title">{back} / {shown.title}</h1>
        <StatusBadge status={shown.status} />
        <DueText dueAt={shown.dueAt} now={now} />
      </header>
      <div className="task-body">
        <div className="task-main">
          {shown.description !== '' && <p className="description" data-testid="task-description">{shown.description}</p>}
          <h2>Answer</h2>
          <TaskAnswerPanel key={shown.id} task={shown} project={project} onChanged={task.refresh} />
        </div>
        <aside className="task-side" aria-label="About this task">
          <dl className="facts">
            <dt>Assigned to</dt>
            <dd className="mono" data-testid="task-assignee">{assigneeText(shown.assignee)}</dd>
            {shown.claimedBy !== undefined && <><dt>Claimed by</dt><dd>{shown.claimedBy}</dd></>}
            <dt>Priority</dt>
            <dd>{shown.priority}</dd>
            <dt>Due</dt>
            <dd>{shown.dueAt === undefined ? 'no due time' : formatTime(shown.dueAt)}</dd>
            <dt>From</dt>
            <dd><OriginText origin={shown.createdBy} /></dd>
            <dt>Id</dt>
            <dd className="mono">{shown.id}</dd>
          </dl>
          <h2>Context</h2>
          <ContextView context={shown.context} />
          <h2>History</h2>
          <ol className="history">
            {shown.history.map((entry) => <li key={entry.seq}>{formatTime(entry.at)}: {entry.actor} {entry.action}</li>)}
          </ol>
        </aside>
      </div>
    </section>
  );
}
