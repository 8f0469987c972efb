import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../store/run-dir/write-file-atomic.js';
import { AgentRecords, agentRecordSchema, moveAside, oneLine, type AgentRecord } from './agent-records.js';

export type { AgentRecord } from './agent-records.js';

/**
 * What the daemon must remember across its own restarts, including kill -9: the projects it serves
 * (state.json) and, for each agent it started, a record of its own (see agent-records.ts). Task
 * files stay the source of truth for the task itself; this is only about processes.
 */
const stateSchema = z.object({
  projects: z.array(z.string()).default([]),
  /** Daemons before per-task records kept them here; read, never written. */
  agents: z.array(agentRecordSchema).default([]),
});

export class DaemonState {
  private projectList: string[];
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    projects: string[],
    private readonly records: AgentRecords,
  ) {
    this.projectList = projects;
  }

  /**
   * A state file that cannot be read is reported, moved aside to `state.json.corrupt` (for a person
   * to look at) and replaced. It loses no agent (each has its own record, and its environment
   * marker besides), only the list of projects `status --all` shows until each is used again.
   */
  static load(stateDir: string, onProblem: (message: string) => void): DaemonState {
    const file = join(stateDir, 'state.json');
    const records = AgentRecords.load(stateDir, onProblem);
    if (!existsSync(file)) return new DaemonState(file, [], records);
    try {
      const data = stateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
      for (const agent of data.agents) records.adopt(agent);
      return new DaemonState(file, data.projects, records);
    } catch (error) {
      onProblem(`ignoring unreadable daemon state ${file} (${oneLine((error as Error).message)}); ${moveAside(file)}. Its agents keep their own records; the projects it listed come back as they are used.`);
      return new DaemonState(file, [], records);
    }
  }

  get projects(): readonly string[] {
    return this.projectList;
  }

  get agents(): readonly AgentRecord[] {
    return this.records.all;
  }

  async addProject(root: string): Promise<void> {
    if (this.projectList.includes(root)) return;
    this.projectList = [...this.projectList, root].sort();
    await this.save();
  }

  putAgent(record: AgentRecord): Promise<void> {
    return this.records.put(record);
  }

  removeAgent(projectRoot: string, taskId: number): Promise<void> {
    return this.records.remove({ projectRoot, taskId });
  }

  /**
   * Writes are serialised so that the file on disk is always the latest whole state. A failed write
   * fails its caller only: the next one still runs (and carries the whole state again).
   */
  private save(): Promise<void> {
    const snapshot = `${JSON.stringify({ projects: this.projectList }, null, 2)}\n`;
    const write = (): Promise<void> => writeFileAtomic(this.file, snapshot);
    this.writing = this.writing.then(write, write);
    return this.writing;
  }
}
