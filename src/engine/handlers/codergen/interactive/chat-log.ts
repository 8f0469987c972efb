import type { RunEvent } from '../../../../core/events.js';
import { transcriptMarkdown, type ChatEntry } from '../../../../humans/chat/transcript.js';
import type { Store } from '../../../../store/store.js';
import type { HandlerInput } from '../../../handler.js';
import { writeStageFile } from '../../stage-file.js';

type ChatTurnEvent = Extract<RunEvent, { type: 'chat.turn' }>;

const page = 500;

/** Every `chat.turn` event of a run, oldest first (the transcripts of all its interactive nodes). */
export async function readChatTurns(store: Pick<Store, 'readEvents'>, runId: string): Promise<ChatTurnEvent[]> {
  const turns: ChatTurnEvent[] = [];
  for (let after = 0; ; ) {
    const events = await store.readEvents(runId, after, page);
    for (const event of events) if (event.type === 'chat.turn') turns.push(event);
    if (events.length < page) return turns;
    after = events.at(-1)!.seq;
  }
}

/** One interactive node visit's conversation, as `runs RUN --detail` shows it. */
export interface Conversation {
  node: string;
  visit: string;
  entries: ChatEntry[];
}

/** Every conversation of a run, in the order they started. */
export async function conversationsOf(store: Pick<Store, 'readEvents'>, runId: string): Promise<Conversation[]> {
  const byVisit = new Map<string, Conversation>();
  for (const event of await readChatTurns(store, runId)) {
    const key = `${event.node}\u0000${event.visit}`;
    let conversation = byVisit.get(key);
    if (!conversation) byVisit.set(key, (conversation = { node: event.node, visit: event.visit, entries: [] }));
    conversation.entries.push(entryOf(event));
  }
  return [...byVisit.values()];
}

export function entryOf(event: ChatTurnEvent): ChatEntry {
  const { role, turn, attempt, text, by, end, choice } = event;
  return { role, turn, attempt, text, ...(by !== undefined && { by }), ...(end !== undefined && { end }), ...(choice !== undefined && { choice }) };
}

/** The transcript of this visit of the node as the store has it: what a resumed run continues from. */
export async function loadTranscript(input: HandlerInput): Promise<ChatEntry[]> {
  const visit = visitOf(input);
  const turns = await readChatTurns(input.services.store, input.run.id);
  return turns.filter((event) => event.node === input.node.id && event.visit === visit).map(entryOf);
}

/**
 * Adds a turn: stored as a `chat.turn` event first (the durable transcript; `emit` writes the store
 * before it announces), then the node's transcript.json and transcript.md are rewritten.
 */
export async function recordTurn(input: HandlerInput, transcript: ChatEntry[], entry: ChatEntry): Promise<void> {
  await input.services.emit({ type: 'chat.turn', node: input.node.id, visit: visitOf(input), ...entry });
  transcript.push(entry);
  await writeStageFile(input.services, input.stageDir, 'transcript.json', `${JSON.stringify(transcript, null, 2)}\n`);
  await writeStageFile(input.services, input.stageDir, 'transcript.md', transcriptMarkdown(input.node.id, transcript));
}

function visitOf(input: HandlerInput): string {
  return input.visit ?? 'v1';
}
