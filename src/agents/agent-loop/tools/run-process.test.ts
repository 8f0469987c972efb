import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProcessRecorder } from '../../../sessions/held-spawn.js';
import { groupAlive } from '../../../sessions/process-group.js';
import { isLiveState, readProcStat } from '../../../sessions/proc-stat.js';
import { runProcess } from './run-process.js';

const base = { cwd: tmpdir(), env: { PATH: process.env.PATH }, timeoutMs: 30_000, signal: new AbortController().signal, recorder: undefined };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orchestra-run-process-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('runProcess', () => {
  it('passes arguments as an array, stdin through, and keeps the streams apart and together', async () => {
    const result = await runProcess('/bin/sh', ['-c', 'cat; echo "$1" >&2; exit 4', 'sh', '$(not run)'], { ...base, stdin: 'in' });
    expect(result).toMatchObject({ exitCode: 4, stdout: 'in', stderr: '$(not run)\n', output: 'in$(not run)\n', timedOut: false, outputCapped: false });
  });

  it('caps the output it keeps', async () => {
    const result = await runProcess('/bin/sh', ['-c', 'head -c 5000 /dev/zero | tr "\\\\0" x'], { ...base, maxOutputChars: 1000 });
    expect(result).toMatchObject({ exitCode: 0, outputCapped: true });
    expect(result.output).toBe('x'.repeat(1000));
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(runProcess('/bin/true', [], { ...base, signal: controller.signal })).rejects.toThrow('cancelled');
  });

  it('rejects when the command cannot start', async () => {
    await expect(runProcess('/nonexistent/tool', [], base)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(runProcess('no-such-tool-here', [], base)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('kills the group at the timeout and says so', async () => {
    const result = await runProcess('/bin/sh', ['-c', 'echo started; sleep 30'], { ...base, timeoutMs: 200 });
    expect(result).toMatchObject({ output: 'started\n', timedOut: true, exitCode: null, signal: 'SIGTERM' });
  });

  it('issue 8.11: records the group before the command has any effect, and clears the record once the whole group is gone', async () => {
    const effect = join(dir, 'effect');
    const background = join(dir, 'background');
    const events: Array<{ record: { pid: number; startTime: string | undefined; held: boolean; effect: boolean } } | { clear: { pid: number; groupAlive: boolean } }> = [];
    const recorder: ProcessRecorder = {
      async record(pid, startTime) {
        // Still the held shell: the command has not been exec'd, so it cannot have done anything.
        events.push({ record: { pid, startTime, held: readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('orchestra-held'), effect: existsSync(effect) } });
        return async () => void events.push({ clear: { pid, groupAlive: groupAlive(pid) } });
      },
    };
    // A member left behind in the group (`cmd &`, its output elsewhere) is ended with it.
    const script = `echo $$; touch '${effect}'; sleep 30 >/dev/null 2>&1 & echo $! > '${background}'`;
    const started = runProcess('/bin/sh', ['-c', script], { ...base, recorder });
    const result = await started;
    const pid = Number(result.stdout.trim());
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
    expect(events).toEqual([{ record: { pid, startTime: expect.any(String) as unknown as string, held: true, effect: false } }, { clear: { pid, groupAlive: false } }]);
    expect(existsSync(effect)).toBe(true);
    const leftBehind = Number(readFileSync(background, 'utf8'));
    const state = readProcStat(leftBehind)?.state;
    // Gone, or a zombie our PID 1 has yet to reap.
    expect({ leftBehindLive: state !== undefined && isLiveState(state) }).toEqual({ leftBehindLive: false });
  });

  it('issue 8.11: when the group cannot be recorded, the command never runs and the call fails', async () => {
    const effect = join(dir, 'effect');
    const recorder: ProcessRecorder = { record: () => Promise.reject(new Error('disk full')) };
    await expect(runProcess('/bin/sh', ['-c', `touch '${effect}'`], { ...base, recorder })).rejects.toThrow('disk full');
    expect(existsSync(effect)).toBe(false);
  });

  it('issue 8.11: an abort while the group is being recorded ends it before the command starts, and the record is still cleared', async () => {
    const effect = join(dir, 'effect');
    const controller = new AbortController();
    let finishRecord!: () => void;
    let cleared = 0;
    const recorder: ProcessRecorder = {
      async record() {
        controller.abort(new Error('node cancelled'));
        await new Promise<void>((resolve) => (finishRecord = resolve));
        return async () => void cleared++;
      },
    };
    const running = runProcess('/bin/sh', ['-c', `touch '${effect}'`], { ...base, recorder, signal: controller.signal });
    // The held shell is ended by the abort; only then does the record complete.
    await new Promise<void>((resolve) => setImmediate(resolve));
    finishRecord();
    await expect(running).rejects.toThrow('node cancelled');
    expect(existsSync(effect)).toBe(false);
    expect(cleared).toBe(1);
  });
});
