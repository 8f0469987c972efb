/** What an agent's hooks or plugin say it is doing; the daemon turns it into a task status. */
export type ReportedActivity = 'working' | 'idle' | 'waiting' | 'exited';

export interface AgentReport {
  activity?: ReportedActivity;
  sessionId?: string;
}

export type HookSource = 'claude' | 'opencode' | 'codex';

/** The sources `orchestra hook <source>` accepts. */
export const HookSources: readonly HookSource[] = ['claude', 'opencode', 'codex'];

/**
 * The report in one hook payload: Claude Code's hook input (`{ hook_event_name, session_id, ... }`,
 * which Codex's hooks send too) or an Opencode event as our plugin forwards it (`{ type, properties }`). Anything unknown gives
 * an empty report, never an error: hooks of newer CLI versions must not break a task.
 */
export function reportFromHook(source: HookSource, payload: unknown): AgentReport {
  const data = isRecord(payload) ? payload : {};
  return source === 'opencode' ? fromOpencode(data) : fromClaude(data);
}

const claudeActivity: Readonly<Record<string, ReportedActivity>> = {
  UserPromptSubmit: 'working',
  PreToolUse: 'working',
  PostToolUse: 'working',
  PreCompact: 'working',
  PermissionRequest: 'waiting',
  Stop: 'idle',
  SessionEnd: 'exited',
};

function fromClaude(data: Record<string, unknown>): AgentReport {
  const event = stringAt(data, 'hook_event_name');
  return withSession(claudeEventActivity(event, data), stringAt(data, 'session_id'));
}

function claudeEventActivity(event: string | undefined, data: Record<string, unknown>): ReportedActivity | undefined {
  if (event === undefined) return undefined;
  // A new session gets its prompt right away (UserPromptSubmit follows); a resumed one waits for the user.
  if (event === 'SessionStart') return ['resume', 'clear'].includes(stringAt(data, 'source') ?? '') ? 'idle' : undefined;
  if (event === 'Notification') return stringAt(data, 'notification_type') === 'auth_success' ? undefined : 'waiting';
  return Object.hasOwn(claudeActivity, event) ? claudeActivity[event] : undefined;
}

function fromOpencode(data: Record<string, unknown>): AgentReport {
  const type = stringAt(data, 'type') ?? '';
  const properties = isRecord(data.properties) ? data.properties : {};
  const info = isRecord(properties.info) ? properties.info : {};
  const sessionId = stringAt(properties, 'sessionID') ?? stringAt(info, 'id');
  return withSession(opencodeActivity(type, properties), sessionId);
}

function opencodeActivity(type: string, properties: Record<string, unknown>): ReportedActivity | undefined {
  if (type === 'session.status') {
    const status = isRecord(properties.status) ? stringAt(properties.status, 'type') : undefined;
    if (status === 'idle') return 'idle';
    return status === 'busy' || status === 'retry' ? 'working' : undefined;
  }
  if (type === 'session.idle') return 'idle';
  if (type === 'permission.replied' || type === 'question.replied' || type === 'question.rejected') return 'working';
  if (type.startsWith('permission.') || type === 'question.asked') return 'waiting';
  return undefined;
}

function withSession(activity: ReportedActivity | undefined, sessionId: string | undefined): AgentReport {
  return { ...(activity !== undefined && { activity }), ...(sessionId !== undefined && { sessionId }) };
}

function stringAt(record: Record<string, unknown>, key: string): string | undefined {
  const value = Object.hasOwn(record, key) ? record[key] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
