import type { EdgeSelectionReason } from '../../core/events.js';
import type { Outcome } from '../../core/outcome.js';
import { normalizeLabel } from '../../humans/accelerator.js';
import type { GraphEdge } from '../../pipeline/graph/model.js';
import { evaluateCondition } from '../../pipeline/conditions/index.js';
import { edgeCondition, edgeLabel, edgeWeight } from './edge-attrs.js';

/** Looks a key up in the run's context, as text; undefined when absent. */
export type ContextLookup = (key: string) => string | undefined;

export interface EdgeChoice {
  edge: GraphEdge;
  reason: EdgeSelectionReason;
}

/**
 * The deterministic 5-step edge selection of digest §8: conditions, preferred label, suggested ids,
 * weight, lexical. Steps 2-5 consider unconditional edges only; undefined when nothing qualifies.
 */
export function selectEdge(edges: readonly GraphEdge[], outcome: Outcome, lookup: ContextLookup): EdgeChoice | undefined {
  const byCondition = selectConditionalEdge(edges, outcome, lookup);
  if (byCondition) return byCondition;

  const unconditional = edges.filter((edge) => edgeCondition(edge) === '');
  if (unconditional.length === 0) return undefined;

  const preferred = outcome.preferredLabel ? normalizeLabel(outcome.preferredLabel) : '';
  if (preferred !== '') {
    const edge = unconditional.find((candidate) => normalizeLabel(edgeLabel(candidate)) === preferred);
    if (edge) return { edge, reason: 'preferred_label' };
  }

  for (const id of outcome.suggestedNextIds ?? []) {
    const edge = unconditional.find((candidate) => candidate.to === id);
    if (edge) return { edge, reason: 'suggested_id' };
  }

  const best = bestEdge(unconditional);
  const tied = unconditional.filter((edge) => edgeWeight(edge) === edgeWeight(best)).length > 1;
  return { edge: best, reason: tied ? 'lexical' : 'weight' };
}

/** Step 1 alone: the best edge whose non-empty condition holds. Failure routing uses it too (decision 3). */
export function selectConditionalEdge(edges: readonly GraphEdge[], outcome: Outcome, lookup: ContextLookup): EdgeChoice | undefined {
  const env = { outcome: outcome.status, preferredLabel: outcome.preferredLabel ?? '', lookup };
  const matching = edges.filter((edge) => {
    const condition = edgeCondition(edge);
    return condition !== '' && evaluateCondition(condition, env);
  });
  return matching.length === 0 ? undefined : { edge: bestEdge(matching), reason: 'condition' };
}

/** Highest weight first, then target id ascending. `edges` must not be empty. */
function bestEdge(edges: readonly GraphEdge[]): GraphEdge {
  return edges.reduce((best, edge) => {
    const byWeight = edgeWeight(edge) - edgeWeight(best);
    if (byWeight !== 0) return byWeight > 0 ? edge : best;
    return edge.to < best.to ? edge : best;
  });
}
