import { lazy, Suspense, useState } from 'react';
import { hrefOf } from '../lib/router';
import { useApi } from '../lib/use-api';
import { useEvents, type FeedEvent } from '../lib/use-events';
import { DiffView } from './diff-view';
import { TaskActions } from './task-actions';
import { TaskBadge } from './task-badge';
import { taskEventTypes } from './task-events';
import { nameOf } from './tasks-board';
import { taskPath, type TaskView } from './types';
import './tasks.css';

// xterm.js is loaded with the terminal, when a person attaches: never by the board or the shell.
const TerminalView = lazy(() => import('./terminal-view'));

/**
 * One task: what it is (description, status, agent, branch), buttons that move it, its diff against
 * the base branch, and a live terminal on its agent. Its events refresh it and its diff.
 */
export function TaskPage({ project, taskId }: { project: string; taskId: string }) {
  const id = Number(taskId);
  const task = useApi<TaskView>(taskPath(project, id));
  const diff = useApi<{ diff: string }>(taskPath(project, id, 'diff'));
  const [shown, setShown] = useState<TaskView>();
  const [attached, setAttached] = useState(false);
  useEvents('kinds=task', (event: FeedEvent) => {
    if (event.data.taskId !== id || event.data.project !== project) return;
    task.refresh();
    if (event.type === 'task.status') diff.refresh();
  }, { types: taskEventTypes, onReady: () => {
    task.refresh();
    diff.refresh();
  } });
  const current = shown !== undefined && task.data !== undefined && shown.updatedAt > task.data.updatedAt ? shown : task.data;
  if (task.error) return <p role="alert" className="error">{task.error.message} <a href={hrefOf(['tasks'])}>Back to the board</a>.</p>;
  if (current === undefined) return <p className="muted">Loading…</p>;
  const live = current.pid !== undefined;
  return (
    <section aria-labelledby="task-title" className="task-page">
      <header className="page-header">
        <h1 id="task-title">
          <a href={hrefOf(['tasks'])}>Tasks</a> / <span className="mono muted">#{current.id}</span> {current.slug}
        </h1>
        <span data-testid="task-status"><TaskBadge task={current} /></span>
      </header>
      <TaskActions task={current} onChanged={(changed) => {
        setShown(changed);
        task.refresh();
        diff.refresh();
      }} />
      <div className="task-body">
        <div className="task-main">
          <section aria-labelledby="terminal-title" className="task-section">
            <div className="section-bar">
              <h2 id="terminal-title">Terminal</h2>
              {!attached && (
                <button type="button" onClick={() => setAttached(true)} disabled={!live} className="primary">
                  Attach
                </button>
              )}
            </div>
            {attached ? (
              <Suspense fallback={<p className="muted">Loading the terminal…</p>}>
                <TerminalView project={project} taskId={id} onDetached={() => setAttached(false)} />
              </Suspense>
            ) : (
              <p className="muted">{live ? 'The agent runs: attach to watch it and type to it.' : 'No agent runs for this task: Start it to attach.'}</p>
            )}
          </section>
          <section aria-labelledby="diff-title" className="task-section">
            <h2 id="diff-title">Changes against {current.baseBranch}</h2>
            {diff.error && <p className="error">{diff.error.message}</p>}
            {diff.data && <DiffView diff={diff.data.diff} />}
          </section>
        </div>
        <aside className="task-facts" aria-label="About this task">
          <dl className="facts">
            <dt>Project</dt>
            <dd title={current.projectRoot}>{nameOf(current.projectRoot)}</dd>
            <dt>Status</dt>
            <dd>{current.status}{current.activity ? ` (agent ${current.activity})` : ''}</dd>
            <dt>Agent</dt>
            <dd>{current.agent ?? 'the default agent'}</dd>
            <dt>Branch</dt>
            <dd className="mono">{current.branch ?? '— (made on start)'}</dd>
            <dt>Base</dt>
            <dd className="mono">{current.baseBranch}</dd>
            {current.worktree && (
              <>
                <dt>Worktree</dt>
                <dd className="mono break">{current.worktree}</dd>
              </>
            )}
          </dl>
          <h3>Description</h3>
          <div className="task-description" data-testid="task-description">{current.description}</div>
        </aside>
      </div>
    </section>
  );
}
