import { join, relative, sep } from 'node:path';
import { readPipelineFile } from '../../pipeline/read-pipeline-file.js';
import type { ApiDeps } from '../api/deps.js';
import { requireKnownProject } from '../api/known-project.js';
import { fileInProject } from './project-file.js';
import type { PipelineInput } from './schemas.js';

/** Where a pipeline given as text is said to live in its project (never written there). */
export const sourcePipelineName = '(source).dot';

export interface NamedPipeline {
  source: string;
  /** Absolute: the file in the project, or `<project>/(source).dot` for text (its base dir is the project). */
  path: string;
  /** What diagnostics and messages call it: the path relative to the project, or `(source)`. */
  shownAs: string;
  /** The project's real path; undefined for text validated without one. */
  project: string | undefined;
}

/**
 * The DOT text of a pipeline named by the API: a file read inside a known project (never outside,
 * a symlink leading out included), or the text given, placed in its project when one is named.
 */
export async function readNamedPipeline(deps: Pick<ApiDeps, 'projects'>, input: Pick<PipelineInput, 'project' | 'file' | 'source'>): Promise<NamedPipeline> {
  const project = input.project === undefined ? undefined : requireKnownProject(deps, input.project);
  if (input.source !== undefined) return { source: input.source, path: join(project ?? '/', sourcePipelineName), shownAs: '(source)', project };
  const path = fileInProject(project!, input.file!);
  return { source: await readPipelineFile(path, input.file), path, shownAs: relative(project!, path).split(sep).join('/'), project };
}
