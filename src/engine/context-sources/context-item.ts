/** One source of a node's context as it goes into the prompt: a file's path or a URL, and its text. */
export interface ContextItem {
  label: string;
  /** The text to inline; undefined when there is none to show (binary, unreadable, not fetched). */
  text: string | undefined;
  /** Said beside the label: why there is no text, an HTTP status, "cut by its size limit". */
  note?: string;
}

/** The prompt's context sections and the warnings to announce about them. */
export interface ContextBlock {
  text: string;
  warnings: string[];
}

/**
 * How much context text one node's prompt takes, in characters (about 25,000 tokens): files first,
 * then URLs, each whole while it fits; the one that crosses the limit is cut, later ones are named
 * but left out, and a warning says so. Documented in docs/pipelines.md ("Node context").
 */
export const contextBudgetChars = 100_000;
