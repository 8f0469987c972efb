import { isAbsolute } from 'node:path';
import { agentMarkerVariable, findMarkedProcesses, isSameProcess, killProcessGroup } from '../../sessions/index.js';
import type { AgentRecord } from './agent-records.js';

/** A running agent process no live session of this daemon owns, and the task it belongs to. */
export interface OrphanAgent {
  projectRoot: string;
  taskId: number;
  pid: number;
  startTime: string | undefined;
}

type TaskKey = Pick<AgentRecord, 'projectRoot' | 'taskId'>;

/**
 * The task agents of one Orchestra home that run, found by the marker each is started with
 * (ORCHESTRA_AGENT_MARKER, beside ORCHESTRA_HOME, ORCHESTRA_PROJECT_ROOT and ORCHESTRA_TASK_ID):
 * without any record, and for a daemon killed between spawning an agent and recording its pid.
 * What an agent starts inherits its marker; of the session leaders sharing one, the agent is the
 * oldest. Never this process: a daemon started from inside an agent may have inherited one.
 */
export function findMarkedAgents(home: string): OrphanAgent[] {
  const oldest = new Map<string, OrphanAgent>();
  const keys = ['ORCHESTRA_HOME', 'ORCHESTRA_PROJECT_ROOT', 'ORCHESTRA_TASK_ID'];
  for (const proc of findMarkedProcesses(agentMarkerVariable, keys)) {
    const { ORCHESTRA_HOME: procHome, ORCHESTRA_PROJECT_ROOT: projectRoot, ORCHESTRA_TASK_ID: taskId } = proc.env;
    if (proc.pid === process.pid || procHome !== home || projectRoot === undefined || !isAbsolute(projectRoot) || !/^[1-9]\d*$/.test(taskId ?? '')) continue;
    const agent = { projectRoot, taskId: Number(taskId), pid: proc.pid, startTime: proc.startTime };
    const known = oldest.get(proc.marker);
    if (known === undefined || Number(agent.startTime) < Number(known.startTime)) oldest.set(proc.marker, agent);
  }
  return [...oldest.values()];
}

/**
 * Every agent of `home` that runs without being one of `live` (the pids of this daemon's own
 * sessions): the recorded ones still alive (pid and start time, so a reused pid is never taken)
 * and the marked ones. Only those of `task` when given.
 */
export function findOrphanAgents(home: string, records: readonly AgentRecord[], o: { live?: ReadonlySet<number>; task?: TaskKey } = {}): OrphanAgent[] {
  const byPid = new Map<number, OrphanAgent>();
  for (const record of records) {
    if (record.pid !== undefined && isSameProcess(record.pid, record.startTime)) byPid.set(record.pid, { ...record, pid: record.pid, startTime: record.startTime });
  }
  for (const agent of findMarkedAgents(home)) if (!byPid.has(agent.pid)) byPid.set(agent.pid, agent);
  return [...byPid.values()].filter(
    (agent) => !(o.live?.has(agent.pid) ?? false) && (o.task === undefined || (agent.projectRoot === o.task.projectRoot && agent.taskId === o.task.taskId)),
  );
}

/**
 * Ends the orphans with their process groups (SIGTERM, SIGKILL after the grace), all at once since
 * each may take the whole grace period, and resolves once they are gone. Returns how many ran.
 */
export async function endOrphanAgents(orphans: readonly OrphanAgent[], onKill: (orphan: OrphanAgent) => void = () => undefined): Promise<number> {
  const killed = await Promise.all(
    orphans.map((orphan) => {
      onKill(orphan);
      return killProcessGroup(orphan.pid, orphan.startTime, { graceMs: 2_000 });
    }),
  );
  return killed.filter(Boolean).length;
}
