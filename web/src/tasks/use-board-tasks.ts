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
 * project: events arriving meanwhile reload it once more after). The event stream's ready message
 * reloads the lists (use-events.ts says why), once the first load is over if it is still going.
 */
export function useBoardTasks(only: string | undefined): BoardTasks {
  const [projects, setProjects] = useState<string[]>();
  const [tasks, setTasks] = useState<readonly TaskView[]>([]);
  const [problems, setProblems] = useState<TaskProblem[]>([]);
  const [error, setError] = useState<Error>();
  const [loaded, setLoaded] = useState(false);
  const loading = useRef(new Map<string, boolean>());
  const shown = useRef<string[]>([]);
  /** The first load of the lists: `stale` when the stream became ready meanwhile (it may have read before). */
  const firstLoad = useRef<'running' | 'stale' | 'done'>('running');

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
    firstLoad.current = 'running';
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
    }).catch((reason: Error) => current && setError(reason)).finally(() => {
      if (!current) return;
      if (firstLoad.current === 'stale') for (const project of shown.current) load(project);
      firstLoad.current = 'done';
    });
    return () => {
      current = false;
    };
  }, [only, load]);

  // Events are handled against the tasks as last shown (a ref: a reload is started here, never inside
  // a state update), those of an interval together: 20 busy agents cost one render, not one an event.
  const latest = useRef(tasks);
  latest.current = tasks;
  const [batch] = useState(() => coalesce<FeedEvent>((events) => {
    const reloads = new Set<string>();
    let next = latest.current;
    for (const event of events) {
      const applied = applyTaskEvent(next, event);
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
  useEvents('kinds=task', batch.push, {
    types: taskEventTypes,
    onReady: () => {
      if (firstLoad.current === 'done') for (const project of shown.current) load(project);
      else firstLoad.current = 'stale';
    },
  });
  return { projects, tasks, problems, error, loaded };
}
