import type { Clock, Random } from '../core/clock.js';
import type { RunEventBody } from '../core/events.js';
import type { Logger } from '../core/logger.js';
import type { Outcome } from '../core/outcome.js';
import type { AgentBackend, Fidelity } from '../agents/backend.js';
import type { TurnRecord } from '../agents/agent-loop/turn-record.js';
import type { Interviewer } from '../humans/interviewer.js';
import type { GateTasks } from './gate-tasks.js';
import type { RunWorkflows } from './run-workflows.js';
import type { Graph, GraphNode } from '../pipeline/graph/model.js';
import type { ArtifactStore } from '../store/run-dir/artifact-store.js';
import type { Store } from '../store/store.js';
import type { RunWorkspace } from '../workspace/run-workspace/types.js';
import type { RunContext } from './context.js';

/**
 * A node handler (Attractor §4). Handlers are the only place effects happen; the run loop decides
 * what runs next. Cancellation always arrives through `input.signal` (node timeout, Ctrl-C,
 * first_success). Returning `undefined` is allowed only with `auto_status=true` (decision 18).
 */
export interface Handler {
  execute(input: HandlerInput): Promise<Outcome | undefined>;
  /**
   * `false` when the handler does not need its stage directory to exist when it starts: the engine
   * then skips creating it up front. Such a handler writes its stage files through
   * `services.files` (the mirror creates the directory), and calls `input.ensureStageDir()` before
   * anything needs the directory on disk (a command's working directory or log files, a backend
   * that does not create it). Creating a directory is one of the costliest things a node does on
   * some file systems (issue 9).
   */
  readonly usesStageDir?: boolean;
}

export interface HandlerInput {
  node: GraphNode;
  graph: Graph;
  /** The run's live context. Handlers read it; they change it only through `contextUpdates`. */
  context: RunContext;
  run: RunInfo;
  /**
   * `{logsRoot}/{nodeId}` (or under `restart-N/`), in parallel branches too. Created before execute,
   * unless the handler says `usesStageDir: false`: then it may not exist yet (see `ensureStageDir`).
   */
  stageDir: string;
  /** Creates `stageDir` (0700) if it does not exist yet; cheap once done. */
  ensureStageDir(): Promise<void>;
  /** 1-based attempt number. */
  attempt: number;
  signal: AbortSignal;
  services: HandlerServices;
  /**
   * Names this visit of the node so that a resumed run repeating it gets the same name (loop
   * restart, branch, visit count from the checkpoint): gates derive their task id from it.
   */
  visit?: string;
  /** Carry-over text for non-`full` fidelity (decision 17), rendered by the run loop; codergen passes it to the backend. */
  preamble?: string;
}

export interface RunInfo {
  id: string;
  /** The run directory. */
  logsRoot: string;
  /** Directory of the DOT file; relative paths in the pipeline resolve against it. */
  baseDir: string;
  variables: Readonly<Record<string, string>>;
  /** Fidelity resolved for this node (decision 17) and its thread key when `full`. */
  fidelity: Fidelity;
  threadId: string | undefined;
  /** The worktrees this walk works in (issue 14): the run's, or its parallel branch's; absent without workspace repos. */
  workspace?: RunWorkspace;
  /** `resume --turn T` (issue 14): turns 1..T of this node's interrupted visit, for its agent to go on from. */
  resumedTurns?: readonly TurnRecord[];
}

export interface HandlerServices {
  backend: AgentBackend;
  interviewer: Interviewer;
  /** Gates create human tasks through it (issue 10); absent, they only ask the interviewer. */
  humanTasks?: GateTasks;
  /** `type="workflow"` nodes start code-first workflows through it (issue 11); absent, such a node fails. */
  workflows?: RunWorkflows;
  store: Store;
  clock: Clock;
  random: Random;
  logger: Logger;
  /** The run's artifact store (Attractor §19): large values go to `{logsRoot}/artifacts/`. */
  artifacts: ArtifactStore;
  /** Records and announces an event (written to the store first). */
  emit(event: RunEventBody): Promise<void>;
  /** Runs one parallel branch from `startNodeId` until it reaches `stopAt` (decision 6). */
  runBranch(request: BranchRequest): Promise<BranchResult>;
  /** Where another node's latest files are (its stage directory in this walk): for `context.from` and the fan-in. */
  stageDirOf(nodeId: string): string;
  /** Starts a child run of another pipeline (manager loop, composed pipelines). */
  startChildRun(request: ChildRunRequest): Promise<ChildRunHandle>;
  /** Tells the run about a process group a handler started; `ended` resolves once it is gone and forgotten. */
  trackProcess?(ended: Promise<void>): void;
  /**
   * Runs `task` once the node's outcome is durably committed (its checkpoint, or its branch step),
   * never before: for clean-up a crash must not see done while the node is not, such as removing
   * the branches a fan-in merged (issue 14). A failing task is logged; the run goes on.
   */
  afterCommit?(task: () => Promise<void>): void;
  /** The run directory's files: stored, then mirrored to disk off the engine's path (stage-file.ts). */
  files?: StageFileSink;
}

export interface StageFileSink {
  /** Stores `content` as the file at `path` (inside the run directory) and queues it for the disk; creates its directory. */
  write(path: string, content: string): void;
  /** Resolves once `path` has no write pending, so reading it from disk sees the latest content. */
  settle(path: string): Promise<void>;
  /**
   * Resolves once every file written so far is on disk (a failed write is reported at the run's
   * end, not here): awaited before a program that may read the run directory starts.
   */
  settleAll(): Promise<void>;
}

export interface BranchRequest {
  parentNode: string;
  startNodeId: string;
  /** The fan-in node id; the branch stops before executing it. */
  stopAt: string | undefined;
  /** A deep clone of the parent context; the branch works on it alone. */
  context: RunContext;
  index: number;
  signal: AbortSignal;
  /** The parallel node's attempt (from 1): a retry runs its branches anew, not from a crash's steps. */
  attempt?: number;
}

export interface BranchResult {
  id: string;
  status: Outcome['status'];
  notes?: string;
  failureReason?: string;
  lastNode: string;
  score?: number;
  /** Keys the branch changed relative to the context it started with. */
  contextUpdates: Record<string, unknown>;
  durationMs: number;
  /** Repo → the git branch holding this branch's work (issue 14); absent when the run has no workspace. */
  workspaceBranches?: Record<string, string>;
}

export interface ChildRunRequest {
  /** Absolute path of the child DOT file. */
  file: string;
  logsRoot: string;
  workdir: string | undefined;
  variables: Record<string, string>;
  signal: AbortSignal;
  /** Extra keys for the child's initial context, on top of `graph.*` and `vars.*` (composed pipelines' inputs). */
  context?: Record<string, unknown>;
  /**
   * The parent node's worktrees (issue 14): a child run has no session of its own; its nodes work
   * and commit in these, and the parent's node commits what is left when it ends.
   */
  workspace?: RunWorkspace;
}

export interface ChildRunHandle {
  runId: string;
  /** Resolves when the child run ends; `context` is the child's context at its end (composed pipelines' outputs). */
  result: Promise<{ status: Outcome['status']; error?: string; context?: Record<string, unknown> }>;
}

/** Maps handler type names to handlers. Re-registering a type replaces it. */
export interface HandlerRegistry {
  register(type: string, handler: Handler): void;
  get(type: string): Handler | undefined;
  has(type: string): boolean;
  types(): string[];
}
