import type { ContextItem } from './context-item.js';

export interface BudgetedItems {
  items: ContextItem[];
  /** Set when something was cut or left out: what, for the warning. */
  trimmed?: string;
}

/**
 * Fits the items into `budget` characters in order: whole while they fit, the first that does not
 * is cut to what is left, later ones keep their label with a note and no text.
 */
export function fitToBudget(items: readonly ContextItem[], budget: number): BudgetedItems {
  let left = budget;
  let cut: string | undefined;
  const dropped: string[] = [];
  const fitted = items.map((item): ContextItem => {
    if (item.text === undefined) return item;
    if (item.text.length <= left) {
      left -= item.text.length;
      return item;
    }
    if (left > 0 && cut === undefined) {
      cut = `${item.label} (cut to ${left} of ${item.text.length} characters)`;
      const text = item.text.slice(0, left);
      left = 0;
      return { ...item, text, note: joinNotes(item.note, `cut to the context budget: ${text.length} of ${item.text.length} characters`) };
    }
    dropped.push(item.label);
    left = 0;
    return { label: item.label, text: undefined, note: joinNotes(item.note, `left out: the context budget of ${budget} characters is used up`) };
  });
  const parts = [cut, dropped.length > 0 ? `${dropped.join(', ')} left out` : undefined].filter((part) => part !== undefined);
  return parts.length > 0 ? { items: fitted, trimmed: parts.join('; ') } : { items: fitted };
}

function joinNotes(first: string | undefined, second: string): string {
  return first === undefined ? second : `${first}; ${second}`;
}
