export { workflowStartCommand } from './start-command.js';
export { workflowCancelCommand, workflowForkCommand, workflowListCommand, workflowShowCommand, workflowSignalCommand } from './instance-commands.js';
