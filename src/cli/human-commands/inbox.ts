import { ExitCode } from '../../core/errors.js';
import { getHumanTask } from '../../services/human-tasks/get.js';
import { listHumanTasks } from '../../services/human-tasks/list.js';
import type { HumanTaskStatus } from '../../store/human-task-types.js';
import type { CommandContext } from '../command-context.js';
import { formatInbox, formatTaskDetail } from './format-task.js';
import { withHumanTasks, type TenantOption } from './human-context.js';
import { emptyInboxLine, hiddenFromMineNote, type InboxView } from './inbox-notes.js';

export interface InboxOptions extends TenantOption {
  mine?: boolean;
  group?: string;
  all?: boolean;
  status?: string[];
  limit?: string;
  cursor?: string;
  json?: boolean;
}

/** `orchestra inbox`: the human tasks waiting for me (or a group, or everyone), overdue first. */
export async function inboxCommand(ctx: CommandContext, options: InboxOptions): Promise<number> {
  const view: InboxView = options.all ? 'all' : options.group !== undefined ? 'group' : 'mine';
  const { page, empty, note } = await withHumanTasks(ctx, options, async (service) => {
    const listed = await listHumanTasks(service, {
      view,
      ...(options.group !== undefined && { group: options.group }),
      ...(options.status !== undefined && { status: options.status as HumanTaskStatus[] }),
      ...(options.limit !== undefined && { limit: Number(options.limit) }),
      ...(options.cursor !== undefined && { cursor: options.cursor }),
    });
    return {
      page: listed,
      empty: emptyInboxLine(view, service, options.group),
      note: view === 'mine' && options.cursor === undefined ? await hiddenFromMineNote(service, ctx.io.cwd) : undefined,
    };
  });
  // On stderr: the listing on stdout stays what it was, for people and for programs.
  if (note !== undefined) ctx.io.stderr.write(`${ctx.out.dim(note)}\n`);
  if (options.json) {
    ctx.io.stdout.write(`${JSON.stringify(page)}\n`);
    return ExitCode.OK;
  }
  if (page.tasks.length === 0) {
    ctx.io.stdout.write(`${empty}\n`);
    return ExitCode.OK;
  }
  ctx.io.stdout.write(formatInbox(page.tasks, Date.now(), ctx.out));
  if (page.nextCursor !== undefined) ctx.io.stdout.write(ctx.out.dim(`more: orchestra inbox --cursor ${page.nextCursor}\n`));
  return ExitCode.OK;
}

/** `orchestra inbox show ID`: the form's fields with their types and options, the context, the history. */
export async function inboxShowCommand(ctx: CommandContext, id: string, options: TenantOption & { json?: boolean }): Promise<number> {
  const { task, workflowName } = await withHumanTasks(ctx, options, async (service) => {
    const found = await getHumanTask(service, { id });
    // A workflow's task names its instance; the person also wants to know which workflow that is.
    const origin = found.createdBy.kind === 'workflow' ? await service.store.getWorkflow(service.scope, found.createdBy.workflowId) : undefined;
    return { task: found, workflowName: origin?.name };
  });
  ctx.io.stdout.write(options.json ? `${JSON.stringify(task)}\n` : formatTaskDetail(task, Date.now(), ctx.out, workflowName));
  return ExitCode.OK;
}
