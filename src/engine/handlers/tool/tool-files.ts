import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPrivateLog } from '../../../core/private-files.js';
import { readString } from '../../../pipeline/graph/attr-read.js';
import { writeFileAtomic } from '../../../store/run-dir/write-file-atomic.js';
import type { HandlerInput } from '../../handler.js';
import { expandPrompt } from '../codergen/expand-prompt.js';
import { toolPromptFileName } from './tool-env.js';

/** Both output streams in the order they arrived, as other Attractor engines leave it (issue 9). */
export const combinedOutputFileName = 'tool_output.txt';

/**
 * Writes the node's `prompt`, expanded as an LLM stage's is, to `prompt.txt` for the command to read
 * through `ATTRACTOR_PROMPT_FILE` (issue 9). Without a `prompt` the file is empty, so a command that
 * reads it never fails; the `label` is a tool node's display name, not instructions.
 */
export async function writeToolPrompt(input: Pick<HandlerInput, 'node' | 'graph' | 'context' | 'run' | 'stageDir'>): Promise<void> {
  const template = readString(input.node.attrs, 'prompt') ?? '';
  const text = template.trim() === '' ? '' : expandPrompt(template, input.graph, input.context, input.run.variables, input.node, 'prompt', input.run.workspace?.paths);
  // Renamed into place: a symlink an earlier attempt's command left as prompt.txt is replaced, not followed.
  await writeFileAtomic(join(input.stageDir, toolPromptFileName), text);
}

export interface CombinedOutput {
  write(chunk: Buffer): void;
  /** Closes the file; rejects when a write failed. */
  finish(): Promise<void>;
}

export function openCombinedOutput(stageDir: string): CombinedOutput {
  const file = createPrivateLog(join(stageDir, combinedOutputFileName));
  // A failed write surfaces in finish(); without a listener it would crash the process.
  file.on('error', () => {});
  return {
    write: (chunk) => void file.write(chunk),
    finish: () =>
      new Promise<void>((resolve, reject) => {
        if (file.errored) return reject(file.errored);
        file.once('error', reject);
        file.end(() => resolve());
      }),
  };
}

/** The largest tool file also kept in the store; a bigger one stays on disk only. */
const storedToolFileLimit = 16 * 1024 * 1024;

/**
 * Once the command has ended, its files go to the store too, so `runs RUN --export` and a resume
 * after a crash rebuild them like an LLM stage's files (the mirror writes the same bytes back).
 * Skipped: a file that is not text (the store keeps text), too large, or no longer a regular file.
 */
export async function storeToolFiles(input: Pick<HandlerInput, 'services' | 'stageDir'>): Promise<void> {
  const files = input.services.files;
  if (!files) return;
  for (const path of toolFilePaths(input.stageDir)) {
    const info = await lstat(path).catch(() => undefined);
    if (!info?.isFile() || info.size > storedToolFileLimit) continue;
    const bytes = await readFile(path);
    const text = bytes.toString('utf8');
    if (Buffer.byteLength(text) === bytes.length && Buffer.from(text).equals(bytes)) files.write(path, text);
  }
}

/**
 * Before an attempt writes its files and its command starts: the previous attempt's stored copies
 * must not land on them, and earlier nodes' files the command may read must be on disk.
 */
export async function settleToolFiles(input: Pick<HandlerInput, 'services'>): Promise<void> {
  await input.services.files?.settleAll();
}

function toolFilePaths(stageDir: string): string[] {
  return [toolPromptFileName, 'stdout.txt', 'stderr.txt', combinedOutputFileName].map((name) => join(stageDir, name));
}
