import { z } from 'zod';
import { NotificationEvents } from '../config/notifications-types.js';

/**
 * What the notify layer needs to know about a human task to tell people about it (issue 10). The
 * human-task model builds one per event; the outbox stores it as JSON and the sender reads it
 * back through `parseNotice`. Every text in it is data: channels escape it, never interpret it.
 * @since issue 10
 */
export const noticeSchema = z.object({
  event: z.enum(NotificationEvents),
  tenant: z.string().min(1),
  /** When the event happened (epoch ms). */
  at: z.number(),
  task: z.object({
    id: z.string().min(1),
    title: z.string(),
    /** Markdown as the author wrote it; shown as text. */
    description: z.string().optional(),
    priority: z.string(),
    status: z.string(),
    assignee: z.object({ kind: z.enum(['user', 'group']), id: z.string() }).optional(),
    dueAt: z.number().optional(),
    /** The form's fields, for a summary; the full form stays with the task. */
    form: z.array(z.object({ name: z.string(), label: z.string(), type: z.string(), required: z.boolean() })),
    /** Who created it, for people: "run 20250301-ab12 node approve", "workflow refund", "api". */
    createdBy: z.string(),
  }),
  /** People to reach directly (e-mail addresses, Slack mentions); channels may also have fixed ones. */
  recipients: z.object({ users: z.array(z.object({ id: z.string(), name: z.string(), email: z.string().optional(), slackId: z.string().optional() })) }).optional(),
  /** The command that answers it, e.g. `orchestra answer ht-42 decision=…`. */
  answerHint: z.string(),
});

export type HumanTaskNotice = z.infer<typeof noticeSchema>;
export type NoticeRecipient = NonNullable<HumanTaskNotice['recipients']>['users'][number];

/** A stored payload back as a notice; throws (with the field) when it is not one. */
export function parseNotice(payload: unknown): HumanTaskNotice {
  const parsed = noticeSchema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  throw new Error(`the stored notice is not valid: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
}
