import { looksLikePrompt } from './prompt-patterns.js';

/** What an agent is doing right now. `waiting` is idle AND asking for input: the user is needed. */
export const Activity = { working: 'working', idle: 'idle', waiting: 'waiting' } as const;
export type Activity = (typeof Activity)[keyof typeof Activity];

export interface ActivityReport {
  activity: Activity;
  at: number;
}

export interface ActivityInputs {
  now: number;
  lastOutputAt: number | undefined;
  /** The last non-empty line of the agent's screen, trimmed. */
  lastLine: string;
  /** The latest report from the agent's hooks or plugin, or `orchestra status set`. */
  report?: ActivityReport;
  /** How long the output must be quiet before the agent counts as idle (default 2000 ms). */
  quietMs: number;
  /**
   * The agent reports through hooks or a plugin: a report holds until the next one. Such agents
   * keep drawing after they report (a timer line, a redraw on resize) without working.
   */
  reportsHold?: boolean;
}

export const defaultQuietMs = 2000;

/**
 * A report at least as new as the last output wins: the agent's own hooks know best. Without
 * one, output within `quietMs` means working; once quiet, a prompt-like last line means waiting,
 * anything else idle. A report made stale by later output yields to those rules again.
 */
export function activityOf(i: ActivityInputs): Activity {
  if (i.report !== undefined && (i.reportsHold === true || i.lastOutputAt === undefined || i.report.at >= i.lastOutputAt)) return i.report.activity;
  if (i.lastOutputAt !== undefined && i.now - i.lastOutputAt < i.quietMs) return Activity.working;
  return looksLikePrompt(i.lastLine) ? Activity.waiting : Activity.idle;
}
