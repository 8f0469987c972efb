import { useEffect, useState } from 'react';
import { apiGet } from '../lib/api';
import type { HumanTaskView } from './human-task';
import { projectOfFile } from './project-of-file';

/**
 * The project whose people: act on a task: for a gate's task, the project of its run (the people
 * the gate made it with, as runs.answer uses), else the one the inbox chose ('' for the daemon's).
 * Undefined while a gate's run is being looked up: nothing should be sent before.
 */
export function usePeopleProject(task: HumanTaskView, chosen: string): string | undefined {
  const runId = task.createdBy.kind === 'run' ? task.createdBy.runId : undefined;
  const [ofRun, setOfRun] = useState<string>();
  useEffect(() => {
    if (runId === undefined) return;
    let current = true;
    Promise.all([apiGet<{ run: { file: string } }>(`/runs/${encodeURIComponent(runId)}`), apiGet<{ projects: string[] }>('/projects')]).then(
      ([detail, served]) => current && setOfRun(projectOfFile(served.projects, detail.run.file) ?? chosen),
      () => current && setOfRun(chosen),
    );
    return () => {
      current = false;
    };
  }, [runId, chosen]);
  return runId === undefined ? chosen : ofRun;
}
