import type { Command } from 'commander';
import type { CommandContext } from './command-context.js';

type SetExitCode = (code: number) => void;

const tenantHelp = 'the tenant (default: $ORCHESTRA_TENANT, else "default")';
const reportStatus = 'the step\'s outcome: success, failure or blocked (or another status its rules name)';
const resultHelp = 'what the step produced: JSON (an object, a list…) or else taken as text';
const updatesHelp = 'context variables to set, as a JSON object, e.g. \'{"plan":["…"]}\' (checked against their declared types)';

/**
 * `orchestra guided` (issue 13): guided workflows (workflows/NAME/index.md) for people and scripts,
 * the same services as the MCP tools list_workflows, start_workflow, get_workflow_status,
 * advance_workflow and resume_workflow. The module is loaded only when a command runs.
 */
export function registerGuidedCommands(program: Command, ctx: CommandContext, setExitCode: SetExitCode, group: string): void {
  const load = () => import('./guided-commands/commands.js');
  const guided = program.command('guided').helpGroup(group).description('guided workflows for coding agents in workflows/NAME/: list, start, status, advance, resume, show, instances');
  guided
    .command('list')
    .description("the project's guided workflows: name, title, number of steps, valid or its first error")
    .option('--json', 'print { workflows } as JSON (as list_workflows answers)')
    .action(async (options) => setExitCode(await (await load()).guidedListCommand(ctx, options)));
  guided
    .command('start')
    .description('start an instance of guided workflow NAME; prints its id, its first step and the step\'s instructions')
    .argument('<name>', 'the workflow name, as `guided list` shows it')
    .option('--context <json>', 'the context variables as a JSON object, e.g. \'{"goal":"Add CSV export"}\'')
    .option('--context-file <file>', 'the same, read from a JSON file')
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print the answer as JSON: { instance_id, status, next_step, reason, … }')
    .action(async (name: string, options) => setExitCode(await (await load()).guidedStartCommand(ctx, name, options)));
  guided
    .command('status')
    .description('an instance\'s status and current step with its instructions; takes up a finished wait')
    .argument('<id>', 'the instance id')
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print the answer as JSON')
    .action(async (id: string, options) => setExitCode(await (await load()).guidedStatusCommand(ctx, id, options)));
  guided
    .command('advance')
    .description('report the current step; prints the step chosen next (by the model, else the rules), why, and its instructions')
    .argument('<id>', 'the instance id')
    .requiredOption('--step <step>', 'the step reported: the current one (E_GUIDED_STEP_NOT_CURRENT otherwise)')
    .requiredOption('--status <status>', reportStatus)
    .option('--result <json-or-text>', resultHelp)
    .option('--context-updates <json>', updatesHelp)
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print the answer as JSON')
    .action(async (id: string, options) => setExitCode(await (await load()).guidedAdvanceCommand(ctx, id, options)));
  guided
    .command('resume')
    .description('pick an instance up again believing STEP is current; a different recorded step is reconciled (and why is printed)')
    .argument('<id>', 'the instance id')
    .requiredOption('--assumed <step>', 'the step you believe is current')
    .option('--status <status>', `with a report: ${reportStatus}`)
    .option('--step <step>', 'the step the report is about (default: --assumed)')
    .option('--result <json-or-text>', resultHelp)
    .option('--context-updates <json>', updatesHelp)
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print the answer as JSON')
    .action(async (id: string, options) => setExitCode(await (await load()).guidedResumeCommand(ctx, id, options)));
  guided
    .command('show')
    .description('an instance, its history (each report) and every decision: kind, by model, rules or person, next step, reason, fallback')
    .argument('<id>', 'the instance id')
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print { instance, history, decisions } as JSON')
    .action(async (id: string, options) => setExitCode(await (await load()).guidedShowCommand(ctx, id, options)));
  guided
    .command('instances')
    .alias('ls')
    .description('the instances, newest first: id, workflow, status, current step, started, updated')
    .option('--status <status...>', 'running, waiting, completed, failed')
    .option('--name <workflow>', "one workflow's instances")
    .option('--all', 'every instance, not only the 100 newest')
    .option('--tenant <tenant>', tenantHelp)
    .option('--json', 'print { instances, more } as JSON')
    .action(async (options) => setExitCode(await (await load()).guidedInstancesCommand(ctx, options)));
}
