import type { RecordedRequest, ScriptOptions, StaticTurn, Turn } from './types.js';

interface ScriptEntry {
  turn: Turn;
  filter: ScriptOptions;
}

export interface TurnQueue {
  push(turns: Turn[], filter?: ScriptOptions): void;
  /** Takes the turn for this request, or the default text answer when nothing scripted matches. */
  take(request: RecordedRequest): StaticTurn;
  readonly size: number;
}

/** Answer for stray requests (Opencode's title request, say) so they never hang. */
export const DEFAULT_TURN: StaticTurn = { text: 'ok' };

/**
 * How well an entry's filter fits a request: -1 when it does not apply; otherwise more specific
 * filters score higher, so a per-model script wins over the shared queue whatever the push order.
 */
export function matchScore(filter: ScriptOptions, request: RecordedRequest): number {
  if (filter.model !== undefined && filter.model !== request.model) return -1;
  if (filter.endpoint !== undefined && filter.endpoint !== request.endpoint) return -1;
  return (filter.model !== undefined ? 2 : 0) + (filter.endpoint !== undefined ? 1 : 0);
}

function resolveTurn(turn: Turn, request: RecordedRequest): StaticTurn {
  return typeof turn === 'function' ? turn(request) : turn;
}

/** `fallback` answers requests no scripted turn matches; it is never consumed. */
export function createTurnQueue(fallback: Turn = DEFAULT_TURN): TurnQueue {
  const entries: ScriptEntry[] = [];
  return {
    push(turns, filter = {}) {
      for (const turn of turns) entries.push({ turn, filter });
    },
    take(request) {
      let best = -1;
      let bestScore = -1;
      entries.forEach((entry, index) => {
        const score = matchScore(entry.filter, request);
        if (score > bestScore) {
          best = index;
          bestScore = score;
        }
      });
      if (best < 0) return resolveTurn(fallback, request);
      const [entry] = entries.splice(best, 1);
      return resolveTurn(entry!.turn, request);
    },
    get size() {
      return entries.length;
    },
  };
}
