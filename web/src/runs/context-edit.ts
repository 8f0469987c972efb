/*
 * The replay form's context: each saved value shown as JSON text to edit; what is sent is only the
 * keys whose text changed, parsed back (a text that is not JSON is taken as a plain string, so
 * typing `hello` into a string's box works without quotes).
 */

export function editableEntries(context: Readonly<Record<string, unknown>>): Array<[string, string]> {
  return Object.keys(context)
    .sort()
    .map((key) => [key, JSON.stringify(context[key]) ?? 'null']);
}

export interface ContextOverrides {
  context: Record<string, unknown>;
  problems: Array<{ key: string; message: string }>;
}

export function contextOverrides(saved: Readonly<Record<string, unknown>>, edits: Readonly<Record<string, string>>): ContextOverrides {
  const context: Record<string, unknown> = {};
  const problems: ContextOverrides['problems'] = [];
  for (const [key, text] of Object.entries(edits)) {
    const before = JSON.stringify(saved[key]) ?? 'null';
    if (text === before) continue;
    const value = parseValue(text);
    if (typeof saved[key] !== 'string' && typeof value === 'string' && !looksLikeString(text)) {
      problems.push({ key, message: `was ${typeof saved[key]}: write it as JSON (e.g. ${before})` });
      continue;
    }
    if (JSON.stringify(value) !== before) context[key] = value;
  }
  return { context, problems };
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function looksLikeString(text: string): boolean {
  return text.trim().startsWith('"');
}
