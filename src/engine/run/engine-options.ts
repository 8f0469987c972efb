import { hostname } from 'node:os';
import type { AgentBackend } from '../../agents/backend.js';
import { systemClock, systemRandom, type Clock, type Random } from '../../core/clock.js';
import type { RunEvent } from '../../core/events.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import type { Interviewer } from '../../humans/interviewer.js';
import type { Store } from '../../store/store.js';
import type { RunWorkspaces } from '../../workspace/run-workspace/types.js';
import type { GateTasks } from '../gate-tasks.js';
import type { RunWorkflows } from '../run-workflows.js';
import type { HandlerRegistry } from '../handler.js';
import { createDefaultRegistry } from '../handlers/index.js';

/** What the CLI (or daemon) gives the engine. Only `store`, `backend`, `interviewer`, `runsDir` are required. */
export interface EngineOptions {
  store: Store;
  backend: AgentBackend;
  interviewer: Interviewer;
  /** Where gates store their human tasks (issue 10); without it gates only ask the interviewer. */
  humanTasks?: GateTasks;
  /** Where `type="workflow"` nodes start code-first workflows (issue 11): src/workflows/dot-node. */
  workflows?: RunWorkflows;
  /** The git workspaces of orchestra.yaml's `workspace.repos` (issue 14); without it a run works in its directory. */
  workspaces?: RunWorkspaces;
  registry?: HandlerRegistry;
  clock?: Clock;
  random?: Random;
  logger?: Logger;
  /** Called after each event is committed to the store, in `seq` order. */
  onEvent?: (event: RunEvent) => void;
  /** Aborting it interrupts the run (Ctrl-C); the last checkpoint stays and the run can be resumed. */
  signal?: AbortSignal;
  /** Where run directories go by default: `<runsDir>/<runId>`. */
  runsDir: string;
  /** Identifies this process in leases; default `${hostname}:${pid}:${random}`. */
  leaseOwner?: string;
  leaseTtlMs?: number;
}

export type ResolvedEngine = Required<Omit<EngineOptions, 'onEvent' | 'signal' | 'humanTasks' | 'workflows' | 'workspaces'>> & Pick<EngineOptions, 'onEvent' | 'signal' | 'humanTasks' | 'workflows' | 'workspaces'>;

export const defaultLeaseTtlMs = 15_000;

export function resolveEngineOptions(options: EngineOptions): ResolvedEngine {
  const random = options.random ?? systemRandom;
  return {
    ...options,
    registry: options.registry ?? createDefaultRegistry(),
    clock: options.clock ?? systemClock,
    random,
    logger: options.logger ?? silentLogger,
    leaseOwner: options.leaseOwner ?? createLeaseOwner(random),
    leaseTtlMs: options.leaseTtlMs ?? defaultLeaseTtlMs,
  };
}

/** `${hostname}:${pid}:${random}`: the host and pid let a later process see that the owner died. */
export function createLeaseOwner(random: Random): string {
  const suffix = Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0');
  return `${hostname()}:${process.pid}:${suffix}`;
}
