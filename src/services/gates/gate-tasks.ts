import { setTimeout as sleep } from 'node:timers/promises';
import { isOrchestraError } from '../../core/errors.js';
import type { GateTaskRequest, GateTasks } from '../../engine/gate-tasks.js';
import { systemActor, type Actor } from '../../humans/tasks/actor.js';
import { cancel } from '../../humans/tasks/transitions.js';
import type { HumanTask } from '../../store/human-task-types.js';
import { answerHumanTask } from '../human-tasks/answer.js';
import type { HumanTaskServiceContext } from '../human-tasks/context.js';
import { createHumanTask } from '../human-tasks/create.js';
import { requireTask } from '../human-tasks/require-task.js';

export interface GateTaskOptions extends Omit<HumanTaskServiceContext, 'actor'> {
  /** The person at this process's terminal; resolved when they answer (it may throw E_UNKNOWN_PERSON then). */
  actor(): Actor;
  /** How often a waiting gate looks for an answer given by another process. Default 250 ms. */
  pollMs?: number;
}

/**
 * The gates' human tasks over the services (issue 10): the task is created by the system on the
 * run's behalf, the terminal answers as the acting user through `answerHumanTask` (the same path
 * as `orchestra answer`), and a waiting gate sees an answer from any process by taking it from
 * the store (exactly once, takeHumanTaskAnswer).
 */
export function createGateTasks(options: GateTaskOptions): GateTasks {
  const { actor, pollMs = 250, ...base } = options;
  const system: HumanTaskServiceContext = { ...base, actor: systemActor };
  return {
    async open(request: GateTaskRequest): Promise<HumanTask> {
      const existing = await base.store.getHumanTask(base.scope, request.id);
      if (existing) return existing;
      const { id, runId, nodeId, kind, title, description, form, context, assignee, sla, escalation } = request;
      const input = { id, ...(kind && { kind }), title, description, form, context, createdBy: { kind: 'run' as const, runId, nodeId }, ...(assignee && { assignee }), ...(sla && { sla }), ...(escalation && { escalation }) };
      try {
        return await createHumanTask(system, input, `the form of ${kind === 'chat' ? 'the chat of node' : 'gate'} ${nodeId}`);
      } catch (error) {
        // Two processes opening the same visit at once: the first one's task is the task.
        const raced = await base.store.getHumanTask(base.scope, request.id);
        if (raced) return raced;
        throw error;
      }
    },
    answerHere(id, answer) {
      return answerHumanTask({ ...base, actor: actor() }, { id, answer });
    },
    async settled(id: string, signal: AbortSignal): Promise<HumanTask> {
      for (;;) {
        signal.throwIfAborted();
        const taken = await base.store.takeHumanTaskAnswer(base.scope, id, base.now());
        if (taken) return taken;
        const task = await requireTask(system, id);
        // Completed and taken before: the visit that took it died before its outcome was saved.
        if (task.status === 'completed' || task.status === 'expired' || task.status === 'cancelled') return task;
        await sleep(pollMs, undefined, { signal });
      }
    },
    async withdraw(id: string, reason: string): Promise<HumanTask> {
      try {
        const task = await base.store.updateHumanTask(base.scope, id, cancel(systemActor, base.now(), reason));
        await base.notices?.announce(task, 'cancelled');
        return task;
      } catch (error) {
        if (isOrchestraError(error) && error.code === 'E_HUMAN_TASK_STATE') return requireTask(system, id);
        throw error;
      }
    },
  };
}
