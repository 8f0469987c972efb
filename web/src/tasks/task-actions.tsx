import { useState } from 'react';
import { ApiError, apiSend } from '../lib/api';
import type { TaskView } from './types';

type Verb = 'start' | 'stop' | 'complete' | 'review' | 'merge';

const actions: ReadonlyArray<{ verb: Verb; label: string; what: string }> = [
  { verb: 'start', label: 'Start', what: 'Start the agent (a stopped or completed task resumes its session)' },
  { verb: 'stop', label: 'Stop', what: 'Stop the agent; the worktree and branch stay' },
  { verb: 'complete', label: 'Complete', what: 'Mark the work done: it waits for review and merge' },
  { verb: 'review', label: 'Review', what: 'Mark a completed task reviewed: ready to merge' },
  { verb: 'merge', label: 'Merge', what: "Merge the task's branch into its base branch" },
];

interface Outcome {
  verb: Verb;
  ok: boolean;
  message: string;
  hint?: string;
}

interface Merged {
  task: TaskView;
  commit: string;
  files: string[];
}

/** The route and body of each action: the task is named in the path, except `complete` (POST /tasks/complete). */
function request(verb: Verb, task: TaskView, mode: string): { path: string; body: Record<string, unknown> } {
  const project = task.projectRoot;
  if (verb === 'complete') return { path: '/tasks/complete', body: { project, ref: String(task.id) } };
  return { path: `/tasks/${task.id}/${verb}`, body: verb === 'merge' ? { project, mode } : { project } };
}

/**
 * Start, stop, complete, review and merge, each one API call. The server decides what is allowed:
 * a refusal shows its message and hint as the server gave them.
 */
export function TaskActions({ task, onChanged }: { task: TaskView; onChanged: (task: TaskView) => void }) {
  const [busy, setBusy] = useState<Verb>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [mode, setMode] = useState('merge');
  const act = async (verb: Verb) => {
    setBusy(verb);
    setOutcome(undefined);
    try {
      const { path, body } = request(verb, task, mode);
      const answer = await apiSend<TaskView | Merged>('POST', path, body);
      if ('commit' in answer) {
        onChanged(answer.task);
        setOutcome({ verb, ok: true, message: `Merged into ${answer.task.baseBranch} as ${answer.commit.slice(0, 10)} (${answer.files.length} file${answer.files.length === 1 ? '' : 's'}).` });
      } else {
        onChanged(answer);
        setOutcome({ verb, ok: true, message: `Task ${answer.id} is ${answer.status}.` });
      }
    } catch (error) {
      const refusal = error instanceof ApiError ? error : undefined;
      setOutcome({ verb, ok: false, message: (error as Error).message, ...(refusal?.hint !== undefined && { hint: refusal.hint }) });
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div className="task-actions">
      <div role="group" aria-label="Task actions" className="action-buttons">
        {actions.map(({ verb, label, what }) => (
          // The title is the button's description (its name stays the verb).
          <button key={verb} type="button" title={what} disabled={busy !== undefined} onClick={() => void act(verb)} className={verb === 'merge' ? 'primary' : undefined}>
            {busy === verb ? `${label}…` : label}
          </button>
        ))}
        <label className="muted">
          as{' '}
          <select value={mode} onChange={(event) => setMode(event.target.value)} aria-label="Merge mode">
            <option value="merge">merge commit</option>
            <option value="squash">squash</option>
            <option value="rebase">rebase</option>
          </select>
        </label>
      </div>
      {outcome && !outcome.ok && (
        <div role="alert" className="refusal" data-testid="task-refusal">
          <strong>{actions.find((action) => action.verb === outcome.verb)?.label} refused:</strong> {outcome.message}
          {outcome.hint && <p className="muted">{outcome.hint}</p>}
        </div>
      )}
      {outcome?.ok && <p role="status" className="done" data-testid="task-outcome">{outcome.message}</p>}
    </div>
  );
}
