import { ErrorCode, ExitCode, OrchestraError } from '../../core/errors.js';
import { plural } from '../../core/plural.js';
import { escapeTerminalText } from '../../core/terminal-text.js';
import { resolveLocalTenant } from '../../services/auth/local-scope.js';
import { cancelWorkflowInstance, forkWorkflowInstance, getWorkflowInstance, listWorkflowInstances, signalWorkflowInstance } from '../../services/workflows/index.js';
import { WorkflowStatuses, type WorkflowStatus } from '../../store/workflow-types.js';
import type { CommandContext } from '../command-context.js';
import { withWorkflows, type WorkflowCommandOptions } from './context.js';
import { formatWorkflowDetail, formatWorkflowList } from './format-instance.js';
import { parseJsonOption } from './json-option.js';

/* `workflow list | show | signal | cancel | fork`: each a thin shell over its service. */

const safe = escapeTerminalText;

export interface WorkflowListOptions extends WorkflowCommandOptions {
  status?: string[];
  name?: string;
  all?: boolean;
}

/** Listed without --all. */
const listLimit = 100;

export async function workflowListCommand(ctx: CommandContext, options: WorkflowListOptions): Promise<number> {
  const status = options.status?.map(checkStatus);
  const found = await withWorkflows(ctx, options, (service) =>
    listWorkflowInstances(service, { ...(status && { status }), ...(options.name !== undefined && { name: options.name }), limit: options.all ? 10_000 : listLimit + 1 }),
  );
  const instances = options.all ? found : found.slice(0, listLimit);
  const more = !options.all && found.length > listLimit;
  if (options.json) ctx.io.stdout.write(`${JSON.stringify({ instances, more })}\n`);
  else if (instances.length === 0) {
    const tenant = resolveLocalTenant({ ...(options.tenant !== undefined && { flag: options.tenant }), env: ctx.io.env });
    ctx.io.stdout.write(`No workflow instances${status || options.name ? ' match' : ''} in tenant ${safe(tenant)}. Start one: orchestra workflow start NAME --input '{…}'\n`);
  } else {
    ctx.io.stdout.write(`${formatWorkflowList(instances, ctx.out)}\n`);
    if (more) ctx.io.stdout.write(`(the ${listLimit} newest; \`orchestra workflow list --all\` lists every instance)\n`);
  }
  return ExitCode.OK;
}

function checkStatus(status: string): WorkflowStatus {
  if ((WorkflowStatuses as readonly string[]).includes(status)) return status as WorkflowStatus;
  throw new OrchestraError(ErrorCode.USAGE, `--status: unknown status "${status}"`, { hint: `Use one or more of: ${WorkflowStatuses.join(', ')}.` });
}

export async function workflowShowCommand(ctx: CommandContext, id: string, options: WorkflowCommandOptions): Promise<number> {
  const detail = await withWorkflows(ctx, options, (service) => getWorkflowInstance(service, { id }));
  ctx.io.stdout.write(options.json ? `${JSON.stringify(detail)}\n` : formatWorkflowDetail(detail, ctx.out));
  return ExitCode.OK;
}

export async function workflowSignalCommand(ctx: CommandContext, id: string, name: string, options: WorkflowCommandOptions & { data?: string }): Promise<number> {
  const data = options.data === undefined ? null : parseJsonOption('--data', options.data);
  const signal = await withWorkflows(ctx, options, (service) => signalWorkflowInstance(service, { id, name, data }));
  if (options.json) ctx.io.stdout.write(`${JSON.stringify(signal)}\n`);
  else ctx.io.stdout.write(`Sent signal "${safe(name)}" to workflow instance ${safe(id)} (signal #${signal.seq}): kept until the workflow waits for it.\n`);
  return ExitCode.OK;
}

export async function workflowCancelCommand(ctx: CommandContext, id: string, options: WorkflowCommandOptions): Promise<number> {
  const instance = await withWorkflows(ctx, options, (service) => cancelWorkflowInstance(service, { id }));
  if (options.json) ctx.io.stdout.write(`${JSON.stringify(instance)}\n`);
  else ctx.io.stdout.write(`Cancelled workflow instance ${safe(id)} (${safe(instance.name)}); a worker runs its cleanup (the function's finally blocks).\n`);
  return ExitCode.OK;
}

export async function workflowForkCommand(ctx: CommandContext, id: string, options: WorkflowCommandOptions & { fromStep: string }): Promise<number> {
  if (!/^\d+$/.test(options.fromStep)) {
    throw new OrchestraError(ErrorCode.USAGE, `--from-step must be a whole number, 0 or more (got "${options.fromStep}")`, {
      hint: `It is a journal position, as \`orchestra workflow show ${id}\` lists them: the entries before it are kept, the code runs again from it.`,
    });
  }
  const forked = await withWorkflows(ctx, options, (service) => forkWorkflowInstance(service, { id, fromStep: Number(options.fromStep) }));
  if (options.json) {
    ctx.io.stdout.write(`${JSON.stringify({ instance: forked.instance, source: forked.source.id, copied: forked.copied })}\n`);
    return ExitCode.OK;
  }
  const newId = safe(forked.instance.id);
  ctx.io.stdout.write(
    `Forked ${safe(id)} from step ${forked.copied} as ${newId}: ${plural(forked.copied, 'journal entry', 'journal entries')} copied, the rest runs on the current code (version ${forked.instance.version}).\n` +
      `A worker runs it; follow it with \`orchestra workflow show ${newId}\`.\n`,
  );
  return ExitCode.OK;
}
