import type { NodeRecord } from '../../store/types.js';
import type { RunView } from './run-view.js';
import type { RunViewOutput } from './schemas.js';

/** A run as the API shows it: the view `orchestra runs --json` prints, minus the lease and stored options. */
export function apiRunView(view: RunView): RunViewOutput {
  const { lease: _lease, options, ...rest } = view;
  return { ...stripUndefined(rest), simulate: options.simulate === true };
}

/** A node record without its run id (the caller named the run), absent fields left out. */
export function apiNodeView(node: NodeRecord): Omit<NodeRecord, 'runId' | 'finishedAt' | 'notes' | 'failureReason'> & Partial<Pick<NodeRecord, 'finishedAt' | 'notes' | 'failureReason'>> {
  const { runId: _runId, ...rest } = node;
  return stripUndefined(rest);
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
