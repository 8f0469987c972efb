import { ErrorCode, ExitCode, OrchestraError } from '../../core/errors.js';
import { escapeTerminalText } from '../../core/terminal-text.js';
import type { GuidedAnswer } from '../../engine/guided/index.js';
import { resolveLocalTenant } from '../../services/auth/local-scope.js';
import { advanceWorkflow, listInstances, listWorkflows, resumeWorkflow, showWorkflow, startWorkflow, workflowStatus } from '../../services/guided/index.js';
import { GuidedStatuses, type GuidedInstanceStatus } from '../../store/guided-types.js';
import type { CommandContext } from '../command-context.js';
import { withGuided, type GuidedCommandOptions } from './context.js';
import { formatAnswer, formatDefinitionList, formatGuidedDetail, formatInstanceList } from './format.js';
import { contextOption, contextUpdatesOf, reportOf, type ReportOptions } from './guided-input.js';

/* `orchestra guided …` (issue 13): each a thin shell over its service, as the MCP tools are. */

const safe = escapeTerminalText;

export async function guidedListCommand(ctx: CommandContext, options: GuidedCommandOptions): Promise<number> {
  const { workflows } = await withGuided(ctx, options, (service, projectDir) => listWorkflows(service, projectDir));
  if (options.json) ctx.io.stdout.write(`${JSON.stringify({ workflows })}\n`);
  else if (workflows.length === 0) ctx.io.stdout.write('No guided workflows in this project (workflows/NAME/index.md). Add the shipped ones: orchestra init --guided\n');
  else ctx.io.stdout.write(`${formatDefinitionList(workflows, ctx.out)}\n`);
  return ExitCode.OK;
}

export async function guidedStartCommand(ctx: CommandContext, name: string, options: GuidedCommandOptions & { context?: string; contextFile?: string }): Promise<number> {
  const context = await contextOption(ctx.io.cwd, options);
  const answer = await withGuided(ctx, options, (service, projectDir) => startWorkflow(service, projectDir, { workflow_name: name, context }));
  if (!options.json) ctx.io.stdout.write(`Started guided workflow ${safe(name)} as ${safe(answer.instance_id)}.\n`);
  return printAnswer(ctx, answer, options);
}

export async function guidedStatusCommand(ctx: CommandContext, id: string, options: GuidedCommandOptions): Promise<number> {
  return printAnswer(ctx, await withGuided(ctx, options, (service) => workflowStatus(service, { instance_id: id })), options);
}

export async function guidedAdvanceCommand(ctx: CommandContext, id: string, options: GuidedCommandOptions & ReportOptions & { step: string; status: string }): Promise<number> {
  const input = { instance_id: id, report: reportOf(options.step, options.status, options), ...contextUpdatesOf(options) };
  return printAnswer(ctx, await withGuided(ctx, options, (service) => advanceWorkflow(service, input)), options);
}

export async function guidedResumeCommand(ctx: CommandContext, id: string, options: GuidedCommandOptions & ReportOptions & { assumed: string; step?: string }): Promise<number> {
  if (options.status === undefined && (options.result !== undefined || options.step !== undefined)) {
    throw new OrchestraError(ErrorCode.USAGE, '--result and --step describe a report: they need --status', { hint: `Add --status success|failure|blocked, or leave the report out: orchestra guided resume ${id} --assumed ${options.assumed}` });
  }
  const report = options.status === undefined ? {} : { report: reportOf(options.step ?? options.assumed, options.status, options) };
  const input = { instance_id: id, assumed_current_step_name: options.assumed, ...report, ...contextUpdatesOf(options) };
  return printAnswer(ctx, await withGuided(ctx, options, (service) => resumeWorkflow(service, input)), options);
}

export async function guidedShowCommand(ctx: CommandContext, id: string, options: GuidedCommandOptions): Promise<number> {
  const detail = await withGuided(ctx, options, (service) => showWorkflow(service, { instance_id: id }));
  ctx.io.stdout.write(options.json ? `${JSON.stringify(detail)}\n` : formatGuidedDetail(detail, ctx.out));
  return ExitCode.OK;
}

export interface GuidedInstancesOptions extends GuidedCommandOptions {
  status?: string[];
  name?: string;
  all?: boolean;
}

/** Listed without --all. */
const listLimit = 100;

export async function guidedInstancesCommand(ctx: CommandContext, options: GuidedInstancesOptions): Promise<number> {
  const status = options.status?.map(checkStatus);
  const found = await withGuided(ctx, options, (service) =>
    listInstances(service, { ...(status && { status }), ...(options.name !== undefined && { workflowName: options.name }), limit: options.all ? 1_000_000 : listLimit + 1 }),
  );
  const instances = options.all ? found : found.slice(0, listLimit);
  const more = !options.all && found.length > listLimit;
  if (options.json) ctx.io.stdout.write(`${JSON.stringify({ instances, more })}\n`);
  else if (instances.length === 0) {
    const tenant = resolveLocalTenant({ ...(options.tenant !== undefined && { flag: options.tenant }), env: ctx.io.env });
    ctx.io.stdout.write(`No guided instances${status || options.name ? ' match' : ''} in tenant ${safe(tenant)}. Start one: orchestra guided start NAME --context '{…}'\n`);
  } else {
    ctx.io.stdout.write(`${formatInstanceList(instances, ctx.out)}\n`);
    if (more) ctx.io.stdout.write(`(the ${listLimit} newest; \`orchestra guided instances --all\` lists every instance)\n`);
  }
  return ExitCode.OK;
}

function checkStatus(status: string): GuidedInstanceStatus {
  if ((GuidedStatuses as readonly string[]).includes(status)) return status as GuidedInstanceStatus;
  throw new OrchestraError(ErrorCode.USAGE, `--status: unknown status "${status}"`, { hint: `Use one or more of: ${GuidedStatuses.join(', ')}.` });
}

function printAnswer(ctx: CommandContext, answer: GuidedAnswer, options: GuidedCommandOptions): number {
  ctx.io.stdout.write(options.json ? `${JSON.stringify(answer)}\n` : formatAnswer(answer, ctx.out));
  return ExitCode.OK;
}
