import * as pty from 'node-pty';
import { resolveLaunch, validateSize, type AgentLaunch } from './agent-launch.js';
import { openOutputLog, type OutputLog } from './output-log.js';
import { groupAlive, signalGroup, waitUntil } from './process-group.js';
import { processStartTime } from './process-identity.js';
import { readPtyBytes } from './pty-bytes.js';
import { ScreenMirror } from './screen-mirror.js';
import { Utf8Chunks } from './utf8-chunks.js';

export interface SessionExit {
  exitCode: number;
  /** The signal that ended the agent, when one did. */
  signal?: number;
}

/**
 * One agent process in a PTY, owned by the daemon. Every byte it prints goes to a headless mirror
 * (the screen an attach starts from), to the log and, as text, to the output listeners (attached
 * terminals). The bytes are decoded only while such a listener is there: a busy agent with nobody
 * attached costs the mirror's parsing and the log's writes, no strings.
 */
export class PtySession {
  readonly pid: number;
  /** Read right after spawn, while the pid is certainly still this agent's. */
  readonly startTime: string | undefined;
  private readonly pty: pty.IPty;
  private readonly mirror: ScreenMirror;
  private readonly log: OutputLog | undefined;
  private readonly now: () => number;
  private readonly outputListeners = new Set<(data: string) => void>();
  private readonly arrivalListeners = new Set<() => void>();
  private readonly text = new Utf8Chunks();
  private readonly exitListeners = new Set<(exit: SessionExit) => void>();
  private readonly exitPromise: Promise<SessionExit>;
  private exit: SessionExit | undefined;
  private lastOutput: number | undefined;
  private stopping: Promise<SessionExit> | undefined;

  /** Throws OrchestraError (E_USAGE, E_CONFIG) for a bad size, a missing cwd or an unknown command. */
  static spawn(launch: AgentLaunch, options: { now?: () => number } = {}): PtySession {
    return new PtySession(launch, options.now ?? Date.now);
  }

  private constructor(launch: AgentLaunch, now: () => number) {
    const resolved = resolveLaunch(launch);
    this.now = now;
    this.mirror = new ScreenMirror(resolved.cols, resolved.rows);
    this.log = resolved.logFile === undefined ? undefined : openOutputLog(resolved.logFile);
    try {
      this.pty = pty.spawn(resolved.command, resolved.args, {
        name: 'xterm-256color',
        cols: resolved.cols,
        rows: resolved.rows,
        cwd: resolved.cwd,
        env: resolved.env,
      });
    } catch (error) {
      void this.log?.close();
      this.mirror.dispose();
      throw error;
    }
    this.pid = this.pty.pid;
    this.startTime = processStartTime(this.pid);
    readPtyBytes(this.pty);
    // Buffers once readPtyBytes took the decoder off, strings where it could not.
    this.pty.onData((data: string | Buffer) => this.onAgentOutput(data));
    this.exitPromise = new Promise((resolve) => {
      this.pty.onExit(({ exitCode, signal }) => {
        // node-pty reports exit only after the last output was read, so the log is complete here.
        const exit: SessionExit = signal ? { exitCode, signal } : { exitCode };
        void (this.log?.close() ?? Promise.resolve()).then(() => {
          this.exit = exit;
          for (const listener of [...this.exitListeners]) listener(exit);
          resolve(exit);
        });
      });
    });
  }

  get exited(): SessionExit | undefined {
    return this.exit;
  }

  /** Input from an attached terminal; dropped once the agent has exited. */
  write(data: string): void {
    if (this.exit === undefined) this.pty.write(data);
  }

  /** Resizes the PTY (the agent gets SIGWINCH) and the mirror together, so the screen stays comparable. */
  resize(cols: number, rows: number): void {
    validateSize(cols, rows);
    if (this.exit === undefined) this.pty.resize(cols, rows);
    this.mirror.resize(cols, rows);
  }

  size(): { cols: number; rows: number } {
    return this.mirror.size();
  }

  /** The screen as ANSI, with all output received before the call and nothing after it. */
  screen(): Promise<string> {
    return this.mirror.snapshot();
  }

  /** Resolves once the mirror has parsed all output received so far, so `lastLine()` is current. */
  parsed(): Promise<void> {
    return this.mirror.parsed();
  }

  /** Resolves once all output received so far is in the log file (it is appended in batches). */
  logFlushed(): Promise<void> {
    return this.log?.flushed() ?? Promise.resolve();
  }

  lastLine(): string {
    return this.mirror.lastLine();
  }

  lastOutputAt(): number | undefined {
    return this.lastOutput;
  }

  /** The agent's output as text, chunk by chunk (a character split across reads comes whole). */
  onOutput(listener: (data: string) => void): () => void {
    this.outputListeners.add(listener);
    return () => this.outputListeners.delete(listener);
  }

  /** Each time output arrives, without it: nothing is decoded for this listener. */
  onOutputArrived(listener: () => void): () => void {
    this.arrivalListeners.add(listener);
    return () => this.arrivalListeners.delete(listener);
  }

  onExit(listener: (exit: SessionExit) => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  /**
   * SIGTERM to the agent's process group, SIGKILL after `graceMs`; resolves with the exit. Group
   * members that outlive the agent get what is left of the grace, then SIGKILL, so nothing the
   * agent started stays behind. Calling it again, or after the agent exited, only sweeps the group.
   */
  stop(o: { graceMs?: number } = {}): Promise<SessionExit> {
    this.stopping ??= this.terminate(o.graceMs ?? 3000);
    return this.stopping;
  }

  private async terminate(graceMs: number): Promise<SessionExit> {
    const deadline = Date.now() + graceMs;
    if (this.exit === undefined) signalGroup(this.pid, 'SIGTERM');
    const kill = setTimeout(() => signalGroup(this.pid, 'SIGKILL'), graceMs);
    const exit = await this.exitPromise;
    clearTimeout(kill);
    // The leader is reaped, but while any member is left the kernel keeps its pid as their group id.
    if (groupAlive(this.pid)) {
      await waitUntil(() => !groupAlive(this.pid), Math.max(0, deadline - Date.now()));
      if (groupAlive(this.pid)) signalGroup(this.pid, 'SIGKILL');
    }
    return exit;
  }

  private onAgentOutput(data: string | Buffer): void {
    this.lastOutput = this.now();
    this.mirror.write(data);
    this.log?.write(data);
    if (this.outputListeners.size > 0) {
      const text = typeof data === 'string' ? data : this.text.decode(data);
      for (const listener of [...this.outputListeners]) listener(text);
    } else if (typeof data !== 'string') {
      this.text.skip(data);
    }
    for (const listener of [...this.arrivalListeners]) listener();
  }
}
