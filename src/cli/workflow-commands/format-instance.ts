import { escapeTerminalText } from '../../core/terminal-text.js';
import type { WorkflowInstanceDetail } from '../../services/workflows/index.js';
import type { JsonValue } from '../../store/human-task-types.js';
import type { WorkflowInstance, WorkflowStatus } from '../../store/workflow-types.js';
import type { Palette } from '../output/color.js';
import { formatTimestamp } from '../output/format-time.js';
import { formatTable } from '../output/table.js';

/* How workflow instances look in the terminal. Names, results and errors are data: escaped. */

const safe = escapeTerminalText;

/**
 * What a waiting instance waits on, in a few words, as `runs` shows a gate: `Approve? (task wf:w1:1)`,
 * `timer until …`, `signal "ship"`, `child workflow w1:2`. Empty unless it waits.
 */
export function describeWait(instance: Pick<WorkflowInstance, 'status' | 'waitingOn' | 'suspendedAt'>): string {
  const wait = instance.status === 'waiting' ? instance.waitingOn : undefined;
  if (wait === undefined) return '';
  switch (wait.kind) {
    case 'task':
      return instance.suspendedAt?.kind === 'task' ? `${instance.suspendedAt.name} (task ${wait.taskId})` : `task ${wait.taskId}`;
    case 'timer':
      return `timer until ${formatTimestamp(wait.until)}`;
    case 'signal':
      return `signal "${wait.name}"${wait.timerId === undefined ? '' : ' (with a timeout)'}`;
    case 'child':
      return `child workflow ${wait.instanceId}`;
  }
}

export function paintStatus(status: WorkflowStatus, palette: Palette): string {
  if (status === 'completed') return palette.green(status);
  if (status === 'failed') return palette.red(status);
  if (status === 'running') return palette.cyan(status);
  return palette.yellow(status);
}

/** A JSON value on one line, cut to `max` characters. */
export function briefJson(value: JsonValue | undefined, max = 60): string {
  if (value === undefined) return '';
  const text = JSON.stringify(value);
  return safe(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}

export function formatWorkflowList(instances: readonly WorkflowInstance[], palette: Palette): string {
  const rows = instances.map((w) => [safe(w.id), safe(w.name), paintStatus(w.status, palette), w.version.slice(0, 8), safe(describeWait(w)), formatTimestamp(w.createdAt), formatTimestamp(w.updatedAt)]);
  return formatTable(['ID', 'WORKFLOW', 'STATUS', 'VERSION', 'WAITING ON', 'STARTED', 'UPDATED'], rows);
}

export function formatWorkflowDetail({ instance: w, journal, signals, pendingTask }: WorkflowInstanceDetail, palette: Palette): string {
  const lines = [
    `${palette.bold(safe(w.name))}  (${safe(w.id)})`,
    `status:   ${paintStatus(w.status, palette)}${w.cleanupPending ? ' (its cleanup has not run yet)' : ''}`,
  ];
  if (w.status === 'waiting') lines.push(`waiting:  ${safe(describeWait(w))}`);
  if (pendingTask) {
    lines.push(`task:     ${safe(pendingTask.id)} "${safe(pendingTask.title)}" (${pendingTask.status}): see it with \`orchestra inbox show ${safe(pendingTask.id)}\`, answer with \`orchestra answer ${safe(pendingTask.id)}\``);
  }
  lines.push(`version:  ${w.version}`);
  if (w.projectDir !== undefined) lines.push(`project:  ${safe(w.projectDir)}`);
  if (w.parentId !== undefined) lines.push(`parent:   ${safe(w.parentId)}`);
  lines.push(`started:  ${formatTimestamp(w.createdAt)}`, `updated:  ${formatTimestamp(w.updatedAt)}`, `input:    ${briefJson(w.input, 200)}`);
  if (w.result !== undefined) lines.push(`result:   ${briefJson(w.result, 200)}`);
  if (w.error !== undefined) lines.push(`error:    ${palette.red(safe(w.error.code))}: ${safe(w.error.message)}`);
  lines.push('', 'journal:');
  if (journal.length === 0) lines.push('  (empty: no durable call has finished yet)');
  else {
    const rows = journal.map((e) => [String(e.position), e.kind, safe(e.name), formatTimestamp(e.at), e.error ? palette.red(safe(`${e.error.code}: ${e.error.message}`)) : briefJson(e.result)]);
    lines.push(indent(formatTable(['#', 'KIND', 'NAME', 'AT', 'RESULT'], rows)));
  }
  if (signals.length > 0) {
    const rows = signals.map((s) => [String(s.seq), safe(s.name), formatTimestamp(s.sentAt), s.consumedBy === undefined ? 'pending' : `journal #${s.consumedBy}`, briefJson(s.payload)]);
    lines.push('', 'signals:', indent(formatTable(['SEQ', 'NAME', 'SENT', 'RECEIVED', 'DATA'], rows)));
  }
  return `${lines.join('\n')}\n`;
}

function indent(text: string): string {
  return text.split('\n').map((line) => `  ${line}`).join('\n');
}
