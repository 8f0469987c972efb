/*
 * The run form's variables: one `key=value` per line, as `orchestra run` takes them. The names
 * follow the server's rule, so a bad one is refused here with the same words before a request.
 */

export type ParsedVariables = { ok: true; variables: Record<string, string> } | { ok: false; line: number; message: string };

const variableName = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseVariables(text: string): ParsedVariables {
  const variables: Record<string, string> = {};
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    if (equals < 0) return { ok: false, line: index + 1, message: `line ${index + 1}: write key=value` };
    const key = line.slice(0, equals).trim();
    if (!variableName.test(key)) return { ok: false, line: index + 1, message: `line ${index + 1}: a variable name starts with a letter or _ and has only letters, digits and _` };
    variables[key] = line.slice(equals + 1).trim();
  }
  return { ok: true, variables };
}
