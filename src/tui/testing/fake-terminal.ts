import { EventEmitter } from 'node:events';

/** A terminal's stdin for Ink: keys written by the test, raw mode recorded. */
export class FakeStdin extends EventEmitter {
  isTTY: boolean;
  isRaw = false;
  readonly rawModeCalls: boolean[] = [];
  private pending: string[] = [];

  constructor(isTTY = true) {
    super();
    this.isTTY = isTTY;
  }

  /** Type `keys` as the user would. */
  press(keys: string): void {
    this.pending.push(keys);
    this.emit('readable');
  }

  read(): string | null {
    return this.pending.shift() ?? null;
  }

  setRawMode(on: boolean): this {
    this.isRaw = on;
    this.rawModeCalls.push(on);
    return this;
  }

  setEncoding(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
}

/** A terminal's stdout: everything written is kept, in order. */
export class FakeStdout extends EventEmitter {
  isTTY = true;
  columns: number;
  rows: number;
  output = '';

  constructor(columns = 100, rows = 30) {
    super();
    this.columns = columns;
    this.rows = rows;
  }

  write(data: string | Uint8Array, callback?: () => void): boolean {
    this.output += typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
    callback?.();
    return true;
  }
}

export function asStreams(stdin: FakeStdin, stdout: FakeStdout): { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream } {
  return { stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream };
}
