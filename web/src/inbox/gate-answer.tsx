import { hrefOf } from '../lib/router';
import { useApi } from '../lib/use-api';
import { useEvents } from '../lib/use-events';
import { humanTaskEventTypes, type HumanTaskView } from './human-task';
import { TaskAnswerPanel } from './task-answer-panel';
import './inbox.css';

interface Props {
  /** The human task the run's gate waits on (runs.get `run.humanTask`): every gate asks through one. */
  taskId: string;
  /** Called with the task once it is answered (the run goes on: the page may fetch it again). */
  onAnswered?(task: HumanTaskView): void;
}

/**
 * A waiting gate answered in place (the run page): the gate's question, its choices and the rest
 * of its form, sent as humanTasks.answer like the inbox does. A refusal shows beside its field.
 */
export function GateAnswer({ taskId, onAnswered }: Props) {
  const task = useApi<HumanTaskView>(`/human-tasks/${encodeURIComponent(taskId)}`);
  useEvents(`human_task=${encodeURIComponent(taskId)}`, task.refresh, { types: humanTaskEventTypes, onReady: task.refresh });
  if (task.error) return <p role="alert" className="error">The gate's task {taskId}: {task.error.message}</p>;
  if (!task.data) return null;
  const shown = task.data;
  const changed = (next: HumanTaskView) => {
    task.refresh();
    if (next.status === 'completed') onAnswered?.(next);
  };
  const gate = shown.createdBy.kind === 'run' ? shown.createdBy.nodeId : undefined;
  return (
    <section className="gate-answer" aria-labelledby={`gate-${taskId}-title`} data-testid="gate-answer">
      <header className="page-header">
        <h2 id={`gate-${taskId}-title`}>{shown.title}</h2>
        <span className="muted">
          {gate !== undefined && <>gate <span className="mono">{gate}</span> waits for a person · </>}
          <a href={hrefOf(['inbox', shown.id])}>open in the inbox</a>
        </span>
      </header>
      <TaskAnswerPanel task={shown} project="" onChanged={changed} compact />
    </section>
  );
}
