import { readdirSync, readFileSync } from 'node:fs';

/** The fields of `/proc/<pid>/stat` that tell whether a pid is still the process we started. */
export interface ProcStat {
  /** One letter: R running, S sleeping, Z zombie, X dead, … */
  state: string;
  pgrp: number;
  /** The session id: a process started in a PTY by node-pty leads its own session (sid = pid). */
  session: number;
  /** Clock ticks after boot; with the pid it names one process for the life of the machine. */
  startTime: string;
}

/** Only Linux has /proc in this shape; elsewhere every reader returns undefined. */
export const hasProcStat = process.platform === 'linux';

/**
 * Parses one `/proc/<pid>/stat` line. The command name (field 2) is in parentheses and may itself
 * hold spaces and ')', so the fields are counted from the last ')'.
 */
export function parseProcStat(text: string): ProcStat | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  // fields[0] is field 3 (state), so field n is fields[n - 3].
  const fields = text.slice(close + 1).trim().split(/\s+/);
  const state = fields[0];
  const pgrp = Number(fields[2]);
  const session = Number(fields[3]);
  const startTime = fields[19];
  if (state === undefined || startTime === undefined || !/^\d+$/.test(startTime) || !Number.isInteger(pgrp) || !Number.isInteger(session)) return undefined;
  return { state, pgrp, session, startTime };
}

/** Zombies have exited and only wait for a parent to reap them; where PID 1 never reaps, they linger. */
export function isLiveState(state: string): boolean {
  return state !== 'Z' && state !== 'X' && state !== 'x';
}

export function readProcStat(pid: number): ProcStat | undefined {
  if (!hasProcStat || !Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined; // gone, or /proc hides it
  }
}

/** Live (non-zombie) members of process group `pgid`, or undefined without /proc. */
export function liveGroupMembers(pgid: number): number[] | undefined {
  if (!hasProcStat) return undefined;
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const stat = readProcStat(pid);
    if (stat !== undefined && stat.pgrp === pgid && isLiveState(stat.state)) members.push(pid);
  }
  return members;
}
