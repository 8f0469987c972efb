import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ErrorCode, ExitCode, OrchestraError, exitCodeFor, isOrchestraError, plural } from '../../core/index.js';
import { renderSvg } from '../../pipeline/index.js';
import type { CommandContext } from '../command-context.js';
import { compileGuidedCommand, guidedFolderOf } from './compile-guided.js';
import { loadCliPipeline } from '../load-pipeline.js';
import { displayPath } from '../output/display-path.js';
import { countSeverities, formatCounts, formatDiagnosticsText } from '../output/diagnostics.js';

export interface CompileOptions {
  json?: boolean;
  svg?: string;
}

/**
 * `orchestra compile FILE`: diagnostics on stderr, a summary on stdout, exit 1 on any error. A
 * folder (or its index.md) is a guided workflow, checked the same way.
 */
export async function compileCommand(ctx: CommandContext, file: string, options: CompileOptions): Promise<number> {
  const { io } = ctx;
  const guided = await guidedFolderOf(io.cwd, file);
  if (guided !== undefined) return compileGuidedCommand(ctx, guided, options);
  let loaded;
  try {
    // The built-in handler types are known to validation; compile registers no others.
    loaded = await loadCliPipeline(io, file, { variables: {} });
  } catch (error) {
    // Machines asked for JSON: they get it for syntax errors too, and only it (docs/cli.md), so a
    // script reading both streams never sees the same error twice in two formats.
    if (!options.json || !isOrchestraError(error)) throw error;
    const failure = { code: error.code, message: error.message, hint: error.hint, location: error.location };
    io.stdout.write(`${JSON.stringify({ file: displayPath(io.cwd, resolve(io.cwd, file)), ok: false, error: failure, diagnostics: [] })}\n`);
    return exitCodeFor(error.code);
  }
  const { graph, diagnostics, shownAs } = loaded;
  const counts = countSeverities(diagnostics);
  const ok = counts.errors === 0;
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ file: shownAs, ok, nodes: graph.nodes.size, edges: graph.edges.length, diagnostics })}\n`);
  } else {
    io.stderr.write(formatDiagnosticsText(diagnostics));
    const verdict = ok ? ctx.out.green('ok') : ctx.out.red('invalid');
    io.stdout.write(`${shownAs}: ${verdict}, ${plural(graph.nodes.size, 'node')}, ${plural(graph.edges.length, 'edge')}; ${formatCounts(counts)}\n`);
  }
  if (options.svg !== undefined) {
    const out = resolve(io.cwd, options.svg);
    if (!ok) {
      // With --json, `ok: false` already says it; the text note is for people.
      if (!options.json) io.stderr.write(`Not writing ${displayPath(io.cwd, out)}: the pipeline has errors.\n`);
    } else {
      await writeSvg(out, await renderSvg(graph), io.cwd);
      if (!options.json) io.stderr.write(`Wrote ${displayPath(io.cwd, out)}\n`);
    }
  }
  return ok ? ExitCode.OK : ExitCode.FAILED;
}

async function writeSvg(out: string, svg: string, cwd: string): Promise<void> {
  try {
    await writeFile(out, svg);
  } catch (error) {
    throw new OrchestraError(ErrorCode.USAGE, `Cannot write the SVG to ${displayPath(cwd, out)}: ${(error as Error).message}`, {
      hint: 'Give --svg a path in a directory that exists and that you may write to.',
      cause: error,
    });
  }
}
