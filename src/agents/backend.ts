import type { RunEventBody } from '../core/events.js';
import type { Outcome } from '../core/outcome.js';
import type { Graph, GraphNode } from '../pipeline/graph/model.js';
import type { ProcessRecorder } from '../sessions/held-spawn.js';
import type { TurnRecord } from './agent-loop/turn-record.js';

/** Context fidelity modes (Attractor §5.4). */
export type Fidelity = 'full' | 'truncate' | 'compact' | 'summary:low' | 'summary:medium' | 'summary:high';

export interface AgentRequest {
  node: GraphNode;
  graph: Graph;
  /** The prompt after variable expansion. */
  prompt: string;
  /**
   * System instructions, when the node names an agent from orchestra.yaml: its role, persona and
   * personality layers, rendered. Backends send it as the system prompt (CLIs: prepended or passed
   * by their profile's system-prompt flag).
   */
  system?: string;
  /** A read-only snapshot of the run's context. */
  context: Readonly<Record<string, unknown>>;
  /** Resolved fidelity for this node; with `full`, `threadId` names the session to reuse. */
  fidelity: Fidelity;
  threadId: string | undefined;
  /** Carry-over text for non-`full` fidelity (the preamble), already rendered. */
  preamble: string;
  /**
   * `{logsRoot}/{nodeId}`: the backend may write files here. It exists when the backend is called,
   * unless the backend says `createsStageDir: true`.
   */
  stageDir: string;
  runId: string;
  attempt: number;
  signal: AbortSignal;
  /**
   * The directory the agent works in: the graph's `working_directory` resolved against the DOT
   * file's directory (decision 7), or against the run's primary worktree when it has a workspace
   * (issue 14). Backends with tools confine them to it; absent, they fall back to the DOT file's directory.
   */
  workDir?: string;
  /**
   * Set when the run has a workspace (issue 14): commits what agent turn `turn` (from 1) wrote, only
   * `files` (absolute paths) when given, else everything that changed, and returns every repo's HEAD
   * afterwards (undefined when nothing could be recorded). A backend with a tool loop calls it after
   * each turn and reports the heads with the turn; a CLI agent's call is one turn, which the node's
   * own commit at its end covers.
   */
  commitTurn?: (turn: number, files?: readonly string[]) => Promise<Record<string, string> | undefined>;
  /**
   * Why the engine asks: absent for the node's own work; `critic` when a `check.critic` reviews
   * that work (the answer must start with PASS or FAIL). `node.attrs.llm_model` then holds the
   * critic's tier or model.
   */
  purpose?: 'critic';
  /**
   * Set when the node is interactive (issue 10): which model turn of its conversation this is, and
   * the person's reply it answers. The prompt already holds the whole transcript; a backend needs
   * this only to tell turns apart (the simulation does).
   */
  chat?: { turn: number; reply?: string };
  /**
   * `orchestra resume RUN --turn T` (issue 14): turns 1..T of the interrupted visit, from its turn
   * log. The agent loop rebuilds the conversation from them and goes on at turn T+1; other backends
   * ignore it and do the node afresh on the files of turn T.
   */
  resumedTurns?: readonly TurnRecord[];
  /** Records an event on the run (stored before it is announced), e.g. `agent.turn`. */
  emit?: (event: RunEventBody) => Promise<void>;
  /** Stores each process group the backend starts before it runs, for resume to end after a crash. */
  processes?: ProcessRecorder;
  /**
   * Resolves once the run directory's files written so far (earlier nodes' prompt.md, response.md,
   * ...) are on disk, which happens off the engine's path: a backend that starts a program that may
   * read them (a coding-agent CLI, an agent with file tools) awaits it first.
   */
  runFilesOnDisk?: () => Promise<void>;
}

/**
 * The seam between the engine and whatever does the work of a codergen node: an LLM call, a
 * coding-agent CLI, or the simulation. Returning a string means SUCCESS with that response;
 * returning an Outcome gives the backend full control of routing. Throwing means FAIL.
 */
export interface AgentBackend {
  readonly name: string;
  /**
   * True when the backend creates `request.stageDir` itself before it writes there, or never writes
   * there (the built-in ones): the codergen handler then does not create the directory first, which
   * costs more than anything else a simulated or plain LLM node does on some file systems (issue 9).
   */
  readonly createsStageDir?: boolean;
  run(request: AgentRequest): Promise<string | AgentResult>;
}

export interface AgentResult {
  outcome: Outcome;
  /** The response text, written to response.md. */
  response?: string;
}
