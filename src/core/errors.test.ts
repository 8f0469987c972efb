import { describe, expect, it } from 'vitest';
import { ErrorCode, ExitCode, OrchestraError, exitCodeFor, isOrchestraError } from './errors.js';

describe('errors', () => {
  it('carry a code, a hint and the exit code their code maps to', () => {
    const error = new OrchestraError(ErrorCode.RUN_NOT_FOUND, 'No run "abc".', { hint: 'List runs with orchestra runs.' });
    expect(error).toMatchObject({ name: 'OrchestraError', code: 'E_RUN_NOT_FOUND', message: 'No run "abc".', hint: 'List runs with orchestra runs.' });
    expect(error.exitCode).toBe(ExitCode.NOT_FOUND);
  });

  it.each([
    [ErrorCode.DOT_SYNTAX, 2],
    [ErrorCode.VALIDATION, 1],
    [ErrorCode.FILE_NOT_FOUND, 3],
    [ErrorCode.RUN_FINISHED, 4],
    [ErrorCode.INTERRUPTED, 130],
    [ErrorCode.INTERNAL, 70],
  ])('%s exits with %d', (code, exit) => {
    expect(exitCodeFor(code)).toBe(exit);
  });

  it('every code has an exit code', () => {
    for (const code of Object.values(ErrorCode)) expect(typeof exitCodeFor(code)).toBe('number');
  });

  it('are recognised by shape, so errors that crossed a process boundary still count', () => {
    expect(isOrchestraError(JSON.parse(JSON.stringify({ name: 'OrchestraError', code: 'E_USAGE', message: 'x' })))).toBe(true);
    expect(isOrchestraError(new Error('plain'))).toBe(false);
    expect(isOrchestraError({ name: 'OrchestraError' })).toBe(false);
    expect(isOrchestraError(null)).toBe(false);
  });
});
