import { describe, expect, it } from 'vitest';
import { reportFromHook, type AgentReport, type HookSource } from './agent-report.js';

const sid = 'a76ca2b3-6978-4531-b32e-62ef7b013387';
const claude = (hook_event_name: string, extra: Record<string, unknown> = {}) => ({ session_id: sid, transcript_path: '/t.jsonl', cwd: '/w', hook_event_name, ...extra });
const cid = '01a24e5d-188c-7263-be9b-082bb1518b12';
const codex = (hook_event_name: string, extra: Record<string, unknown> = {}) => ({ session_id: cid, transcript_path: '/c/sessions/rollout.jsonl', cwd: '/w', hook_event_name, model: 'gpt-x', permission_mode: 'bypassPermissions', ...extra });
const opencode = (type: string, properties: Record<string, unknown>) => ({ id: 'evt_1', type, properties });

describe('reportFromHook', () => {
  it.each<[string, HookSource, unknown, AgentReport]>([
    ['claude SessionStart on startup: only the id (the prompt follows)', 'claude', claude('SessionStart', { source: 'startup' }), { sessionId: sid }],
    ['claude SessionStart on resume: idle, waiting for the user', 'claude', claude('SessionStart', { source: 'resume' }), { activity: 'idle', sessionId: sid }],
    ['claude UserPromptSubmit', 'claude', claude('UserPromptSubmit', { prompt: 'hi' }), { activity: 'working', sessionId: sid }],
    ['claude PreToolUse', 'claude', claude('PreToolUse', { tool_name: 'Bash' }), { activity: 'working', sessionId: sid }],
    ['claude PostToolUse', 'claude', claude('PostToolUse', { tool_name: 'Bash' }), { activity: 'working', sessionId: sid }],
    ['claude PermissionRequest', 'claude', claude('PermissionRequest'), { activity: 'waiting', sessionId: sid }],
    ['claude Stop', 'claude', claude('Stop', { last_assistant_message: 'Done.' }), { activity: 'idle', sessionId: sid }],
    ['claude Notification, permission prompt', 'claude', claude('Notification', { notification_type: 'permission_prompt', message: 'Claude needs your permission' }), { activity: 'waiting', sessionId: sid }],
    ['claude Notification, idle prompt', 'claude', claude('Notification', { notification_type: 'idle_prompt' }), { activity: 'waiting', sessionId: sid }],
    ['claude Notification without a type', 'claude', claude('Notification', { message: 'Claude is waiting for your input' }), { activity: 'waiting', sessionId: sid }],
    ['claude Notification, auth success', 'claude', claude('Notification', { notification_type: 'auth_success' }), { sessionId: sid }],
    ['claude SessionEnd', 'claude', claude('SessionEnd', { reason: 'exit' }), { activity: 'exited', sessionId: sid }],
    ['claude, an event of a newer version', 'claude', claude('SubagentStop'), { sessionId: sid }],
    ['claude without a session id', 'claude', { hook_event_name: 'Stop' }, { activity: 'idle' }],
    ['claude, not an object', 'claude', 'garbage', {}],
    ['claude, null', 'claude', null, {}],
    ['opencode session.created', 'opencode', opencode('session.created', { sessionID: 'ses_1', info: { id: 'ses_1' } }), { sessionId: 'ses_1' }],
    ['opencode session.created, id only in info', 'opencode', opencode('session.created', { info: { id: 'ses_2' } }), { sessionId: 'ses_2' }],
    ['opencode busy', 'opencode', opencode('session.status', { sessionID: 'ses_1', status: { type: 'busy' } }), { activity: 'working', sessionId: 'ses_1' }],
    ['opencode retry', 'opencode', opencode('session.status', { sessionID: 'ses_1', status: { type: 'retry', attempt: 2 } }), { activity: 'working', sessionId: 'ses_1' }],
    ['opencode status idle', 'opencode', opencode('session.status', { sessionID: 'ses_1', status: { type: 'idle' } }), { activity: 'idle', sessionId: 'ses_1' }],
    ['opencode session.idle', 'opencode', opencode('session.idle', { sessionID: 'ses_1' }), { activity: 'idle', sessionId: 'ses_1' }],
    ['opencode permission.asked', 'opencode', opencode('permission.asked', { sessionID: 'ses_1', permission: 'bash' }), { activity: 'waiting', sessionId: 'ses_1' }],
    ['opencode permission.updated', 'opencode', opencode('permission.updated', { sessionID: 'ses_1' }), { activity: 'waiting', sessionId: 'ses_1' }],
    ['opencode permission.replied', 'opencode', opencode('permission.replied', { sessionID: 'ses_1', response: 'once' }), { activity: 'working', sessionId: 'ses_1' }],
    ['opencode question.asked', 'opencode', opencode('question.asked', { sessionID: 'ses_1' }), { activity: 'waiting', sessionId: 'ses_1' }],
    ['opencode question.replied', 'opencode', opencode('question.replied', { sessionID: 'ses_1' }), { activity: 'working', sessionId: 'ses_1' }],
    ['opencode, an unknown status', 'opencode', opencode('session.status', { sessionID: 'ses_1', status: { type: 'sleeping' } }), { sessionId: 'ses_1' }],
    ['opencode, no properties', 'opencode', { type: 'session.idle' }, { activity: 'idle' }],
    ['opencode, a list', 'opencode', [1, 2], {}],
    // Codex 0.171 hook payloads, as seen from its TUI and `codex exec` (Claude Code's shape).
    ['issue 9: codex SessionStart on startup', 'codex', codex('SessionStart', { source: 'startup' }), { sessionId: cid }],
    ['issue 9: codex SessionStart on resume', 'codex', codex('SessionStart', { source: 'resume' }), { activity: 'idle', sessionId: cid }],
    ['issue 9: codex UserPromptSubmit', 'codex', codex('UserPromptSubmit', { turn_id: 't', prompt: 'hi' }), { activity: 'working', sessionId: cid }],
    ['issue 9: codex PreToolUse', 'codex', codex('PreToolUse', { tool_name: 'Bash', tool_input: { command: 'ls' } }), { activity: 'working', sessionId: cid }],
    ['issue 9: codex PermissionRequest', 'codex', codex('PermissionRequest', { tool_name: 'Bash' }), { activity: 'waiting', sessionId: cid }],
    ['issue 9: codex Stop', 'codex', codex('Stop', { stop_hook_active: false, last_assistant_message: 'Done.' }), { activity: 'idle', sessionId: cid }],
    ['issue 9: codex SessionEnd', 'codex', codex('SessionEnd', { reason: 'other' }), { activity: 'exited', sessionId: cid }],
  ])('%s', (_name, source, payload, expected) => {
    expect(reportFromHook(source, payload)).toEqual(expected);
  });
});
