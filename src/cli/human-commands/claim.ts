import { ExitCode } from '../../core/errors.js';
import { formatAssignee } from '../../humans/tasks/eligibility.js';
import { cancelHumanTask } from '../../services/human-tasks/cancel.js';
import { claimHumanTask } from '../../services/human-tasks/claim.js';
import { reassignHumanTask } from '../../services/human-tasks/reassign.js';
import { releaseHumanTask } from '../../services/human-tasks/release.js';
import type { HumanTask } from '../../store/human-task-types.js';
import type { CommandContext } from '../command-context.js';
import type { HumanTaskServiceContext } from '../../services/human-tasks/context.js';
import { withHumanTasks, type TenantOption } from './human-context.js';

export interface ChangeOptions extends TenantOption {
  json?: boolean;
  to?: string;
  reason?: string;
}

type Change = (service: HumanTaskServiceContext, id: string, options: ChangeOptions) => Promise<HumanTask>;

const changes: Record<'claim' | 'release' | 'reassign' | 'cancel', { run: Change; done: (task: HumanTask) => string }> = {
  claim: { run: (service, id) => claimHumanTask(service, { id }), done: (task) => `claimed ${task.id}: it waits for ${task.claimedBy} alone` },
  release: { run: (service, id) => releaseHumanTask(service, { id }), done: (task) => `released ${task.id}: open to ${formatAssignee(task.assignee)} again` },
  reassign: { run: (service, id, options) => reassignHumanTask(service, { id, to: options.to ?? '' }), done: (task) => `reassigned ${task.id} to ${formatAssignee(task.assignee)}` },
  cancel: { run: (service, id, options) => cancelHumanTask(service, { id, ...(options.reason !== undefined && { reason: options.reason }) }), done: (task) => `cancelled ${task.id}` },
};

/** `orchestra claim|release|reassign|cancel ID`: one change, printed as a line (or the task as JSON). */
export function changeCommand(name: keyof typeof changes) {
  return async function humanTaskChange(ctx: CommandContext, id: string, options: ChangeOptions): Promise<number> {
    const change = changes[name];
    const task = await withHumanTasks(ctx, options, (service) => change.run(service, id, options));
    ctx.io.stdout.write(options.json ? `${JSON.stringify(task)}\n` : `${change.done(task)}\n`);
    return ExitCode.OK;
  };
}
