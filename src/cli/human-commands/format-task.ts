import { formatDuration } from '../../core/duration.js';
import { escapeTerminalText } from '../../core/terminal-text.js';
import { formatAssignee } from '../../humans/tasks/eligibility.js';
import type { FormField, HumanTask } from '../../store/human-task-types.js';
import type { Palette } from '../output/color.js';
import { formatTable } from '../output/table.js';
import { formatEscalation } from './format-escalation.js';
import { formatTranscript, transcriptOf } from '../../humans/chat/transcript.js';
import { formatTimestamp } from '../output/format-time.js';

/* How human tasks look in the terminal. Every text from a task is escaped: it is user data. */

const safe = escapeTerminalText;

/** "in 29m00s", "overdue 4m10s", or "-" without a due time. */
export function formatDue(task: Pick<HumanTask, 'dueAt' | 'status'>, now: number, palette: Palette): string {
  if (task.dueAt === undefined) return '-';
  const left = task.dueAt - now;
  const live = task.status === 'open' || task.status === 'claimed';
  if (left < 0 && live) return palette.red(`overdue ${formatDuration(-left)}`);
  return left < 0 ? formatTimestamp(task.dueAt) : `in ${formatDuration(left)}`;
}

export function formatInbox(tasks: readonly HumanTask[], now: number, palette: Palette): string {
  const rows = tasks.map((task) => [
    task.id,
    task.priority === 'urgent' || task.priority === 'high' ? palette.yellow(task.priority) : task.priority,
    task.status === 'claimed' ? `claimed by ${safe(task.claimedBy ?? '?')}` : task.status,
    formatDue(task, now, palette),
    safe(formatAssignee(task.assignee)),
    safe(task.title),
  ]);
  return `${formatTable(['ID', 'PRIORITY', 'STATUS', 'DUE', 'ASSIGNED TO', 'TITLE'], rows)}\n`;
}

/** One field as `inbox show` lists it: name, type, required, options or bounds, help. */
export function formatField(name: string, field: FormField): string {
  const parts = [field.type, ...(field.required === true ? ['required'] : [])];
  if (field.min !== undefined) parts.push(`min ${field.min}`);
  if (field.max !== undefined) parts.push(`max ${field.max}`);
  if (field.pattern !== undefined) parts.push(`pattern ${field.pattern}`);
  if (field.default !== undefined) parts.push(`default ${JSON.stringify(field.default)}`);
  const label = field.label !== undefined && field.label !== name ? ` (${field.label})` : '';
  const lines = [`  ${safe(name)}${safe(label)}: ${safe(parts.join(', '))}`];
  for (const option of field.options ?? []) lines.push(`      ${safe(option.value)}  ${safe(option.label)}`);
  if (field.help !== undefined) lines.push(`      ${safe(field.help)}`);
  return lines.join('\n');
}

/** `workflowName`: the workflow of the instance a workflow's task comes from, when it is known. */
export function formatTaskDetail(task: HumanTask, now: number, palette: Palette, workflowName?: string): string {
  const lines = [
    `${palette.bold(safe(task.title))}  (${task.id}${task.kind === 'chat' ? ', a chat turn' : ''})`,
    `status:      ${task.status}${task.claimedBy ? ` by ${safe(task.claimedBy)}` : ''}`,
    `assigned to: ${safe(formatAssignee(task.assignee))}`,
    `priority:    ${task.priority}`,
    `due:         ${formatDue(task, now, palette)}${task.dueAt === undefined ? '' : ` (${formatTimestamp(task.dueAt)})`}`,
    `created:     ${formatTimestamp(task.createdAt)} by ${safe(task.history[0]?.actor ?? '?')} (${safe(formatOrigin(task.createdBy, workflowName))})`,
  ];
  if (task.description.trim() !== '') lines.push('', ...task.description.trimEnd().split('\n').map((line) => `  ${safe(line)}`));
  lines.push('', 'form:', ...Object.entries(task.form).map(([name, field]) => formatField(name, field)));
  lines.push(...formatEscalation(task));
  // A chat turn's transcript reads as a conversation; the rest of its context as JSON.
  const { transcript, ...rest } = task.context;
  const turns = task.kind === 'chat' ? transcriptOf(transcript) : [];
  const context = turns.length > 0 ? rest : task.context;
  if (turns.length > 0) lines.push('', 'conversation so far:', ...formatTranscript(turns, safe));
  if (Object.keys(context).length > 0) lines.push('', 'context:', ...JSON.stringify(context, null, 2).split('\n').map((line) => `  ${safe(line)}`));
  if (task.answer !== undefined) lines.push('', `answer (by ${safe(task.answeredBy ?? '?')} at ${formatTimestamp(task.answeredAt ?? 0)}):`, ...JSON.stringify(task.answer, null, 2).split('\n').map((line) => `  ${safe(line)}`));
  lines.push('', 'history:', ...task.history.map((entry) => `  ${formatTimestamp(entry.at)}  ${safe(entry.actor)}  ${entry.action}${entry.detail ? `  ${safe(JSON.stringify(entry.detail))}` : ''}`));
  return `${lines.join('\n')}\n`;
}

function formatOrigin(origin: HumanTask['createdBy'], workflowName: string | undefined): string {
  switch (origin.kind) {
    case 'run':
      return `run ${origin.runId}, node ${origin.nodeId}`;
    case 'workflow':
      return `workflow ${workflowName === undefined ? origin.workflowId : `${workflowName} (${origin.workflowId})`}${origin.step ? `, step ${origin.step}` : ''}`;
    default:
      return origin.kind;
  }
}
