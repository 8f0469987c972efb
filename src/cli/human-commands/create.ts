import { ErrorCode, ExitCode, OrchestraError } from '../../core/errors.js';
import { createHumanTask } from '../../services/human-tasks/create.js';
import type { JsonObject } from '../../store/human-task-types.js';
import type { CommandContext } from '../command-context.js';
import { withHumanTasks, type TenantOption } from './human-context.js';
import { readFormFile } from './read-form-file.js';
import { tenantFlagFor } from '../../core/tenant-scope.js';

export interface CreateOptions extends TenantOption {
  title: string;
  form: string;
  description?: string;
  assign?: string;
  priority?: string;
  context?: string;
  sla?: string;
  json?: boolean;
}

/** `orchestra human-task create`: a task from the command line, for scripts and tests. */
export async function createCommand(ctx: CommandContext, options: CreateOptions): Promise<number> {
  const form = await readFormFile(options.form, ctx.io.cwd);
  const context = options.context === undefined ? undefined : parseContext(options.context);
  const task = await withHumanTasks(ctx, options, (service) =>
    createHumanTask(service, {
      title: options.title,
      form,
      createdBy: { kind: 'cli', by: service.actor.id },
      ...(options.description !== undefined && { description: options.description }),
      ...(options.assign !== undefined && { assignee: options.assign }),
      ...(options.priority !== undefined && { priority: options.priority as 'normal' }),
      ...(context !== undefined && { context }),
      ...(options.sla !== undefined && { sla: options.sla }),
    }),
  );
  ctx.io.stdout.write(options.json ? `${JSON.stringify(task)}\n` : `created human task ${task.id}\nanswer it: orchestra answer ${task.id} field=value …${tenantFlagFor(task.tenant)}\n`);
  return ExitCode.OK;
}

function parseContext(text: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new OrchestraError(ErrorCode.USAGE, `--context is not valid JSON: ${(error as Error).message}`, { hint: `For example --context '{"pr": 123}'.` });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new OrchestraError(ErrorCode.USAGE, '--context must be a JSON object', { hint: `For example --context '{"pr": 123}'.` });
  return value as JsonObject;
}
