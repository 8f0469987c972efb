import type { NewFeedEvent } from './feed.js';
import type { GuidedInstance } from './guided-types.js';
import type { HumanTask, HumanTaskHistoryEntry, JsonObject } from './human-task-types.js';
import type { EventInput } from './types.js';
import type { JournalEntry, WorkflowInstance } from './workflow-types.js';

/*
 * The feed entries the store writes with each change, built in TypeScript for the memory store.
 * SQLite's triggers (sqlite/feed-schema.ts) build the same ones in SQL: change both together; the
 * feed conformance case holds them alike.
 */

/** A run event: its type, the run, its seq, and the node and status it names if any. */
export function runEventEntry(runId: string, seq: number, event: EventInput): NewFeedEvent {
  const { node, status } = event as { node?: unknown; status?: unknown };
  const data: JsonObject = { runId, seq, ...(typeof node === 'string' && { node }), ...(typeof status === 'string' && { status }) };
  return { kind: 'run', subject: runId, type: event.type, at: event.at, data };
}

/** One history entry of a human task (created, claimed, answered, escalated…) and the status it left. */
export function humanTaskEntry(task: HumanTask, entry: HumanTaskHistoryEntry): NewFeedEvent {
  return {
    kind: 'human_task',
    subject: task.id,
    type: `human_task.${entry.action}`,
    at: entry.at,
    data: { humanTaskId: task.id, seq: entry.seq, actor: entry.actor, status: task.status },
  };
}

export function workflowStartedEntry(instance: WorkflowInstance): NewFeedEvent {
  return { kind: 'workflow', subject: instance.id, type: 'workflow.started', at: instance.createdAt, data: { workflowId: instance.id, name: instance.name, status: instance.status } };
}

/** A status change (running → waiting, → completed…), or undefined when the status stayed. */
export function workflowStatusEntry(before: WorkflowInstance, after: WorkflowInstance): NewFeedEvent | undefined {
  if (before.status === after.status) return undefined;
  const data = { workflowId: after.id, name: after.name, status: after.status, previousStatus: before.status };
  return { kind: 'workflow', subject: after.id, type: `workflow.${after.status}`, at: after.updatedAt, data };
}

/** A journaled durable call: its position, kind and name, and whether it succeeded. */
export function workflowStepEntry(entry: JournalEntry): NewFeedEvent {
  const data = { workflowId: entry.instanceId, position: entry.position, kind: entry.kind, name: entry.name, ok: entry.error === undefined };
  return { kind: 'workflow', subject: entry.instanceId, type: 'workflow.step', at: entry.at, data };
}

export function guidedStartedEntry(instance: GuidedInstance): NewFeedEvent {
  const data = { guidedId: instance.id, name: instance.workflowName, ...(instance.currentStep !== undefined && { step: instance.currentStep }), status: instance.status };
  return { kind: 'guided', subject: instance.id, type: 'guided.started', at: instance.createdAt, data };
}

/** A change: `guided.<status>` when the status changed (waiting, completed…), else `guided.step`. */
export function guidedChangedEntry(before: GuidedInstance, after: GuidedInstance): NewFeedEvent {
  const data = {
    guidedId: after.id,
    name: after.workflowName,
    ...(after.currentStep !== undefined && { step: after.currentStep }),
    status: after.status,
    previousStatus: before.status,
    version: after.version,
  };
  return { kind: 'guided', subject: after.id, type: before.status === after.status ? 'guided.step' : `guided.${after.status}`, at: after.updatedAt, data };
}
