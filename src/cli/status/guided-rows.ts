import { formatDuration } from '../../core/index.js';
import { escapeTerminalText } from '../../core/terminal-text.js';
import type { GuidedInstance } from '../../store/guided-types.js';
import type { WorkflowInstance } from '../../store/workflow-types.js';
import type { Palette } from '../output/color.js';
import { formatTimestamp } from '../output/format-time.js';
import { describeWait } from '../guided-commands/format.js';
import { paintStatus } from '../workflow-commands/format-instance.js';
import { workflowRunRow } from './workflow-rows.js';

/*
 * Guided workflow instances in `orchestra runs` (issue 13), beside pipeline runs and code-first
 * workflow instances: the workflow's name marked `(guided)`, the current step where a run has its node.
 */

/** A workflow instance of either kind, as `runs` lists it among the runs. */
export type ListedInstance = { workflow: WorkflowInstance } | { guided: GuidedInstance };

/** Both kinds in one list, newest first (each list comes newest first). */
export function instancesNewestFirst(workflows: readonly WorkflowInstance[], guided: readonly GuidedInstance[]): ListedInstance[] {
  const listed: ListedInstance[] = [...workflows.map((workflow) => ({ workflow })), ...guided.map((g) => ({ guided: g }))];
  // A stable sort: same-time instances keep code-first ones first.
  return listed.sort((a, b) => instanceStart(b) - instanceStart(a));
}

export function instanceStart(instance: ListedInstance): number {
  return 'workflow' in instance ? instance.workflow.createdAt : instance.guided.createdAt;
}

export function instanceRunRow(instance: ListedInstance, now: number, palette: Palette): string[] {
  return 'workflow' in instance ? workflowRunRow(instance.workflow, now, palette) : guidedRunRow(instance.guided, now, palette);
}

/** A row of the runs table for a guided instance: RUN, PIPELINE, STATE, NODE, STARTED, DURATION. */
export function guidedRunRow(instance: GuidedInstance, now: number, palette: Palette): string[] {
  const end = instance.status === 'running' || instance.status === 'waiting' ? now : instance.updatedAt;
  return [
    escapeTerminalText(instance.id),
    `${escapeTerminalText(instance.workflowName)} (guided)`,
    paintStatus(instance.status, palette),
    instance.status === 'waiting' ? describeWait(instance.waitingFor) : escapeTerminalText(instance.currentStep ?? ''),
    formatTimestamp(instance.createdAt),
    formatDuration(Math.max(0, end - instance.createdAt)),
  ];
}
