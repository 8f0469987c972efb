import { spawnSync } from 'node:child_process';
import { ErrorCode, OrchestraError } from '../../core/errors.js';

/**
 * Opens `file` in the user's editor ($VISUAL, then $EDITOR, then vi) and waits for it to close.
 * The variable may carry arguments (`code --wait`); it is split on spaces, never run by a shell.
 */
export function openInEditor(file: string, env: Readonly<Record<string, string | undefined>>, options: { inPlace?: boolean; terminal?: boolean } = {}): void {
  const chosen = env.VISUAL?.trim() || env.EDITOR?.trim();
  // vi on a pipe (a script, CI, an agent) would wait forever for keys that never come.
  if (chosen === undefined && options.terminal === false) {
    throw new OrchestraError(ErrorCode.USAGE, 'no editor to open: $EDITOR is not set and this is not a terminal.', {
      hint: options.inPlace === true ? `Edit ${file} directly, or set $EDITOR.` : 'Pass the description with -m "…", or set $EDITOR.',
    });
  }
  const setting = chosen ?? 'vi';
  const [command = 'vi', ...args] = setting.split(/\s+/);
  const result = spawnSync(command, [...args, file], { stdio: 'inherit', env: { ...env } as NodeJS.ProcessEnv });
  if (result.error !== undefined) {
    throw new OrchestraError(ErrorCode.USAGE, `cannot start the editor "${setting}": ${result.error.message}`, {
      hint: 'Set $EDITOR to an editor on your PATH, or pass the description with -m "…".',
    });
  }
  if (result.status !== 0) {
    // Editing a task file in place, whatever the editor wrote before failing is in the file already.
    const saved = options.inPlace === true ? `; check ${file}, it may hold part of the edit` : '; nothing was saved';
    throw new OrchestraError(ErrorCode.USAGE, `the editor "${setting}" exited with code ${result.status ?? result.signal}${saved}.`, {
      hint: options.inPlace === true ? 'Fix the file by hand or run orchestra edit again.' : 'Try again, or pass the description with -m "…".',
    });
  }
}

export function isTerminal(ctx: { io: { stdin: NodeJS.ReadableStream } }): boolean {
  return (ctx.io.stdin as { isTTY?: boolean }).isTTY === true;
}
