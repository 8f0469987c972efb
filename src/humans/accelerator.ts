/**
 * Accelerator keys of choice labels (Attractor §4.6): `[A] Approve`, `A) Approve` and `A - Approve`
 * name the key explicitly; any other label takes its first character, upper-cased.
 */
const acceleratorPatterns: readonly RegExp[] = [
  /^\[([A-Za-z0-9])\]\s*(.*)$/s,
  /^([A-Za-z0-9])\)\s+(.*)$/s,
  /^([A-Za-z0-9])\s+-\s+(.*)$/s,
];

export interface ParsedLabel {
  /** The explicit accelerator key, upper-cased, when the label names one. */
  key: string | undefined;
  /** The label without its accelerator prefix, trimmed. */
  text: string;
}

export function parseAccelerator(label: string): ParsedLabel {
  const trimmed = label.trim();
  for (const pattern of acceleratorPatterns) {
    const match = pattern.exec(trimmed);
    if (match && match[2]!.trim() !== '') return { key: match[1]!.toUpperCase(), text: match[2]!.trim() };
  }
  return { key: undefined, text: trimmed };
}

/** Lower-cased, trimmed, accelerator prefix removed, inner whitespace collapsed: how labels compare. */
export function normalizeLabel(label: string): string {
  return parseAccelerator(label).text.toLowerCase().replace(/\s+/g, ' ');
}

export interface KeyedLabel {
  key: string;
  /** The label without its accelerator prefix. */
  label: string;
}

/**
 * Gives every label a distinct key. Explicit accelerators are honoured first come, first served;
 * a label whose key is taken (or that has none) gets the first free letter or digit of its text,
 * then the first free digit 1-9, then a number past 9.
 */
export function assignAcceleratorKeys(labels: readonly string[]): KeyedLabel[] {
  const parsed = labels.map(parseAccelerator);
  const taken = new Set<string>();
  const keys: Array<string | undefined> = parsed.map((p) => {
    if (p.key === undefined || taken.has(p.key)) return undefined;
    taken.add(p.key);
    return p.key;
  });
  return parsed.map((p, index) => {
    const key = keys[index] ?? pickFreeKey(p.text, taken);
    taken.add(key);
    return { key, label: p.text };
  });
}

function pickFreeKey(text: string, taken: ReadonlySet<string>): string {
  for (const char of text.toUpperCase()) {
    if (/[A-Z0-9]/.test(char) && !taken.has(char)) return char;
  }
  for (let n = 1; ; n++) {
    if (!taken.has(String(n))) return String(n);
  }
}
