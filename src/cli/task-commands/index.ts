export { attachTaskCommand } from './attach-command.js';
export { daemonSubcommand } from './daemon-command.js';
export { hookCommand } from './hook-command.js';
export { editTaskCommand, simpleTaskCommand, startTaskCommand } from './lifecycle.js';
export { newTaskCommand } from './new-task.js';
export { shellInitCommand } from './shell-init.js';
export { taskStatusCommand } from './status-command.js';
export { watchCommand } from './watch-command.js';
export { cdCommand, diffCommand, logsCommand, mergeCommand, removeCommand } from './worktree-commands.js';
