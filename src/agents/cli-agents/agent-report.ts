/** What an agent's hooks or plugin say it is doing; the daemon turns it into a task status. */
export type ReportedActivity = 'working' | 'idle' | 'waiting' | 'exited';

export interface AgentReport {
  activity?: ReportedActivity;
  sessionId?: string;
}

/** Who sent a hook payload; `orchestra hook <source>` and the daemon's task.report accept exactly these. */
export const HookSources = ['claude', 'opencode', 'codex', 'gemini'] as const;
export type HookSource = (typeof HookSources)[number];

/**
 * The report in one hook payload: Claude Code's hook input (`{ hook_event_name, session_id, ... }`,
 * which Codex's hooks send too), an Opencode event as our plugin forwards it (`{ type, properties }`),
 * or Gemini CLI's hook input (Claude's shape with its own event names, see fromGemini). Anything unknown gives
 * an empty report, never an error: hooks of newer CLI versions must not break a task.
 */
export function reportFromHook(source: HookSource, payload: unknown): AgentReport {
  const data = isRecord(payload) ? payload : {};
  if (source === 'gemini') return fromGemini(data);
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

const geminiActivity: Readonly<Record<string, ReportedActivity>> = {
  BeforeAgent: 'working',
  BeforeTool: 'working',
  AfterTool: 'working',
  AfterAgent: 'idle',
  SessionEnd: 'exited',
};

// Gemini CLI's hook input is Claude's shape with its own event names; a ToolPermission notification is an approval prompt.
function fromGemini(data: Record<string, unknown>): AgentReport {
  const event = stringAt(data, 'hook_event_name') ?? '';
  let activity = Object.hasOwn(geminiActivity, event) ? geminiActivity[event] : undefined;
  if (event === 'Notification' && stringAt(data, 'notification_type') === 'ToolPermission') activity = 'waiting';
  // A resumed session waits for the user; a new one gets its prompt right away (BeforeAgent follows).
  if (event === 'SessionStart' && stringAt(data, 'source') === 'resume') activity = 'idle';
  return withSession(activity, stringAt(data, 'session_id'));
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
