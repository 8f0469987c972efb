import type { DisplayState } from './types';

export type BadgeState = DisplayState | 'cancelled';

const labels: Readonly<Record<BadgeState, string>> = {
  running: 'running',
  interrupted: 'interrupted',
  completed: 'completed',
  failed: 'failed',
  'interrupted?': 'stalled',
  waiting: 'waiting',
  cancelled: 'cancelled',
};

/** A run's state as a coloured badge (its text says it too: colour is never the only sign); what it waits on is WaitingBadge's. */
export function StateBadge({ state }: { state: BadgeState }) {
  return <span className={`badge badge-${state.replace('?', '-stalled')}`}>{labels[state]}</span>;
}
