import type { HumanTaskNotice } from '../../notice.js';

/**
 * The JSON a webhook receives (snake_case, times as ISO 8601). `delivery_id` is the same on every
 * retry of one delivery, so a receiver can drop a repeat.
 */
export function webhookBody(notice: HumanTaskNotice, deliveryId: string): string {
  const { task } = notice;
  return JSON.stringify({
    delivery_id: deliveryId,
    event: notice.event,
    tenant: notice.tenant,
    occurred_at: new Date(notice.at).toISOString(),
    task: {
      id: task.id,
      title: task.title,
      description: task.description ?? null,
      priority: task.priority,
      status: task.status,
      assignee: task.assignee ?? null,
      due_at: task.dueAt === undefined ? null : new Date(task.dueAt).toISOString(),
      form: task.form,
      created_by: task.createdBy,
    },
    recipients: (notice.recipients?.users ?? []).map((user) => ({ id: user.id, name: user.name, email: user.email ?? null, slack_id: user.slackId ?? null })),
    answer_hint: notice.answerHint,
  });
}
