import type { EscalationNotice, EscalationNotifier } from '../../../humans/sla/index.js';

/** An EscalationNotifier that keeps what it was asked to send (event, channel, step, key). */
export function createRecordingNotifier(): EscalationNotifier & { sent: Array<Omit<EscalationNotice, 'task'> & { taskId: string }> } {
  const sent: Array<Omit<EscalationNotice, 'task'> & { taskId: string }> = [];
  return {
    sent,
    notify(notice) {
      const { task, ...rest } = notice;
      sent.push({ ...rest, taskId: task.id });
      return Promise.resolve();
    },
  };
}
