/** What the model drafted: its answer and how sure it is (0 to 1). */
export interface Draft {
  answer: string;
  confidence: number;
}

/** The instruction appended to the customer's question: answer as one JSON object. */
export const draftInstructions =
  'Reply with one JSON object and nothing else: {"answer": "<your reply to the customer>", "confidence": <0 to 1, how sure you are the reply is right>}.';

/**
 * Reads the model's reply: the first {...} in its text (it may be fenced or wrapped in prose). A
 * reply that is not JSON, or whose confidence is missing, not a number or outside 0..1, counts as
 * confidence 0, so a person answers: a garbled reply must never reach the customer as "confident".
 */
export function parseDraft(text: string): Draft {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) return { answer: text.trim(), confidence: 0 };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(start, end + 1));
  } catch {
    return { answer: text.trim(), confidence: 0 };
  }
  const record = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const answer = typeof record['answer'] === 'string' ? record['answer'] : '';
  const score = record['confidence'];
  const valid = typeof score === 'number' && Number.isFinite(score) && score >= 0 && score <= 1 && answer !== '';
  return { answer, confidence: valid ? score : 0 };
}
