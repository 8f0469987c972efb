import type { Graph } from '../../pipeline/graph/model.js';
import { plainValue } from '../../pipeline/graph/model.js';
import { RunContext } from '../context.js';
import type { RunProgress } from './run-progress.js';
import { workspaceHeadPrefix } from './workspace-heads.js';

/** Context keys the engine owns. Run variables live under `vars.` so they cannot collide with handler keys. */
export const ContextKeys = {
  outcome: 'outcome',
  preferredLabel: 'preferred_label',
  currentNode: 'current_node',
  loopRestartCount: 'internal.loop_restart_count',
  retryCount: (nodeId: string) => `internal.retry_count.${nodeId}`,
  variable: (name: string) => `vars.${name}`,
} as const;

/** Graph attributes mirrored as `graph.<key>` (digest §5 step 1) and run variables as `vars.<name>`. */
export function createInitialContext(graph: Graph, variables: Readonly<Record<string, string>>): RunContext {
  const context = new RunContext();
  for (const [key, attr] of Object.entries(graph.attrs)) context.set(`graph.${key}`, plainValue(attr.value));
  if (!context.has('graph.goal')) context.set('graph.goal', '');
  for (const [name, value] of Object.entries(variables)) context.set(ContextKeys.variable(name), value);
  context.set(ContextKeys.loopRestartCount, 0);
  return context;
}

/**
 * Decision 9: a loop restart keeps the run id but starts over: a fresh context that keeps only
 * `graph.*`, `vars.*`, the workspace heads (the files stay as they are, issue 14) and the
 * incremented `internal.loop_restart_count`; completed nodes, outcomes and retry counts are cleared.
 */
export function resetForLoopRestart(progress: RunProgress): void {
  const kept = new RunContext();
  for (const [key, value] of Object.entries(progress.context.snapshot())) {
    if (key.startsWith('graph.') || key.startsWith('vars.') || key.startsWith(workspaceHeadPrefix)) kept.set(key, value);
  }
  progress.loopRestarts += 1;
  kept.set(ContextKeys.loopRestartCount, progress.loopRestarts);
  progress.context = kept;
  progress.completedNodes = [];
  progress.nodeOutcomes = {};
  progress.nodeRetries = {};
}
