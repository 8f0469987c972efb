import { AnswerForm } from '../forms/answer-form';
import { formatTime } from '../lib/format';
import { isWaiting, type HumanTaskView } from './human-task';
import { ReassignForm } from './reassign-form';
import { usePeopleProject } from './use-people-project';
import { useTaskActions } from './use-task-actions';

interface Props {
  task: HumanTaskView;
  /** The project whose people: the actions act with ('' for the daemon's config); a gate's task uses its run's. */
  project: string;
  onChanged(task: HumanTaskView): void;
  /** Without reassigning (the run page's gate keeps to the answer). */
  compact?: boolean;
}

/**
 * What a person does with a task: fill in its form and answer, claim or release it, reassign it.
 * A finished task shows its answer instead. The server's refusal shows above, its field
 * problems beside their fields.
 */
export function TaskAnswerPanel({ task, project, onChanged, compact = false }: Props) {
  const people = usePeopleProject(task, project);
  const actions = useTaskActions(task, people ?? project, onChanged);
  const waiting = actions.busy || people === undefined;
  if (!isWaiting(task)) return <FinishedTask task={task} />;
  const toProblem = actions.problems.find((problem) => problem.field === 'to')?.message;
  return (
    <div className="task-answer">
      {actions.refusal !== undefined && (
        <div role="alert" className="refusal">
          <p className="error">{actions.refusal.message}</p>
          {actions.refusal.hint !== undefined && <p className="muted">{actions.refusal.hint}</p>}
        </div>
      )}
      <AnswerForm formId={`task-${task.id}`} form={task.form} serverProblems={actions.problems} busy={actions.busy} disabled={people === undefined} onAnswer={actions.answer}>
        {task.status === 'open' ? (
          <button type="button" disabled={waiting} onClick={actions.claim}>Claim</button>
        ) : (
          <button type="button" disabled={waiting} onClick={actions.release}>Release</button>
        )}
      </AnswerForm>
      {!compact && <ReassignForm busy={waiting} problem={toProblem} onReassign={actions.reassign} />}
    </div>
  );
}

function FinishedTask({ task }: { task: HumanTaskView }) {
  return (
    <div className="task-finished" role="status">
      <p>
        This task is <strong>{task.status}</strong>
        {task.answeredBy !== undefined && <> : answered by {task.answeredBy}</>}
        {task.answeredAt !== undefined && <> at {formatTime(task.answeredAt)}</>}.
      </p>
      {task.answer !== undefined && (
        <dl className="facts" data-testid="task-answer">
          {Object.entries(task.answer).map(([name, value]) => (
            <div key={name} className="fact">
              <dt>{task.form[name]?.label ?? name}</dt>
              <dd className="mono">{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
