import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentBackend } from '../../../agents/backend.js';
import { createSimulationBackend } from '../../../agents/simulation/index.js';
import { systemClock, type Clock } from '../../../core/clock.js';
import type { RunEventBody } from '../../../core/events.js';
import { silentLogger } from '../../../core/logger.js';
import type { Interviewer } from '../../../humans/interviewer.js';
import { createQueueInterviewer } from '../../../humans/interviewers/index.js';
import type { Graph } from '../../../pipeline/graph/model.js';
import { createMemoryStore } from '../../../store/memory/index.js';
import type { Store } from '../../../store/store.js';
import { RunContext } from '../../context.js';
import type { BranchRequest, BranchResult, ChildRunHandle, ChildRunRequest, HandlerInput, RunInfo } from '../../handler.js';
import { ArtifactStore } from '../../../store/run-dir/artifact-store.js';

export interface HarnessOptions {
  graph: Graph;
  nodeId: string;
  context?: Record<string, unknown>;
  backend?: AgentBackend;
  interviewer?: Interviewer;
  store?: Store;
  clock?: Clock;
  run?: Partial<RunInfo>;
  attempt?: number;
  preamble?: string;
  /** Scripted parallel branches; the default throws, so a test that needs branches must say how they end. */
  runBranch?: (request: BranchRequest) => Promise<BranchResult>;
  startChildRun?: (request: ChildRunRequest) => Promise<ChildRunHandle>;
}

type EventOf<T extends RunEventBody['type']> = Extract<RunEventBody, { type: T }>;

export interface HandlerHarness {
  input: HandlerInput;
  /** Every event the handler emitted, in order. */
  events: RunEventBody[];
  eventsOf<T extends RunEventBody['type']>(type: T): Array<EventOf<T>>;
  /** Resolves with the first event (already emitted or later) that satisfies `match`; rejects after `deadlineMs`. */
  waitForEvent<T extends RunEventBody['type']>(type: T, match?: (event: EventOf<T>) => boolean, deadlineMs?: number): Promise<EventOf<T>>;
  /** Aborts the handler's signal, as a node timeout or Ctrl-C would. */
  abort(reason?: unknown): void;
  /** A temp directory owned by this harness: `run/` (logs root), `pipeline/` (base dir) live in it. */
  rootDir: string;
  stageDir: string;
  branchRequests: BranchRequest[];
  childRequests: ChildRunRequest[];
}

const live = new Set<string>();

/**
 * Builds a HandlerInput for running one handler in isolation: a real temp stage dir, a memory
 * store, recorded events, a controllable signal and scripted branch/child-run services.
 * Call `cleanupHarnesses` in `afterEach`.
 */
export async function createHandlerHarness(options: HarnessOptions): Promise<HandlerHarness> {
  const node = options.graph.nodes.get(options.nodeId);
  if (!node) throw new Error(`harness: graph has no node "${options.nodeId}"`);
  const rootDir = await mkdtemp(join(tmpdir(), 'orchestra-handler-'));
  live.add(rootDir);
  const logsRoot = join(rootDir, 'run');
  const stageDir = join(logsRoot, node.id);
  const baseDir = join(rootDir, 'pipeline');
  await mkdir(stageDir, { recursive: true });
  await mkdir(baseDir, { recursive: true });

  const events: RunEventBody[] = [];
  const listeners = new Set<(event: RunEventBody) => void>();
  const controller = new AbortController();
  const branchRequests: BranchRequest[] = [];
  const childRequests: ChildRunRequest[] = [];

  const store = options.store ?? createMemoryStore();
  const run: RunInfo = { id: 'run-test', logsRoot, baseDir, variables: {}, fidelity: 'compact', threadId: undefined, ...options.run };
  // Handlers record the processes they start against the run, so it must exist.
  if ((await store.getRun(run.id)) === undefined) {
    await store.createRun({ id: run.id, pipeline: options.graph.name, file: join(baseDir, 'pipeline.dot'), source: '', goal: '', logsRoot, variables: {}, options: {}, startedAt: 0 });
  }

  const input: HandlerInput = {
    node,
    graph: options.graph,
    context: new RunContext(options.context ?? {}),
    run,
    stageDir,
    async ensureStageDir() {
      await mkdir(stageDir, { recursive: true });
    },
    attempt: options.attempt ?? 1,
    signal: controller.signal,
    preamble: options.preamble,
    services: {
      backend: options.backend ?? createSimulationBackend(),
      interviewer: options.interviewer ?? createQueueInterviewer([]),
      store,
      clock: options.clock ?? systemClock,
      random: () => 0.5,
      logger: silentLogger,
      artifacts: new ArtifactStore(logsRoot),
      async emit(event) {
        events.push(structuredClone(event));
        for (const listener of listeners) listener(event);
      },
      async runBranch(request) {
        branchRequests.push(request);
        if (!options.runBranch) throw new Error('harness: runBranch was called but the test gave no runBranch');
        return options.runBranch(request);
      },
      stageDirOf: (nodeId) => join(logsRoot, nodeId),
      async startChildRun(request) {
        childRequests.push(request);
        if (!options.startChildRun) throw new Error('harness: startChildRun was called but the test gave no startChildRun');
        return options.startChildRun(request);
      },
    },
  };

  function eventsOf<T extends RunEventBody['type']>(type: T): Array<EventOf<T>> {
    return events.filter((event): event is EventOf<T> => event.type === type);
  }

  function waitForEvent<T extends RunEventBody['type']>(type: T, match: (event: EventOf<T>) => boolean = () => true, deadlineMs = 10_000): Promise<EventOf<T>> {
    const seen = eventsOf(type).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`harness: no ${type} event within ${deadlineMs}ms; events: ${JSON.stringify(events.map((e) => e.type))}`));
      }, deadlineMs);
      const listener = (event: RunEventBody) => {
        if (event.type !== type || !match(event as EventOf<T>)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(event as EventOf<T>);
      };
      listeners.add(listener);
    });
  }

  return {
    input,
    events,
    eventsOf,
    waitForEvent,
    abort: (reason) => controller.abort(reason),
    rootDir,
    stageDir,
    branchRequests,
    childRequests,
  };
}

export async function cleanupHarnesses(): Promise<void> {
  const dirs = [...live];
  live.clear();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}
