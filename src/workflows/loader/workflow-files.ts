import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { isInside } from './source-graph.js';

/** A workflow file: its path in the project and its real path (symlinks resolved) inside `root`. */
export interface WorkflowFile {
  file: string;
  real: string;
}

export interface WorkflowFiles {
  /** The real path of the project's workflows/ folder; undefined when the project has none. */
  root: string | undefined;
  files: WorkflowFile[];
  problems: OrchestraError[];
}

/** `*.ts` and `*.mts` directly in workflows/; declaration files and tests are not workflows. */
export function isWorkflowFileName(name: string): boolean {
  return /\.m?ts$/.test(name) && !/\.d\.m?ts$/.test(name) && !/\.(test|spec)\.m?ts$/.test(name);
}

/**
 * The workflow files of a project, sorted by name: the files directly in `<project>/workflows/`
 * (subfolders hold their helpers). A file whose real path leaves the folder (a symlink to elsewhere)
 * is refused with a problem and never loaded.
 */
export async function findWorkflowFiles(projectDir: string): Promise<WorkflowFiles> {
  const dir = join(projectDir, 'workflows');
  let root: string;
  try {
    root = await realpath(dir);
    if (!(await stat(root)).isDirectory()) return { root: undefined, files: [], problems: [] };
  } catch {
    return { root: undefined, files: [], problems: [] };
  }
  const names = (await readdir(dir)).filter(isWorkflowFileName).sort();
  const files: WorkflowFile[] = [];
  const problems: OrchestraError[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const real = await realpath(file).catch(() => undefined);
    if (real === undefined) continue; // a dangling symlink: nothing to load
    if (!isInside(real, root)) {
      problems.push(new OrchestraError(ErrorCode.WORKFLOW_LOAD, `workflow file workflows/${name} is a link to ${real}, outside the workflows folder; it was not loaded`, {
        hint: 'Workflows load only from files inside workflows/: copy the file in instead of linking to it.',
      }));
    } else if ((await stat(real)).isFile()) {
      files.push({ file, real });
    }
  }
  return { root, files, problems };
}
