import { isAbsolute, join, resolve } from 'node:path';
import { readString } from '../../../pipeline/graph/attr-read.js';
import type { HandlerInput } from '../../handler.js';
import type { ChildSettlement } from './child-telemetry.js';

export interface SupervisedChild {
  runId: string;
  /** Set once the child run has ended. */
  settled: ChildSettlement | undefined;
  /** Resolves when the child run ends; never rejects. */
  ended: Promise<void>;
  /** Stops the child run (only one this node started). */
  stop(reason: unknown): void;
  startedHere: boolean;
}

/** `child` is undefined when there is nothing to start or attach to (autostart off, no run id). */
export type ChildStart = { ok: true; child: SupervisedChild | undefined } | { ok: false; problem: string };

/**
 * Starts the graph's `stack.child_dotfile` (relative to the DOT file) as a child run under
 * `{stage}/child/` (decision 20), or, with `stack.child_autostart=false`, attaches to the run named
 * by `stack.child.run_id` in the context, or to none when there is no such run id.
 */
export async function startChild(input: HandlerInput, autostart: boolean): Promise<ChildStart> {
  const { graph, node, run } = input;
  if (!autostart) {
    const runId = input.context.getString('stack.child.run_id');
    // §4.11: valid without a child; the loop then watches stack.child.* in the context and its stop condition.
    if (runId === '') return { ok: true, child: undefined };
    return { ok: true, child: { runId, settled: undefined, ended: new Promise(() => {}), stop: () => {}, startedHere: false } };
  }
  const dotfile = readString(graph.attrs, 'stack.child_dotfile')?.trim() ?? '';
  if (dotfile === '') return { ok: false, problem: `Manager node "${node.id}" needs the graph attribute stack.child_dotfile naming the child pipeline` };
  const workdir = readString(graph.attrs, 'stack.child_workdir')?.trim();
  const controller = new AbortController();
  const onAbort = () => controller.abort(input.signal.reason);
  input.signal.addEventListener('abort', onAbort, { once: true });
  const handle = await input.services.startChildRun({
    file: resolvePath(run.baseDir, dotfile),
    logsRoot: join(input.stageDir, 'child'),
    workdir: workdir ? resolvePath(run.baseDir, workdir) : undefined,
    variables: { ...run.variables },
    signal: controller.signal,
    ...(run.workspace && { workspace: run.workspace }),
  });
  const child: SupervisedChild = {
    runId: handle.runId,
    settled: undefined,
    ended: Promise.resolve(),
    stop: (reason) => controller.abort(reason),
    startedHere: true,
  };
  child.ended = handle.result.then(
    (result) => void (child.settled = result),
    (error: unknown) => void (child.settled = { status: 'fail', error: error instanceof Error ? error.message : String(error) }),
  );
  void child.ended.finally(() => input.signal.removeEventListener('abort', onAbort));
  return { ok: true, child };
}

function resolvePath(baseDir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(baseDir, path);
}
