import { ExitCode } from '../../core/index.js';
import { resolveLocalTenant } from '../../services/auth/index.js';
import type { DeliveryFilter } from '../../store/outbox.js';
import type { CommandContext } from '../command-context.js';
import { formatDeliveryList, toDeliveryView } from '../notifications/delivery-list.js';
import { openCliStore } from '../store-location.js';

export interface NotificationsOptions {
  failed?: boolean;
  all?: boolean;
  json?: boolean;
  tenant?: string;
}

/** Deliveries listed without `--all`. */
export const defaultDeliveryLimit = 50;

/** `orchestra notifications [--failed] [--json]`: the notification delivery log, newest first (issue 10). */
export async function notificationsCommand(ctx: CommandContext, options: NotificationsOptions): Promise<number> {
  // The tenant as every human-task command picks it (an empty ORCHESTRA_TENANT means `default`).
  const tenant = resolveLocalTenant({ ...(options.tenant !== undefined && { flag: options.tenant }), env: ctx.io.env });
  const { store } = await openCliStore(ctx.io.env);
  try {
    const filter: DeliveryFilter = {
      ...(options.failed && { statuses: ['failed', 'dead'] as const }),
      ...(!options.all && { limit: defaultDeliveryLimit + 1 }),
    };
    const found = await store.listDeliveries(tenant, filter);
    const deliveries = found.slice(0, options.all ? undefined : defaultDeliveryLimit).map(toDeliveryView);
    const more = !options.all && found.length > defaultDeliveryLimit;
    if (options.json) {
      ctx.io.stdout.write(`${JSON.stringify({ tenant, deliveries, more })}\n`);
    } else if (deliveries.length === 0) {
      ctx.io.stdout.write(options.failed ? 'No failed notifications.\n' : 'No notifications yet: they are queued when a human task is created, assigned, escalated, due soon, completed or cancelled.\n');
    } else {
      ctx.io.stdout.write(`${formatDeliveryList(deliveries, ctx.out)}\n`);
      if (more) ctx.io.stdout.write(`(the ${defaultDeliveryLimit} newest; \`orchestra notifications --all\` lists every one)\n`);
    }
    return ExitCode.OK;
  } finally {
    await store.close();
  }
}
