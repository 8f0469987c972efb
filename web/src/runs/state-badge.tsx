import type { DisplayState } from './types';

const labels: Readonly<Record<DisplayState, string>> = {
  running: 'running',
  interrupted: 'interrupted',
  completed: 'completed',
  failed: 'failed',
  'interrupted?': 'stalled',
  waiting: 'waiting for a person',
};

/** A run's state as a coloured badge (its text says it too: colour is never the only sign). */
export function StateBadge({ state }: { state: DisplayState }) {
  return <span className={`badge badge-${state.replace('?', '-stalled')}`}>{labels[state]}</span>;
}
