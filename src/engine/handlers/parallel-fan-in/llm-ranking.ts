import type { ParallelResult } from '../parallel/parallel-results.js';

/**
 * The fan-in's question to the model: the author's instruction, one line per candidate, then what
 * the branches produced (`responses`, a rendered output section; issue 9), then the request.
 */
export function rankingPrompt(instruction: string, candidates: readonly ParallelResult[], responses = ''): string {
  const lines = candidates.map((c) => {
    const parts = [`status ${c.status}`];
    if (c.score !== null) parts.push(`score ${c.score}`);
    if (c.notes) parts.push(`notes: ${oneLine(c.notes)}`);
    if (c.failure_reason) parts.push(`failure: ${oneLine(c.failure_reason)}`);
    return `- ${c.id}: ${parts.join('; ')}`;
  });
  const produced = responses.trim() === '' ? '' : `\n\n${responses.trim()}`;
  return `${instruction.trim()}\n\nCandidates:\n${lines.join('\n')}${produced}\n\nReply with the id of the best candidate on the first line.`;
}

const idChar = /[A-Za-z0-9_.-]/;

/** The candidate id the reply names first, as a whole word; undefined when it names none. */
export function pickFromReply(reply: string, ids: readonly string[]): string | undefined {
  let best: { id: string; at: number } | undefined;
  for (const id of ids) {
    const at = wholeWordIndex(reply, id);
    if (at !== -1 && (best === undefined || at < best.at)) best = { id, at };
  }
  return best?.id;
}

function wholeWordIndex(text: string, word: string): number {
  for (let from = 0; ; ) {
    const at = text.indexOf(word, from);
    if (at === -1) return -1;
    const before = at === 0 ? '' : text[at - 1]!;
    const after = text[at + word.length] ?? '';
    if (!idChar.test(before) && !idChar.test(after)) return at;
    from = at + 1;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
