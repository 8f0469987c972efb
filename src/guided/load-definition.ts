import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../pipeline/validate/diagnostic.js';
import type { GuidedDefinition, GuidedStep, StepRule } from './definition.js';
import { parseIndex, type ListedStep } from './parse-index.js';
import { parseStep } from './parse-step.js';
import { stepNamePattern } from './step-rules.js';
import { validateOutline } from './validate-definition.js';

export interface LoadedGuidedDefinition {
  /** Present when there is no error diagnostic. */
  definition?: GuidedDefinition;
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  /** How the folder is shown in diagnostics (e.g. `workflows/WORK`, as the user typed it); the folder as given by default. */
  shownAs?: string;
}

/** True when `path` is `root` or inside it (both resolved, symlinks followed). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Reads and validates the guided workflow in `dir` (`index.md` and `steps/STEP.md`). Every problem
 * is a diagnostic at its file:line:col; the definition is returned only when none is an error.
 * Step files are read only inside the workflow's folder: a step file that is a symlink out of it is refused.
 */
export async function loadGuidedDefinition(dir: string, options: LoadOptions = {}): Promise<LoadedGuidedDefinition> {
  const shownAs = options.shownAs ?? dir;
  const folder = await realFolder(resolve(dir));
  if (folder === undefined) {
    return { diagnostics: [{ rule: 'guided_index_exists', severity: 'error', message: `${shownAs} is not a folder.`, loc: { file: shownAs, line: 1, column: 1 }, fix: 'Name a guided workflow folder, such as workflows/WORK (it holds index.md and steps/).' }] };
  }
  const indexShown = `${shownAs}/index.md`;
  const indexText = await readConfined(folder, join(folder, 'index.md'));
  if (typeof indexText !== 'string') {
    return { diagnostics: [{ rule: 'guided_index_exists', severity: 'error', message: `${indexShown} ${indexText.problem}.`, loc: { file: indexShown, line: 1, column: 1 }, fix: 'Create index.md with "# Title", the goal, and a "## Steps" list of the step names.' }] };
  }
  const name = basename(folder);
  const index = parseIndex(indexShown, indexText, name);
  const diagnostics = [...index.diagnostics];
  const stepFiles = await stepFileNames(folder);
  const steps: GuidedStep[] = [];
  const rules = new Map<string, readonly StepRule[]>();
  for (const listed of index.steps) {
    if (rules.has(listed.name)) continue;
    const step = await loadStep(folder, shownAs, listed, stepFiles, diagnostics);
    if (!step) continue;
    rules.set(listed.name, step.rules);
    steps.push(step);
  }
  const listed = new Set(index.steps.map((step) => step.name));
  for (const file of stepFiles) {
    const stepName = file.slice(0, -'.md'.length);
    if (listed.has(stepName)) continue;
    diagnostics.push({ rule: 'guided_step_listed', severity: 'warning', message: `steps/${file} is not listed in index.md; it is never used.`, loc: { file: `${shownAs}/steps/${file}`, line: 1, column: 1 }, fix: `Add "${stepName}" to the "## Steps" list in index.md, or delete the file.` });
  }
  diagnostics.push(...validateOutline({ steps: index.steps, rules, firstStep: index.firstStep }));
  sortByFile(diagnostics, indexShown);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const definition: GuidedDefinition = { name, dir: folder, title: index.title, goal: index.goal, steps, firstStep: index.firstStep?.name ?? steps[0]!.name, context: index.context };
  return { definition, diagnostics };
}

async function loadStep(folder: string, shownAs: string, listed: ListedStep, stepFiles: readonly string[], diagnostics: Diagnostic[]): Promise<GuidedStep | undefined> {
  const fileName = `${listed.name}.md`;
  const path = join(folder, 'steps', fileName);
  const shown = `${shownAs}/steps/${fileName}`;
  // The name pattern keeps the path in steps/ (no separators, no dots); the file may still be a symlink.
  const text = stepNamePattern.test(listed.name) && stepFiles.includes(fileName) ? await readConfined(folder, path) : { problem: 'does not exist' };
  if (typeof text !== 'string') {
    diagnostics.push({ rule: 'guided_step_file_exists', severity: 'error', message: `step ${listed.name} has no file: ${shown} ${text.problem}.`, loc: listed.loc, fix: `Create ${shown} with a "# Orchestrator Guidance" and a "# Client Instructions" section, or remove ${listed.name} from the list.` });
    return undefined;
  }
  const parsed = parseStep(shown, text);
  diagnostics.push(...parsed.diagnostics);
  const step: GuidedStep = { name: listed.name, file: path, loc: listed.loc, guidance: parsed.guidance, instructions: parsed.instructions, rules: parsed.rules };
  if (listed.description !== undefined) step.description = listed.description;
  if (parsed.waitsFor) step.waitsFor = parsed.waitsFor;
  return step;
}

/** index.md's diagnostics first, then each step file's, each file's in line order (the sort is stable). */
function sortByFile(diagnostics: Diagnostic[], indexFile: string): void {
  const rank = (d: Diagnostic) => (d.loc?.file === indexFile ? '' : (d.loc?.file ?? ''));
  diagnostics.sort((a, b) => rank(a).localeCompare(rank(b)) || (a.loc?.line ?? 0) - (b.loc?.line ?? 0) || (a.loc?.column ?? 0) - (b.loc?.column ?? 0));
}

/** The `*.md` files in steps/ (none when the folder is missing). */
async function stepFileNames(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(join(folder, 'steps'));
    return entries.filter((entry) => entry.endsWith('.md')).sort();
  } catch {
    return [];
  }
}

async function realFolder(path: string): Promise<string | undefined> {
  try {
    const real = await realpath(path);
    return (await stat(real)).isDirectory() ? real : undefined;
  } catch {
    return undefined;
  }
}

/** The file's text when it resolves inside `folder`; otherwise what is wrong with it. */
async function readConfined(folder: string, path: string): Promise<string | { problem: string }> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return { problem: 'does not exist' };
  }
  if (!isInside(folder, real)) return { problem: 'is a link to a file outside the workflow folder, which is refused' };
  try {
    return await readFile(real, 'utf8');
  } catch (error) {
    return { problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
}
