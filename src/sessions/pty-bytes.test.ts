import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pty from 'node-pty';
import { afterEach, describe, expect, it } from 'vitest';
import { readPtyBytes } from './pty-bytes.js';
import { PtySession } from './pty-session.js';
import { createCleanup, deadlineMs } from './session-test-support.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

// 2-, 3- and 4-byte characters in a run far longer than one PTY read: reads end inside characters.
const run = 'é€😀'.repeat(6000);
// It stays up after printing: a PTY may drop what its program printed last when the program exits.
const printer = `process.stdout.write('start\\n' + ${JSON.stringify(run)} + '\\ndone\\n'); setInterval(() => {}, 1000)`;

describe('PTY output as bytes', () => {
  it('issue 9: node-pty hands over Buffers once readPtyBytes took its decoder off', async () => {
    const terminal = pty.spawn(process.execPath, ['-e', 'process.stdout.write("héllo"); setInterval(() => {}, 1000)'], { cols: 80, rows: 24 });
    expect(readPtyBytes(terminal)).toBe(true);
    const chunks: unknown[] = [];
    const text = () => Buffer.concat(chunks as Buffer[]).toString('utf8');
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "héllo" within ${deadlineMs} ms`)), deadlineMs);
      terminal.onData((data) => {
        chunks.push(data);
        if (chunks.every((chunk) => Buffer.isBuffer(chunk)) && text() === 'héllo') resolve(clearTimeout(timer));
      });
    });
    terminal.kill('SIGKILL');
    expect(chunks.every((chunk) => Buffer.isBuffer(chunk))).toBe(true);
    expect(text()).toBe('héllo');
  });

  it('issue 9: characters split across reads reach a text listener that came late, the log and the mirror whole', async () => {
    const dir = await cleanup.tempDir();
    const logFile = join(dir, 'agent.log');
    const session = cleanup.session(PtySession.spawn({ command: process.execPath, args: ['-e', printer], cwd: dir, env: { PATH: process.env.PATH ?? '' }, cols: 80, rows: 24, logFile }));
    // Nobody reads the first chunk as text (it is skipped); a listener that comes in then gets
    // the text from a character boundary on, never half of one.
    let late: string | undefined;
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "done" within ${deadlineMs} ms; the late listener got ${late?.length} characters`)), deadlineMs);
      const offArrived = session.onOutputArrived(() => {
        if (late !== undefined) return;
        offArrived();
        late = '';
        session.onOutput((data) => {
          late = (late ?? '') + data;
          if (late.endsWith('done\r\n')) resolve(clearTimeout(timer));
        });
      });
    });
    await done;
    await session.logFlushed();
    const expected = `start\r\n${run}\r\ndone\r\n`;
    expect(late).not.toContain('\ufffd');
    expect(expected.endsWith(late ?? '')).toBe(true);
    expect(await readFile(logFile, 'utf8')).toBe(expected);
    await session.parsed();
    expect(session.lastLine()).toBe('done');
    expect(await session.screen()).toContain('😀é€😀');
  });
});
