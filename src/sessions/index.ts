export { PtySession, type SessionExit } from './pty-session.js';
export { type AgentLaunch, defaultCols, defaultRows } from './agent-launch.js';
export { processStartTime, isSameProcess, killProcessGroup } from './process-identity.js';
export { Activity, activityOf, defaultQuietMs, type ActivityInputs, type ActivityReport } from './activity.js';
export { promptPatterns, looksLikePrompt } from './prompt-patterns.js';
export { watchActivity, type ActivityWatcher, type WatchActivityOptions } from './activity-watcher.js';
export { agentMarkerVariable, findMarkedProcesses, type MarkedProcess } from './marked-processes.js';
export { screenText } from './screen-text.js';
