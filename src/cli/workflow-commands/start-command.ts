import { ExitCode } from '../../core/errors.js';
import { escapeTerminalText } from '../../core/terminal-text.js';
import { startWorkflowInstance } from '../../services/workflows/index.js';
import type { CommandContext } from '../command-context.js';
import { connectDaemon } from '../daemon-connection.js';
import { withWorkflows, type WorkflowCommandOptions } from './context.js';
import { paintStatus } from './format-instance.js';
import { parseJsonOption } from './json-option.js';

export interface WorkflowStartOptions extends WorkflowCommandOptions {
  input?: string;
  id?: string;
  /** false with --no-daemon: the user runs their own `orchestra worker`. */
  daemon?: boolean;
}

/**
 * `orchestra workflow start NAME --input '{…}' [--id ID]`: records a new instance for a worker to
 * run (the daemon, or `orchestra worker`). With --id it is idempotent: an instance with that id is
 * left as it is and reported (exit 0). It starts the user's daemon when none runs (unless --no-daemon):
 * the daemon is the default worker, so a new user's instance runs rather than waiting for a worker
 * nobody started. The instance is recorded first, so bad input never starts a daemon.
 */
export async function workflowStartCommand(ctx: CommandContext, name: string, options: WorkflowStartOptions): Promise<number> {
  // Parsed before the store opens: a typo in the JSON costs nothing.
  const input = options.input === undefined ? undefined : parseJsonOption('--input', options.input);
  const { instance, created } = await withWorkflows(ctx, options, (service) =>
    startWorkflowInstance(service, { name, ...(input !== undefined && { input }), ...(options.id !== undefined && { id: options.id }) }),
  );
  if (options.daemon !== false) await ensureWorker(ctx);
  if (options.json) {
    ctx.io.stdout.write(`${JSON.stringify({ created, instance })}\n`);
    return ExitCode.OK;
  }
  const id = escapeTerminalText(instance.id);
  ctx.io.stdout.write(
    created
      ? `Started workflow ${escapeTerminalText(instance.name)} as ${id} (version ${instance.version}).\n${options.daemon === false ? 'A worker runs it (`orchestra worker`)' : 'The daemon runs it'}; follow it with \`orchestra workflow show ${id}\`.\n`
      : `Workflow instance ${id} exists already (${escapeTerminalText(instance.name)}, ${paintStatus(instance.status, ctx.out)}): nothing started.\nSee it with \`orchestra workflow show ${id}\`.\n`,
  );
  return ExitCode.OK;
}

/**
 * Starts the daemon when none runs. The instance is recorded already, so a daemon that does not
 * start is a warning, not a failure: the start stands, and any worker can run it.
 */
async function ensureWorker(ctx: CommandContext): Promise<void> {
  try {
    (await connectDaemon(ctx)).close();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    ctx.io.stderr.write(`${ctx.err.yellow('warning')}: the daemon did not start (${escapeTerminalText(reason)}); the instance is recorded: run it with \`orchestra worker\`.\n`);
  }
}
