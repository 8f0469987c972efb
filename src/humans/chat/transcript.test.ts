import { describe, expect, it } from 'vitest';
import { formatTranscript, transcriptMarkdown, transcriptOf, type ChatEntry } from './transcript.js';

const entries: ChatEntry[] = [
  { role: 'model', turn: 1, attempt: 1, text: 'Idea A\nIdea B\n' },
  { role: 'person', turn: 1, attempt: 1, text: 'More on B', by: 'ann' },
  { role: 'model', turn: 2, attempt: 1, text: 'B, deeper' },
  { role: 'person', turn: 2, attempt: 1, text: '', by: 'ann', end: true, choice: 'exit' },
];

describe('issue 10: chat transcripts', () => {
  it('issue 10: reads as a conversation, a heading per turn and its text indented; a bare end is one line', () => {
    expect(formatTranscript(entries)).toEqual(['  model, turn 1:', '    Idea A', '    Idea B', '  ann:', '    More on B', '  model, turn 2:', '    B, deeper', '  ann ended the chat choosing exit']);
  });

  it('issue 10: escapes every line with the given function', () => {
    expect(formatTranscript([{ role: 'person', turn: 1, attempt: 1, text: 'a\u001bb' }], (line) => line.replace('\u001b', '\\x1b'), '')).toEqual(['person:', '  a\\x1bb']);
  });

  it('issue 10: transcript.md has a section per turn', () => {
    expect(transcriptMarkdown('ideas', entries.slice(0, 2))).toBe('# Conversation at ideas\n\n## Model (turn 1)\n\nIdea A\nIdea B\n\n## ann\n\nMore on B\n');
  });

  it("issue 10: a task context's transcript keeps only well-formed entries", () => {
    expect(transcriptOf([entries[0], { role: 'robot', turn: 1, text: 'x' }, 'text', null])).toEqual([entries[0]]);
    expect(transcriptOf({ not: 'a list' })).toEqual([]);
  });
});
