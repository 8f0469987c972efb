import { ErrorCode, OrchestraError } from '../../../core/errors.js';
import type { ApiDeps } from '../deps.js';
import type { TaskPort } from '../task-port.js';

/** The ports a test of one area does not use: any call names the port and fails. */
export function absentPorts(): Pick<ApiDeps, 'humanTaskSettings' | 'tasks' | 'runs'> {
  const absent = (port: string) => () => Promise.reject(new OrchestraError(ErrorCode.INTERNAL, `this test has no ${port} port`));
  return {
    humanTaskSettings: absent('humanTaskSettings'),
    runs: { launch: absent('runs') },
    tasks: new Proxy({} as TaskPort, { get: (_target, method) => absent(`tasks.${String(method)}`) }),
  };
}
