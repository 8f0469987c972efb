import type { Outcome } from '../../core/outcome.js';

/**
 * Handlers whose stage directory an outside program writes into during the node, so that a
 * `status.json` it leaves there reports the outcome (spec §4.5, decision 18): the agent of an LLM
 * stage, and a tool node's command (issue 9, as other Attractor engines let tools do).
 */
const externalStatusHandlers: ReadonlySet<string> = new Set(['codergen', 'tool']);

export function readsExternalStatus(handlerType: string): boolean {
  return externalStatusHandlers.has(handlerType);
}

/**
 * The outcome when a status.json was written (decision 18): the file decides, whatever the handler
 * returned (a tool's exit code included). The handler's context updates (`tool.output`,
 * `tool.exit_code`, ...) stay beneath the file's, so edges can still look at them.
 */
export function withHandlerContext(fromFile: Outcome, handler: Outcome | undefined): Outcome {
  const beneath = handler?.contextUpdates;
  if (beneath === undefined || Object.keys(beneath).length === 0) return fromFile;
  return { ...fromFile, contextUpdates: { ...beneath, ...fromFile.contextUpdates } };
}
