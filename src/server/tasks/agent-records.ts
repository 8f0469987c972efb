import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../store/run-dir/write-file-atomic.js';
import { projectKey } from './task-paths.js';

/**
 * What the daemon keeps about one agent it started, enough to find the process again (pid plus
 * start time, because pids are reused; the marker its environment carries) and to resume its
 * session. Written, marker first, BEFORE the agent is spawned, then again with its pid: a daemon
 * killed in between still knows which process to look for.
 */
export const agentRecordSchema = z.object({
  projectRoot: z.string(),
  taskId: z.number().int(),
  /** Absent only in the moment between the record and the spawn (and in older records' place: none). */
  pid: z.number().int().optional(),
  startTime: z.string().optional(),
  /** The value of ORCHESTRA_AGENT_MARKER in the agent's environment; absent in records of older daemons. */
  marker: z.string().optional(),
  profile: z.string(),
  sessionId: z.string().optional(),
  startedAt: z.string(),
  /** How many times this agent was resumed after a daemon restart. */
  resumes: z.number().int().default(0),
  /**
   * The environment the agent was started with, already allow-listed (agent-env.ts): a daemon
   * restart resumes the agent with the caller's environment, not its own. Private like the record.
   */
  env: z.record(z.string(), z.string()).optional(),
});
export type AgentRecord = z.infer<typeof agentRecordSchema>;

type TaskKey = Pick<AgentRecord, 'projectRoot' | 'taskId'>;

/**
 * One file per task under `<state>/agents/`, so that no one damaged file loses every agent (the
 * daemon's state.json holds only the project list). Each write is atomic (temp file and rename).
 */
export class AgentRecords {
  private readonly records = new Map<string, AgentRecord>();
  private readonly writes = new Map<string, Promise<void>>();

  private constructor(private readonly dir: string) {}

  /** Reads every record; one that cannot be read is reported and moved aside to `<name>.corrupt`. */
  static load(stateDir: string, onProblem: (message: string) => void): AgentRecords {
    const records = new AgentRecords(join(stateDir, 'agents'));
    if (!existsSync(records.dir)) return records;
    for (const name of readdirSync(records.dir)) {
      if (name.startsWith('.') || !name.endsWith('.json')) continue;
      const file = join(records.dir, name);
      try {
        const record = agentRecordSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
        records.records.set(keyOf(record), record);
      } catch (error) {
        onProblem(`ignoring unreadable agent record ${file} (${oneLine((error as Error).message)}); ${moveAside(file)}. Its agent is still found by the marker in its environment.`);
      }
    }
    return records;
  }

  get all(): readonly AgentRecord[] {
    return [...this.records.values()];
  }

  /** Adds a record of an older daemon's state.json that this directory does not have yet. */
  adopt(record: AgentRecord): void {
    if (!this.records.has(keyOf(record))) this.records.set(keyOf(record), record);
  }

  put(record: AgentRecord): Promise<void> {
    this.records.set(keyOf(record), record);
    const snapshot = `${JSON.stringify(record, null, 2)}\n`;
    return this.serialised(record, () => writeFileAtomic(this.fileOf(record), snapshot));
  }

  /**
   * Deletes the task's record; the folder goes too when no record is left, so none stays behind
   * empty. Safe against a put of another task: a put adds its record before anything is written.
   */
  remove(task: TaskKey): Promise<void> {
    this.records.delete(keyOf(task));
    return this.serialised(task, async () => {
      await rm(this.fileOf(task), { force: true });
      if (this.records.size === 0) await rmdir(this.dir).catch(() => undefined);
    });
  }

  // One task's writes in order, so the file on disk is its latest record; a failed write fails its caller only.
  private serialised(task: TaskKey, write: () => Promise<void>): Promise<void> {
    const key = keyOf(task);
    const previous = this.writes.get(key) ?? Promise.resolve();
    const next = previous.then(write, write);
    this.writes.set(key, next);
    return next;
  }

  private fileOf(task: TaskKey): string {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    return join(this.dir, `${projectKey(task.projectRoot)}-${task.taskId}.json`);
  }
}

export function sameTask(a: TaskKey, b: TaskKey): boolean {
  return a.projectRoot === b.projectRoot && a.taskId === b.taskId;
}

function keyOf(task: TaskKey): string {
  return `${task.projectRoot}\u0000${task.taskId}`;
}

/** Keeps a damaged file for a person to look at; says where it went. */
export function moveAside(file: string): string {
  const aside = `${file}.corrupt`;
  try {
    renameSync(file, aside);
    return `it was moved to ${aside}`;
  } catch (error) {
    return `it could not be moved aside (${(error as Error).message}) and will be replaced`;
  }
}

// Zod puts each issue on its own line; in a log entry they read better run together.
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
