import { existsSync, readFileSync, renameSync } from 'node:fs';
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

  /**
   * A state file that cannot be read is reported, moved aside to `state.json.corrupt` (for a person
   * to look at: it may name agents still running) and replaced. Losing it loses no task, only the
   * pids to clean up and the list of projects `status --all` shows until each is used again.
   */
  static load(stateDir: string, onProblem: (message: string) => void): DaemonState {
    const file = join(stateDir, 'state.json');
    if (!existsSync(file)) return new DaemonState(file, { projects: [], agents: [] });
    try {
      return new DaemonState(file, stateSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
    } catch (error) {
      const aside = `${file}.corrupt`;
      let kept = `it was moved to ${aside}`;
      try {
        renameSync(file, aside);
      } catch (renameError) {
        kept = `it could not be moved aside (${(renameError as Error).message}) and will be replaced`;
      }
      onProblem(`ignoring unreadable daemon state ${file} (${oneLine((error as Error).message)}); ${kept}. Agents it listed cannot be resumed: start their tasks again.`);
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

  /**
   * Writes are serialised so that the file on disk is always the latest whole state. A failed write
   * fails its caller only: the next one still runs (and carries the whole state again).
   */
  private save(): Promise<void> {
    const snapshot = `${JSON.stringify(this.data, null, 2)}\n`;
    const write = (): Promise<void> => writeFileAtomic(this.file, snapshot);
    this.writing = this.writing.then(write, write);
    return this.writing;
  }
}

// Zod puts each issue on its own line; in a log entry they read better run together.
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function sameTask(a: { projectRoot: string; taskId: number }, b: { projectRoot: string; taskId: number }): boolean {
  return a.projectRoot === b.projectRoot && a.taskId === b.taskId;
}
