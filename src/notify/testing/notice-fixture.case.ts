import type { HumanTaskNotice } from '../notice.js';

/* A notice as the human-task model will build it, for the notify tests. */

export const noticeTime = Date.UTC(2025, 2, 1, 14, 5, 0);

export function aNotice(overrides: Partial<HumanTaskNotice> = {}, task: Partial<HumanTaskNotice['task']> = {}): HumanTaskNotice {
  return {
    event: 'created',
    tenant: 'default',
    at: noticeTime,
    task: {
      id: 'ht-42',
      title: 'Approve release 1.4',
      description: 'The release notes are in *CHANGES.md*.\nCheck the migration first.',
      priority: 'high',
      status: 'open',
      assignee: { kind: 'group', id: 'release-managers' },
      dueAt: noticeTime + 30 * 60_000,
      form: [
        { name: 'decision', label: 'Decision', type: 'select', required: true },
        { name: 'comment', label: 'Comment', type: 'textarea', required: false },
      ],
      createdBy: 'run 20250301-ab12 node approve',
      ...task,
    },
    recipients: { users: [{ id: 'ana', name: 'Ana', email: 'ana@example.com', slackId: 'U024BE7LH' }] },
    answerHint: 'orchestra answer ht-42 decision=…',
    ...overrides,
  };
}
