import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import { deterministicCommitMessage } from '../commit-message.js';
import type { CommitMessageWriter } from './types.js';

// A model reads the diff; a huge one (a lockfile, generated code) would cost much and say little more.
const DIFF_LIMIT = 60_000;

export interface TurnMessageInput {
  diff: string;
  files: readonly string[];
  node: string;
  turn: number | undefined;
}

/**
 * The commit message for a turn: the writer's (the `cheap` model) when it answers non-empty text within
 * `timeoutMs`, else the deterministic one. Never throws: a commit must not fail for want of a message.
 */
export interface TurnMessageOptions {
  timeoutMs: number;
  clock: Clock;
  logger: Logger;
}

export async function turnMessage(writer: CommitMessageWriter | undefined, input: TurnMessageInput, o: TurnMessageOptions): Promise<string> {
  const fallback = () => deterministicCommitMessage({ node: input.node, files: input.files, ...(input.turn !== undefined && { turn: input.turn }) });
  if (writer === undefined) return fallback();
  const writing = new AbortController();
  const waiting = new AbortController();
  const timeout = o.clock.sleep(o.timeoutMs, waiting.signal).then(
    () => {
      writing.abort();
      o.logger.warn('The commit message writer did not answer in time; using the deterministic message.', { node: input.node, timeoutMs: o.timeoutMs });
      return undefined;
    },
    () => undefined,
  );
  const diff = input.diff.length > DIFF_LIMIT ? `${input.diff.slice(0, DIFF_LIMIT)}\n[diff cut at ${DIFF_LIMIT} characters]\n` : input.diff;
  try {
    const written = await Promise.race([writer({ diff, files: input.files, node: input.node, turn: input.turn, signal: writing.signal }), timeout]);
    return written !== undefined && written.trim() !== '' ? written.trim() : fallback();
  } catch (error) {
    o.logger.warn('The commit message writer failed; using the deterministic message.', { node: input.node, error: error instanceof Error ? error.message : String(error) });
    return fallback();
  } finally {
    waiting.abort();
  }
}
