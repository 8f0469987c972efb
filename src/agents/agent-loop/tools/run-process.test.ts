import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runProcess } from './run-process.js';

const base = { cwd: tmpdir(), env: { PATH: process.env.PATH }, timeoutMs: 30_000, signal: new AbortController().signal };

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
  });
});
