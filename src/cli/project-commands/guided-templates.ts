import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { packagePath } from '../../core/package-root.js';

/**
 * The guided workflows (seed 004, issue 13) shipped in the package's templates/guided/NAME/ folders,
 * which `orchestra init --guided` copies into a project's workflows/NAME/. They are Markdown files
 * read from the package, not strings in the bundle, so people can read and diff them where they are.
 */
export function shippedGuidedWorkflows(root = packagePath('templates', 'guided')): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * Which workflows `--guided` asks for: `true` (the bare flag) or `all` is every one, otherwise a
 * comma-separated list of names, matched without regard to case. An unknown name is an error that
 * lists the known ones, before any file is written.
 */
export function chooseGuidedWorkflows(value: string | true, available: readonly string[]): string[] {
  if (value === true) return [...available];
  const asked = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (asked.length === 1 && asked[0]!.toLowerCase() === 'all') return [...available];
  const chosen: string[] = [];
  for (const name of asked) {
    const found = available.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (found === undefined) {
      throw new OrchestraError(ErrorCode.USAGE, `--guided names "${name}", which is not a shipped guided workflow`, {
        hint: `Choose among ${available.join(', ')} (comma-separated), or all: orchestra init --guided=${available[0] ?? 'WORK'}`,
      });
    }
    if (!chosen.includes(found)) chosen.push(found);
  }
  return chosen;
}

/** One file of a shipped workflow: its path in the project (`workflows/NAME/steps/STEP.md`) and its text. */
export interface GuidedTemplateFile {
  path: string;
  text: string;
}

/** The files of one shipped workflow, index.md first, in a stable order; paths use `/` on every platform. */
export function guidedWorkflowFiles(name: string, root = packagePath('templates', 'guided')): GuidedTemplateFile[] {
  const dir = join(root, name);
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .map((path) => ({ path: `workflows/${name}/${relative(dir, path).split(sep).join('/')}`, text: readFileSync(path, 'utf8') }));
  const order = (path: string) => (path.endsWith(`${name}/index.md`) ? '' : path);
  return files.sort((a, b) => order(a.path).localeCompare(order(b.path)));
}
