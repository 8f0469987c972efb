import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { confinePath } from './confine-path.js';
import type { ToolContext } from './tool-context.js';
import { toolError } from './tool-error.js';
import { replaceExactlyOnce } from './replace-exactly-once.js';

export const readFileInput = z.object({
  path: z.string().describe('File path relative to the working directory.'),
  offset: z.number().int().min(1).optional().describe('First line to return (1-based).'),
  limit: z.number().int().min(1).optional().describe('How many lines to return.'),
});

export async function readFileTool(input: z.infer<typeof readFileInput>, context: ToolContext): Promise<string> {
  const file = await confinePath(context.workDir, input.path);
  const text = await readText(file, input.path);
  if (input.offset === undefined && input.limit === undefined) return text;
  const lines = text.split('\n');
  const start = (input.offset ?? 1) - 1;
  return lines.slice(start, input.limit === undefined ? undefined : start + input.limit).join('\n');
}

export const writeFileInput = z.object({
  path: z.string().describe('File path relative to the working directory; parent directories are created.'),
  content: z.string().describe('The whole new content of the file.'),
});

export async function writeFileTool(input: z.infer<typeof writeFileInput>, context: ToolContext): Promise<string> {
  const file = await confinePath(context.workDir, input.path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, input.content);
  return `Wrote ${Buffer.byteLength(input.content)} bytes to ${input.path}.`;
}

export const editFileInput = z.object({
  path: z.string().describe('File path relative to the working directory.'),
  old_string: z.string().describe('Text to replace, exactly as it appears in the file, once.'),
  new_string: z.string().describe('The replacement text.'),
});

export async function editFileTool(input: z.infer<typeof editFileInput>, context: ToolContext): Promise<string> {
  const file = await confinePath(context.workDir, input.path);
  const text = await readText(file, input.path);
  await writeFile(file, replaceExactlyOnce(text, input.old_string, input.new_string, input.path));
  return `Edited ${input.path}.`;
}

async function readText(file: string, shown: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw toolError(`file "${shown}" does not exist`, 'Use list to see which files there are.');
    if (code === 'EISDIR') throw toolError(`"${shown}" is a directory, not a file`, 'Use list to see the files in it.');
    throw toolError(`cannot read "${shown}": ${(error as Error).message}`, 'Check the path.');
  }
}
