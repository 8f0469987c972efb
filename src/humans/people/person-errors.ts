import { didYouMean } from '../../core/closest-name.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';

/** E_UNKNOWN_PERSON naming where the name came from (`--to`, `ORCHESTRA_USER`, `assignee`) and who is known. */
export function unknownPersonError(kind: 'user' | 'group', id: string, field: string, known: readonly string[]): OrchestraError {
  return new OrchestraError(ErrorCode.UNKNOWN_PERSON, `${field}: unknown ${kind} "${id}".${didYouMean(id, [...known])} Known ${kind}s: ${known.join(', ') || '(none)'}.`, {
    hint: `Add it under people.${kind}s in orchestra.yaml (docs/human-tasks.md#people), or name a known ${kind}.`,
  });
}
