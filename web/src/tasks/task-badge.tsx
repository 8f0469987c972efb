import type { TaskView } from './types';

const labels: Readonly<Record<TaskView['status'], string>> = {
  draft: 'draft', running: 'running', idle: 'idle', completed: 'completed', reviewed: 'reviewed', stopped: 'stopped', failed: 'failed', merged: 'merged',
};

/** A task's status as a badge; a waiting agent says so (colour is never the only sign). */
export function TaskBadge({ task }: { task: Pick<TaskView, 'status' | 'needsInput'> }) {
  if (task.needsInput && (task.status === 'running' || task.status === 'idle')) return <span className="badge task-badge task-waiting">needs input</span>;
  return <span className={`badge task-badge task-${task.status}`}>{labels[task.status]}</span>;
}
