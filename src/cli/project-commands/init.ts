import { join, relative, resolve } from 'node:path';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { ErrorCode, ExitCode, OrchestraError } from '../../core/errors.js';
import { packagePath } from '../../core/package-root.js';
import type { CommandContext } from '../command-context.js';
import { displayPath } from '../output/display-path.js';
import { askGuidedWorkflows, canAskAboutGuided } from './guided-prompt.js';
import { chooseGuidedWorkflows, guidedWorkflowFiles, shippedGuidedWorkflows } from './guided-templates.js';
import { createNewFile, refreshGeneratedFile, type WriteOutcome } from './new-files.js';
import { configTemplate, orchestraGitignore, orchestraTypesShim, tsconfigTemplate } from './templates/project-templates.js';
import { customerSupportWorkflow } from './templates/workflow-templates.js';

export interface InitOptions {
  json?: boolean;
  /** `--guided` (true: all), `--guided=A,B`, `--no-guided` (false); undefined asks a person at a terminal. */
  guided?: string | boolean;
}

/**
 * `orchestra init [DIR]`: a project Orchestra can run: orchestra.yaml, workflows/ with seed 000's
 * example, a tsconfig that type-checks it, .orchestra/ ignore rules and, when chosen, seed 004's guided
 * workflows (workflows/NAME/*.md, issue 13). Files that exist are left
 * as they are and listed as skipped; only .orchestra/types/ (Orchestra's own, not for commit) is
 * brought up to date, since it names where this machine's Orchestra is installed.
 */
export async function initCommand(ctx: CommandContext, dir: string | undefined, options: InitOptions): Promise<number> {
  const project = resolve(ctx.io.cwd, dir ?? '.');
  if (statSync(project, { throwIfNoEntry: false })?.isDirectory() === false) {
    throw new OrchestraError(ErrorCode.USAGE, `${displayPath(ctx.io.cwd, project)} is a file, not a folder`, { hint: 'Name a folder for the project (it is created when missing).' });
  }
  // Chosen (and a bad --guided name refused) before anything is written.
  const guided = await chooseGuided(ctx, options);
  const files: { path: string; outcome: WriteOutcome }[] = [];
  const create = async (path: string, text: string) => files.push({ path, outcome: await createNewFile(join(project, path), text) });
  // orchestra.yml is the other name a project's config may have (discover-config.ts): never a second one.
  if (existsSync(join(project, 'orchestra.yml'))) files.push({ path: 'orchestra.yml', outcome: 'skipped' });
  else await create('orchestra.yaml', configTemplate);
  await create('workflows/customer-support.ts', customerSupportWorkflow);
  for (const name of guided) for (const file of guidedWorkflowFiles(name)) await create(file.path, file.text);
  await create('tsconfig.json', tsconfigTemplate);
  await create('.orchestra/.gitignore', orchestraGitignore);
  const shim = '.orchestra/types/orchestra.d.ts';
  files.push({ path: shim, outcome: await refreshGeneratedFile(join(project, shim), orchestraTypesShim(packagePath('dist', 'index.js'))) });

  if (options.json) {
    ctx.io.stdout.write(`${JSON.stringify({ project, files })}\n`);
    return ExitCode.OK;
  }
  const lines = [`Orchestra project in ${displayPath(ctx.io.cwd, project)}:`];
  for (const { path, outcome, count } of summariseGuided(files, guided)) {
    const kept = count === undefined ? ' (exists: left as it is)' : ` (${count} files exist: left as they are)`;
    const note = outcome === 'skipped' ? kept : count !== undefined ? ` (${count} files)` : path === shim ? ' (the types of this Orchestra, for tsc)' : '';
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
    ...(guided.length > 0 ? ['  orchestra guided list               the guided workflows; a coding agent follows one over MCP (orchestra mcp)'] : []),
  );
  ctx.io.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.OK;
}

async function chooseGuided(ctx: CommandContext, options: InitOptions): Promise<string[]> {
  if (options.guided === false) return [];
  const available = shippedGuidedWorkflows();
  if (options.guided !== undefined) return chooseGuidedWorkflows(options.guided, available);
  return options.json || !canAskAboutGuided(ctx.io) ? [] : askGuidedWorkflows(ctx.io, available);
}

/**
 * For people, a guided workflow whose files all had the same outcome is one line
 * (`workflows/WORK/ (6 files)`); one partly kept lists each file, so nothing kept goes unmentioned.
 */
function summariseGuided(files: readonly { path: string; outcome: WriteOutcome }[], guided: readonly string[]): { path: string; outcome: WriteOutcome; count?: number }[] {
  const lines: { path: string; outcome: WriteOutcome; count?: number }[] = [];
  for (const file of files) {
    const folder = guided.map((name) => `workflows/${name}/`).find((candidate) => file.path.startsWith(candidate));
    const group = folder === undefined ? [] : files.filter((other) => other.path.startsWith(folder));
    if (folder === undefined || group.some((other) => other.outcome !== file.outcome)) lines.push(file);
    else if (group[0] === file) lines.push({ path: folder, outcome: file.outcome, count: group.length });
  }
  return lines;
}
