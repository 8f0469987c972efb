import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunEventBody } from '../../../core/events.js';
import { OutputCapture, type OutputCaptureOptions } from './output-capture.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orchestra-capture-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture(options: Partial<OutputCaptureOptions> = {}) {
  const events: RunEventBody[] = [];
  const file = join(dir, 'stdout.txt');
  const output = new OutputCapture({ node: 't', stream: 'stdout', file, emit: async (e) => void events.push(e), ...options });
  const texts = () => events.map((e) => (e.type === 'tool.output' ? e.text : ''));
  return { output, events, texts, file };
}

describe('OutputCapture', () => {
  it('writes everything to the file and announces it as tool.output', async () => {
    const { output, events, file } = capture();
    output.write(Buffer.from('hello\n'));
    output.write(Buffer.from('world\n'));
    await output.finish();
    expect(await readFile(file, 'utf8')).toBe('hello\nworld\n');
    expect(events).toEqual([{ type: 'tool.output', node: 't', stream: 'stdout', text: 'hello\nworld\n' }]);
  });

  it('splits large output into chunks of at most chunkChars', async () => {
    const { output, texts } = capture({ chunkChars: 4 });
    output.write(Buffer.from('abcdefghij'));
    await output.finish();
    expect(texts()).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('keeps a bounded head and tail', async () => {
    const { output } = capture({ headBytes: 5, tailBytes: 3 });
    output.write(Buffer.from('0123'));
    output.write(Buffer.from('456789'));
    await output.finish();
    expect([output.headText(), output.tailText()]).toEqual(['01234', '789']);
  });

  it('never splits a multi-byte character across events', async () => {
    const { output, texts } = capture();
    const bytes = Buffer.from('é');
    output.write(bytes.subarray(0, 1));
    output.write(bytes.subarray(1));
    await output.finish();
    expect(texts().join('')).toBe('é');
    expect(texts().every((t) => !t.includes('\uFFFD'))).toBe(true);
  });

  it('stops announcing past the event limit, saying where the rest is', async () => {
    const { output, texts, file } = capture({ chunkChars: 4, eventLimitChars: 8 });
    output.write(Buffer.from('abcdefghijklmnop'));
    await output.finish();
    expect(texts()).toEqual(['abcd', 'efgh\n[further stdout not shown as events; see stdout.txt]\n']);
    expect(await readFile(file, 'utf8')).toBe('abcdefghijklmnop');
  });

  it('announces text that waits longer than flushMs without waiting for finish', async () => {
    const { output, events } = capture({ flushMs: 10 });
    output.write(Buffer.from('progress 1\n'));
    const deadline = Date.now() + 5_000;
    while (events.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(events).toHaveLength(1);
    await output.finish();
  });

  it('records events in the order they were written', async () => {
    const seen: string[] = [];
    const slowFirst = async (e: RunEventBody) => {
      if (e.type !== 'tool.output') return;
      if (e.text === 'a') await new Promise((r) => setTimeout(r, 20));
      seen.push(e.text);
    };
    const output = new OutputCapture({ node: 't', stream: 'stdout', file: join(dir, 'o.txt'), emit: slowFirst, chunkChars: 1 });
    output.write(Buffer.from('ab'));
    await output.finish();
    expect(seen).toEqual(['a', 'b']);
  });
});
