import { escapeTerminalLines, escapeTerminalText } from '../../core/terminal-text.js';
import type { GuidedAnswer } from '../../engine/guided/index.js';
import type { GuidedDetail } from '../../services/guided/index.js';
import type { GuidedInstance, GuidedWait } from '../../store/guided-types.js';
import type { JsonValue } from '../../store/human-task-types.js';
import type { Palette } from '../output/color.js';
import { formatTimestamp } from '../output/format-time.js';
import { formatTable } from '../output/table.js';
import { briefJson, paintStatus } from '../workflow-commands/format-instance.js';

/*
 * How guided workflows look in the terminal. Names, reasons, instructions (rendered with the
 * context) and reports are data: escaped, instructions keeping their lines.
 */

const safe = escapeTerminalText;

/** A definition as list_workflows summarises it. */
export interface WorkflowSummary {
  name: string;
  valid: boolean;
  [field: string]: unknown;
}

export function formatDefinitionList(workflows: readonly WorkflowSummary[], palette: Palette): string {
  const rows = workflows.map((w) => {
    const steps = Array.isArray(w.steps) ? String(w.steps.length) : '';
    const firstError = Array.isArray(w.errors) ? String(w.errors[0] ?? '') : '';
    return [safe(w.name), safe(typeof w.title === 'string' ? w.title : ''), steps, w.valid ? palette.green('valid') : palette.red(safe(firstError))];
  });
  return formatTable(['NAME', 'TITLE', 'STEPS', 'VALID'], rows);
}

/** What start, status, advance and resume answer: the status, the next step with its instructions and how to report it. */
export function formatAnswer(answer: GuidedAnswer, palette: Palette): string {
  const id = safe(answer.instance_id);
  const lines = [`instance: ${id}`, `status:   ${paintStatus(answer.status, palette)}`];
  if (answer.next_step) lines.push(`step:     ${palette.bold(safe(answer.next_step.name))}`);
  lines.push(`why:      ${safe(answer.reason)}`);
  if (answer.fallback !== undefined) lines.push(`fallback: ${palette.yellow(safe(answer.fallback))}`);
  if (answer.waiting_for) lines.push(`waiting:  ${describeWait({ step: answer.waiting_for.step, ...(answer.waiting_for.human_task_id !== undefined && { humanTaskId: answer.waiting_for.human_task_id }), ...(answer.waiting_for.task_id !== undefined && { taskId: answer.waiting_for.task_id }) })}`);
  if (answer.next_step && answer.status !== 'waiting') {
    const step = safe(answer.next_step.name);
    lines.push('', escapeTerminalLines(answer.next_step.instructions.trimEnd()), '', palette.dim(`Report it: orchestra guided advance ${id} --step ${step} --status success|failure|blocked [--result JSON|TEXT] [--context-updates JSON]`));
  } else if (answer.status === 'waiting') {
    lines.push('', palette.dim(`Check it again with: orchestra guided status ${id}`));
  }
  return `${lines.join('\n')}\n`;
}

/** What a waiting instance waits for, in a few words. */
export function describeWait(wait: GuidedWait | undefined): string {
  if (wait === undefined) return '';
  if (wait.reconcile) return `a person to choose the step (${safe(wait.reconcile.recorded)} or ${safe(wait.reconcile.assumed)}), task ${safe(wait.humanTaskId ?? '')}`;
  if (wait.humanTaskId !== undefined) return `${safe(wait.step)} (human task ${safe(wait.humanTaskId)}: \`orchestra answer ${safe(wait.humanTaskId)}\`)`;
  if (wait.taskId !== undefined) return `${safe(wait.step)} (coding task ${safe(wait.taskId)})`;
  if (wait.taskSlug !== undefined) return `${safe(wait.step)} (coding task ${safe(wait.taskSlug)}, not started yet)`;
  return safe(wait.step);
}

export function formatInstanceList(instances: readonly GuidedInstance[], palette: Palette): string {
  const rows = instances.map((g) => [safe(g.id), safe(g.workflowName), paintStatus(g.status, palette), safe(g.currentStep ?? ''), formatTimestamp(g.createdAt), formatTimestamp(g.updatedAt)]);
  return formatTable(['ID', 'WORKFLOW', 'STATUS', 'STEP', 'STARTED', 'UPDATED'], rows);
}

/** `guided show`: the instance, then every report and every decision with who made it and why. */
export function formatGuidedDetail({ instance: g, history, decisions }: GuidedDetail, palette: Palette): string {
  const lines = [`${palette.bold(safe(g.workflowName))}  (${safe(g.id)})`, `status:   ${paintStatus(g.status, palette)}`];
  if (g.currentStep !== undefined) lines.push(`step:     ${safe(g.currentStep)}`);
  if (g.waitingFor) lines.push(`waiting:  ${describeWait(g.waitingFor)}`);
  if (g.projectDir !== undefined) lines.push(`project:  ${safe(g.projectDir)}`);
  lines.push(`workflow: ${safe(g.definitionDir)}`, `started:  ${formatTimestamp(g.createdAt)}`, `updated:  ${formatTimestamp(g.updatedAt)} (version ${g.version})`, `context:  ${briefJson(g.context as JsonValue, 200)}`);
  lines.push('', 'history:');
  if (history.length === 0) lines.push('  (no step reported yet)');
  else {
    const rows = history.map((h) => [String(h.seq), safe(h.step), safe(String(h.report.status ?? '')), formatTimestamp(h.at), briefJson(h.report.result as JsonValue | undefined), Object.keys(h.contextUpdates).length === 0 ? '' : briefJson(h.contextUpdates as JsonValue)]);
    lines.push(indent(formatTable(['#', 'STEP', 'STATUS', 'AT', 'RESULT', 'CONTEXT UPDATES'], rows)));
  }
  lines.push('', 'decisions:');
  const rows = decisions.map((d) => {
    // A resume that asked a person names no step yet: its action says so.
    const next = typeof d.output.next_step === 'string' ? d.output.next_step : typeof d.output.action === 'string' ? `(${d.output.action})` : '';
    const reason = safe(d.reason) + (d.fallback === undefined ? '' : palette.yellow(` (fallback: ${safe(d.fallback)})`));
    return [String(d.seq), d.kind, d.by, formatTimestamp(d.at), safe(next), reason];
  });
  lines.push(indent(formatTable(['#', 'KIND', 'BY', 'AT', 'NEXT', 'REASON'], rows)));
  return `${lines.join('\n')}\n`;
}

function indent(text: string): string {
  return text.split('\n').map((line) => `  ${line}`).join('\n');
}
