import type { ChatEntry } from '../../../../humans/chat/transcript.js';

/**
 * The prompt of a model turn: the node's prompt, then (from turn 2) the conversation so far and the
 * request to answer the person's last message. Each turn carries the whole transcript, so a resumed
 * run needs no session memory. The person's words are data here: appended, never rendered.
 */
export function turnPrompt(base: string, transcript: readonly ChatEntry[]): string {
  if (transcript.length === 0) return base;
  const turns = transcript.map((entry) => `### ${entry.role === 'model' ? `You (turn ${entry.turn})` : 'The person'}\n\n${entry.text.trimEnd() || '(no message)'}`);
  return [
    base.trimEnd(),
    '## Conversation so far',
    'You are in a conversation with a person about the task above. Your earlier answers and their replies follow, oldest first.',
    ...turns,
    "Answer the person's last message.",
  ].join('\n\n');
}
