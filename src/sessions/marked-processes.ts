import { readdirSync, readFileSync } from 'node:fs';
import { hasProcStat, isLiveState, readProcStat } from './proc-stat.js';

/**
 * The variable every task agent is started with: a value unique to that start (see
 * src/server/tasks/orphan-agents.ts). Processes the agent starts inherit it.
 */
export const agentMarkerVariable = 'ORCHESTRA_AGENT_MARKER';

/** A live process whose environment carries a marker variable, as /proc shows it. */
export interface MarkedProcess {
  pid: number;
  startTime: string;
  /** The marker variable's value. */
  marker: string;
  /** The other variables asked for, when the process has them. */
  env: Record<string, string>;
}

/**
 * The live session leaders (sid = pid: what node-pty starts) that were started with `variable` in
 * their environment, read from /proc/<pid>/environ, which holds the environment a process was
 * exec'd with. Only the user's own processes can be read, which are the only ones that can be ours.
 * Empty without /proc. A marker is inherited by what the process starts, so callers pick among
 * the processes sharing one (see findMarkedAgents).
 */
export function findMarkedProcesses(variable: string, keys: readonly string[] = []): MarkedProcess[] {
  if (!hasProcStat) return [];
  const found: MarkedProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const env = readEnviron(pid);
    const marker = env?.get(variable);
    if (env === undefined || marker === undefined || marker === '') continue;
    const stat = readProcStat(pid);
    if (stat === undefined || !isLiveState(stat.state) || stat.session !== pid) continue;
    const wanted: Record<string, string> = {};
    for (const key of keys) {
      const value = env.get(key);
      if (value !== undefined) wanted[key] = value;
    }
    found.push({ pid, startTime: stat.startTime, marker, env: wanted });
  }
  return found;
}

/** Parses `NAME=value\0...`, the format of /proc/<pid>/environ. */
export function parseEnviron(text: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const entry of text.split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) env.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return env;
}

function readEnviron(pid: number): Map<string, string> | undefined {
  try {
    return parseEnviron(readFileSync(`/proc/${pid}/environ`, 'utf8'));
  } catch {
    return undefined; // gone meanwhile, or another user's (EACCES)
  }
}
