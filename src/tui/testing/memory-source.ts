import type { TaskRow, WatchSource } from '../watch-source.js';

/** A WatchSource held in memory: tests set rows, announce changes and script start/stop failures. */
export class MemoryWatchSource implements WatchSource {
  readonly started: TaskRow[] = [];
  readonly stopped: TaskRow[] = [];
  listCalls = 0;
  startError: unknown = undefined;
  stopError: unknown = undefined;
  listError: unknown = undefined;
  private rows: TaskRow[];
  private readonly listeners = new Set<() => void>();

  constructor(rows: TaskRow[] = []) {
    this.rows = rows;
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  /** Replace the rows and tell subscribers, as the daemon would after a change. */
  setRows(rows: TaskRow[]): void {
    this.rows = rows;
    for (const listener of [...this.listeners]) listener();
  }

  async list(): Promise<TaskRow[]> {
    this.listCalls += 1;
    if (this.listError !== undefined) throw this.listError;
    return structuredClone(this.rows);
  }

  subscribe(onChange: () => void): () => void {
    this.listeners.add(onChange);
    return () => {
      this.listeners.delete(onChange);
    };
  }

  async start(row: TaskRow): Promise<void> {
    this.started.push(row);
    if (this.startError !== undefined) throw this.startError;
  }

  async stop(row: TaskRow): Promise<void> {
    this.stopped.push(row);
    if (this.stopError !== undefined) throw this.stopError;
  }
}

export function taskRow(overrides: Partial<TaskRow> & Pick<TaskRow, 'id' | 'slug'>): TaskRow {
  const projectRoot = overrides.projectRoot ?? '/work/web';
  return {
    projectRoot,
    projectName: projectRoot.split('/').pop() ?? projectRoot,
    status: 'draft',
    createdAt: '2025-03-01T11:00:00Z',
    updatedAt: '2025-03-01T11:00:00Z',
    ...overrides,
  };
}
