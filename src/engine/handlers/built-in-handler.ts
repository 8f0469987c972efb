import type { Outcome } from '../../core/outcome.js';
import type { Handler, HandlerInput } from '../handler.js';

/** The built-in handlers always return an outcome (only custom handlers may rely on auto_status). */
export interface BuiltInHandler extends Handler {
  execute(input: HandlerInput): Promise<Outcome>;
}
