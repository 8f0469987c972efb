import { relative } from 'node:path';
import { findProjectDir } from '../../config/project-dir.js';
import { ExitCode } from '../../core/errors.js';
import { plural } from '../../core/plural.js';
import { escapeTerminalText } from '../../core/terminal-text.js';
import { loadWorkflows } from '../../workflows/loader/index.js';
import type { CommandContext } from '../command-context.js';
import { formatExpectedError } from '../output/print-error.js';
import { formatTable } from '../output/table.js';

export interface WorkflowCheckOptions {
  json?: boolean;
}

/**
 * `orchestra workflow check`: what `compile` is to a pipeline. Loads every file of the project's
 * workflows/ as a worker would and lists the workflows defined (name, file, version hash) on stdout,
 * each problem on stderr at its file:line:col. Exit 1 on any problem.
 */
export async function workflowCheckCommand(ctx: CommandContext, options: WorkflowCheckOptions): Promise<number> {
  const project = findProjectDir(ctx.io.cwd) ?? ctx.io.cwd;
  const registry = await loadWorkflows(project);
  const workflows = [...registry.definitions.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, loaded]) => ({ name, file: loaded.file, versionHash: loaded.versionHash, description: loaded.definition.options.description }));
  const exitCode = registry.problems.length === 0 ? ExitCode.OK : ExitCode.FAILED;
  if (options.json) {
    const problems = registry.problems.map(({ code, message, hint, location }) => ({ code, message, hint, location }));
    ctx.io.stdout.write(`${JSON.stringify({ project, ok: problems.length === 0, workflows, problems })}\n`);
    return exitCode;
  }
  for (const problem of registry.problems) ctx.io.stderr.write(formatExpectedError(problem, ctx.io.cwd, ctx.err));
  if (workflows.length > 0) {
    const rows = workflows.map((workflow) => [workflow.name, relative(ctx.io.cwd, workflow.file), workflow.versionHash, workflow.description ?? ''].map(escapeTerminalText));
    ctx.io.stdout.write(`${formatTable(['WORKFLOW', 'FILE', 'VERSION', 'DESCRIPTION'], rows)}\n`);
  }
  ctx.io.stdout.write(`${relative(ctx.io.cwd, project) || '.'}: ${plural(workflows.length, 'workflow')}, ${plural(registry.problems.length, 'problem')}\n`);
  return exitCode;
}
