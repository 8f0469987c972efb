import { useCallback, useEffect, useRef, useState } from 'react';
import { apiGet } from '../lib/api';
import { coalesce } from '../lib/coalesce';
import { useEvents, type FeedEvent } from '../lib/use-events';
import { applyTaskEvent, taskEventTypes } from './task-events';
import type { TaskPage, TaskProblem, TaskView } from './types';

export interface BoardTasks {
  /** Every project the daemon serves (the filter's choices). */
  projects: string[] | undefined;
  tasks: readonly TaskView[];
  problems: TaskProblem[];
  error: Error | undefined;
  loaded: boolean;
}

const clockMarginMs = 5_000;
/** At most one render of the board's events this often. */
const boardEveryMs = 150;

/** Every task of a project: the pages of GET /tasks, at most 500 a page. */
async function projectTasks(project: string): Promise<TaskPage> {
  const all: TaskPage = { items: [], problems: [] };
  let cursor: string | undefined;
  do {
    const page = await apiGet<TaskPage>(`/tasks?project=${encodeURIComponent(project)}&limit=500${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
    all.items.push(...page.items);
    if (cursor === undefined) all.problems.push(...page.problems);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return all;
}

/**
 * The tasks of every served project (or only `only`), live: status and activity events move a task
 * in place; a created, edited or removed task reloads its project's list (one load at a time per
 * project: events arriving meanwhile reload it once more after).
 */
export function useBoardTasks(only: string | undefined): BoardTasks {
  const [projects, setProjects] = useState<string[]>();
  const [tasks, setTasks] = useState<readonly TaskView[]>([]);
  const [problems, setProblems] = useState<TaskProblem[]>([]);
  const [error, setError] = useState<Error>();
  const [loaded, setLoaded] = useState(false);
  const loading = useRef(new Map<string, boolean>());
  const shown = useRef<string[]>([]);
  /** When the lists were read, less a margin for the daemon's clock: older events are in them (task-events.ts). */
  const since = useRef(Number.POSITIVE_INFINITY);

  const load = useCallback((project: string) => {
    if (loading.current.has(project)) return void loading.current.set(project, true);
    loading.current.set(project, false);
    projectTasks(project)
      .then((page) => {
        if (!shown.current.includes(project)) return;
        setTasks((current) => [...current.filter((task) => task.projectRoot !== project), ...page.items]);
        setProblems((current) => [...current.filter((problem) => problem.projectRoot !== project), ...page.problems]);
      }, (reason: Error) => setError(reason))
      .finally(() => {
        const again = loading.current.get(project) === true;
        loading.current.delete(project);
        if (again) load(project);
      });
  }, []);

  useEffect(() => {
    let current = true;
    setTasks([]);
    setProblems([]);
    setLoaded(false);
    since.current = Date.now() - clockMarginMs;
    apiGet<{ projects: string[] }>('/projects').then(async ({ projects: served }) => {
      if (!current) return;
      setProjects(served);
      shown.current = only === undefined ? served : served.filter((project) => project === only);
      const pages = await Promise.all(shown.current.map(async (project) => [project, await projectTasks(project)] as const));
      if (!current) return;
      setTasks(pages.flatMap(([, page]) => page.items));
      setProblems(pages.flatMap(([, page]) => page.problems));
      setError(undefined);
      setLoaded(true);
    }).catch((reason: Error) => current && setError(reason));
    return () => {
      current = false;
    };
  }, [only]);

  // Events are handled against the tasks as last shown (a ref: a reload is started here, never inside
  // a state update), those of an interval together: 20 busy agents cost one render, not one an event.
  const latest = useRef(tasks);
  latest.current = tasks;
  const [batch] = useState(() => coalesce<FeedEvent>((events) => {
    const reloads = new Set<string>();
    let next = latest.current;
    for (const event of events) {
      const applied = applyTaskEvent(next, event, since.current);
      next = applied.tasks;
      if (applied.reload !== undefined) reloads.add(applied.reload);
    }
    if (next !== latest.current) {
      latest.current = next;
      setTasks(next);
    }
    for (const project of reloads) if (shown.current.includes(project)) load(project);
  }, boardEveryMs));
  useEffect(() => () => batch.cancel(), [batch]);
  useEvents('kinds=task', batch.push, taskEventTypes);
  return { projects, tasks, problems, error, loaded };
}
