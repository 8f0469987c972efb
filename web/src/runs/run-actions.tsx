import { useState } from 'react';
import { apiSend } from '../lib/api';
import { hrefOf } from '../lib/router';
import { ReplayForm } from './replay-form';
import type { CheckpointView, RunView } from './types';
import { useAction } from './use-action';

interface Props {
  run: RunView;
  checkpoints: readonly CheckpointView[];
  /** Called after an action the server took (the page fetches the run again). */
  onDone(): void;
}

/**
 * The run's buttons: cancel (while it runs), resume (when stopped), replay from a checkpoint (any
 * time, with the context editable first). The server decides: its refusal is shown as it said it.
 */
export function RunActions({ run, checkpoints, onDone }: Props) {
  const action = useAction();
  const [replaying, setReplaying] = useState(false);
  const id = encodeURIComponent(run.id);
  const live = run.displayState === 'running' || run.displayState === 'waiting';
  const stopped = run.displayState === 'interrupted' || run.displayState === 'interrupted?';
  const replayable = checkpoints.some((checkpoint) => checkpoint.nextNode !== null);
  const call = (path: string) => void action.run(() => apiSend('POST', `/runs/${id}/${path}`)).then((ok) => ok && onDone());
  return (
    <div className="run-actions" role="group" aria-label="Run actions">
      <button type="button" onClick={() => call('cancel')} disabled={action.busy || !live} aria-disabled={!live}>
        Cancel
      </button>
      <button type="button" onClick={() => call('resume')} disabled={action.busy || !stopped}>
        Resume
      </button>
      <button type="button" onClick={() => setReplaying((open) => !open)} aria-expanded={replaying} disabled={!replayable} title={replayable ? undefined : 'No checkpoint has a next node yet'}>
        Replay…
      </button>
      {action.busy && <span className="muted">Asking the server…</span>}
      {action.refusal && (
        <p role="alert" className="error refusal" data-testid="action-refusal">
          {action.refusal}
        </p>
      )}
      {replaying && (
        <ReplayForm
          runId={run.id}
          checkpoints={checkpoints}
          onClose={() => setReplaying(false)}
          onStarted={(newRun) => window.location.assign(hrefOf(['runs', newRun]))}
        />
      )}
    </div>
  );
}
