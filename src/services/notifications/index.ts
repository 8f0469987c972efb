export { taskNotice } from './task-notice.js';
export { createOutboxNotifier, type OutboxNotifier, type OutboxNotifierOptions, type TaskAnnouncer } from './outbox-notifier.js';
