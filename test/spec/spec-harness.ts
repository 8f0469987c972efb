import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunEvent } from '../../src/core/events.js';
import { createSimulationBackend, type SimulationBackendOptions } from '../../src/agents/simulation/index.js';
import { createDefaultRegistry } from '../../src/engine/handlers/index.js';
import { startRun, type RunResult } from '../../src/engine/runner.js';
import { createAutoApproveInterviewer } from '../../src/humans/interviewers/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';

export interface SpecRun {
  runId: string;
  logsRoot: string;
  result: RunResult;
  events: RunEvent[];
  store: Store;
  backend: ReturnType<typeof createSimulationBackend>;
  dir: string;
  dispose(): Promise<void>;
}

/** Runs `dot` to its end with the real handlers, the simulation backend and a SQLite store in a temp dir. */
export async function runSpecPipeline(dot: string, options: SimulationBackendOptions = {}): Promise<SpecRun> {
  const dir = mkdtempSync(join(tmpdir(), 'orchestra-spec-'));
  const file = join(dir, 'pipeline.dot');
  writeFileSync(file, dot);
  const store = await openSqliteStore(join(dir, 'orchestra.db'));
  const backend = createSimulationBackend(options);
  const events: RunEvent[] = [];
  const handle = await startRun(
    { file },
    { store, backend, interviewer: createAutoApproveInterviewer(), registry: createDefaultRegistry(), runsDir: join(dir, 'runs'), onEvent: (event) => events.push(event) },
  );
  const result = await handle.result();
  return {
    runId: handle.runId,
    logsRoot: handle.logsRoot,
    result,
    events,
    store,
    backend,
    dir,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
