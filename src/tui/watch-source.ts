/** The seam between `orchestra watch` and the daemon: the table only ever sees these shapes. */
export interface TaskRow {
  projectRoot: string;
  projectName: string; // basename of the root
  id: number;
  slug: string;
  status: 'draft' | 'running' | 'idle' | 'completed' | 'reviewed' | 'stopped' | 'failed' | 'merged';
  activity?: 'working' | 'idle' | 'waiting'; // live, when an agent runs; waiting = needs input
  agent?: string;
  branch?: string;
  createdAt: string; // ISO
  updatedAt: string; // ISO
  lastLine?: string; // last line of the agent's screen
}

export interface WatchSource {
  list(): Promise<TaskRow[]>;
  /** `onChange` is called when anything may have changed; the table re-lists. Returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
  start(row: TaskRow): Promise<void>;
  stop(row: TaskRow): Promise<void>;
}

export interface WatchOptions {
  source: WatchSource;
  /** The app unmounts and leaves raw mode before, and renders again after. */
  attach: (row: TaskRow) => Promise<void>;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  now?: () => number;
}
