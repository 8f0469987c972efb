import { describe, expect, it } from 'vitest';
import { openInEditor } from './editor.js';

describe('openInEditor', () => {
  it('refuses to start vi when no editor is set and stdin is not a terminal (it would wait forever)', () => {
    expect(() => openInEditor('/tmp/x.md', {}, { terminal: false })).toThrow(expect.objectContaining({ code: 'E_USAGE', hint: expect.stringContaining('-m') }));
  });

  it('names an editor that cannot be started', () => {
    expect(() => openInEditor('/tmp/x.md', { EDITOR: 'no-such-editor-here --wait', PATH: '/nonexistent' }, { terminal: false })).toThrow(/cannot start the editor "no-such-editor-here --wait"/);
  });
});
