import { attachableAgent } from '../tasks/attachable-agent.js';
import type { TaskService } from '../tasks/task-service.js';
import type { TaskTerminals } from './mount-terminal.js';

/** The task service's running agents as terminals: the same agent `orchestra attach` reaches, in process. */
export function taskTerminals(service: TaskService): TaskTerminals {
  return {
    async open(projectRoot, ref) {
      const { task, agent } = await attachableAgent(service, projectRoot, ref);
      const session = agent.session;
      return {
        task: { id: task.id, slug: task.slug, status: task.status },
        agent: {
          screen: () => session.screen(),
          size: () => session.size(),
          resize: (cols, rows) => session.resize(cols, rows),
          input: (data) => agent.input(data),
          onOutput: (listener) => session.onOutput(listener),
          onExit: (listener) => session.onExit(listener),
        },
      };
    },
  };
}
