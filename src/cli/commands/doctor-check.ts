/** One line of `orchestra doctor`'s report. `problem` lines carry a fix and make the exit code 1. */
export interface DoctorCheck {
  area: 'config' | 'store' | 'git' | 'agent-cli' | 'provider-key' | 'base-url' | 'human-tasks' | 'notifications';
  name: string;
  status: 'ok' | 'problem' | 'info';
  detail: string;
  fix?: string;
}
