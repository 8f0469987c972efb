import type { ChannelType } from '../config/notifications-types.js';
import type { HumanTaskNotice } from './notice.js';

/** What a channel knows about the delivery it sends. */
export interface SendContext {
  /** The outbox row's id: receivers can drop a repeat (a send may be retried after a timeout). */
  deliveryId: string;
  now: number;
  signal?: AbortSignal;
}

/**
 * One way to tell people about a human task (Slack, e-mail, a webhook, the inbox). `send` resolves
 * once the far side accepted the notice and rejects otherwise; a `NotifyError` says whether a retry
 * can help. `secrets` are the values no log line or stored error may contain.
 */
export interface Channel {
  readonly name: string;
  readonly type: ChannelType;
  readonly secrets: readonly string[];
  send(notice: HumanTaskNotice, context: SendContext): Promise<void>;
}
