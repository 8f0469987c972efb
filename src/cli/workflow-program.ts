import type { Command } from 'commander';
import type { CommandContext } from './command-context.js';

type SetExitCode = (code: number) => void;

const tenantHelp = 'the tenant (default: $ORCHESTRA_TENANT, else "default")';

/** The instance commands of `workflow` (issue 11): they record; a worker runs the instances. */
export function registerWorkflowInstanceCommands(workflow: Command, ctx: CommandContext, setExitCode: SetExitCode): void {
  const load = () => import('./workflow-commands/index.js');
  workflow
    .command('start')
    .description("start an instance of the project's workflow NAME (a worker runs it); --id makes it idempotent")
    .argument('<name>', 'the workflow name, as `workflow check` lists it')
    .option('--input <json>', "the input as JSON, checked by the workflow's schema, e.g. '{\"question\":\"…\"}'")
    .option('--id <id>', 'the instance id (letters, digits, . _ : -); an instance with it already is left as it is')
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print { created, instance } as JSON')
    .option('--no-daemon', 'do not start the daemon (the default worker) when none runs: you run `orchestra worker` yourself')
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
