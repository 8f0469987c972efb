import { describe, expect, it } from 'vitest';
import { activityOfLine, createActivityWatcher } from './agent-activity.js';

describe('issue 9: an agent CLI\'s activity from its JSON lines', () => {
  it.each<[string, unknown, string | undefined]>([
    ['Claude Code api_retry', { type: 'system', subtype: 'api_retry', attempt: 6, max_retries: 10, error_status: 529 }, 'api_retry 6/10 (HTTP 529)'],
    ['Claude Code tool use', { type: 'assistant', message: { content: [{ type: 'text', text: 'x' }, { type: 'tool_use', name: 'Bash' }] } }, 'tool Bash'],
    ['Claude Code text', { type: 'assistant', message: { content: [{ type: 'text', text: 'x' }] } }, 'writing'],
    ['Opencode tool use', { type: 'tool_use', part: { tool: 'edit' } }, 'tool edit'],
    ['Codex command', { type: 'item.started', item: { type: 'command_execution', command: 'npm test' } }, 'command npm test'],
    ['Codex reasoning', { type: 'item.started', item: { type: 'reasoning' } }, 'reasoning'],
    ['an init line', { type: 'system', subtype: 'init' }, undefined],
    ['not an object', 'hello', undefined],
  ])('%s', (_what, line, expected) => {
    expect(activityOfLine(line)).toBe(expected);
  });

  it('reports each new activity once, across chunk boundaries', () => {
    const seen: string[] = [];
    const watcher = createActivityWatcher((activity) => seen.push(activity));
    watcher.push('{"type":"system","subtype":"api_retry","attempt":1,"max_retries":10}\n{"type":"system","subt');
    watcher.push('ype":"api_retry","attempt":1,"max_retries":10}\nnot json\n{"type":"tool_use","part":{"tool":"read"}}\n');
    expect(seen).toEqual(['api_retry 1/10', 'tool read']);
    expect(watcher.last).toBe('tool read');
  });
});
