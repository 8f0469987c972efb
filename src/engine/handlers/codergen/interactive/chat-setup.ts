import type { QuestionOption } from '../../../../humans/interviewer.js';
import { ownerOf, readBool, readInt, readString } from '../../../../pipeline/graph/attr-read.js';
import { outgoingEdges, type Graph, type GraphNode } from '../../../../pipeline/graph/model.js';
import { gateChoices, toQuestionOptions, type GateChoice } from '../../wait-human/gate-choices.js';

/** The most model answers of a chat when the node does not say (`max_turns`). */
export const defaultMaxTurns = 10;

/** How an interactive node converses: how long at most, and the choices that end it. */
export interface ChatSetup {
  maxTurns: number;
  /** The labeled outgoing edges, like a gate's (empty: only `/done` ends the chat). */
  choices: GateChoice[];
  options: QuestionOption[];
}

/** The node's chat, or undefined when it is not `interactive=true`. A bad value throws E_ATTRIBUTE_TYPE naming it. */
export function readChatSetup(graph: Graph, node: GraphNode): ChatSetup | undefined {
  const owner = ownerOf(node);
  if (readBool(node.attrs, 'interactive', owner) !== true) return undefined;
  const maxTurns = readInt(node.attrs, 'max_turns', owner) ?? defaultMaxTurns;
  const choices = chatChoices(graph, node.id);
  return { maxTurns: Math.max(1, maxTurns), choices, options: toQuestionOptions(choices) };
}

/**
 * The choices a chat offers: its outgoing edges that carry a label, keyed like a gate's. Unlabeled
 * edges are the ordinary way on (conditions, weights) and are not offered.
 */
export function chatChoices(graph: Graph, nodeId: string): GateChoice[] {
  const labeled = new Set(outgoingEdges(graph, nodeId).filter((edge) => (readString(edge.attrs, 'label')?.trim() ?? '') !== '').map((edge) => edge.to));
  return labeled.size === 0 ? [] : gateChoices(graph, nodeId).filter((choice) => labeled.has(choice.target));
}
