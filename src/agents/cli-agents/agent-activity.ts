/**
 * What a coding-agent CLI is doing, read from one line of its JSON output, in a few words for the
 * live progress line and for a timeout's message. Known shapes: Claude Code's stream-json
 * (`tool_use` blocks, `system/api_retry`), Opencode's `tool_use` parts, Codex's started items.
 * Anything else is no activity (the previous one stands).
 */
export function activityOfLine(line: unknown): string | undefined {
  if (typeof line !== 'object' || line === null) return undefined;
  const event = line as Record<string, unknown>;
  if (event.type === 'system' && event.subtype === 'api_retry') {
    const status = typeof event.error_status === 'number' ? ` (HTTP ${event.error_status})` : '';
    return `api_retry ${String(event.attempt ?? '?')}/${String(event.max_retries ?? '?')}${status}`;
  }
  if (event.type === 'assistant') {
    const content = (event.message as { content?: unknown } | undefined)?.content;
    const tools = Array.isArray(content) ? content.filter((block: { type?: unknown }) => block?.type === 'tool_use').map((block: { name?: unknown }) => String(block.name)) : [];
    return tools.length > 0 ? `tool ${tools.join(', ')}` : 'writing';
  }
  if (event.type === 'tool_use') {
    const tool = (event.part as { tool?: unknown } | undefined)?.tool;
    return typeof tool === 'string' ? `tool ${tool}` : undefined;
  }
  if (event.type === 'item.started') {
    const item = event.item as { type?: unknown; command?: unknown } | undefined;
    if (item?.type === 'command_execution') return `command ${typeof item.command === 'string' ? item.command.slice(0, 60) : ''}`.trim();
    return typeof item?.type === 'string' ? item.type.replaceAll('_', ' ') : undefined;
  }
  return undefined;
}

/**
 * Feeds raw stdout chunks, calls `onActivity` when a complete line names a new activity. Lines
 * that are not JSON are skipped (the output parser reports those).
 */
export function createActivityWatcher(onActivity: (activity: string) => void): { push(chunk: string): void; readonly last: string | undefined } {
  let buffer = '';
  let last: string | undefined;
  return {
    push(chunk) {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const text of lines) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          continue;
        }
        const activity = activityOfLine(parsed);
        if (activity !== undefined && activity !== last) {
          last = activity;
          onActivity(activity);
        }
      }
    },
    get last() {
      return last;
    },
  };
}
