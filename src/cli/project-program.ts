import type { Command } from 'commander';
import type { CommandContext } from './command-context.js';
import { registerWorkflowInstanceCommands } from './workflow-program.js';

type SetExitCode = (code: number) => void;

const group = 'Projects and workflows:';

/** Declared here, under one heading of `orchestra --help`. */
export const projectCommandNames = ['init', 'generate', 'db', 'workflow'] as const;

/** Scaffolding and the store's schema (issue 11), each module loaded only when its command runs. */
export function registerProjectCommands(program: Command, ctx: CommandContext, setExitCode: SetExitCode, wanted: (name: string) => boolean): void {
  if (wanted('init')) {
    program
      .command('init')
      .helpGroup(group)
      .description('start a project: orchestra.yaml, workflows/ with an example, tsconfig.json; keeps existing files')
      .argument('[dir]', 'the project folder (created when missing)')
      .option('--json', 'print { project, files: [{ path, outcome }] } as JSON')
      .action(async (dir: string | undefined, options) => setExitCode(await (await import('./project-commands/init.js')).initCommand(ctx, dir, options)));
  }

  if (wanted('generate')) {
    const generate = program.command('generate').helpGroup(group).description('add a workflow (workflows/NAME.ts) or a pipeline (NAME.dot)');
    for (const [kind, description] of [
      ['workflow', 'workflows/NAME.ts: a workflow with one step, named NAME'],
      ['pipeline', 'NAME.dot beside orchestra.yaml: a start -> work -> exit pipeline'],
    ] as const) {
      generate
        .command(kind)
        .description(description)
        .argument('<name>', 'kebab-case: lowercase letters, digits and hyphens')
        .action(async (name: string) => setExitCode(await (await import('./project-commands/generate.js')).generateCommand(ctx, kind, name)));
    }
  }

  if (wanted('db')) {
    const db = program.command('db').helpGroup(group).description("the store's schema: `db status`, `db migrate`");
    db.command('status')
      .description('the schema version of the store against this Orchestra, and the pending migrations (nothing is changed)')
      .option('--json', 'print { path, exists, current, latest, applied, pending } as JSON')
      .action(async (options) => setExitCode(await (await import('./project-commands/db.js')).dbStatusCommand(ctx, options)));
    db.command('migrate')
      .description('apply the pending migrations, forward only (safe while other processes use the store)')
      .option('--json', 'print { path, applied, current, latest } as JSON')
      .action(async (options) => setExitCode(await (await import('./project-commands/db.js')).dbMigrateCommand(ctx, options)));
  }

  if (wanted('workflow')) {
    const workflow = program.command('workflow').helpGroup(group).description('code-first workflows in workflows/: check, start, list, show, signal, cancel, fork');
    workflow
      .command('check')
      .description('load every workflow file; list the workflows (name, file, version hash) and each problem at file:line:col (exit 1 on any)')
      .option('--json', 'print { project, ok, workflows, problems } as JSON')
      .action(async (options) => setExitCode(await (await import('./project-commands/workflow-check.js')).workflowCheckCommand(ctx, options)));
    registerWorkflowInstanceCommands(workflow, ctx, setExitCode);
  }
}
