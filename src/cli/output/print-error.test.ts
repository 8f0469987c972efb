import { describe, expect, it } from 'vitest';
import { ErrorCode, OrchestraError } from '../../core/index.js';
import { createPalette, plainPalette } from './color.js';
import { printError } from './print-error.js';

function capture() {
  let text = '';
  return { stream: { write: (chunk: string) => (text += chunk) }, text: () => text };
}

describe('printError', () => {
  it('prints an expected error with its location relative to cwd, excerpt and hint, and returns its exit code', () => {
    const err = capture();
    const error = new OrchestraError(ErrorCode.DOT_SYNTAX, 'Expected "->", found "--".', {
      location: { file: '/home/u/p/flow.dot', line: 3, column: 5 },
      detail: '3 | a -- b\n  |   ^',
      hint: 'Use digraph and ->.',
    });
    const code = printError(error, { stderr: err.stream, cwd: '/home/u/p', palette: plainPalette });
    expect(code).toBe(2);
    expect(err.text()).toBe(
      ['error[E_DOT_SYNTAX]: Expected "->", found "--".', '  --> flow.dot:3:5', '  3 | a -- b', '    |   ^', '  hint: Use digraph and ->.', ''].join('\n'),
    );
  });

  it.each([
    [ErrorCode.RUN_NOT_FOUND, 3],
    [ErrorCode.RUN_LOCKED, 4],
    [ErrorCode.VARIABLE, 2],
    [ErrorCode.VALIDATION, 1],
    [ErrorCode.INTERRUPTED, 130],
    [ErrorCode.STORE, 70],
  ])('%s exits with %i', (code, exit) => {
    const err = capture();
    expect(printError(new OrchestraError(code, 'm'), { stderr: err.stream, cwd: '/', palette: plainPalette })).toBe(exit);
    expect(err.text()).toBe(`error[${code}]: m\n`);
  });

  it('recognises an OrchestraError that lost its prototype (crossed a process boundary)', () => {
    const err = capture();
    const shaped = { name: 'OrchestraError', code: 'E_RUN_NOT_FOUND', message: 'No run "x".', hint: 'orchestra runs' };
    expect(printError(shaped, { stderr: err.stream, cwd: '/', palette: plainPalette })).toBe(3);
    expect(err.text()).toBe('error[E_RUN_NOT_FOUND]: No run "x".\n  hint: orchestra runs\n');
  });

  it('prints "Unhandled error" with the stack and cause for anything else, exit 70', () => {
    const err = capture();
    const bug = new TypeError('boom', { cause: new Error('root') });
    expect(printError(bug, { stderr: err.stream, cwd: '/', palette: plainPalette })).toBe(70);
    expect(err.text()).toMatch(/^Unhandled error \(a bug in Orchestra: please report it with this output\)\nTypeError: boom\n\s+at /);
    expect(err.text()).toContain('Caused by: Error: root');
  });

  it('prints a thrown non-error value', () => {
    const err = capture();
    expect(printError('oops', { stderr: err.stream, cwd: '/', palette: plainPalette })).toBe(70);
    expect(err.text()).toContain('Thrown value: "oops"');
  });

  it('colours the label only when the palette is enabled', () => {
    const err = capture();
    printError(new OrchestraError(ErrorCode.USAGE, 'bad'), { stderr: err.stream, cwd: '/', palette: createPalette(true) });
    expect(err.text()).toContain('\u001b[31m');
  });
});
