import { formatDuration } from '../../core/index.js';
import { escapeTerminalText } from '../../core/terminal-text.js';
import type { WorkflowInstance } from '../../store/workflow-types.js';
import type { Palette } from '../output/color.js';
import { formatTimestamp } from '../output/format-time.js';
import { describeWait, paintStatus } from '../workflow-commands/format-instance.js';

/*
 * Workflow instances in `orchestra runs` (issue 11), beside pipeline runs: same columns, the
 * workflow's name marked `(workflow)` where a run has its pipeline, and what a waiting instance
 * waits on where a waiting run has its gate.
 */

/** A row of the runs table for an instance: RUN, PIPELINE, STATE, NODE, STARTED, DURATION. */
export function workflowRunRow(instance: WorkflowInstance, now: number, palette: Palette): string[] {
  const end = instance.finishedAt ?? (instance.status === 'running' || instance.status === 'waiting' ? now : instance.updatedAt);
  return [
    escapeTerminalText(instance.id),
    `${escapeTerminalText(instance.name)} (workflow)`,
    paintStatus(instance.status, palette),
    escapeTerminalText(describeWait(instance)),
    formatTimestamp(instance.createdAt),
    formatDuration(Math.max(0, end - instance.createdAt)),
  ];
}

/** Merges two newest-first lists by start time, newest first; ties keep runs first. */
export function newestFirst<A, B>(runs: readonly A[], runStart: (run: A) => number, workflows: readonly B[], workflowStart: (workflow: B) => number): Array<{ run: A } | { workflow: B }> {
  const merged: Array<{ run: A } | { workflow: B }> = [];
  let i = 0;
  let j = 0;
  while (i < runs.length || j < workflows.length) {
    const run = runs[i];
    const workflow = workflows[j];
    if (run !== undefined && (workflow === undefined || runStart(run) >= workflowStart(workflow))) {
      merged.push({ run });
      i++;
    } else if (workflow !== undefined) {
      merged.push({ workflow });
      j++;
    }
  }
  return merged;
}
