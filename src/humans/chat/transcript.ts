/*
 * The transcript of an interactive node's conversation (issue 10): what the model said and what the
 * person replied, turn by turn. Stored as `chat.turn` events, copied into each chat task's context
 * and into the node's `transcript.json`; every way of showing it (terminal, inbox, runs --detail)
 * formats it with formatTranscript.
 */

export interface ChatEntry {
  role: 'model' | 'person';
  /** The model's n-th answer and the reply to it share n. */
  turn: number;
  /** The node's attempt it belongs to: an end from an earlier attempt does not end a retry's chat. */
  attempt: number;
  text: string;
  /** Who replied (the person's turns). */
  by?: string;
  /** The reply ended the chat (`/done`, or a choice). */
  end?: boolean;
  /** The edge target the person chose when ending it. */
  choice?: string;
}

/** The entries of a task context's `transcript`, skipping anything that is not one (the context is JSON from the store). */
export function transcriptOf(value: unknown): ChatEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isEntry);
}

function isEntry(value: unknown): value is ChatEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (entry.role === 'model' || entry.role === 'person') && typeof entry.turn === 'number' && typeof entry.text === 'string';
}

/**
 * The conversation as readable text: a heading line per turn (`model, turn 1:` / `ann:`), then its
 * text indented. `escape` makes each line safe for where it is shown (a terminal escapes control
 * characters); markdown keeps it as it is.
 */
export function formatTranscript(entries: readonly ChatEntry[], escape: (line: string) => string = (line) => line, indent = '  '): string[] {
  const lines: string[] = [];
  for (const entry of entries) {
    const who = entry.role === 'model' ? `model, turn ${entry.turn}` : `${entry.by ?? 'person'}${entry.end ? ` ended the chat${entry.choice ? ` choosing ${entry.choice}` : ''}` : ''}`;
    const text = entry.text.trimEnd();
    // A bare `/done` (or `/A`) says nothing but that the chat ended: the heading tells it.
    if (text === '' && entry.end) {
      lines.push(`${indent}${escape(who)}`);
      continue;
    }
    lines.push(`${indent}${escape(who)}:`);
    for (const line of (text === '' ? '(no message)' : text).split('\n')) lines.push(`${indent}  ${escape(line)}`);
  }
  return lines;
}

/** The transcript as a markdown document (the node's `transcript.md`). */
export function transcriptMarkdown(nodeId: string, entries: readonly ChatEntry[]): string {
  const parts = [`# Conversation at ${nodeId}`, ''];
  for (const entry of entries) {
    const who = entry.role === 'model' ? `Model (turn ${entry.turn})` : `${entry.by ?? 'Person'}${entry.end ? (entry.choice ? ` (ended the chat, chose ${entry.choice})` : ' (ended the chat)') : ''}`;
    parts.push(`## ${who}`, '', entry.text.trimEnd() || '_(no message)_', '');
  }
  return parts.join('\n');
}
