import { Option, type Command } from 'commander';
import type { CommandContext } from './command-context.js';
import { registerGuidedCommands } from './guided-program.js';
import { registerWorkflowInstanceCommands } from './workflow-program.js';

type SetExitCode = (code: number) => void;

const group = 'Projects and workflows:';

/** Declared here, under one heading of `orchestra --help`. */
export const projectCommandNames = ['init', 'generate', 'db', 'workflow', 'guided', 'worker', 'dev'] as const;

/** Scaffolding and the store's schema (issue 11), each module loaded only when its command runs. */
export function registerProjectCommands(program: Command, ctx: CommandContext, setExitCode: SetExitCode, wanted: (name: string) => boolean): void {
  if (wanted('init')) {
    program
      .command('init')
      .helpGroup(group)
      .description('start a project: orchestra.yaml, workflows/ with an example, tsconfig.json; keeps existing files')
      .argument('[dir]', 'the project folder (created when missing)')
      .option('--json', 'print { project, files: [{ path, outcome }] } as JSON')
      .option('--guided [names]', 'add guided workflows for coding agents to workflows/: all, or some (--guided=REFACTOR_WITH_TESTS,WORK)')
      .option('--no-guided', 'add none and do not ask (a terminal is asked otherwise)')
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

  if (wanted('guided')) registerGuidedCommands(program, ctx, setExitCode, group);

  for (const [name, description] of [
    ['worker', "run this project's workflows in the foreground (a server's worker): claims instances, replays them, fires their timers and SLAs; Ctrl-C stops"],
    ['dev', 'the worker in the foreground for development: reloads changed workflow files for new instances, and logs every step, task, sleep and completion'],
  ] as const) {
    if (!wanted(name)) continue;
    program
      .command(name)
      .helpGroup(group)
      .description(description)
      .option('--concurrency <n>', 'instances replayed at once (default 32)')
      // How long an instance's lease holds without renewal (default 30 s): crash tests shorten it.
      .addOption(new Option('--lease-ms <ms>').hideHelp())
      // How long Ctrl-C lets replays under way finish (default 10 s): tests shorten it.
      .addOption(new Option('--grace-ms <ms>').hideHelp())
      .action(async (options) => setExitCode(await (await import('./project-commands/worker.js')).workerCommand(ctx, options, name)));
  }
}
