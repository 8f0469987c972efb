import { useState, type FormEvent } from 'react';
import { apiSend } from '../lib/api';
import { useApi } from '../lib/use-api';
import { contextOverrides, editableEntries } from './context-edit';
import type { CheckpointDetail, CheckpointView } from './types';
import { useAction } from './use-action';

interface Props {
  runId: string;
  checkpoints: readonly CheckpointView[];
  onClose(): void;
  onStarted(runId: string): void;
}

/**
 * Replay from a checkpoint: pick it, see its context (each value as JSON), change any value, then
 * start. Only the values changed are sent (runs.replay `context`); the rest stay as saved.
 */
export function ReplayForm({ runId, checkpoints, onClose, onStarted }: Props) {
  const usable = checkpoints.filter((checkpoint) => checkpoint.nextNode !== null);
  const [seq, setSeq] = useState(usable.at(-1)?.seq ?? 1);
  const detail = useApi<CheckpointDetail>(`/runs/${encodeURIComponent(runId)}/checkpoints/${seq}`);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const action = useAction();
  const entries = detail.data ? editableEntries(detail.data.context) : [];
  const built = detail.data ? contextOverrides(detail.data.context, edits) : { context: {}, problems: [] };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (built.problems.length > 0) return;
    const body = { checkpoint: seq, ...(Object.keys(built.context).length > 0 && { context: built.context }) };
    void action.run(async () => onStarted((await apiSend<{ runId: string }>('POST', `/runs/${encodeURIComponent(runId)}/replay`, body)).runId));
  };
  return (
    <form className="replay-form" aria-label="Replay from a checkpoint" onSubmit={submit}>
      <label>
        Checkpoint{' '}
        <select value={seq} onChange={(event) => { setSeq(Number(event.target.value)); setEdits({}); }}>
          {usable.map((checkpoint) => (
            <option key={checkpoint.seq} value={checkpoint.seq}>
              {checkpoint.seq}: after {checkpoint.currentNode}, next {checkpoint.nextNode}
            </option>
          ))}
        </select>
      </label>
      {detail.error && <p role="alert" className="error">{detail.error.message}</p>}
      {detail.data && (
        <fieldset>
          <legend>Context (values as JSON; change any before the replay starts)</legend>
          <div className="context-grid">
            {entries.map(([key, text]) => (
              <label key={key}>
                <span className="mono">{key}</span>
                <input
                  className="mono"
                  value={edits[key] ?? text}
                  aria-invalid={built.problems.some((problem) => problem.key === key)}
                  onChange={(event) => setEdits((current) => ({ ...current, [key]: event.target.value }))}
                />
              </label>
            ))}
          </div>
          {built.problems.map((problem) => (
            <p key={problem.key} className="error">{problem.key}: {problem.message}</p>
          ))}
        </fieldset>
      )}
      <div className="form-buttons">
        <button type="submit" disabled={action.busy || !detail.data || built.problems.length > 0}>Start the replay</button>
        <button type="button" onClick={onClose}>Close</button>
      </div>
      {action.refusal && <p role="alert" className="error" data-testid="replay-refusal">{action.refusal}</p>}
    </form>
  );
}
