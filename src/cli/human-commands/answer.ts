import { ErrorCode, ExitCode, OrchestraError } from '../../core/errors.js';
import { escapeTerminalText } from '../../core/terminal-text.js';
import { coerceCliAnswer } from '../../humans/tasks/coerce-answer.js';
import { answerHumanTask } from '../../services/human-tasks/answer.js';
import { getHumanTask } from '../../services/human-tasks/get.js';
import type { CommandContext } from '../command-context.js';
import { withHumanTasks, type TenantOption } from './human-context.js';
import { promptAnswer } from './prompt-answer.js';

export interface AnswerOptions extends TenantOption {
  json?: string;
  print?: boolean;
}

/**
 * `orchestra answer ID field=value …`, or `--json '{…}'`, or (in a terminal, with neither) a
 * prompt per field. The first valid answer wins; a bad one names each field and changes nothing.
 */
export async function answerCommand(ctx: CommandContext, id: string, pairs: string[], options: AnswerOptions): Promise<number> {
  const task = await withHumanTasks(ctx, options, async (service) => {
    const current = await getHumanTask(service, { id });
    const answer = await answerFrom(ctx, current.form, pairs, options);
    return answerHumanTask(service, { id, answer });
  });
  if (options.print) ctx.io.stdout.write(`${JSON.stringify(task)}\n`);
  else ctx.io.stdout.write(`answered ${task.id} (${escapeTerminalText(task.title)}) as ${task.answeredBy}\n`);
  return ExitCode.OK;
}

async function answerFrom(ctx: CommandContext, form: Parameters<typeof coerceCliAnswer>[0], pairs: string[], options: AnswerOptions): Promise<Record<string, unknown>> {
  if (options.json !== undefined) {
    if (pairs.length > 0) throw new OrchestraError(ErrorCode.USAGE, 'give the answer either as field=value pairs or as --json, not both');
    try {
      return JSON.parse(options.json) as Record<string, unknown>;
    } catch (error) {
      throw new OrchestraError(ErrorCode.USAGE, `--json is not valid JSON: ${(error as Error).message}`, { hint: `For example --json '{"decision":"approve"}'.` });
    }
  }
  if (pairs.length > 0) return coerceCliAnswer(form, pairs);
  if ((ctx.io.stdin as { isTTY?: boolean }).isTTY === true && ctx.io.stdout.isTTY === true) return promptAnswer(ctx.io, form);
  throw new OrchestraError(ErrorCode.USAGE, 'no answer given', { hint: `Pass field=value pairs or --json '{…}'; \`orchestra inbox show ID\` lists the fields.` });
}
