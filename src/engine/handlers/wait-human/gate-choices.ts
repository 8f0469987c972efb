import { assignAcceleratorKeys } from '../../../humans/accelerator.js';
import type { Answer, Question, QuestionOption } from '../../../humans/interviewer.js';
import { matchAnswer } from '../../../humans/match-answer.js';
import { readString } from '../../../pipeline/graph/attr-read.js';
import { outgoingEdges, type Graph } from '../../../pipeline/graph/model.js';

/** One answer a human gate offers: an outgoing edge (decision 5). */
export interface GateChoice {
  key: string;
  /** The edge label without its accelerator prefix, or the target id when the edge has no label. */
  label: string;
  target: string;
}

/** Every outgoing edge of the gate, in declaration order, with distinct accelerator keys. */
export function gateChoices(graph: Graph, nodeId: string): GateChoice[] {
  const edges = outgoingEdges(graph, nodeId);
  const labels = edges.map((edge) => {
    const label = readString(edge.attrs, 'label')?.trim() ?? '';
    return label === '' ? edge.to : label;
  });
  return assignAcceleratorKeys(labels).map((keyed, index) => ({ ...keyed, target: edges[index]!.to }));
}

export function toQuestionOptions(choices: readonly GateChoice[]): QuestionOption[] {
  return choices.map((choice) => ({ key: choice.key, label: choice.label, id: choice.target }));
}

/**
 * The choice an answer names: its selected option when the interviewer gave one, else its value
 * (then its text) matched by key, label or target (decision 5).
 */
export function choiceForAnswer(choices: readonly GateChoice[], question: Pick<Question, 'options'>, answer: Answer): GateChoice | undefined {
  const candidates = [answer.selectedOption?.key, answer.value, answer.text];
  for (const text of candidates) {
    if (text === undefined) continue;
    const option = matchAnswer(question, text);
    if (option) return choices.find((choice) => choice.key === option.key);
  }
  return undefined;
}
