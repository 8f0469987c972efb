/**
 * How much of other nodes' output goes into a prompt (issue 9: a fan-in's branch responses,
 * `context.from`). Documented in docs/pipelines.md; change both together.
 */
export const outputBudget = {
  /** At most this many characters of any one response. */
  perOutputChars: 4_000,
  /** At most this many characters of all responses in one prompt, shared evenly. */
  totalChars: 16_000,
} as const;

export type OutputBudget = { perOutputChars: number; totalChars: number };

/** One node's output as a prompt receives it. */
export interface UpstreamOutput {
  /** Says whose output it is: `branch "a" (node "a2")`, `node "plan"`. */
  label: string;
  text: string;
}

export interface FittedOutput extends UpstreamOutput {
  /** Characters cut from the end, 0 when the whole output fits. */
  cut: number;
}

/** The visible marker after a cut output, so neither the model nor a reader mistakes it for the whole. */
export function trimmedMarker(kept: number, total: number): string {
  return `[trimmed] (the first ${kept} of ${total} characters are shown)`;
}

/**
 * Each output keeps its beginning, up to the smaller of the per-output limit and an even share of
 * the total; a cut one ends with the `[trimmed]` marker. Pure, for the table tests.
 */
export function fitOutputs(outputs: readonly UpstreamOutput[], budget: OutputBudget = outputBudget): FittedOutput[] {
  if (outputs.length === 0) return [];
  const share = Math.min(budget.perOutputChars, Math.floor(budget.totalChars / outputs.length));
  return outputs.map((output) => {
    const text = output.text.trimEnd();
    if (text.length <= share) return { label: output.label, text, cut: 0 };
    return { label: output.label, text: `${text.slice(0, share)}\n${trimmedMarker(share, text.length)}`, cut: text.length - share };
  });
}
