import type { DisplayState } from './types';

export type BadgeState = DisplayState | 'cancelled';

const labels: Readonly<Record<BadgeState, string>> = {
  running: 'running',
  interrupted: 'interrupted',
  completed: 'completed',
  failed: 'failed',
  'interrupted?': 'stalled',
  waiting: 'waiting for a person',
  cancelled: 'cancelled',
};

/** A run's state as a coloured badge (its text says it too: colour is never the only sign); `waiting` names what it waits for. */
export function StateBadge({ state, waiting }: { state: BadgeState; waiting?: string }) {
  return <span className={`badge badge-${state.replace('?', '-stalled')}`}>{state === 'waiting' ? `waiting for ${waiting ?? 'a person'}` : labels[state]}</span>;
}
