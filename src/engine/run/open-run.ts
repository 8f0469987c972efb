import { join, resolve } from 'node:path';
import { createRunId } from '../../core/ids.js';
import type { Graph } from '../../pipeline/graph/model.js';
import { readString } from '../../pipeline/graph/attr-read.js';
import type { ResolvedEngine } from './engine-options.js';
import { EventLog } from './event-log.js';
import { claimRunLease } from './lease-claim.js';
import { ensureDir, manifestFileName, writeManifestFile } from './stage-files.js';

export interface NewRunSpec {
  graph: Graph;
  source: string;
  /** Absolute path of the DOT file. */
  file: string;
  variables: Record<string, string>;
  options: Record<string, unknown>;
  logsRoot: string | undefined;
  parentRunId?: string;
  parentCheckpoint?: number;
  /** Tells `run.started` which checkpoint a replay continues from. */
  fromCheckpoint?: number;
  /** A run id the caller chose (see StartRunRequest.runId); default a new one. */
  runId?: string;
  /** The tenant the run is stored in (StartRunRequest.tenant); default `default`. */
  tenant?: string;
}

export interface OpenedRun {
  runId: string;
  logsRoot: string;
  goal: string;
  startedAt: number;
  events: EventLog;
}

/**
 * Initializes a new run (digest §5 INITIALIZE): run id, run directory with its manifest, the run
 * record, this process's lease, and the run.started event.
 */
export async function openRun(engine: ResolvedEngine, spec: NewRunSpec): Promise<OpenedRun> {
  const { store, clock } = engine;
  const startedAt = clock.now();
  const runId = spec.runId ?? newRunId(engine);
  const logsRoot = resolve(spec.logsRoot ?? join(engine.runsDir, runId));
  const goal = readString(spec.graph.attrs, 'goal') ?? '';
  const parent = {
    ...(spec.parentRunId !== undefined ? { parentRunId: spec.parentRunId } : {}),
    ...(spec.parentCheckpoint !== undefined ? { parentCheckpoint: spec.parentCheckpoint } : {}),
    ...(spec.tenant !== undefined ? { tenant: spec.tenant } : {}),
  };
  await ensureDir(logsRoot);
  const manifest = await writeManifestFile(logsRoot, { runId, pipeline: spec.graph.name, file: spec.file, goal, startedAt, variables: spec.variables, ...parent });
  await store.createRun({ id: runId, pipeline: spec.graph.name, file: spec.file, source: spec.source, goal, logsRoot, variables: spec.variables, options: spec.options, startedAt, ...parent });
  // The store keeps the manifest too, so `runs RUN --export DIR` can rebuild the whole directory.
  await store.putRunFiles(runId, [{ path: manifestFileName, content: manifest }]);
  await claimRunLease(engine, runId);
  const events = new EventLog(store, runId, clock, engine.logger, engine.onEvent);
  await events.emit({
    type: 'run.started',
    pipeline: spec.graph.name,
    file: spec.file,
    goal,
    resumed: false,
    ...(spec.fromCheckpoint !== undefined ? { fromCheckpoint: spec.fromCheckpoint } : {}),
  });
  return { runId, logsRoot, goal, startedAt, events };
}

/** A new run's id, from the engine's clock and Random (a way in that opens a workspace first needs it early). */
export function newRunId(engine: ResolvedEngine): string {
  return createRunId(engine.clock.now(), () => randomBytes(engine));
}

/** Four bytes from the injected Random, so run ids are reproducible in tests. */
function randomBytes(engine: ResolvedEngine): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(Math.floor(engine.random() * 0x1_0000_0000) >>> 0);
  return bytes;
}
