import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { relativeSpecifiers } from './relative-imports.js';

/** The files a workflow file loads from workflows/ (itself first), and the hash of their sources. */
export interface SourceGraph {
  files: string[];
  versionHash: string;
}

/** How jiti (and Node) find a relative specifier: as written, with a TypeScript or JS extension, or a folder's index. */
const candidates = (base: string): string[] => {
  const ext = extname(base);
  const swapped = ext === '.js' ? [`${base.slice(0, -3)}.ts`] : ext === '.mjs' ? [`${base.slice(0, -4)}.mts`] : [];
  return [base, ...swapped, ...['.ts', '.mts', '.js', '.mjs', '.json'].map((e) => `${base}${e}`), ...['index.ts', 'index.js'].map((i) => join(base, i))];
};

/**
 * Follows the relative imports of `entry` (a real path inside `root`, the real workflows/ folder)
 * and hashes every source reached, so an instance is pinned to its helpers' code too. Each import
 * must resolve, through any symlink, inside `root`: loading never executes a file outside it
 * (E_WORKFLOW_LOAD naming the importing file and the specifier otherwise). An import that does not
 * resolve at all is left for the loader to report with its position.
 */
export async function readSourceGraph(entry: string, root: string): Promise<SourceGraph> {
  const hash = createHash('sha256');
  const files: string[] = [];
  const queue = [entry];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const file = queue.shift() as string;
    const source = await readFile(file, 'utf8');
    files.push(file);
    hash.update(`${relative(root, file)}\0${source}\0`);
    for (const specifier of relativeSpecifiers(source)) {
      const target = await resolveInside(file, specifier, root);
      if (target !== undefined && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return { files, versionHash: hash.digest('hex').slice(0, 16) };
}

async function resolveInside(importer: string, specifier: string, root: string): Promise<string | undefined> {
  for (const candidate of candidates(resolve(dirname(importer), specifier))) {
    const real = await realFile(candidate);
    if (real === undefined) continue;
    if (!isInside(real, root)) {
      throw new OrchestraError(ErrorCode.WORKFLOW_LOAD, `workflow file ${importer} imports ${specifier}, which is ${real}: outside the workflows folder ${root}`, {
        hint: 'Workflow files load only code inside workflows/ (and packages): move the shared code into workflows/ (a subfolder such as workflows/lib/ is fine).',
      });
    }
    return real;
  }
  return undefined;
}

async function realFile(path: string): Promise<string | undefined> {
  try {
    const real = await realpath(path);
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/** True when `path` is `root` or below it (both real paths). */
export function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}
