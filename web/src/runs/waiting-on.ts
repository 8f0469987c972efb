/*
 * What a run waits on, in people's words (the badge on the runs list and the run page): a person
 * (a human gate or task), a timer, a signal, an agent (a coding task or an agent node at work), or
 * a child workflow. Undefined when it waits on nothing: it runs by itself, or it has stopped.
 */

export type WaitingOn = 'a person' | 'a timer' | 'a signal' | 'an agent' | 'a child workflow';

export type Waiter =
  /** A pipeline run: its display state, its open gate task, and the handler of the node it is at (when known). */
  | { kind: 'run'; displayState: string; humanTask?: string; currentHandler?: string }
  /** A workflow instance: its status and what it is suspended on (workflows.list `waitingOn`). */
  | { kind: 'workflow'; status: string; waitingOn?: { kind?: string } }
  /** A guided workflow instance: its status and the step it waits for (a human task, or an agent's task). */
  | { kind: 'guided'; status: string; waitingFor?: { humanTaskId?: string; taskId?: string } };

const agentHandlers = new Set(['codergen', 'agent', 'cli', 'interactive', 'stack.manager_loop']);
const workflowWaits: Readonly<Record<string, WaitingOn>> = { task: 'a person', timer: 'a timer', signal: 'a signal', child: 'a child workflow' };

export function waitingOn(waiter: Waiter): WaitingOn | undefined {
  switch (waiter.kind) {
    case 'run':
      if (waiter.displayState === 'waiting') return 'a person';
      if (waiter.displayState !== 'running') return undefined;
      return waiter.currentHandler !== undefined && agentHandlers.has(waiter.currentHandler) ? 'an agent' : undefined;
    case 'workflow':
      return waiter.status === 'waiting' && waiter.waitingOn?.kind !== undefined ? workflowWaits[waiter.waitingOn.kind] : undefined;
    case 'guided':
      if (waiter.status !== 'waiting') return undefined;
      if (waiter.waitingFor?.taskId !== undefined) return 'an agent';
      return 'a person';
  }
}
