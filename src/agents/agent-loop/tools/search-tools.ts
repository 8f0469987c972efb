import { open, realpath, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { z } from 'zod';
import { confinePath } from './confine-path.js';
import { compileGlob } from './glob.js';
import { compileLinear } from './linear-pattern.js';
import type { ToolContext } from './tool-context.js';
import { toolError } from './tool-error.js';
import { walkFiles } from './walk-files.js';

const maxFiles = 2_000;
const maxMatches = 200;
const maxGrepFileBytes = 2 * 1024 * 1024;
/** Matching yields to the event loop this often, so timers, leases and aborts are served meanwhile. */
const grepSliceMs = 10;
/** A grep that has not finished by then stops with an error the model can act on. */
export const grepTimeLimitMs = 30_000;

export const listInput = z.object({
  pattern: z.string().optional().describe('Glob such as "**/*.ts" or "*.md"; all files when absent.'),
  path: z.string().optional().describe('Directory to search, relative to the working directory (default ".").'),
});

export async function listTool(input: z.infer<typeof listInput>, context: ToolContext): Promise<string> {
  const { base, files, truncated } = await filesUnder(input.path, context);
  const matcher = input.pattern === undefined ? undefined : compileGlob(input.pattern);
  const shown = files.filter((file) => matcher === undefined || matcher.test(base === '' ? file : relativeTo(file, base)));
  if (shown.length === 0) return 'No files match.';
  return shown.join('\n') + (truncated ? `\n[listing stopped after ${maxFiles} files]` : '');
}

export const grepInput = z.object({
  pattern: z.string().describe('Regular expression in RE2 syntax (as ripgrep: no lookaround or backreferences), searched line by line.'),
  path: z.string().optional().describe('Directory or file to search (default ".").'),
  glob: z.string().optional().describe('Only files matching this glob, such as "*.ts".'),
  ignore_case: z.boolean().optional(),
});

/**
 * Searches with a linear-time engine (compileLinear) and hands the event loop back every few
 * milliseconds: the engine's timers and its run lease keep running, an abort ends the search at
 * the next slice, and a search past grepTimeLimitMs stops with an error.
 */
export async function grepTool(input: z.infer<typeof grepInput>, context: ToolContext): Promise<string> {
  const regex = compileLinear(input.pattern, { ignoreCase: input.ignore_case === true });
  const { root, files } = await filesUnder(input.path, context);
  const matcher = input.glob === undefined ? undefined : compileGlob(input.glob);
  const started = performance.now();
  let sliceStart = started;
  const lines: string[] = [];
  for (const file of files) {
    if (matcher !== undefined && !matcher.test(file)) continue;
    const text = await readSmallText(join(root, file));
    if (text === undefined) continue;
    const fileLines = text.split('\n');
    for (let index = 0; index < fileLines.length; index += 1) {
      if (performance.now() - sliceStart >= grepSliceMs) {
        await nextTurn();
        if (context.signal.aborted) throw context.signal.reason;
        if (performance.now() - started > grepTimeLimitMs) {
          throw toolError(`grep stopped after ${grepTimeLimitMs / 1000} s in ${file} with ${lines.length} matches so far`, 'Search a narrower path or glob, or a simpler pattern.');
        }
        sliceStart = performance.now();
      }
      if (!regex.test(fileLines[index]!)) continue;
      lines.push(`${file}:${index + 1}: ${fileLines[index]}`);
      if (lines.length >= maxMatches) return `${lines.join('\n')}\n[stopped after ${maxMatches} matches]`;
    }
  }
  return lines.length === 0 ? 'No matches.' : lines.join('\n');
}

/**
 * A regular file's text, opened without following a link (the walk listed a file, not a link; one
 * swapped in since is not read). Undefined for big or binary files, which grep skips.
 */
async function readSmallText(path: string): Promise<string | undefined> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    if ((await handle.stat()).size > maxGrepFileBytes) return undefined;
    const text = await handle.readFile('utf8');
    return text.includes('\u0000') ? undefined : text;
  } finally {
    await handle.close();
  }
}

/**
 * Files under `path` (a directory or one file), relative to the working directory's real path
 * (`root`); `base` is where `path` itself lies, relative to it.
 */
async function filesUnder(path: string | undefined, context: ToolContext): Promise<{ root: string; base: string; files: string[]; truncated: boolean }> {
  const root = await realpath(context.workDir);
  const target = await confinePath(root, path ?? '.');
  let info;
  try {
    info = await stat(target);
  } catch {
    throw toolError(`path "${path}" does not exist`, 'Use list without a path to see the working directory.');
  }
  const base = relative(root, target).split(sep).join('/');
  if (info.isFile()) return { root, base, files: [base], truncated: false };
  return { root, base, ...(await walkFiles(root, target, maxFiles)) };
}

function relativeTo(file: string, base: string): string {
  return file.startsWith(`${base}/`) ? file.slice(base.length + 1) : file;
}
