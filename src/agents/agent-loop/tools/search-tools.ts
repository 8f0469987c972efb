import { readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { confinePath } from './confine-path.js';
import { globToRegExp } from './glob.js';
import type { ToolContext } from './tool-context.js';
import { toolError } from './tool-error.js';
import { walkFiles } from './walk-files.js';

const maxFiles = 2_000;
const maxMatches = 200;
const maxGrepFileBytes = 2 * 1024 * 1024;

export const listInput = z.object({
  pattern: z.string().optional().describe('Glob such as "**/*.ts" or "*.md"; all files when absent.'),
  path: z.string().optional().describe('Directory to search, relative to the working directory (default ".").'),
});

export async function listTool(input: z.infer<typeof listInput>, context: ToolContext): Promise<string> {
  const { root, files, truncated } = await filesUnder(input.path, context);
  const matcher = input.pattern === undefined ? undefined : globToRegExp(input.pattern);
  const base = relative(context.workDir, root).split(sep).join('/');
  const shown = files.filter((file) => matcher === undefined || matcher.test(base === '' ? file : relativeTo(file, base)));
  if (shown.length === 0) return 'No files match.';
  return shown.join('\n') + (truncated ? `\n[listing stopped after ${maxFiles} files]` : '');
}

export const grepInput = z.object({
  pattern: z.string().describe('JavaScript regular expression searched line by line.'),
  path: z.string().optional().describe('Directory or file to search (default ".").'),
  glob: z.string().optional().describe('Only files matching this glob, such as "*.ts".'),
  ignore_case: z.boolean().optional(),
});

export async function grepTool(input: z.infer<typeof grepInput>, context: ToolContext): Promise<string> {
  let regex: RegExp;
  try {
    regex = new RegExp(input.pattern, input.ignore_case === true ? 'i' : '');
  } catch (error) {
    throw toolError(`pattern ${JSON.stringify(input.pattern)} is not a regular expression: ${(error as Error).message}`, 'Escape special characters such as ( [ { with a backslash.');
  }
  const { files } = await filesUnder(input.path, context);
  const matcher = input.glob === undefined ? undefined : globToRegExp(input.glob);
  const lines: string[] = [];
  for (const file of files) {
    if (matcher !== undefined && !matcher.test(file)) continue;
    const absolute = join(context.workDir, file);
    if ((await stat(absolute)).size > maxGrepFileBytes) continue;
    const text = await readFile(absolute, 'utf8');
    if (text.includes('\u0000')) continue;
    const fileLines = text.split('\n');
    for (let index = 0; index < fileLines.length; index += 1) {
      if (!regex.test(fileLines[index]!)) continue;
      lines.push(`${file}:${index + 1}: ${fileLines[index]}`);
      if (lines.length >= maxMatches) return `${lines.join('\n')}\n[stopped after ${maxMatches} matches]`;
    }
  }
  return lines.length === 0 ? 'No matches.' : lines.join('\n');
}

/** Files under `path` (a directory or one file), relative to the working directory. */
async function filesUnder(path: string | undefined, context: ToolContext): Promise<{ root: string; files: string[]; truncated: boolean }> {
  const root = await confinePath(context.workDir, path ?? '.');
  let info;
  try {
    info = await stat(root);
  } catch {
    throw toolError(`path "${path}" does not exist`, 'Use list without a path to see the working directory.');
  }
  if (info.isFile()) return { root, files: [relative(context.workDir, root).split(sep).join('/')], truncated: false };
  return { root, ...(await walkFiles(context.workDir, root, maxFiles)) };
}

function relativeTo(file: string, base: string): string {
  return file.startsWith(`${base}/`) ? file.slice(base.length + 1) : file;
}
