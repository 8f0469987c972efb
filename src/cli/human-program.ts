import type { Command } from 'commander';
import type { CommandContext } from './command-context.js';

type SetExitCode = (code: number) => void;

const group = 'People and human tasks:';
const tenantHelp = 'the tenant (default: $ORCHESTRA_TENANT, else "default")';

/**
 * Human-task commands (issue 10), grouped under their own heading in `orchestra --help`. Each acts
 * as ORCHESTRA_USER (else git's user.email) in the tenant of --tenant, on the user's store.
 */
export function registerHumanTaskCommands(program: Command, ctx: CommandContext, setExitCode: SetExitCode): void {
  const load = () => import('./human-commands/index.js');

  const inbox = program
    .command('inbox')
    .helpGroup(group)
    .description('human tasks waiting for you (assigned to you, your groups, or nobody), overdue first; `inbox show ID` for one')
    .option('--mine', 'assigned to me, one of my groups, or nobody (the default)')
    .option('--group <group>', "one group's tasks")
    .option('--all', "every task of the tenant")
    .option('--status <status...>', 'open, claimed, completed, expired, cancelled (default: open claimed)')
    .option('--limit <n>', 'tasks per page (default 100)')
    .option('--cursor <cursor>', 'the next page, as printed after the last one')
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print { tasks, nextCursor } as JSON')
    .action(async (options) => setExitCode(await (await load()).inboxCommand(ctx, options)));
  inbox
    .command('show')
    .description("one human task: its form's fields with types and options, its context and history")
    .argument('<id>', 'the task id')
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print the task as JSON')
    .action(async (id: string, options) => setExitCode(await (await load()).inboxShowCommand(ctx, id, { ...inbox.opts(), ...options })));

  program
    .command('answer')
    .helpGroup(group)
    .description('answer a human task: field=value pairs, or --json; in a terminal with neither, a prompt per field')
    .argument('<id>', 'the task id')
    .argument('[fields...]', 'field=value (a multiselect takes a,b or repeats)')
    .option('--json <answer>', "the answer as a JSON object, e.g. '{\"decision\":\"approve\"}'")
    .option('--print', 'print the answered task as JSON')
    .option('--tenant <tenant>', tenantHelp)
    .action(async (id: string, fields: string[], options) => setExitCode(await (await load()).answerCommand(ctx, id, fields, options)));

  for (const [name, description] of [
    ['claim', 'claim a human task: it then waits for you alone until you answer or release it'],
    ['release', 'release a human task you claimed, back to its assignee'],
  ] as const) {
    program
      .command(name)
      .helpGroup(group)
      .description(description)
      .argument('<id>', 'the task id')
      .option('--tenant <tenant>', tenantHelp)
      .option('--json', 'print the task as JSON')
      .action(async (id: string, options) => setExitCode(await (await load()).changeCommand(name)(ctx, id, options)));
  }

  program
    .command('reassign')
    .helpGroup(group)
    .description('give a human task to another group or user (drops any claim)')
    .argument('<id>', 'the task id')
    .requiredOption('--to <assignee>', 'group:NAME or user:NAME, as in people: of orchestra.yaml')
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print the task as JSON')
    .action(async (id: string, options) => setExitCode(await (await load()).changeCommand('reassign')(ctx, id, options)));

  const humanTask = program.command('human-task').helpGroup(group).description('create or cancel human tasks (for scripts and tests)');
  humanTask
    .command('create')
    .description('create a human task with a form from a YAML or JSON file')
    .requiredOption('--title <title>', 'what the person is asked')
    .requiredOption('--form <file>', 'the form: { field: { type, required, options, … } } in YAML or JSON')
    .option('--description <markdown>', 'more about the task, in markdown')
    .option('--assign <assignee>', 'group:NAME or user:NAME (default: anyone in the tenant)')
    .option('--priority <priority>', 'low, normal, high or urgent (default normal)')
    .option('--context <json>', 'a JSON object shown to the person')
    .option('--sla <duration>', 'due after this long, e.g. 30m')
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print the task as JSON')
    .action(async (options) => setExitCode(await (await load()).createCommand(ctx, options)));
  humanTask
    .command('cancel')
    .description('cancel a human task (its creator or an admin)')
    .argument('<id>', 'the task id')
    .option('--reason <text>', 'why, kept in its history')
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print the task as JSON')
    .action(async (id: string, options) => setExitCode(await (await load()).changeCommand('cancel')(ctx, id, options)));
}
