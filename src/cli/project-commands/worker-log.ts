import { escapeTerminalText } from '../../core/terminal-text.js';
import type { JournalEntry, WorkflowInstance, WorkflowWait } from '../../store/workflow-types.js';
import type { RunOutcome } from '../../workflows/runtime/index.js';

/* The lines of `orchestra worker` and `orchestra dev`'s live log: one per journaled call and one per replay's end. */

function clockTime(at: number): string {
  return new Date(at).toISOString().slice(11, 23);
}

function head(instance: Pick<WorkflowInstance, 'id' | 'name'>, at: number): string {
  return `${clockTime(at)}  ${escapeTerminalText(instance.name)} ${escapeTerminalText(instance.id)}`;
}

/** `step "charge card" done`, `sleep "1h" done`, `step "x" failed: E_STEP boom`. */
export function journalLine(instance: Pick<WorkflowInstance, 'id' | 'name'>, entry: JournalEntry): string {
  const what = `${entry.kind} "${escapeTerminalText(entry.name)}"`;
  const how = entry.error ? `failed: ${entry.error.code} ${escapeTerminalText(entry.error.message)}` : 'done';
  return `${head(instance, entry.at)}  #${entry.position} ${what} ${how}`;
}

/** Where a replay ended; undefined for one another process drove. */
export function outcomeLine(instance: Pick<WorkflowInstance, 'id' | 'name'>, outcome: RunOutcome, now: number): string | undefined {
  const after = outcome.instance;
  switch (outcome.status) {
    case 'completed':
      return `${head(instance, now)}  completed: ${escapeTerminalText(truncate(JSON.stringify(after?.result ?? null)))}`;
    case 'failed':
      return `${head(instance, now)}  failed: ${after?.error ? `${after.error.code} ${escapeTerminalText(after.error.message)}` : 'unknown error'}`;
    case 'cancelled':
      return `${head(instance, now)}  cancelled (cleanup done)`;
    case 'waiting': {
      const wait = after?.waitingOn;
      return `${head(instance, now)}  waiting: ${wait ? waitText(wait) : ''}`;
    }
    default:
      return undefined;
  }
}

function waitText(wait: WorkflowWait): string {
  switch (wait.kind) {
    case 'timer':
      return `timer until ${new Date(wait.until).toISOString()}`;
    case 'task':
      return `human task ${wait.taskId}`;
    case 'signal':
      return `signal "${escapeTerminalText(wait.name)}"`;
    case 'child':
      return `child workflow ${escapeTerminalText(wait.instanceId)}`;
  }
}

function truncate(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
