import { useState } from 'react';
import type { FieldProblem, JsonValue } from '../forms/form-types';
import { ApiError, apiSend } from '../lib/api';
import type { HumanTaskView } from './human-task';

export interface TaskActions {
  busy: boolean;
  /** What the server said when it refused the last action, and its hint. */
  refusal: { message: string; hint?: string | undefined } | undefined;
  /** The fields the server refused in the last answer or reassignment (problem+json `errors`). */
  problems: readonly FieldProblem[];
  answer(answer: Record<string, JsonValue>): void;
  claim(): void;
  release(): void;
  reassign(to: string): void;
}

const noProblems: readonly FieldProblem[] = [];

/**
 * The actions on a human task, as the API's operations (humanTasks.answer, claim, release,
 * reassign), each sent as the session's user with the people of `project`. The task the server
 * answers goes to `onChanged`; a refusal is kept with its field problems, to show beside the fields.
 */
export function useTaskActions(task: HumanTaskView, project: string, onChanged: (task: HumanTaskView) => void): TaskActions {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<TaskActions['refusal']>();
  const [problems, setProblems] = useState<readonly FieldProblem[]>(noProblems);
  const send = (action: string, body: Record<string, unknown> = {}) => {
    setBusy(true);
    apiSend<HumanTaskView>('POST', `/human-tasks/${encodeURIComponent(task.id)}/${action}`, { ...body, ...(project !== '' && { project }) })
      .then((changed) => {
        setRefusal(undefined);
        setProblems(noProblems);
        onChanged(changed);
      }, (error: unknown) => {
        const refused = error instanceof ApiError ? error : undefined;
        setRefusal(refused ? { message: refused.message, hint: refused.hint } : { message: String(error) });
        setProblems(refused && refused.fields.length > 0 ? refused.fields : noProblems);
      })
      .finally(() => setBusy(false));
  };
  return {
    busy,
    refusal,
    problems,
    answer: (answer) => send('answer', { answer }),
    claim: () => send('claim'),
    release: () => send('release'),
    reassign: (to) => send('reassign', { to }),
  };
}
