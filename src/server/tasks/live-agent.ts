import type { Activity } from '../../sessions/index.js';
import { watchActivity, type PtySession, type SessionExit } from '../../sessions/index.js';

export interface LiveAgentOptions {
  projectRoot: string;
  taskId: number;
  profile: string;
  session: PtySession;
  quietMs: number;
  /** The profile reports through hooks or a plugin, whose reports outrank output. */
  reportsHold: boolean;
  onActivity: (agent: LiveAgent, activity: Activity, previous: Activity) => void;
  onExit: (agent: LiveAgent, exit: SessionExit) => void;
}

/** One agent the daemon runs: its PTY session, what it is doing, and who watches it. */
export class LiveAgent {
  readonly projectRoot: string;
  readonly taskId: number;
  readonly profile: string;
  readonly session: PtySession;
  readonly startedAt = new Date().toISOString();
  /**
   * Why the daemon itself stops the agent, so that the exit is not taken for a crash. `merge` sets
   * the task's status itself: the exit must not race it with `stopped`.
   */
  stopping: false | 'stop' | 'shutdown' | 'merge' = false;
  /** Someone typed into the agent or a hook saw it work since the task was completed: feedback. */
  feedback = false;
  /** The task's prompt was typed into an agent that cannot take it as an argument. */
  promptTyped = false;
  private readonly activity: ReturnType<typeof watchActivity>;

  constructor(options: LiveAgentOptions) {
    this.projectRoot = options.projectRoot;
    this.taskId = options.taskId;
    this.profile = options.profile;
    this.session = options.session;
    this.activity = watchActivity(options.session, {
      quietMs: options.quietMs,
      reportsHold: options.reportsHold,
      onChange: (activity, previous) => options.onActivity(this, activity, previous),
    });
    options.session.onExit((exit) => {
      this.activity.dispose();
      options.onExit(this, exit);
    });
  }

  get currentActivity(): Activity {
    return this.activity.current();
  }

  /** A hook, plugin or `orchestra status set` knows better than output quiescence. */
  report(activity: Activity): void {
    if (activity === 'working') this.feedback = true;
    this.activity.report(activity);
  }

  /** Keystrokes from an attached terminal. */
  input(data: string): void {
    this.feedback = true;
    this.session.write(data);
  }
}

export function agentKey(projectRoot: string, taskId: number): string {
  return `${projectRoot}\u0000${taskId}`;
}
