import { isOrchestraError } from '../../core/errors.js';
import { checkCheckpointHead, serializeCheckpoint, toCheckpointJson } from '../checkpoint-input.js';
import { fromCheckpointFile } from '../run-dir/checkpoint-file.js';
import type { Checkpoint } from '../types.js';
import { diffCheckpoint, foldCheckpoint, parseDelta, type CheckpointDelta } from './checkpoint-delta.js';
import { damagedRowError, parseStoredJson, type RowRef } from './store-damage.js';

/** A checkpoint row as stored: `baseSeq` null for a full snapshot, else a delta against that row. */
export interface CheckpointRow {
  /** Present on rows read back (it names the row in damage reports). */
  seq?: number;
  baseSeq: number | null;
  json: string;
}

interface Committed {
  checkpoint: Checkpoint;
  /** Delta rows written since the last full one. */
  deltas: number;
}

/** Past this many deltas a full row is written, so reading any checkpoint folds a bounded chain. */
const maxDeltaChain = 100;

/**
 * Decides how each checkpoint is stored and rebuilds checkpoints on read. The last checkpoint this
 * process committed for each run is kept in memory to diff against; rows are never changed after
 * they commit, so a delta names its base row and stays valid whatever else writes to the run.
 */
export class CheckpointRows {
  private readonly committed = new Map<string, Committed>();

  constructor(private readonly path: string) {}

  /** The row for `checkpoint`; `remember()` must follow once its transaction has committed. */
  encode(runId: string, checkpoint: Checkpoint): CheckpointRow {
    checkCheckpointHead(runId, checkpoint);
    const previous = this.committed.get(runId);
    const delta = previous && previous.deltas < maxDeltaChain && previous.checkpoint.seq < checkpoint.seq ? diffCheckpoint(previous.checkpoint, checkpoint) : undefined;
    if (!previous || !delta) return { baseSeq: null, json: serializeCheckpoint(runId, checkpoint) };
    return { baseSeq: previous.checkpoint.seq, json: toCheckpointJson(runId, checkpoint, () => JSON.stringify(delta)) };
  }

  remember(runId: string, checkpoint: Checkpoint, row: CheckpointRow): void {
    const deltas = row.baseSeq === null ? 0 : (this.committed.get(runId)?.deltas ?? 0) + 1;
    this.committed.set(runId, { checkpoint, deltas });
  }

  /** The run has finished: nothing will be diffed against its last checkpoint any more. */
  forget(runId: string): void {
    this.committed.delete(runId);
  }

  /** Rebuilds the checkpoint in `row` by folding its deltas onto the full row they start from. */
  decode(runId: string, row: CheckpointRow | undefined, readRow: (seq: number) => CheckpointRow | undefined): Checkpoint | undefined {
    if (!row) return undefined;
    const deltas: CheckpointDelta[] = [];
    let current = row;
    while (current.baseSeq !== null) {
      const ref = this.refOf(runId, current);
      const delta = parseDelta(parseStoredJson(this.path, ref, current.json));
      if (!delta || current.baseSeq >= delta.seq) throw damagedRowError(this.path, ref, 'it is not a valid checkpoint delta');
      const base = readRow(current.baseSeq);
      if (!base) throw damagedRowError(this.path, ref, `the checkpoint ${current.baseSeq} it builds on is missing`);
      deltas.push(delta);
      current = base;
    }
    let checkpoint = this.parseFull(runId, current);
    for (let i = deltas.length - 1; i >= 0; i--) checkpoint = foldCheckpoint(checkpoint, deltas[i] as CheckpointDelta);
    return checkpoint;
  }

  private parseFull(runId: string, row: CheckpointRow): Checkpoint {
    const ref = this.refOf(runId, row);
    const json = parseStoredJson(this.path, ref, row.json);
    try {
      return fromCheckpointFile(json, 'the store');
    } catch (error) {
      if (!isOrchestraError(error)) throw error;
      throw damagedRowError(this.path, ref, error.message, error);
    }
  }

  private refOf(runId: string, row: CheckpointRow): RowRef {
    return { runId, table: 'checkpoints', row: row.seq === undefined ? '(unknown seq)' : `seq ${row.seq}` };
  }
}
