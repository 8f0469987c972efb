import { waitingOn, type Waiter } from './waiting-on';

/** "waits on a person" (a timer, a signal, an agent…), or nothing when the run waits on nothing. */
export function WaitingBadge({ waiter }: { waiter: Waiter }) {
  const on = waitingOn(waiter);
  if (on === undefined) return null;
  return <span className={`badge badge-waits waits-${on.split(' ').at(-1)}`} data-testid="waits-on">waits on {on}</span>;
}
