import { fstatSync, statSync } from 'node:fs';
import { createInterface, type Interface } from 'node:readline';

interface Referable {
  ref(): void;
  unref(): void;
}

/**
 * Reads lines from a stream one at a time, across several questions. Lines that arrive while
 * nobody waits are queued. Between reads the stream is paused and, when it is a socket or pipe
 * (stdin), unreferenced: a paused pipe alone still keeps Node's event loop alive.
 */
export class LineReader {
  private readline: Interface | undefined;
  private readonly queued: string[] = [];
  private waiter: ((line: string | undefined) => void) | undefined;
  private ended: boolean;

  constructor(private readonly input: NodeJS.ReadableStream) {
    this.ended = cannotGiveLines(input);
  }

  /**
   * True once the input is known to give no more lines: it ended (and every queued line was read),
   * or it is /dev/null or an empty file. Askers check it before printing a prompt nobody can answer.
   */
  get exhausted(): boolean {
    return this.ended && this.queued.length === 0;
  }

  /** The next line, or undefined when the input has ended. Rejects when `signal` aborts first. */
  read(signal?: AbortSignal): Promise<string | undefined> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const ready = this.queued.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    if (this.ended) return Promise.resolve(undefined);
    const readline = this.open();
    return new Promise<string | undefined>((resolve, reject) => {
      const finish = () => {
        this.waiter = undefined;
        signal?.removeEventListener('abort', onAbort);
        if (!this.ended) this.idle(readline);
      };
      const onAbort = () => {
        finish();
        reject(signal?.reason);
      };
      this.waiter = (line) => {
        finish();
        resolve(line);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      (this.input as Partial<Referable>).ref?.();
      readline.resume();
    });
  }

  /** Stops reading for good; later reads see the end of input. */
  close(): void {
    this.readline?.close();
    (this.input as Partial<Referable>).unref?.();
    this.ended = true;
  }

  private idle(readline: Interface): void {
    readline.pause();
    (this.input as Partial<Referable>).unref?.();
  }

  private open(): Interface {
    if (this.readline) return this.readline;
    const readline = createInterface({ input: this.input, terminal: false });
    readline.on('line', (line) => {
      if (this.waiter) this.waiter(line);
      else this.queued.push(line);
    });
    readline.on('close', () => {
      this.ended = true;
      this.waiter?.(undefined);
    });
    this.readline = readline;
    return readline;
  }
}

/**
 * Whether `input` is a file descriptor that can never give a line: /dev/null (`< /dev/null`, what
 * a service manager or `nohup` gives) or an empty regular file. Known at once, without reading,
 * so that the first question does not print a prompt before the end of input is seen.
 */
function cannotGiveLines(input: NodeJS.ReadableStream): boolean {
  const fd = (input as { fd?: unknown }).fd;
  if (typeof fd !== 'number' || (input as { isTTY?: boolean }).isTTY === true) return false;
  try {
    const stat = fstatSync(fd);
    if (stat.isFile()) return stat.size === 0;
    return stat.isCharacterDevice() && stat.rdev === statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}
