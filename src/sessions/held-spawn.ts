import { spawn, type ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';
import { processStartTime } from './process-identity.js';

/**
 * Stores, before a node's process may do anything, that its process group exists, so that a run
 * resumed after a crash of its driver can end a group left running (src/engine/run/orphan-processes.ts).
 */
export interface ProcessRecorder {
  /** Resolves once the record is durable, with the function that clears it when the group has ended. */
  record(pid: number, startTime: string | undefined): Promise<() => Promise<void>>;
}

export interface HeldSpawnOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: 'ignore' | 'pipe';
  /** Undefined only where nothing is to be recorded (a caller outside a run). */
  recorder: ProcessRecorder | undefined;
}

export interface HeldChild {
  /** stdout and stderr are pipes; stdin too when asked for. */
  child: ChildProcess;
  /**
   * Resolves once the group is recorded and the command released, with the record's clear
   * function; rejects when recording failed (the held group is then SIGKILLed: it ran nothing).
   */
  released: Promise<() => Promise<void>>;
}

/*
 * A constant script, never built from input: the command and its arguments arrive as "$@". It
 * waits for one line on fd 3, which the parent writes only once the group is recorded. When the
 * parent dies first, fd 3 reaches EOF and the command is never started.
 */
const gate = 'IFS= read -r go <&3 || exit 125; exec 3<&-; exec "$@"';

const nothingToClear = (): Promise<void> => Promise.resolve();

/**
 * Spawns `file args` as the leader of a new process group (and session), held: the leader is a
 * shell waiting on a pipe, which `exec`s the command (same pid, same start time) once `recorder`
 * has stored the group.
 */
export function spawnHeld(file: string, args: readonly string[], options: HeldSpawnOptions): HeldChild {
  const child = spawn('/bin/sh', ['-c', gate, 'orchestra-held', file, ...args], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: [options.stdin, 'pipe', 'pipe', 'pipe'],
  });
  const release = child.stdio[3] as Writable;
  // EPIPE when the held shell is gone before the release (killed, or it never started).
  release.on('error', () => undefined);
  const released = (async () => {
    const pid = child.pid;
    if (pid === undefined) return nothingToClear; // spawn failed; the child's 'error' event says why
    const clear = options.recorder === undefined ? nothingToClear : await options.recorder.record(pid, processStartTime(pid));
    release.end('\n');
    return clear;
  })();
  released.catch(() => {
    if (child.pid !== undefined) killGroup(child.pid);
    release.destroy();
  });
  return { child, released };
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: already gone.
  }
}
