import { describe, expect, it } from 'vitest';
import { CodexHookEvents, codexHooksJson } from './codex-hooks.js';

describe('issue 9: codexHooksJson', () => {
  it('runs the hook command, shell-quoted, on every event a task listens to', () => {
    const hooks = JSON.parse(codexHooksJson(['/usr/bin/node', "/opt/it's/orchestra.js", 'hook', 'codex'])) as { hooks: Record<string, { hooks: { type: string; command: string; timeout: number }[] }[]> };
    expect(Object.keys(hooks.hooks)).toEqual([...CodexHookEvents]);
    for (const entries of Object.values(hooks.hooks)) {
      expect(entries).toEqual([{ hooks: [{ type: 'command', command: `'/usr/bin/node' '/opt/it'\\''s/orchestra.js' 'hook' 'codex'`, timeout: 10 }] }]);
    }
  });

  it('refuses an empty hook command', () => {
    expect(() => codexHooksJson([])).toThrow(expect.objectContaining({ code: 'E_USAGE', message: 'codexHooksJson: the hook command is empty.' }));
  });
});
