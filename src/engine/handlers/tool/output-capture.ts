import type { WriteStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { RunEventBody } from '../../../core/events.js';
import { createPrivateLog } from '../../../core/private-files.js';

export interface OutputCaptureOptions {
  node: string;
  stream: 'stdout' | 'stderr';
  file: string;
  emit(event: RunEventBody): Promise<void>;
  /** Bytes kept from the start of the output. */
  headBytes?: number;
  /** Bytes kept from the end of the output. */
  tailBytes?: number;
  /** Largest `tool.output` event text, in characters. */
  chunkChars?: number;
  /** How long text may wait before it is announced. */
  flushMs?: number;
  /** Characters announced as events at most; the rest is only in the file. */
  eventLimitChars?: number;
}

/**
 * One output stream of a tool: written whole to its file, announced as `tool.output` events in
 * chunks (at most every `flushMs`, so a chatty command does not write an event per line), and kept
 * in memory only as a bounded head and tail for the context.
 */
export class OutputCapture {
  private readonly file: WriteStream;
  private readonly decoder = new StringDecoder('utf8');
  private readonly headLimit: number;
  private readonly tailLimit: number;
  private readonly chunkChars: number;
  private readonly flushMs: number;
  private readonly eventLimit: number;
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);
  private pending = '';
  private announced = 0;
  private total = 0;
  private timer: NodeJS.Timeout | undefined;
  private emitting: Promise<void> = Promise.resolve();

  constructor(private readonly options: OutputCaptureOptions) {
    this.file = createPrivateLog(options.file);
    this.headLimit = options.headBytes ?? 64 * 1024;
    this.tailLimit = options.tailBytes ?? 4 * 1024;
    this.chunkChars = options.chunkChars ?? 4 * 1024;
    this.flushMs = options.flushMs ?? 100;
    this.eventLimit = options.eventLimitChars ?? 256 * 1024;
    // A failed write surfaces in finish(); without a listener it would crash the process.
    this.file.on('error', () => {});
  }

  write(chunk: Buffer): void {
    this.file.write(chunk);
    this.total += chunk.length;
    if (this.head.length < this.headLimit) this.head = Buffer.concat([this.head, chunk.subarray(0, this.headLimit - this.head.length)]);
    this.tail = Buffer.concat([this.tail, chunk]);
    if (this.tail.length > this.tailLimit) this.tail = this.tail.subarray(this.tail.length - this.tailLimit);
    this.pending += this.decoder.write(chunk);
    if (this.pending.length >= this.chunkChars) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.flushMs);
  }

  /** Bytes written so far, in all. */
  get byteCount(): number {
    return this.total;
  }

  /** True when the output is longer than what `headText()` holds. */
  get truncated(): boolean {
    return this.total > this.head.length;
  }

  /** The first `headBytes` of the output as text. */
  headText(): string {
    return this.head.toString('utf8');
  }

  /** The last `tailBytes` of the output as text. */
  tailText(): string {
    return this.tail.toString('utf8');
  }

  /** Announces what is left, closes the file, and waits for every event to be recorded. */
  async finish(): Promise<void> {
    this.pending += this.decoder.end();
    this.flush();
    await new Promise<void>((resolve, reject) => {
      this.file.once('error', reject);
      this.file.end(() => resolve());
    });
    await this.emitting;
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.pending.length > 0) {
      const text = this.pending.slice(0, this.chunkChars);
      this.pending = this.pending.slice(text.length);
      this.announce(text);
    }
  }

  private announce(text: string): void {
    if (this.announced >= this.eventLimit) return;
    this.announced += text.length;
    const { node, stream } = this.options;
    const shown = this.announced >= this.eventLimit ? `${text}\n[further ${stream} not shown as events; see ${stream}.txt]\n` : text;
    this.emitting = this.emitting.then(() => this.options.emit({ type: 'tool.output', node, stream, text: shown }));
  }
}
