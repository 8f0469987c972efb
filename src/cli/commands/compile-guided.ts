import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ErrorCode, ExitCode, OrchestraError, plural } from '../../core/index.js';
import { loadGuidedDefinition } from '../../guided/load-definition.js';
import type { CommandContext } from '../command-context.js';
import { countSeverities, formatCounts, formatDiagnosticsText } from '../output/diagnostics.js';
import { displayPath } from '../output/display-path.js';

/**
 * The guided workflow folder `file` names: its index.md, or a folder with an index.md or a steps/
 * folder (so a missing index.md is reported as such). Undefined for anything else: a pipeline's DOT
 * file, any other folder or a path that does not exist, which the pipeline path reports.
 */
export async function guidedFolderOf(cwd: string, file: string): Promise<string | undefined> {
  const path = resolve(cwd, file);
  if (basename(path) === 'index.md') return dirname(path);
  if (!(await isDirectory(path))) return undefined;
  return (await exists(join(path, 'index.md'))) || (await isDirectory(join(path, 'steps'))) ? path : undefined;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((stats) => stats.isDirectory(), () => false);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** `orchestra compile workflows/NAME`: a guided workflow's diagnostics printed as a pipeline's are, and the same exit codes. */
export async function compileGuidedCommand(ctx: CommandContext, folder: string, options: { json?: boolean; svg?: string }): Promise<number> {
  const { io } = ctx;
  if (options.svg !== undefined) {
    throw new OrchestraError(ErrorCode.USAGE, '--svg draws pipelines only; a guided workflow has no graph drawing.', { hint: 'Leave out --svg when compiling a workflows/NAME folder.' });
  }
  const shownAs = displayPath(io.cwd, folder);
  const { definition, diagnostics } = await loadGuidedDefinition(folder, { shownAs });
  const counts = countSeverities(diagnostics);
  const ok = counts.errors === 0;
  const steps = definition?.steps.length ?? 0;
  const rules = definition?.steps.reduce((sum, step) => sum + step.rules.length, 0) ?? 0;
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ file: shownAs, ok, steps, rules, diagnostics })}\n`);
  } else {
    io.stderr.write(formatDiagnosticsText(diagnostics));
    const verdict = ok ? ctx.out.green('ok') : ctx.out.red('invalid');
    const size = definition ? `, ${plural(steps, 'step')}, ${plural(rules, 'rule')}` : '';
    io.stdout.write(`${shownAs}: ${verdict}${size}; ${formatCounts(counts)}\n`);
  }
  return ok ? ExitCode.OK : ExitCode.FAILED;
}
