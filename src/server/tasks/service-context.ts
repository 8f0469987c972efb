import type { CliProfile } from '../../agents/cli-agents/index.js';
import type { Task } from '../../tasks/index.js';
import { TaskFiles } from '../../tasks/index.js';
import type { DaemonLog } from '../daemon/index.js';
import type { DaemonState } from './daemon-state.js';
import type { LiveAgent } from './live-agent.js';
import { agentKey } from './live-agent.js';

/** What changed, for `status --watch`, the TUI and (later) the dashboard. */
export interface TaskChange {
  projectRoot: string;
  taskId: number;
  slug: string;
  /** `edited`: its description, slug, base branch or agent changed (tasks.edit). */
  kind: 'created' | 'status' | 'activity' | 'removed' | 'output' | 'edited';
  status?: Task['status'];
  previousStatus?: Task['status'];
  activity?: 'working' | 'idle' | 'waiting';
  /** The agent asks for input: announce it (terminal bell, a line in `status --watch`). */
  needsInput?: boolean;
}

/** Finds the agent profile a task names, with the project's orchestra.yaml applied. */
export type ProfileSource = (projectRoot: string, name: string | undefined) => Promise<CliProfile>;

export interface ServiceOptions {
  home: string;
  state: DaemonState;
  log: DaemonLog;
  /** The daemon's own environment: test hooks, and what an agent gets when its caller sent none (launch-agent.ts). */
  env: Readonly<Record<string, string | undefined>>;
  /** argv that Claude Code hooks and the Opencode plugin run to report to the daemon. */
  hookCommand: string[];
  /** argv of `orchestra mcp`, which a task's Claude Code or Opencode gets as its MCP server; absent: none. */
  mcpCommand?: string[];
  /** Output quiet for this long means the agent is idle (when it reports nothing better). */
  quietMs: number;
  profiles: ProfileSource;
}

/** The shared parts the task operations work with; each operation is a function in its own file. */
export class ServiceContext {
  readonly agents = new Map<string, LiveAgent>();
  /** Tasks whose agent is being launched right now (agentKey): a second launch must not race it. */
  readonly launching = new Set<string>();
  /** Ports given to tasks so far (see start-task.ts); loaded on the first start. */
  portsInUse: Promise<Set<number>> | undefined;
  private readonly listeners = new Set<(change: TaskChange) => void>();

  constructor(readonly options: ServiceOptions) {}

  files(projectRoot: string): TaskFiles {
    return new TaskFiles(projectRoot);
  }

  liveAgent(projectRoot: string, taskId: number): LiveAgent | undefined {
    return this.agents.get(agentKey(projectRoot, taskId));
  }

  onChange(listener: (change: TaskChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: TaskChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.options.log.error('a task change listener failed', { error: (error as Error).message });
      }
    }
  }
}
