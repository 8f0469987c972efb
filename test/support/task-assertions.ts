import { expect } from 'vitest';
import type { PtyDriver } from './pty-driver.js';
import type { BinResult } from './task-project.js';

/** Exit 0, else the failure shows what the command printed. */
export function ok(result: BinResult): BinResult {
  expect(result, `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`).toMatchObject({ code: 0 });
  return result;
}

/** The terminal's command ended with 0, else the failure shows the end of what it drew. */
export async function exitsCleanly(terminal: PtyDriver): Promise<void> {
  const exit = await terminal.exited;
  expect(exit.exitCode, `the terminal showed:\n${terminal.output().slice(-3000)}`).toBe(0);
}
