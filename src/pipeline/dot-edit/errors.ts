import { ErrorCode, OrchestraError } from '../../core/errors.js';

/**
 * An edit that cannot apply: an unknown node or edge, a duplicate or invalid id, text that does not
 * parse. An OrchestraError (E_USAGE: the request was wrong), so the API and CLI report it like any other.
 */
export class DotEditError extends OrchestraError {
  constructor(message: string, hint?: string) {
    super(ErrorCode.USAGE, message, hint === undefined ? {} : { hint });
  }
}
