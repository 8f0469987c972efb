import { formatDuration } from '../../core/index.js';
import type { RunEvent } from '../../core/index.js';
import { escapeTerminalText } from '../../core/terminal-text.js';

/** A node running now: since when (the engine's clock, as in its events) and what its agent last said. */
export interface RunningNode {
  node: string;
  startedAt: number;
  activity: string | undefined;
}

/** Nodes show in the live line once they have run this long: a quick node needs no ticker. */
export const liveAfterMs = 1_000;

/**
 * Which nodes are running, from the event stream alone (node.started until node.completed or a
 * failed attempt, with agent.activity in between), and whether a person is being asked a question
 * or is in a chat's turn (no live line then: it would overwrite the prompt).
 */
export function createLiveStatus() {
  const running = new Map<string, RunningNode>();
  let asking = 0;
  // Interactive nodes whose model has spoken and whose person has not replied yet (issue 10).
  const chatting = new Set<string>();
  const keyOf = (event: { node: string; inBranch?: string }) => `${event.inBranch ?? ''}/${event.node}`;
  return {
    onEvent(event: RunEvent): void {
      switch (event.type) {
        case 'node.started':
          running.set(keyOf(event), { node: event.node, startedAt: event.at, activity: undefined });
          break;
        case 'node.completed':
        case 'node.failed':
          running.delete(keyOf(event));
          chatting.delete(keyOf(event));
          break;
        case 'chat.turn':
          if (event.role === 'model') chatting.add(keyOf(event));
          else chatting.delete(keyOf(event));
          break;
        case 'agent.activity': {
          const entry = running.get(keyOf(event));
          if (entry) entry.activity = event.activity;
          break;
        }
        case 'interview.started':
          asking += 1;
          break;
        case 'interview.completed':
        case 'interview.timeout':
          asking = Math.max(0, asking - 1);
          break;
        default:
      }
    },
    /** Nodes running for at least liveAfterMs at `now`, oldest first. */
    slowNodes(now: number): RunningNode[] {
      if (asking > 0 || chatting.size > 0) return [];
      return [...running.values()].filter((entry) => now - entry.startedAt >= liveAfterMs).sort((a, b) => a.startedAt - b.startedAt);
    },
  };
}

/** `plan 12s · tool Bash`: a running node, its elapsed time and its last activity (from model output: escaped). */
export function formatRunningNode(entry: RunningNode, now: number): string {
  const ms = Math.max(0, now - entry.startedAt);
  // Whole seconds: the line is redrawn each second, tenths would only flicker.
  const elapsed = ms < 60_000 ? `${Math.floor(ms / 1_000)}s` : formatDuration(ms);
  const doing = entry.activity === undefined ? '' : ` · ${entry.activity}`;
  return escapeTerminalText(`${entry.node} ${elapsed}${doing}`);
}
