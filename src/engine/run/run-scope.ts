import type { Graph } from '../../pipeline/graph/model.js';
import type { ArtifactStore } from '../../store/run-dir/artifact-store.js';
import type { RunWorkspace } from '../../workspace/run-workspace/types.js';
import type { TurnRecord } from '../../agents/agent-loop/turn-record.js';
import type { BranchRequest, BranchResult, ChildRunHandle, ChildRunRequest } from '../handler.js';
import type { ResolvedEngine } from './engine-options.js';
import type { BranchPlace, FinishedInBranch, RecordedSteps } from './branch-place.js';
import type { EventLog } from './event-log.js';
import type { LiveProcesses } from './live-processes.js';
import type { RunMirror } from './run-mirror.js';
import type { RunProgress } from './run-progress.js';
import type { StageVisits } from './stage-visits.js';
import type { WorkspacePushes } from './workspace-pushes.js';

/** What stays fixed while one process drives one run: the graph, where files go, the services. */
export interface RunScope {
  engine: ResolvedEngine;
  runId: string;
  graph: Graph;
  logsRoot: string;
  /** Directory relative paths in the pipeline resolve against. */
  baseDir: string;
  variables: Readonly<Record<string, string>>;
  goal: string;
  /** When the run was first started (the run record's startedAt). */
  startedAt: number;
  startNodeId: string;
  exitNodeId: string;
  events: EventLog;
  /** The run directory's files: stored, then written off the critical path; flushed at the end. */
  files: RunMirror;
  /** Earlier visits of each node, kept under `<node>/visits/N/` (issue 9). */
  visits: StageVisits;
  /** Artifacts handlers store during this process's part of the run. */
  artifacts: ArtifactStore;
  /** Aborts on Ctrl-C (the engine's signal) or when the lease is lost. */
  signal: AbortSignal;
  /** Branch steps committed before a crash, replayed by the resumed run's branches (issue 8.10). */
  recordedSteps?: RecordedSteps;
  /** The next node-record index; shared by the main loop and every branch. */
  nextIndex(): number;
  /** Node executions so far (the last index handed out): the `max_steps` guard counts these. */
  stepsTaken(): number;
  startChildRun(request: ChildRunRequest): Promise<ChildRunHandle>;
  /** Decision 6; `parent` is the frame whose node asked (its history seeds the branch's preambles). */
  runBranch(request: BranchRequest, parent: Frame): Promise<BranchResult>;
  /** The run's session worktrees (issue 14); undefined when orchestra.yaml configures no workspace repos. */
  workspace?: RunWorkspace;
  /** The workspace's pushes by policy (issue 14); set with `workspace`. */
  pushes?: WorkspacePushes;
  /** `resume --turn T` (issue 14): the node the run resumes in and its turns 1..T, handed to that node once. */
  resumedTurns?: { node: string; records: readonly TurnRecord[] } | undefined;
  /** Process groups handlers started that have not ended yet; the run waits for them at its end. */
  processes: LiveProcesses;
}

/**
 * Where a walk through the graph keeps its state: the main loop's frame is checkpointed, a parallel
 * branch commits each finished node as a branch step. `stageDir` places node files (run dir or `restart-N/`; branches use their parent's).
 */
export interface Frame {
  progress: RunProgress;
  stageDir(nodeId: string): string;
  /** Tag for events from a branch; undefined in the main loop. */
  branch: string | undefined;
  signal: AbortSignal;
  /** Decision 17: the first `full` node after a resume runs at summary:high. */
  degradeFull: boolean;
  /** Nodes finished by the branches of the node now running, by branch index (branch-nodes.ts). */
  branchNodes?: FinishedInBranch[] | undefined;
  /** A branch's place for committing its steps (issue 8.10); undefined in the main loop. */
  place?: BranchPlace;
  /** A parallel branch's own worktrees (issue 14); undefined: the run's (`scope.workspace`). */
  workspace?: RunWorkspace;
  /** Clean-up the node now running asked for once its outcome is committed (HandlerServices.afterCommit). */
  afterCommit?: Array<() => Promise<void>>;
}
