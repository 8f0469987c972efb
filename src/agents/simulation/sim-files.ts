import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath } from 'node:fs/promises';
import { isAbsolute, join, posix } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { readString } from '../../pipeline/graph/attr-read.js';
import type { GraphNode } from '../../pipeline/graph/model.js';

/**
 * `sim.files="src/a.ts, docs/a.md"` (issue 14): under `--simulate`, the node writes these files into its
 * working directory (a run's worktree when the project has a workspace), so that a simulated run makes
 * real changes and real commits. Each file gets a short text naming the node, the call and the prompt's
 * first line. Paths are relative, confined to the working directory, never through a symbolic link and
 * never into `.git`.
 */
export function readSimFiles(node: GraphNode): string[] {
  const text = readString(node.attrs, 'sim.files')?.trim();
  if (text === undefined || text === '') return [];
  return text.split(',').map((part) => part.trim()).filter((part) => part !== '').map((path) => validSimPath(node, text, path));
}

function validSimPath(node: GraphNode, text: string, path: string): string {
  const normal = posix.normalize(path.replaceAll('\\', '/'));
  const segments = normal.split('/');
  const problem = isAbsolute(path) || path.startsWith('/')
    ? 'is absolute'
    : segments.includes('..')
      ? 'leaves the working directory'
      : segments.some((segment) => segment.toLowerCase() === '.git')
        ? 'is inside .git'
        : normal === '.' || normal.endsWith('/')
          ? 'names a folder, not a file'
          : undefined;
  if (problem === undefined) return normal;
  throw new OrchestraError(ErrorCode.ATTRIBUTE_TYPE, `Node "${node.id}" has sim.files="${text}": "${path}" ${problem}.`, {
    hint: 'List files relative to the working directory, comma-separated, such as sim.files="src/feature.ts, docs/feature.md".',
    location: node.attrs['sim.files']?.loc,
  });
}

/** What a simulated node writes into each of its files: who wrote it, and the prompt's first line as data. */
export function simulatedFileText(o: { nodeId: string; path: string; call: number; prompt: string }): string {
  const firstLine = o.prompt.split('\n').find((line) => line.trim() !== '')?.trim().slice(0, 200) ?? '';
  return `# ${o.path}\n\n[Simulated] written by stage ${o.nodeId} (call ${o.call}).\n${firstLine === '' ? '' : `\nTask: ${firstLine}\n`}`;
}

/**
 * Writes each file under `workDir`, creating folders as needed. A symbolic link anywhere below `workDir`
 * on the way (a folder or the file itself) is refused rather than followed, so nothing lands outside it.
 */
export async function writeSimFiles(workDir: string, files: ReadonlyArray<{ path: string; text: string }>): Promise<void> {
  const root = await realpath(workDir);
  for (const file of files) {
    const segments = file.path.split('/');
    let current = root;
    for (const [index, segment] of segments.entries()) {
      current = join(current, segment);
      const info = await lstat(current).catch(() => undefined);
      if (info?.isSymbolicLink() === true) throw linkRefused(file.path, current);
      const last = index === segments.length - 1;
      if (!last && info === undefined) await mkdir(current);
      else if (!last && !info!.isDirectory()) throw notAFolder(file.path, current);
    }
    // O_NOFOLLOW: a link made between the check and the open still is not followed.
    const handle = await open(current, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
    try {
      await handle.writeFile(file.text);
    } finally {
      await handle.close();
    }
  }
}

function linkRefused(path: string, at: string): OrchestraError {
  return new OrchestraError(ErrorCode.USAGE, `sim.files: "${path}" goes through the symbolic link ${at}; the simulation does not write through links.`, {
    hint: 'Name a path without links in the working directory.',
  });
}

function notAFolder(path: string, at: string): OrchestraError {
  return new OrchestraError(ErrorCode.USAGE, `sim.files: "${path}" needs ${at} to be a folder, but it is a file.`, {
    hint: 'Name a path whose folders are folders.',
  });
}
