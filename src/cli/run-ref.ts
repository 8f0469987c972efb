import { ErrorCode, OrchestraError } from '../core/index.js';
import type { Store } from '../store/store.js';
import type { RunRecord } from '../store/types.js';

/** How many candidates an ambiguous prefix lists before it says "and N more". */
const listedCandidates = 10;

/**
 * A run named on the command line: its full id or any unambiguous prefix. An exact id wins even
 * when it is also the prefix of a longer one.
 */
export async function resolveRunRef(store: Store, ref: string): Promise<RunRecord> {
  const text = ref.trim();
  if (text === '') {
    throw new OrchestraError(ErrorCode.USAGE, 'Expected a run id, got an empty string.', { hint: 'See the run ids with `orchestra runs`.' });
  }
  const exact = await store.getRun(text);
  if (exact) return exact;
  const matches = await store.findRunsByPrefix(text);
  const [only] = matches;
  // A damaged run is listed, but acting on it reads it whole: getRun reports the damage (E_STORE_CORRUPT).
  if (matches.length === 1 && only) return only.damaged === undefined ? only : ((await store.getRun(only.id)) ?? only);
  if (matches.length === 0) {
    throw new OrchestraError(ErrorCode.RUN_NOT_FOUND, `No run has an id starting with "${text}".`, {
      hint: 'See the run ids with `orchestra runs` (ORCHESTRA_HOME selects the store).',
    });
  }
  const shown = matches.slice(0, listedCandidates).map((run) => `${run.id}  ${run.pipeline}  ${run.state}`);
  if (matches.length > listedCandidates) shown.push(`… and ${matches.length - listedCandidates} more`);
  throw new OrchestraError(ErrorCode.RUN_AMBIGUOUS, `"${text}" matches ${matches.length} runs.`, {
    detail: shown.join('\n'),
    hint: 'Give more characters of the run id.',
  });
}
