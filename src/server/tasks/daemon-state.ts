import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../store/run-dir/write-file-atomic.js';

/**
 * What the daemon must remember across its own restarts, including kill -9: the projects it serves
 * and, for each agent it started, enough to find the process again (pid plus start time, because
 * pids are reused) and to resume the agent's session. Task files stay the source of truth for the
 * task itself; this is only about processes.
 */
const agentRecordSchema = z.object({
  projectRoot: z.string(),
  taskId: z.number().int(),
  pid: z.number().int(),
  startTime: z.string().optional(),
  profile: z.string(),
  sessionId: z.string().optional(),
  startedAt: z.string(),
  /** How many times this agent was resumed after a daemon restart. */
  resumes: z.number().int().default(0),
});
export type AgentRecord = z.infer<typeof agentRecordSchema>;

const stateSchema = z.object({
  projects: z.array(z.string()).default([]),
  agents: z.array(agentRecordSchema).default([]),
});
export type DaemonStateData = z.infer<typeof stateSchema>;

export class DaemonState {
  private data: DaemonStateData;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    data: DaemonStateData,
  ) {
    this.data = data;
  }

  /** A state file that cannot be read is reported and replaced: losing it loses no task, only pids. */
  static load(stateDir: string, onProblem: (message: string) => void): DaemonState {
    const file = join(stateDir, 'state.json');
    if (!existsSync(file)) return new DaemonState(file, { projects: [], agents: [] });
    try {
      return new DaemonState(file, stateSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
    } catch (error) {
      onProblem(`ignoring unreadable daemon state ${file}: ${(error as Error).message}`);
      return new DaemonState(file, { projects: [], agents: [] });
    }
  }

  get projects(): readonly string[] {
    return this.data.projects;
  }

  get agents(): readonly AgentRecord[] {
    return this.data.agents;
  }

  async addProject(root: string): Promise<void> {
    if (this.data.projects.includes(root)) return;
    this.data = { ...this.data, projects: [...this.data.projects, root].sort() };
    await this.save();
  }

  async putAgent(record: AgentRecord): Promise<void> {
    const others = this.data.agents.filter((agent) => !sameTask(agent, record));
    this.data = { ...this.data, agents: [...others, record] };
    await this.save();
  }

  async removeAgent(projectRoot: string, taskId: number): Promise<void> {
    this.data = { ...this.data, agents: this.data.agents.filter((agent) => !sameTask(agent, { projectRoot, taskId })) };
    await this.save();
  }

  /** Writes are serialised so that the file on disk is always the latest whole state. */
  private save(): Promise<void> {
    const snapshot = `${JSON.stringify(this.data, null, 2)}\n`;
    this.writing = this.writing.then(() => writeFileAtomic(this.file, snapshot));
    return this.writing;
  }
}

function sameTask(a: { projectRoot: string; taskId: number }, b: { projectRoot: string; taskId: number }): boolean {
  return a.projectRoot === b.projectRoot && a.taskId === b.taskId;
}
