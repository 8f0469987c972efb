import { join, relative, resolve } from 'node:path';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { ErrorCode, ExitCode, OrchestraError } from '../../core/errors.js';
import { packagePath } from '../../core/package-root.js';
import type { CommandContext } from '../command-context.js';
import { displayPath } from '../output/display-path.js';
import { createNewFile, refreshGeneratedFile, type WriteOutcome } from './new-files.js';
import { configTemplate, orchestraGitignore, orchestraTypesShim, tsconfigTemplate } from './templates/project-templates.js';
import { customerSupportWorkflow } from './templates/workflow-templates.js';

export interface InitOptions {
  json?: boolean;
}

/**
 * `orchestra init [DIR]`: a project Orchestra can run: orchestra.yaml, workflows/ with seed 000's
 * example, a tsconfig that type-checks it, and .orchestra/ ignore rules. Files that exist are left
 * as they are and listed as skipped; only .orchestra/types/ (Orchestra's own, not for commit) is
 * brought up to date, since it names where this machine's Orchestra is installed.
 */
export async function initCommand(ctx: CommandContext, dir: string | undefined, options: InitOptions): Promise<number> {
  const project = resolve(ctx.io.cwd, dir ?? '.');
  if (statSync(project, { throwIfNoEntry: false })?.isDirectory() === false) {
    throw new OrchestraError(ErrorCode.USAGE, `${displayPath(ctx.io.cwd, project)} is a file, not a folder`, { hint: 'Name a folder for the project (it is created when missing).' });
  }
  const files: { path: string; outcome: WriteOutcome }[] = [];
  const create = async (path: string, text: string) => files.push({ path, outcome: await createNewFile(join(project, path), text) });
  // orchestra.yml is the other name a project's config may have (discover-config.ts): never a second one.
  if (existsSync(join(project, 'orchestra.yml'))) files.push({ path: 'orchestra.yml', outcome: 'skipped' });
  else await create('orchestra.yaml', configTemplate);
  await create('workflows/customer-support.ts', customerSupportWorkflow);
  await create('tsconfig.json', tsconfigTemplate);
  await create('.orchestra/.gitignore', orchestraGitignore);
  const shim = '.orchestra/types/orchestra.d.ts';
  files.push({ path: shim, outcome: await refreshGeneratedFile(join(project, shim), orchestraTypesShim(packagePath('dist', 'index.js'))) });

  if (options.json) {
    ctx.io.stdout.write(`${JSON.stringify({ project, files })}\n`);
    return ExitCode.OK;
  }
  const lines = [`Orchestra project in ${displayPath(ctx.io.cwd, project)}:`];
  for (const { path, outcome } of files) {
    const note = outcome === 'skipped' ? ' (exists: left as it is)' : path === shim ? ' (the types of this Orchestra, for tsc)' : '';
    lines.push(`  ${outcome.padEnd(9)} ${path}${note}`);
  }
  if (files.some((file) => file.path === 'tsconfig.json' && file.outcome === 'skipped') && !readFileSync(join(project, 'tsconfig.json'), 'utf8').includes(shim)) {
    lines.push(`  note: your tsconfig.json was kept; to type-check workflows with it, add to its compilerOptions: "paths": { "orchestra": ["./${shim}"] }`);
  }
  const cd = relative(ctx.io.cwd, project) === '' ? [] : [`  cd ${displayPath(ctx.io.cwd, project)}`];
  lines.push(
    '',
    'Next:',
    ...cd,
    '  npx tsc -p .                        type-check the workflows (with TypeScript installed anywhere)',
    '  orchestra generate workflow NAME    another workflow, in workflows/NAME.ts',
    "  orchestra workflow start customer-support --input '{\"question\":\"Where is my order?\",\"conversationId\":\"c1\",\"customerId\":\"u1\"}'",
  );
  ctx.io.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.OK;
}
