import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { isInside, loadGuidedDefinition, type LoadedGuidedDefinition } from './load-definition.js';

/** The environment variable that names the definitions folder instead of `<project>/workflows` (seed 004). */
export const definitionsDirVariable = 'WORKFLOW_DEFINITIONS_DIR';

export interface GuidedDefinitionEntry extends LoadedGuidedDefinition {
  /** The folder's name: what `start_workflow` takes. */
  name: string;
  /** The folder as found (not resolved through a link). */
  dir: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** `<projectDir>/workflows`, or the folder WORKFLOW_DEFINITIONS_DIR names (relative to the project). */
export function guidedDefinitionsDir(projectDir: string, env: Env): string {
  const named = env[definitionsDirVariable];
  return named !== undefined && named.trim() !== '' ? resolve(projectDir, named) : join(projectDir, 'workflows');
}

/**
 * Every guided workflow in the definitions folder: each sub-folder with an index.md (code-first
 * workflows' `*.ts` files in the same folder are not ours), sorted by name, loaded and validated.
 * A sub-folder that is a link out of the definitions folder is refused with an error diagnostic.
 * A missing definitions folder means no workflows.
 */
export async function listGuidedDefinitions(projectDir: string, env: Env): Promise<GuidedDefinitionEntry[]> {
  const root = guidedDefinitionsDir(projectDir, env);
  let names: string[];
  let realRoot: string;
  try {
    realRoot = await realpath(root);
    names = (await readdir(realRoot)).sort();
  } catch {
    return [];
  }
  const entries: GuidedDefinitionEntry[] = [];
  for (const name of names) {
    if (!(await hasIndex(join(root, name)))) continue;
    entries.push(await loadEntry(projectDir, root, realRoot, name));
  }
  return entries;
}

/** The guided workflow named `name` in the definitions folder; undefined when there is none by that name. */
export async function findGuidedDefinition(projectDir: string, env: Env, name: string): Promise<GuidedDefinitionEntry | undefined> {
  // A name is a folder name, never a path: `../x` or `a/b` cannot reach outside the folder.
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name)) return undefined;
  const root = guidedDefinitionsDir(projectDir, env);
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return undefined;
  }
  if (!(await hasIndex(join(root, name)))) return undefined;
  return loadEntry(projectDir, root, realRoot, name);
}

async function loadEntry(projectDir: string, root: string, realRoot: string, name: string): Promise<GuidedDefinitionEntry> {
  const dir = join(root, name);
  const shownAs = displayPath(projectDir, dir);
  const real = await realpath(dir);
  if (!isInside(realRoot, real)) {
    const diagnostic = { rule: 'guided_definition_confined', severity: 'error' as const, message: `${shownAs} is a link to a folder outside the definitions folder, which is refused.`, loc: { file: shownAs, line: 1, column: 1 }, fix: 'Copy the workflow into the definitions folder instead of linking to it.' };
    return { name, dir, diagnostics: [diagnostic] };
  }
  return { name, dir, ...(await loadGuidedDefinition(dir, { shownAs })) };
}

async function hasIndex(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory() && (await stat(join(dir, 'index.md'))).isFile();
  } catch {
    return false;
  }
}

/** Relative to the project when the folder is in it (`workflows/WORK`), else absolute. */
function displayPath(projectDir: string, dir: string): string {
  const rel = relative(projectDir, dir);
  return isInside(projectDir, dir) && rel !== '' ? rel.split(sep).join('/') : dir;
}
