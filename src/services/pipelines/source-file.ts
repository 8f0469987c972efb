import { randomUUID } from 'node:crypto';
import { chmod, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { readPipelineFile } from '../../pipeline/read-pipeline-file.js';
import { contentVersion } from './content-version.js';
import { fileInProject } from './project-file.js';
import { saveTargetIn } from './save-target.js';

export interface PipelineSource {
  /** Relative to the project, `/`-separated. */
  file: string;
  source: string;
  version: string;
}

/** The text of a .dot file of the project (never outside it) with its version, for the editor. */
export async function readPipelineSource(project: string, file: string): Promise<PipelineSource> {
  if (!file.endsWith('.dot')) throw new OrchestraError(ErrorCode.USAGE, `file: ${JSON.stringify(file)} is not a .dot file`, { fields: [{ field: 'file', message: 'is not a .dot file' }] });
  const path = fileInProject(project, file);
  const source = await readPipelineFile(path, file);
  return { file: relative(project, path).split(sep).join('/'), source, version: contentVersion(source) };
}

export interface SaveRequest {
  file: string;
  source: string;
  /** The version the editor read; the save is refused when the file no longer has it. */
  version?: string | undefined;
  /** Without a version, replace a file that exists (otherwise refused, so a "new" file never clobbers one). */
  overwrite?: boolean | undefined;
}

/**
 * Writes a .dot file of the project: confined to it (see saveTargetIn), refused with
 * E_PIPELINE_CONFLICT when the file changed since `version` was read (or exists, for a save without
 * a version and without `overwrite`), and atomic: the text goes to a temporary file in the same
 * folder, renamed over the target, so a reader sees the old file or the new one, never half. The
 * text is saved as given, even when it does not parse: the editor saves work in progress.
 */
export async function savePipelineSource(project: string, request: SaveRequest): Promise<{ file: string; version: string }> {
  const target = await saveTargetIn(project, request.file);
  const current = await readCurrent(target.path, target.file);
  checkVersion(target.file, current, request);
  const temporary = join(dirname(target.path), `.${basename(target.path)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, request.source, { encoding: 'utf8', flag: 'wx' });
    if (current !== undefined) await chmod(temporary, current.mode);
    await rename(temporary, target.path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { file: target.file, version: contentVersion(request.source) };
}

async function readCurrent(path: string, file: string): Promise<{ version: string; mode: number } | undefined> {
  const stats = await stat(path).catch(() => undefined);
  if (stats === undefined) return undefined;
  return { version: contentVersion(await readPipelineFile(path, file)), mode: stats.mode & 0o7777 };
}

function checkVersion(file: string, current: { version: string } | undefined, request: SaveRequest): void {
  const reload = 'Read the file again (pipelines.read), apply your change to it, and save with its new version.';
  if (request.version !== undefined) {
    if (current === undefined) throw conflict(`${file} no longer exists: it was removed after you read it`, 'Save without a version to create it again.');
    if (current.version !== request.version) throw conflict(`${file} changed on disk since you read it`, reload);
  } else if (current !== undefined && request.overwrite !== true) {
    throw conflict(`${file} already exists`, 'Read it first and save with its version, pick another name, or pass overwrite: true to replace it.');
  }
}

function conflict(message: string, hint: string): OrchestraError {
  return new OrchestraError(ErrorCode.PIPELINE_CONFLICT, message, { hint, fields: [{ field: 'version', message }] });
}
