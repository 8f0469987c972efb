import type { Command } from 'commander';
import type { CommandContext } from './command-context.js';

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

const tenantHelp = 'the tenant (default: $ORCHESTRA_TENANT, else "default")';

/** The instance commands of `workflow` (issue 11): they record; a worker runs the instances. */
function registerWorkflowInstanceCommands(workflow: Command, ctx: CommandContext, setExitCode: SetExitCode): void {
  const load = () => import('./workflow-commands/index.js');
  workflow
    .command('start')
    .description("start an instance of the project's workflow NAME (a worker runs it); --id makes it idempotent")
    .argument('<name>', 'the workflow name, as `workflow check` lists it')
    .option('--input <json>', "the input as JSON, checked by the workflow's schema, e.g. '{\"question\":\"…\"}'")
    .option('--id <id>', 'the instance id (letters, digits, . _ : -); an instance with it already is left as it is')
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print { created, instance } as JSON')
    .action(async (name: string, options) => setExitCode(await (await load()).workflowStartCommand(ctx, name, options)));
  workflow
    .command('list')
    .description('workflow instances, newest first: status, workflow, version, what each waits on')
    .option('--status <status...>', 'running, waiting, completed, failed, cancelled')
    .option('--name <workflow>', "one workflow's instances")
    .option('--all', 'every instance, not only the 100 newest')
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print { instances, more } as JSON')
    .action(async (options) => setExitCode(await (await load()).workflowListCommand(ctx, options)));
  workflow
    .command('show')
    .description('one instance: its state, version, journal, signals and the human task it waits on')
    .argument('<id>', 'the instance id')
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print { instance, journal, signals, pendingTask } as JSON')
    .action(async (id: string, options) => setExitCode(await (await load()).workflowShowCommand(ctx, id, options)));
  workflow
    .command('signal')
    .description('send signal NAME to an instance; kept until the workflow waits for it')
    .argument('<id>', 'the instance id')
    .argument('<name>', 'the signal name, as the workflow waits for it')
    .option('--data <json>', 'the payload as JSON (default null)')
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print the signal as JSON')
    .action(async (id: string, name: string, options) => setExitCode(await (await load()).workflowSignalCommand(ctx, id, name, options)));
  workflow
    .command('cancel')
    .description('cancel an instance; a worker then runs its finally blocks')
    .argument('<id>', 'the instance id')
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print the instance as JSON')
    .action(async (id: string, options) => setExitCode(await (await load()).workflowCancelCommand(ctx, id, options)));
  workflow
    .command('fork')
    .description('a new instance with the first N journal entries of ID, running the current code from step N (like replay)')
    .argument('<id>', 'the instance id')
    .requiredOption('--from-step <n>', 'the journal position to run again from (see `workflow show ID`)')
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print { instance, source, copied } as JSON')
    .action(async (id: string, options) => setExitCode(await (await load()).workflowForkCommand(ctx, id, options)));
}
