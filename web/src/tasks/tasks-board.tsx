import { memo } from 'react';
import { hrefOf, replaceQuery, type Route } from '../lib/router';
import { boardColumns, groupByColumn } from './board-columns';
import { TaskBadge } from './task-badge';
import type { TaskView } from './types';
import { useBoardTasks } from './use-board-tasks';
import './tasks.css';

/**
 * The coding-agent tasks of every project the daemon serves, as columns by status with counts,
 * live from the event stream; `?project=` shows one project. A card opens the task's page.
 */
export function TasksBoard({ route }: { route: Route }) {
  const only = route.query.get('project') ?? undefined;
  const board = useBoardTasks(only);
  const groups = groupByColumn(board.tasks);
  const manyProjects = (board.projects?.length ?? 0) > 1 && only === undefined;
  return (
    <section aria-labelledby="tasks-title" className="tasks-board-page">
      <header className="page-header">
        <h1 id="tasks-title">Tasks</h1>
        <span className="muted">{board.loaded ? `${board.tasks.length} task${board.tasks.length === 1 ? '' : 's'}` : ''}</span>
        <label className="filter">
          Project{' '}
          <select value={only ?? ''} onChange={(event) => replaceQuery(route, { project: event.target.value })}>
            <option value="">all projects</option>
            {board.projects?.map((project) => <option key={project} value={project}>{nameOf(project)} ({project})</option>)}
          </select>
        </label>
      </header>
      {board.error && <p role="alert" className="error">{board.error.message}</p>}
      {board.problems.map((problem) => (
        <p key={`${problem.projectRoot}:${problem.file ?? problem.code}`} className="error">
          {problem.file ?? problem.projectRoot}: {problem.message}
        </p>
      ))}
      {!board.loaded && !board.error && <p className="muted">Loading…</p>}
      {board.loaded && board.tasks.length === 0 && (
        <p className="muted">
          No tasks yet. Make one with <code>orchestra new SLUG -m "what to do"</code> in a project, or the API (<code>POST /tasks</code>).
        </p>
      )}
      <div className="board" data-testid="tasks-board">
        {boardColumns.map(({ id, title }) => (
          <section key={id} className="board-column" data-testid="task-column" data-status={id} aria-label={`${title}: ${groups[id].length}`}>
            <h2>
              {title} <span className="count">{groups[id].length}</span>
            </h2>
            <ul>
              {groups[id].map((task) => (
                <li key={`${task.projectRoot}:${task.id}`}>
                  <TaskCard task={task} showProject={manyProjects} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}

// A card renders again only when its task changed: an event changes one task of the list.
const TaskCard = memo(function TaskCard({ task, showProject }: { task: TaskView; showProject: boolean }) {
  return (
    <a className={`task-card${task.needsInput ? ' needs-input' : ''}`} href={hrefOf(['tasks', task.projectRoot, String(task.id)])} data-testid="task-card" data-task={task.id}>
      <span className="task-card-title">
        <span className="mono muted">#{task.id}</span> {task.slug}
      </span>
      <span className="task-card-meta">
        <TaskBadge task={task} />
        {task.agent && <span className="muted">{task.agent}</span>}
        {showProject && <span className="muted">{task.projectName}</span>}
      </span>
      {task.lastLine && <span className="task-card-line mono">{task.lastLine}</span>}
    </a>
  );
});

export function nameOf(project: string): string {
  return project.split('/').filter(Boolean).at(-1) ?? project;
}
