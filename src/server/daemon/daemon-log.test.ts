import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDaemonLog, formatLogLine, readLogTail } from './daemon-log.js';

const at = new Date('2025-01-02T03:04:05.678Z');

describe('formatLogLine', () => {
  it.each([
    ['no fields', 'info', 'daemon listening', undefined, '2025-01-02T03:04:05.678Z INFO daemon listening\n'],
    ['empty fields', 'warn', 'slow', {}, '2025-01-02T03:04:05.678Z WARN slow\n'],
    ['fields as JSON', 'error', 'failed', { method: 'task.start', pid: 7 }, '2025-01-02T03:04:05.678Z ERROR failed {"method":"task.start","pid":7}\n'],
    ['secrets redacted', 'info', 'call', { apiKey: 'sk-1', params: { token: 't' } }, '2025-01-02T03:04:05.678Z INFO call {"apiKey":"[redacted]","params":{"token":"[redacted]"}}\n'],
    ['a multi-line message kept on one line', 'error', 'a\nb', { stack: 'Error: x\n    at y' }, '2025-01-02T03:04:05.678Z ERROR a\\nb {"stack":"Error: x\\n    at y"}\n'],
  ] as const)('%s', (_name, level, message, fields, expected) => {
    expect(formatLogLine(at, level, message, fields)).toBe(expected);
  });
});

describe('createDaemonLog', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'orchestra-log-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('appends one line per entry to a 0600 file, creating its directory', async () => {
    const file = join(dir, 'daemon', 'daemon.log');
    const log = createDaemonLog(file, { now: () => at });
    log.info('one');
    log.warn('two', { n: 2 });
    log.close();
    log.error('after close is dropped');
    expect(await readFile(file, 'utf8')).toBe('2025-01-02T03:04:05.678Z INFO one\n2025-01-02T03:04:05.678Z WARN two {"n":2}\n');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'daemon'))).mode & 0o777).toBe(0o700);
  });

  it('tightens an existing log to 0600 and appends to it', async () => {
    const file = join(dir, 'daemon.log');
    await writeFile(file, 'old line\n', { mode: 0o644 });
    const log = createDaemonLog(file, { now: () => at });
    log.info('new line');
    log.close();
    expect(await readFile(file, 'utf8')).toBe('old line\n2025-01-02T03:04:05.678Z INFO new line\n');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('reads the last lines back, and nothing for a missing log', async () => {
    const file = join(dir, 'daemon.log');
    await writeFile(file, `${Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n')}\n`);
    expect(readLogTail(file, 3)).toBe('line 27\nline 28\nline 29');
    expect(readLogTail(join(dir, 'none.log'))).toBe('');
  });
});
