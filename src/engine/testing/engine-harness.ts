import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentBackend } from '../../agents/backend.js';
import type { RunEvent } from '../../core/events.js';
import type { Interviewer } from '../../humans/interviewer.js';
import { createMemoryStore } from '../../store/memory/index.js';
import type { Store } from '../../store/store.js';
import type { Handler, HandlerRegistry } from '../handler.js';
import { createHandlerRegistry } from '../handlers/registry/handler-registry.js';
import type { EngineOptions } from '../run/engine-options.js';
import { createInstantClock, createSeededRandom, type InstantClock } from './instant-clock.js';
import { createScriptedHandler, type ScriptedHandler, type ScriptStep } from './scripted-handler.js';

/** Handler types the scripted handler stands in for. */
const scriptedTypes = ['start', 'exit', 'codergen', 'conditional', 'tool', 'wait.human', 'parallel.fan_in', 'stack.manager_loop'];

export interface EngineHarness {
  store: Store;
  clock: InstantClock;
  handler: ScriptedHandler;
  registry: HandlerRegistry;
  /** Every event onEvent saw, in order. */
  events: RunEvent[];
  runsDir: string;
  engine(overrides?: Partial<EngineOptions>): EngineOptions;
  cleanup(): Promise<void>;
}

export interface HarnessOptions {
  script?: Record<string, ScriptStep[]>;
  store?: Store;
  clock?: InstantClock;
  handlers?: Record<string, Handler>;
}

/** A memory store, an instant clock and a scripted registry, for run-loop tests without effects. */
export async function createEngineHarness(options: HarnessOptions = {}): Promise<EngineHarness> {
  const runsDir = await mkdtemp(join(tmpdir(), 'orchestra-engine-'));
  const store = options.store ?? createMemoryStore();
  const clock = options.clock ?? createInstantClock();
  const handler = createScriptedHandler(options.script);
  const registry = createHandlerRegistry();
  for (const type of scriptedTypes) registry.register(type, handler);
  for (const [type, custom] of Object.entries(options.handlers ?? {})) registry.register(type, custom);
  const events: RunEvent[] = [];
  const random = createSeededRandom();
  return {
    store,
    clock,
    handler,
    registry,
    events,
    runsDir,
    engine: (overrides = {}) => ({
      store,
      backend: nullBackend,
      interviewer: nullInterviewer,
      registry,
      clock,
      random,
      runsDir,
      onEvent: (event) => events.push(event),
      leaseOwner: 'test-host:1:owner',
      ...overrides,
    }),
    async cleanup() {
      await rm(runsDir, { recursive: true, force: true });
    },
  };
}

const nullBackend: AgentBackend = { name: 'null', run: async () => 'ok' };
const nullInterviewer: Interviewer = {
  ask: async () => ({ value: 'skipped' }),
  inform: async () => {},
};

/** The DOT file name tests pass with inline sources (it need not exist). */
export function pipelineFile(harness: EngineHarness, name = 'pipeline.dot'): string {
  return join(harness.runsDir, name);
}

/** The event types of one run, in order, optionally without the high-volume ones. */
export function eventTypes(events: readonly RunEvent[], runId?: string): string[] {
  return events.filter((event) => runId === undefined || event.runId === runId).map((event) => event.type);
}

/**
 * Waits for `started` (a handler announcing it is running), failing at once if the run ends first,
 * so a run that breaks early fails the test instead of hanging it.
 */
export async function whenStarted<T>(started: Promise<T>, handle: { result(): Promise<unknown> }): Promise<T> {
  const endedFirst = handle.result().then((result) => {
    throw new Error(`the run ended before the awaited node started: ${JSON.stringify(result)}`);
  });
  return Promise.race([started, endedFirst]);
}
