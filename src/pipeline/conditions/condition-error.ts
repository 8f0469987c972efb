import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { SourceLocation } from '../../core/source-location.js';

/** Where the condition text sits in a file, when the caller knows. */
export interface ConditionPlace {
  /** The condition attribute's location: used when `locate` cannot do better. */
  location?: SourceLocation;
  /** Maps an offset inside the condition to its file position. */
  locate?: (offset: number) => SourceLocation | undefined;
}

export interface ConditionErrorSpot {
  /** 1-based column inside the condition text. */
  column: number;
  width?: number;
}

/**
 * Builds the E_CONDITION_SYNTAX error. The message names the column inside the condition; the
 * error's location is the file position, when the caller can map it.
 */
export function conditionError(
  source: string,
  spot: ConditionErrorSpot,
  problem: string,
  hint: string,
  place: ConditionPlace = {},
): OrchestraError {
  const caret = ' '.repeat(spot.column - 1) + '^'.repeat(Math.max(1, spot.width ?? 1));
  return new OrchestraError(ErrorCode.CONDITION_SYNTAX, `Condition "${source}", column ${spot.column}: ${problem}`, {
    hint,
    location: place.locate?.(spot.column - 1) ?? place.location,
    detail: `  ${source}\n  ${caret}`,
  });
}
