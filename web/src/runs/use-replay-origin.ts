import { useEffect, useState } from 'react';
import { apiGet } from '../lib/api';
import type { CheckpointDetail, RunView } from './types';

type Origin = CheckpointDetail['completedNodes'];
const none: Origin = [];

/**
 * The nodes a replayed run started with done: those completed by the checkpoint it was replayed
 * from (runs.checkpoint of its origin). Nothing for a run that is not a replay, or while loading;
 * an origin that cannot be read leaves them pending, as the run's own history says.
 */
export function useReplayOrigin(run: Pick<RunView, 'parentRunId' | 'parentCheckpoint'> | undefined): Origin {
  const [origin, setOrigin] = useState<Origin>(none);
  const path = run?.parentRunId !== undefined && run.parentCheckpoint !== undefined ? `/runs/${encodeURIComponent(run.parentRunId)}/checkpoints/${run.parentCheckpoint}` : undefined;
  useEffect(() => {
    setOrigin(none);
    if (path === undefined) return;
    let current = true;
    apiGet<CheckpointDetail>(path).then((checkpoint) => current && setOrigin(checkpoint.completedNodes), () => undefined);
    return () => {
      current = false;
    };
  }, [path]);
  return origin;
}
