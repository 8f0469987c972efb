import type { CliIo } from './cli-io.js';
import type { CommandContext } from './command-context.js';
import { createPalette, shouldUseColor } from './output/color.js';
import { attachTaskCommand, type AttachTaskOptions } from './task-commands/attach-command.js';

/**
 * `orchestra attach <task> [--detach-key <key>]` without the command table: a person waits on its
 * first frame, and commander with every command's declarations cost a cold start more than
 * drawing the screen (target: under 100 ms, bench/tasks.js). Only that plain form is taken here;
 * anything else (`--help`, `--json`, a typo) returns undefined and goes through main() as before.
 */
export async function quickAttach(args: readonly string[], io: CliIo): Promise<number | undefined> {
  const parsed = parseAttachArgs(args);
  if (parsed === undefined) return undefined;
  const ctx: CommandContext = {
    io,
    out: createPalette(shouldUseColor(io.stdout, io.env)),
    err: createPalette(shouldUseColor(io.stderr, io.env)),
  };
  try {
    return await attachTaskCommand(ctx, parsed.ref, parsed.options);
  } catch (error) {
    const { printError } = await import('./output/print-error.js');
    return printError(error, { stderr: io.stderr, cwd: io.cwd, palette: ctx.err });
  }
}

/** The ref and options of the plain form, as commander would read them; undefined for any other form. */
export function parseAttachArgs(args: readonly string[]): { ref: string; options: AttachTaskOptions } | undefined {
  let ref: string | undefined;
  const options: AttachTaskOptions = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--detach-key' && i + 1 < args.length) options.detachKey = args[++i];
    else if (arg.startsWith('--detach-key=')) options.detachKey = arg.slice('--detach-key='.length);
    else if (arg.startsWith('-') || ref !== undefined) return undefined;
    else ref = arg;
  }
  return ref === undefined ? undefined : { ref, options };
}
