import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { daemonPaths } from '../../src/server/daemon/index.js';
import { DaemonClient } from '../../src/server/rpc/index.js';
import { killProcessesOf } from './real-agent-env.js';
import type { TaskView } from '../../src/server/tasks/task-queries.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const binPath = join(repoRoot, 'bin/orchestra.js');
export const fakeAgentPath = join(repoRoot, 'test/support/fake-agent.mjs');

export interface BinResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TaskProjectOptions {
  /** Body of `.orchestra/setup` (a shell script); none when undefined. */
  setup?: string;
  /** Output quiet for this long means idle (the daemon's ORCHESTRA_QUIET_MS). */
  quietMs?: number;
  env?: Record<string, string>;
}

/**
 * A git repository in a temp dir with an orchestra.yaml whose `fake` agent is the scripted fake
 * agent (test/support/fake-agent.mjs), its own ORCHESTRA_HOME (so its own daemon), and helpers to
 * run the built CLI in it. `cleanup()` stops the daemon and every fake agent, then deletes it all.
 */
export class TaskProject {
  readonly root = mkdtempSync(join(tmpdir(), 'orchestra-tasks-'));
  readonly project = join(this.root, 'project');
  readonly home = join(this.root, 'home');
  /** Each fake agent start appends { pid, argv, cwd, session } here. */
  readonly agentLog = join(this.root, 'fake-agent.log');
  readonly env: Record<string, string>;

  constructor(options: TaskProjectOptions = {}) {
    mkdirSync(this.project);
    const git = (...args: string[]) => execFileSyncQuiet('git', args, this.project);
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@orchestra.invalid');
    git('config', 'user.name', 'Orchestra Test');
    writeFileSync(join(this.project, 'README.md'), 'a project\n');
    writeFileSync(join(this.project, 'orchestra.yaml'), fakeAgentConfig());
    git('add', '.');
    git('commit', '-q', '-m', 'initial');
    if (options.setup !== undefined) {
      mkdirSync(join(this.project, '.orchestra'), { recursive: true });
      writeFileSync(join(this.project, '.orchestra/setup'), options.setup);
      chmodSync(join(this.project, '.orchestra/setup'), 0o755);
    }
    this.env = {
      ORCHESTRA_HOME: this.home,
      ORCHESTRA_QUIET_MS: String(options.quietMs ?? 400),
      ORCHESTRA_QUIET_DAEMON: '1',
      // Its daemon's HTTP API on any free port, never the default one another daemon holds.
      ORCHESTRA_HTTP_PORT: '0',
      FAKE_AGENT_LOG: this.agentLog,
      NO_COLOR: '1',
      ...options.env,
    };
  }

  /** Runs `orchestra <args>` as a real process; `cwd` defaults to the project root. */
  bin(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Promise<BinResult> {
    return new Promise((resolve) => {
      const child = execFile(process.execPath, [binPath, ...args], { cwd: options.cwd ?? this.project, env: { ...process.env, ...this.env, ...options.env }, timeout: 60_000 }, (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : 1;
        resolve({ code, stdout, stderr });
      });
      if (options.input !== undefined) child.stdin?.end(options.input);
      else child.stdin?.end();
    });
  }

  async client(): Promise<DaemonClient> {
    return DaemonClient.connect(daemonPaths(this.home).socket, { timeoutMs: 10_000 });
  }

  async task(ref: string | number): Promise<TaskView> {
    const client = await this.client();
    try {
      return await client.call<TaskView>('task.get', { project: this.project, ref: String(ref) });
    } finally {
      client.close();
    }
  }

  /** Polls the daemon (no event to wait on from outside) until `accept` holds, or fails showing the last state. */
  async waitForTask(ref: string | number, accept: (task: TaskView) => boolean, timeoutMs = 20_000): Promise<TaskView> {
    const deadline = Date.now() + timeoutMs;
    let last: TaskView | undefined;
    for (;;) {
      last = await this.task(ref);
      if (accept(last)) return last;
      if (Date.now() > deadline) throw new Error(`timed out waiting for task ${ref}; last seen: ${JSON.stringify(last, null, 2)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The fake agent starts recorded so far. */
  agentStarts(): Array<{ pid: number; argv: string[]; cwd: string; session: string; env: Record<string, string> }> {
    if (!existsSync(this.agentLog)) return [];
    return readFileSync(this.agentLog, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  }

  async cleanup(): Promise<void> {
    await this.bin(['daemon', 'stop']).catch(() => undefined);
    // Detached runs are processes of their own that outlive a daemon by design; a test's must not outlive it.
    killProcessesOf(this.home, '--detached-as');
    for (const start of this.agentStarts()) {
      try {
        process.kill(-start.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** An agent profile that is config only: what a user adds for a CLI Orchestra does not ship. */
export function fakeAgentConfig(): string {
  return `cli_agents:
  fake:
    command: ${JSON.stringify(process.execPath)}
    args: [${JSON.stringify(fakeAgentPath)}, "{prompt}"]
    pass_env: ["FAKE_*"]
    interactive:
      args: [${JSON.stringify(fakeAgentPath)}, "--session-id", "{session_id}", "{prompt}"]
      resume_args: [${JSON.stringify(fakeAgentPath)}, "--session", "{session_id}"]
      session_id: assign
      prompt_via: argument
`;
}

function execFileSyncQuiet(command: string, args: string[], cwd: string): void {
  execFileSync(command, args, { cwd, stdio: 'ignore' });
}
