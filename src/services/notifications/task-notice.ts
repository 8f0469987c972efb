import type { ResolvedPeople } from '../../config/index.js';
import type { NotificationEvent } from '../../config/notifications-types.js';
import type { HumanTaskNotice, NoticeRecipient } from '../../notify/index.js';
import type { HumanTask, HumanTaskOrigin } from '../../store/human-task-types.js';

/**
 * The notice telling people that `event` happened to `task` (issue 10): the task's summary, its
 * form's fields, who created it, and the people it is assigned to (from `people:`, with their
 * e-mail and Slack ids) as recipients.
 */
export function taskNotice(task: HumanTask, event: NotificationEvent, at: number, people?: ResolvedPeople): HumanTaskNotice {
  const recipients = people && recipientsOf(task, people);
  return {
    event,
    tenant: task.tenant,
    at,
    task: {
      id: task.id,
      title: task.title,
      ...(task.description !== '' && { description: task.description }),
      priority: task.priority,
      status: task.status,
      ...(task.assignee && { assignee: { kind: task.assignee.kind, id: task.assignee.id } }),
      ...(task.dueAt !== undefined && { dueAt: task.dueAt }),
      form: Object.entries(task.form).map(([name, field]) => ({ name, label: field.label ?? name, type: field.type, required: field.required === true })),
      createdBy: originText(task.createdBy),
    },
    ...(recipients && recipients.length > 0 && { recipients: { users: recipients } }),
    answerHint: `orchestra answer ${task.id}`,
  };
}

function originText(origin: HumanTaskOrigin): string {
  switch (origin.kind) {
    case 'run':
      return `run ${origin.runId} node ${origin.nodeId}`;
    case 'workflow':
      return `workflow ${origin.workflowId}${origin.step !== undefined ? ` step ${origin.step}` : ''}`;
    case 'guided':
      return `guided workflow ${origin.guidedId}${origin.step !== undefined ? ` step ${origin.step}` : ''}`;
    case 'api':
    case 'cli':
      return origin.by !== undefined ? `${origin.kind} (${origin.by})` : origin.kind;
  }
}

function recipientsOf(task: HumanTask, people: ResolvedPeople): NoticeRecipient[] {
  const assignee = task.assignee;
  if (!assignee) return [];
  const ids = assignee.kind === 'user' ? [assignee.id] : (Object.hasOwn(people.groups, assignee.id) ? people.groups[assignee.id] ?? [] : []);
  return ids.flatMap((id) => {
    const user = Object.hasOwn(people.users, id) ? people.users[id] : undefined;
    if (!user) return [];
    return [{ id, name: user.name ?? id, ...(user.email !== undefined && { email: user.email }), ...(user.slackId !== undefined && { slackId: user.slackId }) }];
  });
}
