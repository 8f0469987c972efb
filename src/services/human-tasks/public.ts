/*
 * What src/index.ts publishes of the human-task services (issue 10): the operations and the
 * context a local program opens. The SLA sweeper and timer handlers stay internal (the daemon runs them).
 */
export type { HumanTaskServiceContext } from './context.js';
export { createHumanTask } from './create.js';
export { listHumanTasks } from './list.js';
export { getHumanTask } from './get.js';
export { claimHumanTask } from './claim.js';
export { releaseHumanTask } from './release.js';
export { reassignHumanTask } from './reassign.js';
export { answerHumanTask } from './answer.js';
export { cancelHumanTask } from './cancel.js';
export type { CreateHumanTaskInput, ListHumanTasksInput } from './schemas.js';
export { openLocalHumanTasks, type LocalHumanTaskOptions } from './local-context.js';
